"""Spreadsheet-safe export cells: text never runs as a formula, and no character is lost.

A spreadsheet treats a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some programs, a
tab, CR or LF before one) as a formula: an open answer like ``=HYPERLINK("http://...")`` would run
when the export is opened (*CSV/formula injection*). Two ways out, one per format:

* **CSV** has no types, so such text gets a leading single quote (the OWASP rule):
  ``csv_safe("=1+1") == "'=1+1"``. Excel and LibreOffice Calc open the file with the quote visible
  (``'=1+1``) and never evaluate the cell. Only text that would be read as a formula is changed: a
  plain answer that starts with a quote (``'t is goed``) stays as it is; only quotes directly before
  formula-like text (``'=1``) get one more, so :func:`csv_unprotect` gives back exactly the original,
  every character included.
* **XLSX** has types: :func:`safe_cell` classifies a value and text is written as an explicit string
  (xlsxwriter ``worksheet.write_string``; openpyxl: assign, then set ``cell.data_type = "s"``), never
  with a generic ``write()`` that turns ``"=..."`` into a formula. The text is stored unchanged.

Numbers stay numbers: ``-5`` and ``-2.5`` are written as numbers in both formats, and text that is
nothing but a plain number (``"-5"``, ``"-2,5"``) is left as it is (a spreadsheet reads it as that
number, which runs nothing).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from numbers import Number

import numpy as np

#: first characters that make a spreadsheet evaluate a cell
FORMULA_START = frozenset("=+-@\t\r\n")
QUOTE = "'"
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][+-]?\d+)?")


def needs_text_protection(value) -> bool:
    """True for text a spreadsheet could run as a formula (starts with = + - @ tab CR LF)."""
    if not isinstance(value, str) or not value or value[0] not in FORMULA_START:
        return False
    return _PLAIN_NUMBER.fullmatch(value) is None


def _ambiguous(value: str) -> bool:
    """Quotes followed by formula-like text (``'=1``): harmless, but read back it would look protected."""
    return value.startswith(QUOTE) and needs_text_protection(value.lstrip(QUOTE))


def csv_safe(value):
    """The value for a CSV cell: text a spreadsheet would run as a formula gets a leading quote (the
    OWASP rule); everything else is left as it is, except quotes before formula-like text."""
    if isinstance(value, str) and (needs_text_protection(value) or _ambiguous(value)):
        return QUOTE + value
    return value


def csv_unprotect(text: str) -> str:
    """The exact original of a :func:`csv_safe` text (reading an export back)."""
    if text.startswith(QUOTE):
        rest = text[1:]
        if needs_text_protection(rest) or _ambiguous(rest):
            return rest
    return text


@dataclass(frozen=True)
class Cell:
    """A value for a typed (XLSX) cell: ``kind`` is blank, bool, number, date or text; value unchanged."""

    value: object
    kind: str

    @property
    def protected(self) -> bool:
        """Text that must be written as an explicit string (it looks like a formula)."""
        return self.kind == "text" and needs_text_protection(self.value)


def _is_blank(value) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN, NaT
    except TypeError:  # pandas.NA
        return True


def safe_cell(value) -> Cell:
    """Classify a value for a typed export; text keeps every character and is never a formula."""
    if isinstance(value, str):
        return Cell(value, "text")
    if _is_blank(value):
        return Cell(None, "blank")
    if isinstance(value, bool | np.bool_):
        return Cell(bool(value), "bool")
    if isinstance(value, Number | Decimal):
        number = float(value)
        if math.isinf(number):
            return Cell(str(value), "text")
        return Cell(value, "number")
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return Cell(value, "date")
    return Cell(str(value), "text")
