"""Response exports as streams of bytes: CSV (UTF-8 with BOM) and Excel, plus the codebook.

CSV is written a batch of rows at a time, so the first bytes leave at once and memory stays flat. Excel
is written row by row with XlsxWriter's ``constant_memory`` mode into a temporary file, which is then
streamed and removed. Text that a spreadsheet could run as a formula (``=``, ``+``, ``-``, ``@``) is
protected without losing a character (:mod:`analysis.files.export_safety`): a leading quote in CSV, an
explicit string cell in Excel. The Dutch-Excel CSV uses semicolons and a decimal comma.

Numeric items are numbers in every format (escape answers 98/99, as in SPSS); only the labels variant
holds label texts. A raw export says so on its first line (CSV) or first sheet (Excel).
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

import xlsxwriter
from flask_babel import gettext as _

from analysis.files.export_safety import csv_safe, safe_cell
from survey.reports.exports.plan import ValueLabel, Variable, value_number
from survey.reports.exports.records import records

BOM = "\ufeff"
ROWS_PER_WRITE = 1_000
FILE_CHUNK = 64 * 1024
XLSX_OPTIONS = {
    "constant_memory": True,
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}


def cell_converter(variable: Variable, labels: bool = False):
    """A function turning a record value into an export cell: a number (escape answers as their
    user-missing numbers 98/99, as in SPSS), a label in the labels variant, a date or text. A grade or
    other scale keeps its number in the labels variant too (its escape answers are then empty).
    Known codes are looked up in a table made once per export."""
    kind = variable.kind
    if kind in ("respondent", "option", "theme"):
        return lambda value: None if value is None else int(value)
    if kind == "week":
        return lambda value: value if value is None or isinstance(value, date) else str(value)
    if kind in ("item", "channel") and variable.values:
        table = {v.code: _value_cell(variable, v, labels) for v in variable.values}
        return lambda value: None if value is None else table.get(value, str(value))
    if kind == "item" and variable.numeric:
        return lambda value: None if value is None else _number(value)
    return lambda value: None if value is None else str(value)


def keeps_numbers(variable: Variable, labels: bool) -> bool:
    """Whether a column holds numbers: always for numeric items, in the labels variant only for a scale."""
    return variable.numeric and (not labels or variable.measure == "scale")


def _value_cell(variable: Variable, value: ValueLabel, labels: bool):
    if keeps_numbers(variable, labels):
        return None if labels and value.missing else value_number(value)
    return value.label if labels else value.code


def cell_value(variable: Variable, value, labels: bool = False):
    """One record value as an export cell (see :func:`cell_converter`)."""
    return cell_converter(variable, labels)(value)


def _number(text):
    try:
        number = float(str(text).replace(",", "."))
    except ValueError:
        return str(text)
    return int(number) if number.is_integer() else number


def csv_cell(value, semicolon: bool) -> str:
    """A cell as CSV text: dates as ISO, decimal comma in the Dutch variant, risky text protected."""
    if value is None:
        return ""
    if isinstance(value, str):
        return csv_safe(value)
    if isinstance(value, bool | int):
        return str(int(value))
    if isinstance(value, float):
        text = repr(value)
        return text.replace(".", ",") if semicolon else text
    if isinstance(value, date):
        return value.isoformat()
    return csv_safe(str(value))


def csv_formatter(variable: Variable, labels: bool, semicolon: bool):
    """A function from a record value straight to its CSV text; known codes come from a table."""
    convert = cell_converter(variable, labels)
    if variable.kind in ("respondent", "option", "theme"):
        return lambda value: "" if value is None else str(value)
    if variable.kind in ("text", "themes", "sentiment", "provenance", "other", "background", "language"):
        return lambda value: "" if value is None else csv_safe(value)
    if variable.kind in ("item", "channel") and variable.values:
        table = {v.code: csv_cell(convert(v.code), semicolon) for v in variable.values}
        return lambda value: (
            "" if value is None else table[value] if value in table else csv_cell(convert(value), semicolon)
        )
    return lambda value: "" if value is None else csv_cell(convert(value), semicolon)


def csv_lines(rows: Iterable[list], semicolon: bool, formatted: bool = False) -> Iterator[bytes]:
    """Rows as UTF-8 CSV with a BOM (so Excel reads the accents), in batches. ``formatted`` rows hold
    CSV texts already (from :func:`csv_formatter`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if semicolon else ",", lineterminator="\r\n")
    buffer.write(BOM)
    for count, row in enumerate(rows, start=1):
        writer.writerow(row if formatted else [csv_cell(v, semicolon) for v in row])
        if count % ROWS_PER_WRITE == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode("utf-8")


def response_rows(survey_id: int, plan: list[Variable], raw: bool, labels: bool) -> Iterator[list]:
    """The header (variable names), then one row of cells per completed response."""
    yield [v.name for v in plan]
    converters = [cell_converter(v, labels) for v in plan]
    for record in records(survey_id, plan, raw):
        yield [convert(value) for convert, value in zip(converters, record, strict=True)]


