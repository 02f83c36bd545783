"""The response export for R: a CSV that ``read.csv`` reads as it is, its codebook and a script, in one zip.

* The data (``antwoorden-12-2026.csv``) are UTF-8 without a BOM, comma-separated with a decimal point,
  text in double quotes and ``NA`` for every empty cell, as R's own ``write.csv`` writes them. Numeric
  items hold the same numbers as the SPSS file; the escape answers (98 *weet ik niet*, 99 *niet van
  toepassing*), user-missing there, are ``NA`` here, as ``haven::read_sav`` makes them by default, so a
  mean in R leaves them out. The codebook keeps their codes; the SPSS and Stata files keep them apart.
* The codebook (``codeboek-12-2026.csv``) has one row per value label (one row for a variable without
  them): ``naam``, ``label``, ``type``, ``meetniveau``, ``r`` (the R class the script makes), ``waarde``
  (the number in the data, as in SPSS), ``code`` (the stored code), ``waardelabel`` and ``ontbrekend``.
* ``inlezen.R`` reads both with base R only and applies them: ``factor()``/ordered factors with the value
  labels, ``as.Date`` for the week, a ``label`` attribute per column; it also removes the quote that keeps
  a spreadsheet from running a text as a formula (the same OWASP rule as the other CSV files).

Scrubbing, small-cell generalisation, raw marking and the audit entry are those of every export: the
rows come from :func:`survey.reports.exports.records.records` with the same plan. A raw export has
``ONGESCHOOND`` in the names of the zip and the data file, ``_ruw`` column names, a warning file beside
them and a warning that the script prints.
"""

from __future__ import annotations

import io
import math
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from flask_babel import gettext as _

from analysis.files.export_safety import csv_safe
from survey.reports.exports.plan import Variable, sav_number, value_number
from survey.reports.exports.records import records
from survey.reports.exports.tables import file_chunks, raw_warning

NA = "NA"
CODEBOOK_HEADER = ["naam", "label", "type", "meetniveau", "r", "waarde", "code", "waardelabel", "ontbrekend"]
SCRIPT = "inlezen.R"
WARNING_FILE = "LET-OP-ONGESCHOOND.txt"


def r_class(variable: Variable) -> str:
    """The R class ``inlezen.R`` gives a column."""
    if variable.kind == "week":
        return "Date"
    if variable.kind in ("respondent", "option", "theme"):
        return "integer"
    if variable.kind == "channel":
        return "factor"
    if variable.kind == "item" and variable.numeric:
        if not variable.values or variable.measure == "scale":
            return "numeric"
        return "ordered" if variable.measure == "ordinal" else "factor"
    return "character"


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _number_text(number: float) -> str:
    if math.isnan(number):
        return NA
    return str(int(number)) if number.is_integer() else repr(number)


def r_formatter(variable: Variable):
    """A function from a record value to its cell text in the R CSV."""
    if variable.numeric:
        missing = {x.number for x in variable.values if x.missing}
        return lambda value: (
            NA
            if value is None
            else _number_text(math.nan if (number := sav_number(variable, value)) in missing else number)
        )
    if variable.kind == "week":
        return lambda value: NA if not isinstance(value, date) else _quoted(value.isoformat())
    return lambda value: NA if value is None or value == "" else _quoted(csv_safe(str(value)))


def r_data_lines(survey_id: int, plan: list[Variable], raw: bool) -> Iterator[str]:
    """The header, then one line per completed response."""
    formatters = [r_formatter(v) for v in plan]
    yield ",".join(_quoted(v.name) for v in plan) + "\n"
    for record in records(survey_id, plan, raw):
        yield ",".join(format_(value) for format_, value in zip(formatters, record, strict=True)) + "\n"


def r_codebook_rows(plan: list[Variable]) -> list[list]:
    """The codebook as rows (header first): one per value label, one for a variable without them."""
    rows = [CODEBOOK_HEADER]
    for v in plan:
        head = [
            v.name,
            v.label,
            "getal" if v.numeric else "datum" if v.kind == "week" else "tekst",
            v.measure,
            r_class(v),
        ]
        if not v.values:
            rows.append(head + [None, None, None, None])
        for x in v.values:
            rows.append(
                head
                + [
                    value_number(x) if v.numeric and x.number is not None else None,
                    x.code,
                    x.label,
                    "TRUE" if x.missing else "FALSE",
                ]
            )
    return rows


def _codebook_text(plan: list[Variable]) -> str:
    return "".join(",".join(_cell(cell) for cell in row) + "\n" for row in r_codebook_rows(plan))


