"""A closed round's ledger: the invitation rows made alike at the close, and the figures kept from before.

Until the close an invitation says per invitee whether they started and finished, by which way they came
in, how often they were reminded, whether they opted out, the day they were invited and their background
from the contact file. Someone holding the database and the contact file could then search a response's
background among the finishers only. So the close (``survey.closing``) first keeps the figures the staff
pages show from those columns, as they show them (``FieldworkSettings.closing_figures``), and then sets every
invitation of the round to the same values (:data:`CLEARED`). What stays per row is the survey and the
hashes of the link and the short code, so a link used later still finds its survey and says it is closed.

The readers of those columns ask here: :func:`ledger_totals` (invitees, started, completed) and
:func:`frozen_figures` answer from the kept figures once the round is closed.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select, update

from survey.extensions import db
from survey.fieldwork import ledger
from survey.fieldwork.models import FieldworkSettings, Invitation
from survey.fieldwork.sending import settings_for
from survey.questionnaires.models import FieldworkStatus, Survey

#: every invitation of a closed round: no contact data, nothing per invitee
CLEARED = {
    "email": None,
    "postal_address": None,
    "language": "",
    "background": {},
    "invited_on": None,
    "reminder_count": 0,
    "last_reminded_on": None,
    "started": False,
    "completed": False,
    "started_route": None,
    "opted_out": False,
}


def frozen_figures(survey_id: int) -> dict | None:
    """The figures kept at the close of the round, or None while its invitations still hold them."""
    settings = db.session.get(FieldworkSettings, survey_id)
    return settings.closing_figures if settings is not None else None


def ledger_totals(survey_id: int) -> tuple[int, int, int]:
    """(invitees, started, completed) of a round: from the invitations, or as they were at the close."""
    frozen = frozen_figures(survey_id)
    if frozen is not None:
        kept = frozen["ledger"]
        return kept["invitees"], kept["started"], kept["completed"]
    row = db.session.execute(
        select(
            func.count(),
            func.count().filter(Invitation.started.is_(True)),
            func.count().filter(Invitation.completed.is_(True)),
        ).where(Invitation.survey_id == survey_id)
    ).one()
    return int(row[0]), int(row[1]), int(row[2])


def unfinished_deleted(survey_id: int) -> int:
    """Responses still in progress at the close, deleted then: they count as started where responses are
    counted (a round without invitations)."""
    frozen = frozen_figures(survey_id)
    return int(frozen.get("unfinished_deleted", 0)) if frozen is not None else 0


def mark_closed(survey: Survey, today: date) -> None:
    """The round takes nobody any more: the last ledger batch, however small (the flags are final now)."""
    ledger.apply_pending(survey, force=True)
    survey.status = FieldworkStatus.CLOSED
    survey.poll_code = None  # the presenter screen no longer invites anyone to a closed survey
    settings_for(survey).closed_on = today
    db.session.flush()


def ledger_figures(survey: Survey) -> dict:
    """The totals the results page and the tussenevaluatie read, for :func:`keep_figures`."""
    invitees, started, completed = ledger_totals(survey.id)
    return {"invitees": invitees, "started": started, "completed": completed}


def keep_figures(survey: Survey, figures: dict) -> None:
    settings_for(survey).closing_figures = figures
    db.session.flush()


def clear_invitations(survey: Survey, today: date) -> int:
    """Delete the contact data and everything per invitee (:data:`CLEARED`) of every invitation of the round;
    returns how many invitees still had contact data."""
    contacts = db.session.execute(
        update(Invitation)
        .where(Invitation.survey_id == survey.id, Invitation.contact_deleted_on.is_(None))
        .values(contact_deleted_on=today)
        .execution_options(synchronize_session=False)
    ).rowcount
    db.session.execute(
        update(Invitation)
        .where(Invitation.survey_id == survey.id)
        .values(CLEARED)
        .execution_options(synchronize_session=False)
    )
    return contacts


def rounds_to_complete() -> list[Survey]:
    """Closed rounds whose close did not keep the figures yet (closed before it did), answers not purged."""
    kept = select(FieldworkSettings.survey_id).where(
        FieldworkSettings.closing_figures.is_not(None) | FieldworkSettings.answers_purged_on.is_not(None)
    )
    return list(
        db.session.scalars(
            select(Survey).where(Survey.status == FieldworkStatus.CLOSED, Survey.id.not_in(kept)).order_by(Survey.id)
        )
    )
