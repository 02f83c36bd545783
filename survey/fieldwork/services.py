"""Fieldwork of a survey: modes (open link, live poll), settings, opening, opt-out, retention. Closing it
touches every later stage too: ``survey.closing``."""

from __future__ import annotations

import calendar
import secrets
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import delete, func, select, update

from survey.audit.services import record
from survey.extensions import db
from survey.fieldwork.models import FieldworkSettings, Invitation
from survey.fieldwork.sending import settings_for
from survey.questionnaires.models import FieldworkStatus, Survey
from survey.responses.models import Response
from survey.tokens import SHORT_CODE_ALPHABET

POLL_CODE_LENGTH = 6  # 30 bits: short enough to read from a screen at the back of a room


class FieldworkClosedError(Exception):
    """A way in (open link, live poll) was asked for after fieldwork closed: nobody can answer any more."""


def takes_new_ways_in(survey: Survey) -> bool:
    """Whether an open link or a live poll may be made: not once fieldwork is closed."""
    return survey.status != FieldworkStatus.CLOSED


def closed_message() -> str:
    return _("Fieldwork is closed: nobody can take part any more, so there is no open link or live poll.")


def _refuse_when_closed(survey: Survey) -> None:
    if not takes_new_ways_in(survey):
        raise FieldworkClosedError


def create_open_link(survey: Survey) -> str:
    """A new random key for the open link /v/<key>; an earlier open link stops working."""
    _refuse_when_closed(survey)
    survey.public_key = secrets.token_urlsafe(18)
    record("fieldwork.open_link", survey)
    return survey.public_key


def revoke_open_link(survey: Survey) -> None:
    """Switch the open link off (a live poll needs it, so the poll code goes too)."""
    survey.public_key = None
    survey.poll_code = None
    record("fieldwork.open_link_revoked", survey)


def start_poll(survey: Survey) -> str:
    """Give the survey a short poll code (and an open link, which the poll code leads to)."""
    _refuse_when_closed(survey)
    if not survey.public_key:
        survey.public_key = secrets.token_urlsafe(18)
    while True:
        code = "".join(secrets.choice(SHORT_CODE_ALPHABET) for _ in range(POLL_CODE_LENGTH))
        if db.session.scalar(select(Survey.id).where(Survey.poll_code == code)) is None:
            break
    survey.poll_code = code
    record("fieldwork.poll_started", survey)
    return code


def stop_poll(survey: Survey) -> None:
    survey.poll_code = None
    record("fieldwork.poll_stopped", survey)


def survey_for_poll_code(code: str) -> Survey | None:
    normal = "".join(ch for ch in (code or "").upper() if ch.isalnum())
    if not 4 <= len(normal) <= 12:
        return None
    return db.session.scalar(select(Survey).where(Survey.poll_code == normal))


def save_settings(survey: Survey, max_reminders: int, interval_days: int, letters_for_email: bool) -> None:
    settings = settings_for(survey)
    settings.max_reminders = max_reminders
    settings.reminder_interval_days = interval_days
    settings.letters_for_email_invitees = letters_for_email
    record("fieldwork.settings", survey, max_reminders=max_reminders, interval_days=interval_days)


def save_text(survey: Survey, kind: str, language: str, subject: str, body: str) -> None:
    """Store the survey's own text for a kind and language (an empty body returns to the built-in text)."""
    settings = settings_for(survey)
    templates = {k: dict(v) for k, v in (settings.templates or {}).items()}
    if body.strip():
        templates.setdefault(kind, {})[language] = {"subject": subject.strip(), "body": body.replace("\r\n", "\n")}
    else:
        templates.get(kind, {}).pop(language, None)
    settings.templates = templates
    record("fieldwork.text", survey, kind=kind, language=language)


def open_fieldwork(survey: Survey) -> bool:
    """Start fieldwork of a survey that has a published version; False if it cannot start."""
    if survey.status != FieldworkStatus.DRAFT or survey.published_version is None:
        return False
    survey.status = FieldworkStatus.OPEN
    settings_for(survey)
    record("fieldwork.open", survey)
    return True


def opt_out(invitation: Invitation) -> None:
    """The invitee wants no more mail about this survey (nothing is recorded about who they are)."""
    invitation.opted_out = True


def opt_out_address(survey: Survey, email: str) -> int:
    """Stop mail to the invitees of this survey with this e-mail address (asked by phone or letter)."""
    result = db.session.execute(
        update(Invitation)
        .where(
            Invitation.survey_id == survey.id,
            Invitation.email == (email or "").strip().lower(),
            Invitation.opted_out.is_(False),
        )
        .values(opted_out=True)
        .execution_options(synchronize_session=False)
    )
    record("fieldwork.opt_out_by_staff", survey, invitees=result.rowcount)
    return result.rowcount


def retention_end(survey: Survey, settings: FieldworkSettings | None) -> date | None:
    """Closing date plus the retention months: the day after which answers are deleted."""
    closed = (settings.closed_on if settings else None) or survey.closes_on
    if survey.status != FieldworkStatus.CLOSED or closed is None:
        return None
    return add_months(closed, survey.retention_months)


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def purge_expired(today: date) -> list[tuple[Survey, int]]:
    """Delete the answers (and the participation ledger) of closed surveys past their retention period."""
    purged = []
    for survey in db.session.scalars(select(Survey).where(Survey.status == FieldworkStatus.CLOSED)):
        settings = db.session.get(FieldworkSettings, survey.id)
        end = retention_end(survey, settings)
        if end is None or today <= end or (settings and settings.answers_purged_on):
            continue
        count = db.session.scalar(select(func.count()).select_from(Response).where(Response.survey_id == survey.id))
        db.session.execute(delete(Response).where(Response.survey_id == survey.id))
        db.session.execute(delete(Invitation).where(Invitation.survey_id == survey.id))
        settings = settings_for(survey)
        settings.answers_purged_on = today
        settings.closing_figures = None  # the figures kept at the close go with the data they came from
        record("retention.purge", survey, responses_deleted=count)
        purged.append((survey, count))
    return purged
