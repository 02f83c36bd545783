"""Sending invitations and reminders, by e-mail and by printed letter.

A personal token exists only while its mail or letter is being made: the ledger keeps its hash. Each
invitee is claimed with a conditional UPDATE before anything is sent, so a second run (or two workers at
once) never sends the same invitation or reminder twice. A mail job carries the invitation's id only: it
makes the link and code itself and reads the address when it runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.orm.attributes import set_committed_value

from survey.extensions import db
from survey.fieldwork import ledger
from survey.fieldwork.letters.services import make_letters
from survey.fieldwork.messages.composing import Delivery, compose
from survey.fieldwork.models import FieldworkSettings, Invitation, LetterKind
from survey.jobs import enqueue_after_commit, task
from survey.mail import build_message, deliver
from survey.questionnaires.models import FieldworkStatus, Survey
from survey.tokens import new_short_code, new_token, short_code_hash, token_hash


@dataclass(frozen=True)
class SendResult:
    mails: int = 0
    letters: int = 0


def settings_for(survey: Survey) -> FieldworkSettings:
    """The survey's fieldwork settings, created with defaults on first use."""
    settings = db.session.get(FieldworkSettings, survey.id)
    if settings is None:
        settings = FieldworkSettings(
            survey_id=survey.id,
            max_reminders=2,
            reminder_interval_days=7,
            templates={},
            letters_for_email_invitees=False,
        )
        db.session.add(settings)
        db.session.flush()
    return settings


def unissued_token_hash() -> str:
    """The hash of a token nobody holds: an imported invitee cannot respond until a mail or letter is made."""
    return token_hash(new_token())


def invite(survey: Survey, today: date) -> SendResult:
    """Send every invitee who has not been invited yet an e-mail and/or a letter with a fresh personal link."""
    settings = settings_for(survey)
    pending = db.session.scalars(
        _reachable(survey).where(Invitation.invited_on.is_(None)).order_by(Invitation.id)
    ).all()
    deliveries = []
    for invitation in pending:
        token, code = new_token(), new_short_code()
        if _claim(
            invitation,
            {"invited_on": today, "token_hash": token_hash(token), "short_code_hash": short_code_hash(code)},
            Invitation.invited_on.is_(None),
        ):
            deliveries.append(Delivery(invitation, token, code))
    return _send(survey, settings, deliveries, "invitation", LetterKind.INVITATION, today)


def remind(survey: Survey, today: date, *, now: bool = False) -> SendResult:
    """Remind invitees who have not completed: not-started ones get a new link, started ones are told to use
    their first link (which keeps their answers). ``now``: every non-finisher (:func:`not_finished`), without
    waiting for the interval.

    What is queued is decided from the invitation's flags alone (the ledger as its batches applied it): the
    mail job of an invitee whose start is still pending is the job of one who did not start, so a copy of the
    queue says nothing the batches hide. The job reads the pending entry when it runs (``mail_invitee_job``),
    and only then makes a new link, or keeps the first one of an invitee who started."""
    settings = settings_for(survey)
    if not _fieldwork_running(survey, today):
        return SendResult()
    ledger.apply_pending(survey)  # fresh flags where k invitees are pending; the rest is read from the entries
    db.session.flush()
    deliveries = []
    chosen = not_finished(survey, settings, today) if now else due_for_reminder(survey, settings, today)
    for invitation in db.session.scalars(chosen.order_by(Invitation.id)).all():
        values = {"reminder_count": invitation.reminder_count + 1, "last_reminded_on": today}
        token = code = None
        # a pending completion still gets this reminder (skipping it would single the invitee out: the text
        # allows for it); a pending start keeps its link, which finds the saved answers. A letter is made
        # here, so its new code is too (not for a pending start); a mail's link is made by its job.
        if _gets_letter(invitation, settings) and not ledger.state(invitation).started:
            token, code = new_token(), new_short_code()
            values.update(token_hash=token_hash(token), short_code_hash=short_code_hash(code))
        if _claim(invitation, values, Invitation.reminder_count == invitation.reminder_count):
            deliveries.append(Delivery(invitation, token, code))
    return _send(survey, settings, deliveries, "reminder", LetterKind.REMINDER, today)


def reprint_letters(survey: Survey, today: date, address: str | None = None) -> SendResult:
    """New letters with new codes for invitees by post (no e-mail) who have not started, optionally for one
    address ("3011 AB 40"); their earlier letters stop working."""
    settings = settings_for(survey)
    stmt = _reachable(survey).where(
        Invitation.invited_on.is_not(None),
        Invitation.started.is_(False),
        Invitation.email.is_(None),
        Invitation.postal_address.is_not(None),
    )
    deliveries = []
    for invitation in db.session.scalars(stmt.order_by(Invitation.id)).all():
        if (address and not lives_at(invitation.postal_address, address)) or ledger.state(invitation).started:
            continue
        token, code = new_token(), new_short_code()
        values = {"token_hash": token_hash(token), "short_code_hash": short_code_hash(code)}
        if _claim(invitation, values, Invitation.token_hash == invitation.token_hash):
            deliveries.append(Delivery(invitation, token, code))
    if deliveries:
        make_letters(survey, settings, deliveries, LetterKind.INVITATION, today)
    return SendResult(letters=len(deliveries))


