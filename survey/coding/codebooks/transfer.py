"""Codebooks to and from files: JSON (the analysis format) and XLSX (one theme per row).

XLSX columns, in any order, with a header row: sleutel, thema, omschrijving, hoofdthema, zoekwoorden
(separated by ; or new lines), voorbeelden (one per line). English headers (key, label, description,
parent, seeds, examples) work too. A file with any problem is refused whole, with a message naming
the row and column; nothing is imported.
"""

import io
import zipfile

from flask_babel import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from analysis.codebook import FIELD_NAMES, CodebookError
from analysis.codebook import Codebook as CodebookData
from analysis.files.guard import Limits, UnusableFile, check_upload

MAX_THEMES = 200
#: what the guard allows a codebook file (the upload form checks the same before this module is called)
LIMITS = Limits(max_bytes=2 * 1024 * 1024, max_uncompressed=20 * 1024 * 1024)
COLUMNS = FIELD_NAMES
_HEADERS = {**{v: k for k, v in COLUMNS.items()}, **{k: k for k in COLUMNS}, "label/thema": "label"}


class ImportProblem(ValueError):
    """A codebook file that cannot be imported; the message is in Dutch and names the place."""


def to_json(data: CodebookData) -> bytes:
    return data.to_json().encode("utf-8")


def to_xlsx(data: CodebookData) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Thema's"
    sheet.append(list(COLUMNS.values()))
    for theme in data.themes:
        sheet.append(
            [
                theme.key,
                theme.label,
                theme.description,
                theme.parent or "",
                "; ".join(theme.seeds),
                "\n".join(theme.examples),
            ]
        )
    info = book.create_sheet("Codeboek")
    info.append(["naam", data.label])
    info.append(["omschrijving", data.description])
    for ws in (sheet, info):
        _as_text(ws)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _as_text(sheet) -> None:
    """Text that starts with = stays text: a theme label must never become a spreadsheet formula."""
    for row in sheet.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"


def from_json(content: bytes) -> CodebookData:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportProblem(_("The file is not UTF-8 text. Save it as JSON (UTF-8) and try again.")) from exc
    try:
        check_upload(content, "codeboek.json", LIMITS)
    except UnusableFile as refused:
        raise ImportProblem(_(refused.problem.msgid, **refused.problem.params)) from refused
    try:
        data = CodebookData.from_json(text, default_label=_("Codebook"))
    except CodebookError as exc:
        raise ImportProblem(_in_theme(exc)) from exc
    _check_size(len(data.themes))
    return data


def from_xlsx(content: bytes, fallback_name: str) -> CodebookData:
    try:
        check_upload(content, "codeboek.xlsx", LIMITS)
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except UnusableFile as refused:
        raise ImportProblem(_(refused.problem.msgid, **refused.problem.params)) from refused
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError) as exc:
        raise ImportProblem(_("The file is not an Excel file (.xlsx).")) from exc
    try:
        sheet = workbook["Thema's"] if "Thema's" in workbook.sheetnames else workbook.worksheets[0]
        rows = [
            (n, row) for n, row in enumerate(sheet.iter_rows(values_only=True), start=1) if any(_cell(v) for v in row)
        ]
        name, description = _info(workbook)
    except Exception as exc:  # openpyxl raises many kinds of errors on a damaged sheet
        raise ImportProblem(_("The file is not an Excel file (.xlsx).")) from exc
    finally:
        workbook.close()
    if not rows:
        raise ImportProblem(_("The file has no rows."))
    header_row, header = rows[0]
    fields = _fields(header_row, header)
    themes, row_numbers = [], []
    for number, row in rows[1:]:
        themes.append({fields[i]: _cell(v) for i, v in enumerate(row) if i in fields})
        row_numbers.append(number)
    _check_size(len(themes))
    try:
        return CodebookData.from_dict({"label": name or fallback_name, "description": description, "themes": themes})
    except CodebookError as exc:
        raise _located(exc, row_numbers) from exc


def _fields(row_number: int, header) -> dict[int, str]:
    fields = {i: _HEADERS[_cell(v).lower()] for i, v in enumerate(header) if _cell(v).lower() in _HEADERS}
    for needed in ("key", "label"):
        if needed not in fields.values():
            raise ImportProblem(
                _(
                    "Row %(row)s: the column %(column)s is missing. The first row must name the "
                    "columns: sleutel, thema, omschrijving, hoofdthema, zoekwoorden, voorbeelden.",
                    row=row_number,
                    column=COLUMNS[needed],
                )
            )
    return fields


def _problem(exc: CodebookError) -> str:
    """What is wrong with a codebook (analysis names it with an English msgid), in the reader's language."""
    return _(exc.msgid, **exc.params)


def _in_theme(exc: CodebookError) -> str:
    """A problem of a JSON codebook with the theme it is in: "Thema 2: de sleutel 'a' komt twee keer voor."."""
    if exc.theme is None:
        return _problem(exc)
    return _("Theme %(position)s: %(problem)s", position=exc.theme, problem=_problem(exc))


def _located(exc: CodebookError, row_numbers: list[int]) -> ImportProblem:
    """A problem of an Excel codebook at its row and column: "Rij 3, kolom thema: het veld 'thema' is leeg."."""
    problem = _problem(exc)
    if exc.theme is None:
        return ImportProblem(problem)
    row = row_numbers[exc.theme - 1]
    column = COLUMNS.get(exc.field or "", exc.field or "")
    return ImportProblem(_("Row %(row)s, column %(column)s: %(problem)s", row=row, column=column, problem=problem))


def _info(workbook) -> tuple[str, str]:
    if "Codeboek" not in workbook.sheetnames:
        return "", ""
    values = {
        _cell(row[0]).lower(): _cell(row[1])
        for row in workbook["Codeboek"].iter_rows(values_only=True)
        if len(row) >= 2
    }
    return values.get("naam", ""), values.get("omschrijving", "")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _check_size(n: int) -> None:
    if n > MAX_THEMES:
        raise ImportProblem(_("The codebook has %(n)s themes; at most %(max)s are allowed.", n=n, max=MAX_THEMES))
