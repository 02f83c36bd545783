"""Reading an uploaded table (CSV or XLSX) into rows of text, safely.

CSV files from Dutch Excel are often semicolon-separated and cp1252-encoded; UTF-8 with or without a
byte-order mark and UTF-16 ("Unicode text") are accepted too. XLSX files are zip archives: the
uncompressed size is checked before anything is unpacked, so a zip bomb is refused cheaply, and
openpyxl reads in read-only mode (defusedxml guards the XML when it is installed).

Problems are English msgids with placeholders (the caller translates them); see ``flag``.
"""

from __future__ import annotations

import csv
import io
import zipfile
from datetime import date, datetime

from analysis.files.guard import Limits, Problem, UnusableFile, check_upload, flag

__all__ = ["Problem", "UnusableFile", "flag", "read_table", "decode_text"]

MAX_CSV_BYTES = 10 * 1024 * 1024
MAX_XLSX_UNCOMPRESSED = 100 * 1024 * 1024
MAX_XLSX_RATIO = 200  # a real sheet compresses 5–20×; a bomb compresses thousands of times
#: what the guard allows a contact file (``analysis.files.guard``)
LIMITS = Limits(
    max_bytes=MAX_CSV_BYTES, max_uncompressed=MAX_XLSX_UNCOMPRESSED, max_ratio=MAX_XLSX_RATIO, max_entries=1000
)
MAX_ROWS = 50_000
MAX_COLUMNS = 200
MAX_CELL = 2_000
DELIMITERS = (";", ",", "\t", "|")


def read_table(data: bytes, filename: str = "") -> list[list[str]]:
    """All rows of the first sheet (or the CSV) as lists of stripped text; the first row is the header."""
    if not data or not data.strip():
        raise UnusableFile(flag(None, "The file is empty."))
    if data.startswith(b"PK\x03\x04"):
        rows = _read_xlsx(data)
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnusableFile(flag(None, "This is an old Excel file (.xls). Save it as .xlsx or as CSV and try again."))
    elif data.startswith(b"%PDF"):
        raise UnusableFile(flag(None, "This is a PDF file. Upload a CSV or Excel file (.csv or .xlsx)."))
    else:
        rows = _read_csv(data)
    if not rows or not any(rows[0]):
        raise UnusableFile(flag(None, "The file is empty."))
    if len(rows) - 1 > MAX_ROWS:
        raise UnusableFile(flag(None, "The file has more than %(n)s rows. Split it into smaller files.", n=MAX_ROWS))
    if len(rows[0]) > MAX_COLUMNS:
        raise UnusableFile(flag(None, "The file has more than %(n)s columns.", n=MAX_COLUMNS))
    return rows


def decode_text(data: bytes) -> str:
    """UTF-16 or UTF-8 (each with or without BOM), else Windows-1252 as Dutch Excel writes it."""
    encoding = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else _utf16_without_bom(data)
    if encoding:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    else:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                return data.decode("cp1252")
            except UnicodeDecodeError:
                pass
    raise UnusableFile(flag(None, "The characters in this file cannot be read. Save it as CSV UTF-8 and try again."))


def _utf16_without_bom(data: bytes) -> str | None:
    """The codec of UTF-16 text saved without a byte-order mark, else None: in a Dutch contact file nearly
    every character is ASCII, so every other byte is NUL (the high bytes)."""
    sample = data[:4000]
    if len(data) < 4 or len(data) % 2:
        return None
    odd, even = sample[1::2], sample[0::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) <= 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) <= 0.1 * len(odd):
        return "utf-16-be"
    return None


def _read_csv(data: bytes) -> list[list[str]]:
    if len(data) > MAX_CSV_BYTES:
        raise UnusableFile(flag(None, "The file is larger than %(mb)s MB.", mb=MAX_CSV_BYTES // (1024 * 1024)))
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")) and not _utf16_without_bom(data):
        raise UnusableFile(flag(None, "This is not a CSV or Excel file. Upload a .csv or .xlsx file."))
    text = decode_text(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        return [[_clean(cell) for cell in row] for row in reader]
    except csv.Error as error:
        raise UnusableFile(flag(None, "The CSV file is broken near row %(line)s.", line=reader.line_num)) from error


def _read_xlsx(data: bytes) -> list[list[str]]:
    _check_archive(data)
    from openpyxl import load_workbook  # imported here: reading CSV needs no openpyxl

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds of errors for broken files
        raise UnusableFile(flag(None, "This Excel file cannot be opened. Save it again as .xlsx or as CSV.")) from error
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for values in sheet.iter_rows(values_only=True):
            if len(rows) > MAX_ROWS + 1:
                break
            rows.append([_cell_text(v) for v in values[: MAX_COLUMNS + 1]])
    finally:
        workbook.close()
    while rows and not any(rows[-1]):
        rows.pop()
    return rows


def _check_archive(data: bytes) -> None:
    """Refuse zip bombs and zips that are not workbooks, before unpacking anything."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as error:
        raise UnusableFile(flag(None, "This is not a CSV or Excel file. Upload a .csv or .xlsx file.")) from error
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names:
        raise UnusableFile(flag(None, "This is not a CSV or Excel file. Upload a .csv or .xlsx file."))
    check_upload(data, "bestand.xlsx", LIMITS)


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return _clean(str(value))


def _clean(text: str) -> str:
    """Spaces collapsed within each line; line breaks inside a cell (address lines) kept."""
    lines = (" ".join(line.replace("\u00a0", " ").split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)[:MAX_CELL]
