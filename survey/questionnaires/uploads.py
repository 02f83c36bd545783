"""An uploaded questionnaire file: size, type and zip-bomb checks before any parser sees it."""

from __future__ import annotations

import io
import zipfile

from survey.questionnaires.document import DocumentError
from survey.questionnaires.exchange import Exchange, read_json
from survey.questionnaires.validation import Problems

MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_UNCOMPRESSED = 50 * 1024 * 1024
MAX_MEMBERS = 500
MAX_RATIO = 200
ZIP_MAGIC = b"PK\x03\x04"


def read_upload(data: bytes, filename: str) -> tuple[Exchange, str]:
    """The questionnaire in an uploaded .json or .xlsx file and its kind ("json" or "xlsx")."""
    if len(data) > MAX_IMPORT_BYTES:
        raise DocumentError(Problems().flag("bestand", "The file is larger than %(mb)s MB and was not read.",
                                            mb=MAX_IMPORT_BYTES // 2**20))
    if not data.strip():
        raise DocumentError(Problems().flag("bestand", "The file is empty."))
    name = (filename or "").lower()
    if name.endswith(".xlsx") or data.startswith(ZIP_MAGIC):
        if not data.startswith(ZIP_MAGIC):
            raise DocumentError(Problems().flag("bestand", "The file is not an Excel workbook (.xlsx)."))
        from survey.questionnaires.spreadsheet_import import read_xlsx

        check_zip(data)
        return read_xlsx(data), "xlsx"
    if name.endswith(".json") or data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return read_json(data), "json"
    raise DocumentError(Problems().flag("bestand", "Upload a .json or .xlsx file exported from this platform. "
                                                   "Other file types (such as .xls, .csv or .docx) cannot be read."))


def check_zip(data: bytes) -> None:
    """Refuse archives that are damaged, have too many parts, or unpack to far more than they weigh."""
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except zipfile.BadZipFile:
        raise DocumentError(Problems().flag("bestand", "The file is not an Excel workbook (.xlsx).")) from None
    total = sum(member.file_size for member in members)
    packed = max(sum(member.compress_size for member in members), 1)
    if len(members) > MAX_MEMBERS or total > MAX_UNCOMPRESSED or total / packed > MAX_RATIO:
        raise DocumentError(Problems().flag("bestand", "The workbook unpacks to more than %(mb)s MB or is built "
                                                     "suspiciously; it was not opened.", mb=MAX_UNCOMPRESSED // 2**20))
