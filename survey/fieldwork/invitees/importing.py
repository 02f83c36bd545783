"""Importing invitees from a CSV or XLSX file: valid rows in, a Dutch report per bad row, nothing at all when
the file as a whole cannot be used. No personal token exists until the invitation is sent."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import gettext
from sqlalchemy import select

from analysis.files.contacts import read_contacts
from analysis.files.spreadsheets import Problem, UnusableFile, flag
from survey.audit.services import record
from survey.extensions import db
from survey.fieldwork.models import Invitation
from survey.fieldwork.sending import unissued_token_hash
from survey.questionnaires.models import FieldworkStatus, Survey


@dataclass(frozen=True)
class ReportLine:
    row: int | None
    field: str
    reason: str
    skipped: bool


@dataclass
class ImportReport:
    imported: int = 0
    lines: list[ReportLine] = field(default_factory=list)
    refused: str | None = None  # why the whole file was refused
    columns: dict[str, str] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return len({line.row for line in self.lines if line.skipped})


def translate(problem: Problem) -> str:
    """The Dutch reason for a problem (msgids come from analysis/ with their placeholders)."""
    return gettext(problem.msgid, **problem.params)


def import_contacts(survey: Survey, data: bytes, filename: str) -> ImportReport:
    """Add the valid rows of a contact file as invitees of the survey and report the rest."""
    if survey.status == FieldworkStatus.CLOSED:
        return ImportReport(refused=gettext("Fieldwork of this survey is closed; no invitees can be added."))
    try:
        result = read_contacts(data, filename, known=_backgrounds(survey))
    except UnusableFile as error:
        return ImportReport(refused=translate(error.problem))
    problems = list(result.problems)
    existing = _existing(survey)
    added = 0
    for contact in result.contacts:
        key = (contact.email, contact.postal_address, tuple(sorted(contact.background.items())))
        if key in existing:
            problems.append(flag(contact.row, "This invitee is already in the list of this survey."))
            continue
        existing.add(key)
        db.session.add(
            Invitation(
                survey_id=survey.id,
                token_hash=unissued_token_hash(),
                email=contact.email,
                postal_address=contact.postal_address,
                language=contact.language,
                background=contact.background,
                reminder_count=0,
                opted_out=False,
            )
        )
        added += 1
    db.session.flush()
    report = ImportReport(imported=added, columns=result.columns, ignored=result.ignored)
    report.lines = sorted(
        (ReportLine(p.row, p.field, translate(p), p.skipped) for p in problems),
        key=lambda line: (line.row or 0, line.field),
    )
    record("fieldwork.import", survey, imported=added, skipped=report.skipped)
    return report


def _existing(survey: Survey) -> set[tuple]:
    rows = db.session.execute(
        select(Invitation.email, Invitation.postal_address, Invitation.background).where(
            Invitation.survey_id == survey.id
        )
    )
    return {(e, a, tuple(sorted((b or {}).items()))) for e, a, b in rows}


def _backgrounds(survey: Survey) -> list[dict]:
    """The backgrounds already stored for the survey, oldest first (their spelling of a category wins)."""
    rows = db.session.scalars(
        select(Invitation.background).where(Invitation.survey_id == survey.id).order_by(Invitation.id)
    )
    return [b or {} for b in rows]
