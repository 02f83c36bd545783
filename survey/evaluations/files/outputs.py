"""The report's files and their publication: the HTML page (also stored at publication), the PDF for the
council, the Word file and the Excel appendix, all made from the same report dict, so they always agree.

Freezing has one home here: approval drafts the report as it stands one last time and freezes it as the
snapshot (figures, scores, statements, texts); the approved page and its downloads show that snapshot, and
publishing stamps it as published and renders exactly it to every file. Afterwards the published page and
downloads come from the snapshot and the files only. When the live data change after approval, the approved
page says so (``changed_since_approval``); going back to concept lets a new approval take the new figures.
"""

import copy
import math
import re
import unicodedata
from pathlib import Path

from flask import render_template
from flask_babel import gettext as _

from survey.accounts.models import User
from survey.config import PROJECT_ROOT
from survey.evaluations import services
from survey.evaluations.draft.report import build_report
from survey.evaluations.files.docx import docx_bytes
from survey.evaluations.files.xlsx import xlsx_bytes
from survey.evaluations.labels import STATUS
from survey.evaluations.models import Evaluation, EvaluationStatus
from survey.i18n import long_date
from survey.timeutil import utcnow

PRINT_CSS = PROJECT_ROOT / "survey" / "static" / "css" / "evaluations-print.css"
MIMETYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
#: the formats people download (the HTML is the web page itself)
DOWNLOADS = ("pdf", "docx", "xlsx")


def report_html(report: dict, edit: dict | None = None) -> str:
    """The report as an HTML fragment (an ``<article>``); ``edit`` adds the links to the text pages."""
    return render_template("evaluations/_report.html", report=report, edit=edit)


def pdf_bytes(report: dict) -> bytes:
    """An A4 PDF with DejaVu fonts. Nothing is fetched: every chart is inline SVG."""
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    fetcher = URLFetcher(allowed_protocols=("data",))
    html = render_template("evaluations/print.html", report=report)
    stylesheet = CSS(string=Path(PRINT_CSS).read_text(encoding="utf-8"), url_fetcher=fetcher)
    # PDF/UA-1: tagged (headings, lists, tables, figures in the structure tree), with title and language,
    # so a screen reader can read the council's copy (a public body publishes accessible documents)
    return HTML(string=html, url_fetcher=fetcher).write_pdf(stylesheets=[stylesheet], pdf_variant="pdf/ua-1")


def render(report: dict, fmt: str) -> bytes:
    """The report in one format as bytes."""
    if fmt == "html":
        return report_html(report).encode("utf-8")
    if fmt == "pdf":
        return pdf_bytes(report)
    if fmt == "docx":
        return docx_bytes(report)
    if fmt == "xlsx":
        return xlsx_bytes(report)
    raise ValueError(f"unknown format {fmt!r}")


def filename(report: dict, fmt: str) -> str:
    """A safe download name: ``tussenevaluatie-<title>.<fmt>`` in ASCII."""
    ascii_title = unicodedata.normalize("NFKD", report.get("title", "")).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:80] or "tussenevaluatie"
    suffix = "-bijlage" if fmt == "xlsx" else ""
    return f"{slug}{suffix}.{fmt}"


def all_files(report: dict) -> list[tuple[str, str, str, bytes]]:
    """(format, file name, MIME type, content) of every file stored at publication."""
    return [(fmt, filename(report, fmt), MIMETYPES[fmt], render(report, fmt)) for fmt in ("html", *DOWNLOADS)]


def plain(value):
    """The report as strict JSON data: numpy numbers as Python numbers, NaN and infinity as None."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


#: what the report says about its place in the workflow: stamped when it is shown or published, not part of
#: what approval freezes
WORKFLOW_KEYS = ("status", "status_label", "approved_on", "published_on", "note")
#: left out when the live data are compared with what was approved: the day a draft is made is no change
_DRAFTED_ON = "generated_on"


def frozen(evaluation: Evaluation) -> dict:
    """The report as approval freezes it: drafted from the live data, as strict JSON data, without the
    workflow fields."""
    report = plain(build_report(evaluation))
    return {key: value for key, value in report.items() if key not in WORKFLOW_KEYS}


def stamped(report: dict, evaluation: Evaluation, *, published_at=None) -> dict:
    """A copy of a frozen report with the workflow fields of its evaluation (status, approved on) or, given
    ``published_at``, of its publication."""
    report = copy.deepcopy(report)
    status = EvaluationStatus.PUBLISHED if published_at is not None else evaluation.status
    report["status"], report["status_label"] = status.value, str(STATUS[status])
    if evaluation.approved_at is not None:
        report["approved_on"] = long_date(evaluation.approved_at)
    if published_at is not None:
        report["published_on"] = long_date(published_at)
        report["note"] = _("This report was published and does not change afterwards.")
    return report


def approve(evaluation: Evaluation, user: User) -> None:
    """A beheerder approves a concept (WorkflowError otherwise): the report is frozen as it stands."""
    services.approve(evaluation, user, frozen(evaluation))


def shown_report(evaluation: Evaluation) -> dict:
    """What the staff page and the draft downloads show: a concept drafted from the live data, an approved
    report as approval froze it."""
    if evaluation.status == EvaluationStatus.APPROVED and evaluation.snapshot is not None:
        return stamped(evaluation.snapshot, evaluation)
    return build_report(evaluation)


def changed_since_approval(evaluation: Evaluation) -> bool:
    """An approved report whose live data (figures, scores, statements) now draft a different report."""
    if evaluation.status != EvaluationStatus.APPROVED or evaluation.snapshot is None:
        return False
    return _content(frozen(evaluation)) != _content(evaluation.snapshot)


def _content(report: dict) -> dict:
    return {key: value for key, value in report.items() if key not in (*WORKFLOW_KEYS, _DRAFTED_ON)}


def final_report(evaluation: Evaluation) -> dict:
    """The report as it is published: the one approval froze, stamped as published. (A report approved
    before approval froze it has no snapshot: it is frozen now.)"""
    approved = evaluation.snapshot if evaluation.snapshot is not None else frozen(evaluation)
    return stamped(approved, evaluation, published_at=utcnow())


def publish(evaluation: Evaluation, user: User) -> None:
    """Publish an approved report as it was approved (WorkflowError otherwise)."""
    if evaluation.status != EvaluationStatus.APPROVED:
        raise services.WorkflowError(services.NOT_APPROVED)
    report = final_report(evaluation)
    services.publish(evaluation, user, report, all_files(report))
    for note in evaluation.notes:
        note.raw_text = ""  # the pasted originals were only needed to review replacements
