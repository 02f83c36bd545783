"""Sending from the screen and from cron, each send in the audit log, and the history of sends per round.

The sending itself is :mod:`survey.fieldwork.sending`; this module wraps it so that every run that sent
something writes one audit entry with its counts and where it came from (*scherm* or *dagelijkse taak*),
and reads those entries back as the history on the fieldwork page. It also counts what a send would
reach before it happens: the non-finishers a reminder sent now would reach, and the invitees who prefer
a language the questionnaire does not have (they get the questionnaire's language with a line in theirs).
No entry names an invitee: only counts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select

from survey.audit.models import AuditEntry
from survey.audit.services import record
from survey.database import truncate_wal
from survey.extensions import db
from survey.fieldwork.messages.composing import survey_languages
from survey.fieldwork.models import Invitation
from survey.fieldwork.sending import SendResult, invite, not_finished, remind, settings_for
from survey.jobs import task
from survey.questionnaires.models import FieldworkStatus, Survey

#: audit actions of sends that happened (with counts), and of requests made on the screen
SENT_ACTIONS = ("fieldwork.invitations_sent", "fieldwork.reminders_sent")
HISTORY_ACTIONS = (*SENT_ACTIONS, "fieldwork.invite", "fieldwork.remind", "fieldwork.remind_now")


@dataclass(frozen=True)
class Reach:
    """Who a reminder sent now would reach, by channel."""

    mails: int
    letters: int

    @property
    def total(self) -> int:
        return self.mails + self.letters


def reminder_reach(survey: Survey, today: date) -> Reach:
    """How many non-finishers a reminder sent now would reach, by e-mail and by letter only."""
    settings = settings_for(survey)
    chosen = not_finished(survey, settings, today).subquery()
    mails = db.session.scalar(select(func.count()).select_from(chosen).where(chosen.c.email.is_not(None)))
    letters = db.session.scalar(
        select(func.count()).select_from(chosen).where(chosen.c.email.is_(None), chosen.c.postal_address.is_not(None))
    )
    return Reach(int(mails or 0), int(letters or 0))


def missing_languages(survey: Survey) -> Counter:
    """{language: invitees} of invitees (contact data kept) who prefer a language the questionnaire lacks."""
    available = survey_languages(survey)
    rows = db.session.execute(
        select(Invitation.language, func.count())
        .where(
            Invitation.survey_id == survey.id,
            Invitation.contact_deleted_on.is_(None),
            Invitation.language.is_not(None),
            Invitation.language.not_in(available),
        )
        .group_by(Invitation.language)
    )
    return Counter({language: count for language, count in rows if language})


def _audit(survey: Survey, action: str, result: SendResult, via: str, **extra) -> None:
    if result.mails or result.letters:
        record(action, survey, mails=result.mails, letters=result.letters, via=via, **extra)


def send_invitations(survey: Survey, today: date, via: str = "screen") -> SendResult:
    """Send the invitations not sent yet; audited with counts when anything went out."""
    result = invite(survey, today)
    _audit(survey, "fieldwork.invitations_sent", result, via)
    return result


def send_reminders(survey: Survey, today: date, via: str = "cron", now: bool = False) -> SendResult:
    """Send the reminders that are due (or, ``now``, to every non-finisher); audited with counts."""
    result = remind(survey, today, now=now)
    _audit(survey, "fieldwork.reminders_sent", result, via, mode="now" if now else "due")
    return result


@task(retries=2, retry_delay=60)
def invitations_job(survey_id: int, today_iso: str) -> None:
    """Send the invitations of one survey in the background (the payload holds only the survey id)."""
    survey = db.session.get(Survey, survey_id)
    if survey is not None and survey.status == FieldworkStatus.OPEN:
        send_invitations(survey, date.fromisoformat(today_iso))


@task(retries=2, retry_delay=60)
def reminders_job(survey_id: int, today_iso: str, now: bool = False) -> None:
    """Send reminders of one survey in the background: those due, or now to every non-finisher. The ledger
    batch before them leaves the write-ahead log, as after the daily ``fieldwork remind``."""
    survey = db.session.get(Survey, survey_id)
    if survey is not None:
        send_reminders(survey, date.fromisoformat(today_iso), via="screen", now=now)
        db.session.commit()
        truncate_wal(db.session)


@dataclass(frozen=True)
class HistoryLine:
    when: datetime
    action: str
    who: str
    mails: int | None
    letters: int | None
    via: str
    mode: str


def history(survey: Survey, limit: int = 50) -> list[HistoryLine]:
    """The sends and send requests of a round, newest first (from the audit log: counts only)."""
    entries = db.session.scalars(
        select(AuditEntry)
        .where(
            AuditEntry.object_type == "survey",
            AuditEntry.object_id == str(survey.id),
            AuditEntry.action.in_(HISTORY_ACTIONS),
        )
        .order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
        .limit(limit)
    )
    return [
        HistoryLine(
            e.created_at,
            e.action,
            e.actor_label,
            e.details.get("mails"),
            e.details.get("letters"),
            e.details.get("via", "screen"),
            e.details.get("mode", ""),
        )
        for e in entries
    ]
