"""Reading an uploaded spreadsheet (XLSX or CSV) into rows of cell values, without trusting the file.

Pure: bytes in, lists out, or a ``SheetError`` with a code. An XLSX file is a zip archive: its
declared uncompressed size and number of entries are checked before openpyxl opens it (read-only),
so a zip bomb is refused unpacked (``analysis.files.guard``, which also refuses DTDs, entities and deep nesting).
CSV may be UTF-8 (with or without BOM) or Windows-1252, separated by semicolons, commas or tabs.
"""

import csv
import io
from dataclasses import dataclass, field

from openpyxl import load_workbook

from analysis.files.guard import Limits as GuardLimits
from analysis.files.guard import UnusableFile, check_upload


@dataclass(frozen=True)
class Limits:
    max_rows: int = 50_000
    max_uncompressed: int = 50 * 1024 * 1024
    max_zip_entries: int = 500


class SheetError(Exception):
    """Why a file cannot be read at all: empty_file, old_excel, not_xlsx, unknown_format,
    bad_encoding, too_large or too_many_rows."""

    def __init__(self, code: str, **extra):
        super().__init__(code)
        self.code = code
        self.extra = extra


@dataclass
class _Rows:
    limits: Limits
    rows: list[list] = field(default_factory=list)

    def add(self, values) -> None:
        self.rows.append(list(values))
        if len(self.rows) > self.limits.max_rows + 1:  # + the header
            raise SheetError("too_many_rows", max=self.limits.max_rows)


def read_rows(data: bytes, filename: str, limits: Limits, sheet_name: str) -> list[list]:
    """The sheet called ``sheet_name`` (else the first) of an XLSX file, or the rows of a CSV file."""
    if not data or not data.strip():
        raise SheetError("empty_file")
    if data.startswith(b"PK\x03\x04"):
        _check_archive(data, limits)
        return _read_xlsx(data, limits, sheet_name)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise SheetError("old_excel")
    if filename.lower().endswith((".xlsx", ".xlsm")):
        raise SheetError("not_xlsx")
    if b"\x00" in data[:4096]:
        raise SheetError("unknown_format")
    return _read_csv(data, limits)


def _check_archive(data: bytes, limits: Limits) -> None:
    try:
        check_upload(
            data,
            "bestand.xlsx",
            GuardLimits(
                max_bytes=len(data), max_uncompressed=limits.max_uncompressed, max_entries=limits.max_zip_entries
            ),
        )
    except UnusableFile as error:
        raise SheetError("too_large" if error.kind in ("too_large", "nested") else "not_xlsx") from error


def _read_xlsx(data: bytes, limits: Limits, sheet_name: str) -> list[list]:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds of errors on damaged files
        raise SheetError("not_xlsx") from error
    try:
        names = workbook.sheetnames
        sheet = workbook[sheet_name] if sheet_name in names else workbook[names[0]]
        rows = _Rows(limits)
        for values in sheet.iter_rows(values_only=True):
            rows.add(values)
        return rows.rows
    except SheetError:
        raise
    except Exception as error:
        raise SheetError("not_xlsx") from error
    finally:
        workbook.close()


def _read_csv(data: bytes, limits: Limits) -> list[list]:
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count) if first_line.strip() else ","
    rows = _Rows(limits)
    try:
        for values in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            rows.add(values)
    except csv.Error as error:
        raise SheetError("unknown_format") from error
    return rows.rows


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 as Dutch Excel writes it."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SheetError("bad_encoding")