def _cell(value) -> str:
    if value is None:
        return NA
    if value in ("TRUE", "FALSE"):
        return value
    if isinstance(value, int | float):
        return _number_text(float(value))
    return _quoted(csv_safe(str(value)))


def _comment(text: str) -> str:
    return "\n".join("# " + line for line in text.splitlines())


def r_script(data_name: str, codebook_name: str, raw: bool, notes: Sequence[str] = ()) -> str:
    """``inlezen.R``: reads the pair with base R and applies the codebook."""
    lines = [
        _comment(
            _(
                "Reads the responses and applies the codebook: value labels as factors, the week as a "
                "date and a label per column. Put this file beside the two CSV files, set that folder "
                'as the working directory and run: source("inlezen.R", encoding = "UTF-8")'
            )
        ),
        _comment(
            _(
                "Escape answers (98 = don't know, 99 = not applicable) are NA in the CSV; the codebook "
                "lists them with ontbrekend = TRUE."
            )
        ),
    ]
    lines += [_comment(note) for note in notes]
    if raw:
        lines += [_comment(raw_warning()), f"warning({_r_string(raw_warning())}, call. = FALSE)"]
    # the comments' msgids outside the f-string, where the extractor finds them
    formula_note = _comment(
        _("A text that a spreadsheet would run as a formula has a ' in front in the CSV: removed again.")
    )
    class_note = _comment(_("A column without any value is read as logical: give it its class."))
    lines.append(f"""
antwoorden <- read.csv({_r_string(data_name)}, fileEncoding = "UTF-8", stringsAsFactors = FALSE)
codeboek <- read.csv({_r_string(codebook_name)}, fileEncoding = "UTF-8", stringsAsFactors = FALSE)
{formula_note}
beschermd <- function(x) grepl("^'+[-=+@\\t\\r\\n]", x) &
  !grepl("^'+[-+]?([0-9]+([.,][0-9]+)?|[.,][0-9]+)([eE][-+]?[0-9]+)?$", x)
for (kolom in c("label", "waardelabel")) {{
  codeboek[[kolom]] <- ifelse(!is.na(codeboek[[kolom]]) & beschermd(codeboek[[kolom]]),
                              sub("^'", "", codeboek[[kolom]]), codeboek[[kolom]])
}}
for (naam in unique(codeboek$naam)) {{
  regels <- codeboek[codeboek$naam == naam, ]
  x <- antwoorden[[naam]]
  klasse <- regels$r[1]
  if (is.character(x)) x <- ifelse(!is.na(x) & beschermd(x), sub("^'", "", x), x)
  {class_note}
  if (klasse == "character") x <- as.character(x)
  if (klasse == "numeric") x <- as.numeric(x)
  if (klasse == "integer") x <- as.integer(x)
  if (klasse %in% c("factor", "ordered")) {{
    regels <- regels[!(regels$ontbrekend %in% TRUE), ]
    if (klasse == "ordered") regels <- regels[order(regels$waarde), ]
    waarden <- if (is.numeric(x)) regels$waarde else regels$code
    x <- factor(x, levels = waarden, labels = regels$waardelabel, ordered = klasse == "ordered")
  }} else if (klasse == "Date") {{
    x <- as.Date(x)
  }}
  attr(x, "label") <- regels$label[1]
  antwoorden[[naam]] <- x
}}
rm(beschermd, kolom, naam, regels, x, klasse)
""")
    return "\n".join(lines)


def _r_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _write_member(archive: zipfile.ZipFile, name: str, parts: Iterable[str]) -> None:
    with archive.open(name, "w") as member, io.TextIOWrapper(member, encoding="utf-8", newline="") as text:
        for part in parts:
            text.write(part)


def r_export(
    survey_id: int, plan: list[Variable], raw: bool, data_name: str, codebook_name: str, notes: Sequence[str] = ()
) -> Iterator[bytes]:
    """The zip (data CSV, codebook CSV, ``inlezen.R`` and for a raw export a warning), written to a temporary
    file with flat memory and then streamed."""
    directory = tempfile.mkdtemp(prefix="export-")
    path = os.path.join(directory, "export.zip")
    try:
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            if raw:
                archive.writestr(WARNING_FILE, raw_warning() + "\n")
            _write_member(archive, data_name, r_data_lines(survey_id, plan, raw))
            archive.writestr(codebook_name, _codebook_text(plan))
            archive.writestr(SCRIPT, r_script(data_name, codebook_name, raw, notes))
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)
        raise
    yield from file_chunks(directory, path)
