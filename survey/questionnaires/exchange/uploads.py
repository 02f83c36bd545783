"""An uploaded questionnaire file: size, type and zip-bomb checks before any parser sees it."""

from __future__ import annotations

from analysis.files.guard import Limits, UnusableFile, check_upload
from survey.questionnaires.content.document import DocumentError
from survey.questionnaires.content.validation import Problems
from survey.questionnaires.exchange.json_file import Exchange, read_json

MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_UNCOMPRESSED = 50 * 1024 * 1024
MAX_MEMBERS = 500
MAX_RATIO = 200
LIMITS = Limits(
    max_bytes=MAX_IMPORT_BYTES, max_uncompressed=MAX_UNCOMPRESSED, max_entries=MAX_MEMBERS, max_ratio=MAX_RATIO
)
ZIP_MAGIC = b"PK\x03\x04"


def read_upload(data: bytes, filename: str) -> tuple[Exchange, str]:
    """The questionnaire in an uploaded .json or .xlsx file and its kind ("json" or "xlsx")."""
    if len(data) > MAX_IMPORT_BYTES:
        raise DocumentError(
            Problems().flag(
                "bestand", "The file is larger than %(mb)s MB and was not read.", mb=MAX_IMPORT_BYTES // 2**20
            )
        )
    if not data.strip():
        raise DocumentError(Problems().flag("bestand", "The file is empty."))
    name = (filename or "").lower()
    if name.endswith(".xlsx") or data.startswith(ZIP_MAGIC):
        if not data.startswith(ZIP_MAGIC):
            raise DocumentError(Problems().flag("bestand", "The file is not an Excel workbook (.xlsx)."))
        from survey.questionnaires.exchange.spreadsheet_import import read_xlsx

        check_zip(data)
        return read_xlsx(data), "xlsx"
    if name.endswith(".json") or data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        check_zip(data)  # JSON: nesting depth
        return read_json(data), "json"
    raise DocumentError(
        Problems().flag(
            "bestand",
            "Upload a .json or .xlsx file exported from this platform. "
            "Other file types (such as .xls, .csv or .docx) cannot be read.",
        )
    )


def check_zip(data: bytes) -> None:
    """The guard's checks (``analysis.files.guard``): damaged archives, zip bombs, DTDs, deep nesting."""
    try:
        check_upload(data, "vragenlijst.xlsx", LIMITS)
    except UnusableFile as refused:
        raise DocumentError(Problems().flag("bestand", refused.problem.msgid, **refused.problem.params)) from None