def raw_warning() -> str:
    """The warning on the first line (CSV), first sheet (Excel) or file label (SPSS, Stata) of a raw export."""
    return _(
        "WARNING: this file holds the RAW open answers, not scrubbed. They may contain names, addresses "
        "and phone numbers. Keep it no longer than needed, share it with nobody and use the scrubbed "
        "export for everything else."
    )


def csv_export(
    survey_id: int, plan: list[Variable], raw: bool = False, semicolon: bool = False, labels: bool = False
) -> Iterator[bytes]:
    """The response export as streamed CSV; a raw export starts with a line of warning."""
    formatters = [csv_formatter(v, labels, semicolon) for v in plan]

    def rows():
        if raw:
            yield [raw_warning()]
        yield [csv_cell(v.name, semicolon) for v in plan]
        for record in records(survey_id, plan, raw):
            yield [format_(value) for format_, value in zip(formatters, record, strict=True)]

    return csv_lines(rows(), semicolon, formatted=True)


def codebook_rows(plan: list[Variable], notes: Sequence[str] = ()) -> list[list]:
    """The codebook as a table: one row per variable, then one row per value label; ``notes`` (such as
    how many backgrounds are generalised) as rows at the end."""
    header = [
        _("Variable"),
        _("Label"),
        _("Variable type"),
        _("Measurement level"),
        _("Value"),
        _("Value label"),
        _("Stored code"),
        _("Missing in SPSS"),
    ]
    rows = [header]
    for v in plan:
        rows.append([v.name, v.label, _("number") if v.numeric else _("text"), v.measure, "", "", "", ""])
        for value in v.values:
            rows.append(
                [
                    v.name,
                    "",
                    "",
                    "",
                    value_number(value) if v.numeric else value.code,
                    value.label,
                    value.code,
                    _("yes") if value.missing else "",
                ]
            )
    for note in notes:
        rows.append([_("Note"), note, "", "", "", "", "", ""])
    return rows


def codebook_csv(plan: list[Variable], semicolon: bool = False, notes: Sequence[str] = ()) -> Iterator[bytes]:
    return csv_lines(codebook_rows(plan, notes), semicolon)


def write_row(sheet, row_number: int, row: list, date_format) -> None:
    """One row of typed cells; text always as a string cell, so it never becomes a formula."""
    for column, value in enumerate(row):
        cell = safe_cell(value)
        if cell.kind == "text":
            if cell.value:  # an empty text is an empty cell
                sheet.write_string(row_number, column, cell.value)
        elif cell.kind == "number":
            sheet.write_number(row_number, column, cell.value)
        elif cell.kind == "bool":
            sheet.write_boolean(row_number, column, cell.value)
        elif cell.kind == "date":
            sheet.write_datetime(row_number, column, cell.value, date_format)


def _sheet(workbook, name: str, rows: Iterable[list]) -> None:
    sheet = workbook.add_worksheet(name)
    bold, date_format = workbook.add_format({"bold": True}), workbook.add_format({"num_format": "yyyy-mm-dd"})
    sheet.freeze_panes(1, 0)
    for number, row in enumerate(rows):
        if number == 0:
            for column, value in enumerate(row):
                sheet.write_string(0, column, str(value), bold)
        else:
            write_row(sheet, number, row, date_format)


def file_chunks(directory: str, path: str) -> Iterator[bytes]:
    """Stream a finished file, then remove its temporary directory (also when the client goes away)."""
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(FILE_CHUNK):
                yield chunk
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def xlsx_file(sheets: list[tuple[str, Iterable[list]]]) -> Iterator[bytes]:
    """Write sheets into a temporary workbook with flat memory, then stream it."""
    directory = tempfile.mkdtemp(prefix="export-")
    path = os.path.join(directory, "export.xlsx")
    try:
        workbook = xlsxwriter.Workbook(path, XLSX_OPTIONS | {"tmpdir": directory})
        for name, rows in sheets:
            _sheet(workbook, name, rows)
        workbook.close()
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)
        raise
    yield from file_chunks(directory, path)


def xlsx_export(
    survey_id: int,
    plan: list[Variable],
    raw: bool = False,
    labels: bool = False,
    sheet_names: tuple[str, str] = ("Antwoorden", "Codeboek"),
    notes: Sequence[str] = (),
) -> Iterator[bytes]:
    """The response export as an Excel workbook, with the codebook (and its notes) on a second sheet; a raw
    export has a first sheet with the warning."""
    sheets = [
        (sheet_names[0], response_rows(survey_id, plan, raw, labels)),
        (sheet_names[1], codebook_rows(plan, notes)),
    ]
    if raw:
        sheets.insert(0, (_("WARNING"), [[_("Raw open answers")], [raw_warning()]]))
    return xlsx_file(sheets)


def codebook_xlsx(plan: list[Variable], sheet_name: str = "Codeboek", notes: Sequence[str] = ()) -> Iterator[bytes]:
    return xlsx_file([(sheet_name, codebook_rows(plan, notes))])