def lives_at(postal_address: str, wanted: str) -> bool:
    """Whether an address has this postcode and house number ("3011 AB 40" or "3011AB, 40")."""
    match = re.match(r"^\s*(\d{4})\s*([A-Za-z]{2})[\s,]*(\d+)", wanted or "")
    if not match:
        return False
    postcode, number = f"{match.group(1)} {match.group(2).upper()}", match.group(3)
    lines = (postal_address or "").split("\n")
    return any(postcode in line for line in lines) and any(
        re.search(rf"(?<!\d){number}(?!\d)", line) for line in lines if postcode not in line
    )


def due_for_reminder(survey: Survey, settings: FieldworkSettings, today: date):
    """Invitees who are owed a reminder today: invited, not completed, not opted out, under the maximum,
    and the interval since the invitation or the last reminder has passed."""
    cutoff = today - timedelta(days=settings.reminder_interval_days)
    return _reachable(survey).where(
        Invitation.invited_on.is_not(None),
        Invitation.completed.is_(False),
        Invitation.reminder_count < settings.max_reminders,
        or_(
            Invitation.last_reminded_on <= cutoff,
            Invitation.last_reminded_on.is_(None) & (Invitation.invited_on <= cutoff),
        ),
    )


def not_finished(survey: Survey, settings: FieldworkSettings, today: date):
    """Invitees a reminder sent now would reach: invited, not completed, not opted out, under the maximum
    number of reminders, and neither invited nor reminded today (nobody gets two mails in one day)."""
    return _reachable(survey).where(
        Invitation.invited_on.is_not(None),
        Invitation.invited_on < today,
        Invitation.completed.is_(False),
        Invitation.reminder_count < settings.max_reminders,
        or_(Invitation.last_reminded_on.is_(None), Invitation.last_reminded_on < today),
    )


def _reachable(survey: Survey):
    return select(Invitation).where(
        Invitation.survey_id == survey.id,
        Invitation.opted_out.is_(False),
        Invitation.contact_deleted_on.is_(None),
        or_(Invitation.email.is_not(None), Invitation.postal_address.is_not(None)),
    )


def _fieldwork_running(survey: Survey, today: date) -> bool:
    return survey.status == FieldworkStatus.OPEN and (survey.closes_on is None or today <= survey.closes_on)


def _claim(invitation: Invitation, values: dict, still) -> bool:
    """Update one invitee only if nobody else did first (compare-and-set); True when this run owns it."""
    result = db.session.execute(
        update(Invitation)
        .where(Invitation.id == invitation.id, still)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        return False
    for key, value in values.items():
        set_committed_value(invitation, key, value)
    return True


def _gets_letter(invitation: Invitation, settings: FieldworkSettings) -> bool:
    return bool(invitation.postal_address) and (not invitation.email or settings.letters_for_email_invitees)


def _send(survey, settings, deliveries, kind, letter_kind, today) -> SendResult:
    mails = [d for d in deliveries if d.invitation.email]
    letters = [d for d in deliveries if _gets_letter(d.invitation, settings)]
    by_letter = {d.invitation.id for d in letters}
    for delivery in mails:  # the job gets ids only: it makes the link and reads the address itself
        enqueue_after_commit(
            db.session(),
            mail_invitee_job,
            delivery.invitation.id,
            kind,
            # a new link unless the ledger's applied flags say he started (a pending start: the job keeps it)
            not delivery.invitation.started and delivery.invitation.id not in by_letter,
            delivery.invitation.id in by_letter,
        )
    if letters:
        make_letters(survey, settings, letters, letter_kind, today)
    return SendResult(mails=len(mails), letters=len(letters))


@task(retries=5, retry_delay=60)
def mail_invitee_job(invitation_id: int, kind: str, new_link: bool, letter_too: bool = False) -> None:
    """One invitation or reminder e-mail. The job storage holds only these ids and flags: the personal link
    and code are made here (the ledger keeps their hashes) and the address is read now, so a copy of the
    queue holds no link, code or address. A retry makes a new link; the one never sent stops existing.
    ``new_link`` follows the ledger's applied flags only; a start still pending keeps its first link here."""
    invitation = db.session.get(Invitation, invitation_id)
    if invitation is None or not invitation.email or invitation.opted_out or invitation.contact_deleted_on:
        return
    survey = db.session.get(Survey, invitation.survey_id)
    token = code = None
    if new_link and not ledger.state(invitation).started:
        token, code = new_token(), new_short_code()
        invitation.token_hash, invitation.short_code_hash = token_hash(token), short_code_hash(code)
        db.session.commit()  # the hash is stored before the link leaves
    subject, body = compose(survey, settings_for(survey), Delivery(invitation, token, code, letter_too), kind)
    deliver(build_message(invitation.email, subject, body))


@task(retries=2, retry_delay=60)
def invite_job(survey_id: int, today_iso: str) -> None:
    """Send the invitations of one survey in the background (the payload holds only the survey id)."""
    survey = db.session.get(Survey, survey_id)
    if survey is not None and survey.status == FieldworkStatus.OPEN:
        invite(survey, date.fromisoformat(today_iso))


@task(retries=2, retry_delay=60)
def remind_job(survey_id: int, today_iso: str) -> None:
    """Send the reminders that are due for one survey (the same as the daily scheduled task)."""
    survey = db.session.get(Survey, survey_id)
    if survey is not None:
        remind(survey, date.fromisoformat(today_iso))


@task(retries=2, retry_delay=60)
def reprint_job(survey_id: int, today_iso: str) -> None:
    """Make the letters of every invitee by post who has not started again, with new codes."""
    survey = db.session.get(Survey, survey_id)
    if survey is not None and survey.status == FieldworkStatus.OPEN:
        reprint_letters(survey, date.fromisoformat(today_iso))
