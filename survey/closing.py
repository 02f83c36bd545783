"""Closing a round's fieldwork, across the stages: the one place that knows the order of the steps.

The close touches every stage after the questionnaire, so it lives outside them (as the demo and the
region archive do); the fieldwork page and ``flask fieldwork close-due`` call it. In one transaction:

1. the last ledger batch, the round marked closed (nobody can start or finish any more);
2. the figures the staff pages read from the invitation rows are kept as those pages show them now
   (tracking and its CSV, the response totals and per category), computed by the code that shows them;
3. every completed response keeps the background the results page shows (k over the combination against
   the invitees and among the respondents), computed while the invitees' languages are still there;
4. responses still in progress are deleted with their answers: they can never be completed, and one left
   would pair with the only invitee who started and stopped;
5. the figures are stored, then every invitation is made alike (contact data and everything per invitee
   cleared) and the letter files deleted;
6. one audit entry with the counts.

The caller commits and then truncates SQLite's write-ahead log (``survey.database.truncate_wal``), so the
old row images of steps 3-5 leave no copy there (``secure_delete`` zeroes them in the database file).

Rounds closed before the close did steps 2-5 are completed by :func:`complete_earlier_close` with the same
steps (the daily ``close-due`` runs it): a data migration would have to run this code against an older schema.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date

from survey.audit.services import record
from survey.extensions import db
from survey.fieldwork import closed, ledger
from survey.fieldwork.invitees import tracking
from survey.fieldwork.letters.services import delete_batches
from survey.questionnaires.models import Survey
from survey.reports import closed as reports_closed
from survey.responses.services import delete_unfinished


@dataclass(frozen=True)
class Closed:
    """What the close removed or changed (counts only; they go into the audit entry)."""

    contacts_deleted: int
    unfinished_deleted: int
    backgrounds_generalised: int
    letter_files_deleted: int


def close_fieldwork(survey: Survey, today: date) -> Closed:
    """Close the round's fieldwork (see the module docstring); flushes, never commits."""
    closed.mark_closed(survey, today)
    done = _seal(survey, today)
    record("fieldwork.close", survey, **asdict(done))
    return done


def earlier_closes() -> list[Survey]:
    """Closed rounds whose close did not keep the figures and clear the ledger yet (closed before it did);
    a round whose answers were purged has nothing left to clear."""
    return closed.rounds_to_complete()


def complete_earlier_close(survey: Survey, today: date) -> Closed:
    """Steps 2-6 for a round closed before the close did them (flushes, never commits)."""
    ledger.apply_pending(survey, force=True)
    done = _seal(survey, today)
    record("fieldwork.close_completed", survey, **asdict(done))
    return done


def _seal(survey: Survey, today: date) -> Closed:
    figures = {
        "ledger": closed.ledger_figures(survey),
        "tracking": tracking.frozen(tracking.tracking(survey)),
        "reports": reports_closed.closing_figures(survey),
    }
    generalised = reports_closed.write_back_shown(survey)
    unfinished = delete_unfinished(survey)
    closed.keep_figures(survey, {**figures, "unfinished_deleted": unfinished})
    contacts = closed.clear_invitations(survey, today)
    letters = delete_batches(survey)
    db.session.expire_all()
    return Closed(contacts, unfinished, generalised, letters)
