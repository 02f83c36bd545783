"""Starting an export: the plan, the audit entry (never answer content) and the stream of bytes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import func, select

from survey.audit.services import record
from survey.extensions import db
from survey.questionnaires.models import Survey
from survey.reports.anonymity import export_notes
from survey.reports.exports.codebook import export_plan
from survey.reports.exports.r import r_export
from survey.reports.exports.spss import sav_export
from survey.reports.exports.stata import dta_export
from survey.reports.exports.tables import codebook_csv, codebook_xlsx, csv_export, xlsx_export
from survey.reports.results import background_keys, background_text, completed_filter, parse_background
from survey.responses.models import Response

MIMETYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "sav": "application/x-spss-sav",
    "dta": "application/x-stata-dta",
    "zip": "application/zip",
}
#: marks the file name of an export with raw (unscrubbed) open answers
RAW_MARK = "ONGESCHOOND"


@dataclass(frozen=True)
class Export:
    stream: Iterator[bytes]
    mimetype: str
    filename: str


def completed_count(survey_id: int) -> int:
    return int(db.session.scalar(select(func.count()).select_from(Response).where(completed_filter(survey_id))))


def background_variables(survey_id: int) -> tuple[str, ...]:
    """The background variables the completed responses of a round carry, sorted."""
    texts = db.session.scalars(select(background_text()).where(completed_filter(survey_id)).distinct())
    parsed: dict = {}
    return background_keys(parse_background(text, parsed) for text in texts)


def filename(survey: Survey, stem: str, extension: str) -> str:
    label = re.sub(r"[^A-Za-z0-9]+", "-", survey.round_label or "").strip("-")
    return f"{stem}-{survey.id}{'-' + label if label else ''}.{extension}"


def r_pair_export(survey: Survey, plan: list, raw: bool, notes) -> Export:
    """The R zip: ``antwoorden-R-12-2026.zip`` with ``antwoorden-12-2026.csv``, ``codeboek-12-2026.csv`` and
    ``inlezen.R`` (a raw export: ``ONGESCHOOND`` in the names of the zip and of the data file)."""
    data_name = filename(survey, data_stem(raw, False, "csv"), "csv")
    return Export(
        r_export(survey.id, plan, raw, data_name, filename(survey, "codeboek", "csv"), notes),
        MIMETYPES["zip"],
        filename(survey, data_stem(raw, False, "r"), "zip"),
    )


def audit_export(
    survey: Survey, fmt: str, plan: list, *, raw: bool = False, via: str = "web", token_id: int | None = None
) -> None:
    """The audit entry of an export: format, raw or not, how many responses and variables; no content."""
    details = {
        "format": fmt,
        "raw_text": raw,
        "responses": completed_count(survey.id),
        "variables": len(plan),
        "via": via,
    }
    if token_id is not None:
        details["token"] = token_id
    record("results.export_raw" if raw else "results.export", survey, **details)


def data_stem(raw: bool, labels: bool, fmt: str) -> str:
    """``antwoorden``, ``antwoorden-labels`` or ``antwoorden-ONGESCHOOND``: a raw file says so in its name."""
    stem = "antwoorden"
    if labels and fmt in ("csv", "xlsx"):
        stem += "-labels"
    if fmt == "r":
        stem += "-R"
    return f"{stem}-{RAW_MARK}" if raw else stem


def start_export(
    survey: Survey,
    fmt: str,
    *,
    raw: bool = False,
    semicolon: bool = False,
    labels: bool = False,
    sheet_names: tuple[str, str] = ("Antwoorden", "Codeboek"),
    via: str = "web",
    token_id: int | None = None,
) -> Export:
    """Plan an export, write its audit entry and return the (lazy) stream."""
    plan = export_plan(survey, background_variables(survey.id), raw=raw)
    audit_export(survey, fmt, plan, raw=raw, via=via, token_id=token_id)
    notes = export_notes(survey) if fmt in ("xlsx", "r", "codebook_csv", "codebook_xlsx") else ()
    stem = data_stem(raw, labels, fmt)
    if fmt == "csv":
        return Export(
            csv_export(survey.id, plan, raw, semicolon, labels), MIMETYPES["csv"], filename(survey, stem, "csv")
        )
    if fmt == "xlsx":
        return Export(
            xlsx_export(survey.id, plan, raw, labels, sheet_names, notes),
            MIMETYPES["xlsx"],
            filename(survey, stem, "xlsx"),
        )
    if fmt == "sav":
        return Export(sav_export(survey.id, plan, raw), MIMETYPES["sav"], filename(survey, stem, "sav"))
    if fmt == "dta":
        return Export(dta_export(survey.id, plan, raw), MIMETYPES["dta"], filename(survey, stem, "dta"))
    if fmt == "r":
        return r_pair_export(survey, plan, raw, notes)
    if fmt == "codebook_csv":
        return Export(codebook_csv(plan, semicolon, notes), MIMETYPES["csv"], filename(survey, "codeboek", "csv"))
    if fmt == "codebook_xlsx":
        return Export(
            codebook_xlsx(plan, sheet_names[1], notes), MIMETYPES["xlsx"], filename(survey, "codeboek", "xlsx")
        )
    raise ValueError(f"unknown export format {fmt!r}")
