"""The ledger side of a respondent's visit: find the invitation for a token, note started/completed,
and hand a response only background categories whose *combination* (with the answer language) at
least k invitees share.

Nothing here returns or stores anything that links an invitation to a response. An invitation keeps
only *whether* it started and finished; the day goes into the survey's daily counters
(``ParticipationDay``), which name no invitee.

No transaction writes both a response and the ledger. A respondent's request notes a start or a completion
as a pending entry (``LedgerPending``: an HMAC of the invitation under a key the database does not hold) in
a short transaction of its own; a batch moves the entries onto the invitations only when at least k invitees
are pending (always at fieldwork close), in random order, in one transaction. So no ``xmin``, WAL frame,
commit order or row order ties one response to fewer than k invitations. See docs/security.md.
"""

import hashlib
import hmac
import json
import logging
import random
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from flask import current_app
from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import SQLAlchemyError

from analysis.files.contacts import BACKGROUND
from analysis.suppression import Generaliser, build, parse_order
from analysis.suppression.combinations import LANGUAGE
from survey.database import truncate_wal
from survey.extensions import db
from survey.fieldwork.models import Invitation, LedgerPending, ParticipationDay
from survey.jobs import task
from survey.questionnaires.models import Survey
from survey.tokens import normalise_short_code, short_code_hash, token_hash

#: what a response's background may carry, the answer language last
BACKGROUND_VARIABLES = (*BACKGROUND, LANGUAGE)
_RANDOM = random.SystemRandom()


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation of a personal link token, or None (unknown tokens and codes look alike)."""
    if not token or len(token) > 200:
        return None
    return db.session.scalar(select(Invitation).where(Invitation.token_hash == token_hash(token)))


def invitation_for_short_code(code: str) -> Invitation | None:
    normal = normalise_short_code(code)
    if len(normal) < 11:
        return None
    # a letter sent before codes were hashed with the key still works until its round closes
    hashes = [short_code_hash(normal), token_hash(normal)]
    return db.session.scalar(select(Invitation).where(Invitation.short_code_hash.in_(hashes)))


ROUTES = ("link", "code")


@dataclass(frozen=True)
class LedgerState:
    """What the ledger knows of one invitee, the pending entry included (only the application can read that)."""

    started: bool
    route: str | None  # "link", "code", or None (not started, or started before routes were kept)
    completed: bool
    finishing: bool = False  # the last step or the check page was sent; the completion may have been stored


def ledger_key() -> bytes:
    """The key of the pending entries: ``SURVEY_LEDGER_KEY`` in production, else derived from the secret key."""
    configured = current_app.config.get("LEDGER_KEY")
    if configured:
        return configured.encode("utf-8")
    secret = current_app.config["SECRET_KEY"].encode("utf-8")
    return hmac.new(secret, b"ledger-pending", hashlib.sha256).digest()


def entry_of(survey_id: int, invitation_id: int, key: bytes | None = None) -> str:
    return hmac.new(key or ledger_key(), f"{survey_id}:{invitation_id}".encode(), hashlib.sha256).hexdigest()


def state(invitation: Invitation) -> LedgerState:
    """Started/completed as the invitee's own requests need them: the invitation's flags or a pending entry."""
    if invitation.completed:
        return LedgerState(True, invitation.started_route, True)
    pending = db.session.execute(
        select(LedgerPending.started_route, LedgerPending.completed, LedgerPending.finishing).where(
            LedgerPending.entry == entry_of(invitation.survey_id, invitation.id)
        )
    ).first()
    route = invitation.started_route or (pending.started_route if pending else None)
    started = invitation.started or bool(pending and pending.started_route)
    return LedgerState(
        started or bool(pending and pending.completed),
        route,
        bool(pending and pending.completed),
        bool(pending and pending.finishing),
    )


def note_finishing(invitation: Invitation) -> None:
    """Before the transaction that may complete the response (its own short transaction; it commits)."""
    if invitation.completed:
        return
    statement = _insert()(LedgerPending).values(
        entry=entry_of(invitation.survey_id, invitation.id),
        survey_id=invitation.survey_id,
        completed=False,
        finishing=True,
    )
    db.session.execute(statement.on_conflict_do_update(index_elements=["entry"], set_={"finishing": True}))
    db.session.commit()


def note_start(invitation: Invitation, route: str, today: date) -> str | None:
    """Record that the invitee starts by ``route``, in a short transaction of its own (it commits), BEFORE the
    response exists; returns the route that holds (the first one: two requests at once agree on it).

    Today's counter goes up in the same short transaction, once per invitee."""
    if invitation.started:
        return invitation.started_route
    entry = entry_of(invitation.survey_id, invitation.id)
    statement = _insert()(LedgerPending).values(
        entry=entry, survey_id=invitation.survey_id, started_route=route, completed=False, finishing=False
    )
    changed = db.session.execute(
        statement.on_conflict_do_update(
            index_elements=["entry"],
            set_={"started_route": route},
            where=LedgerPending.started_route.is_(None) & LedgerPending.completed.is_(False),
        ).returning(LedgerPending.entry)
    ).first()  # a row only when this request wrote it (rowcount is -1 on PG)
    applied = _flags_now(invitation)
    if applied.started:  # a batch moved this start onto the invitation after this request read it: counted then
        db.session.execute(
            delete(LedgerPending).where(
                LedgerPending.entry == entry, LedgerPending.completed.is_(False), LedgerPending.finishing.is_(False)
            )
        )
        db.session.commit()
        return applied.started_route
    if changed is not None:
        count_day(invitation.survey_id, today, started=1)
    holding = db.session.scalar(select(LedgerPending.started_route).where(LedgerPending.entry == entry))
    db.session.commit()
    apply_if_due(invitation.survey_id)
    return holding


def note_completed(invitation: Invitation, today: date) -> None:
    """Record a completion, in a short transaction of its own (it commits) AFTER the answers were committed."""
    if invitation.completed:
        return
    entry = entry_of(invitation.survey_id, invitation.id)
    statement = _insert()(LedgerPending).values(
        entry=entry, survey_id=invitation.survey_id, completed=True, finishing=True
    )
    changed = db.session.execute(
        statement.on_conflict_do_update(
            index_elements=["entry"], set_={"completed": True}, where=LedgerPending.completed.is_(False)
        ).returning(LedgerPending.entry)
    ).first()
    if _flags_now(invitation).completed:  # a batch applied this completion after this request read it
        db.session.execute(delete(LedgerPending).where(LedgerPending.entry == entry))
    elif changed is not None:
        count_day(invitation.survey_id, today, completed=1)
    db.session.commit()
    apply_if_due(invitation.survey_id)


def _flags_now(invitation: Invitation):
    """The invitation's flags as the database holds them now, read after this request wrote its pending entry.

    A double click's second request may have read the invitation before the first one's batch moved the entry
    onto it; its entry then finds no row to meet and is new. Read after the write, the flags show that batch
    (PostgreSQL: a new statement sees what was committed; SQLite: only a current snapshot may write)."""
    return db.session.execute(
        select(Invitation.started, Invitation.started_route, Invitation.completed).where(Invitation.id == invitation.id)
    ).one()


def pending_count(survey_id: int, *, force: bool = True) -> int:
    """Pending entries of the survey; without ``force`` only those a batch may take now (``_takeable``)."""
    query = select(func.count()).select_from(LedgerPending).where(LedgerPending.survey_id == survey_id)
    return db.session.scalar(query if force else query.where(_takeable())) or 0


def _takeable():
    """An entry a batch may move onto its invitation before fieldwork closes: not one whose invitee is in the
    middle of completing (finishing, not yet completed). That mark is how a link finds out that its
    completion was committed while the ledger was not told (``survey.responses.services.completed_unnoticed``);
    a batch that took it in between would leave such a completion uncounted for good."""
    return LedgerPending.completed.is_(True) | LedgerPending.finishing.is_(False)


def apply_if_due(survey_id: int) -> int:
    """Opportunistic batch after a respondent's entry: applied (and committed) once k invitees are pending, and
    the write-ahead log emptied as after the ``apply-ledger`` command (``cut_wal_after_batch``).
    A failure here loses nothing (the entries stay for the next batch), so it is logged, not raised."""
    survey = db.session.get(Survey, survey_id)
    if survey is None or pending_count(survey_id, force=False) < batch_size(survey):
        return 0
    try:
        applied = apply_pending(survey)
        db.session.commit()
    except SQLAlchemyError:
        db.session.rollback()
        logging.getLogger(__name__).warning("ledger batch postponed for survey %s", survey_id, exc_info=True)
        return 0
    if applied:
        cut_wal_after_batch()
    return applied


#: how long the checkpoint after a batch in a respondent's request waits for readers (milliseconds), and how
#: often and how far apart the job queue's worker tries again when they kept the log busy
CHECKPOINT_WAIT_MS = 100
CHECKPOINT_ATTEMPTS = 20
CHECKPOINT_RETRY_SECONDS = 30


def cut_wal_after_batch() -> None:
    """SQLite: the pages of a batch (the deleted entries, the invitations it marked) and of the entries before
    it leave the write-ahead log at once. A respondent's request does not wait for readers: when one keeps the
    log busy, the worker tries again a little later (``cut_wal_job``)."""
    if not truncate_wal(db.session, wait_ms=CHECKPOINT_WAIT_MS):
        cut_wal_job.schedule(args=(CHECKPOINT_ATTEMPTS,), delay=CHECKPOINT_RETRY_SECONDS)


@task()
def cut_wal_job(attempts_left: int) -> None:
    """Empty the write-ahead log, waiting for readers only a moment; again later while they keep it busy."""
    if not truncate_wal(db.session, wait_ms=CHECKPOINT_WAIT_MS) and attempts_left > 1:
        cut_wal_job.schedule(args=(attempts_left - 1,), delay=CHECKPOINT_RETRY_SECONDS)


def batch_size(survey: Survey) -> int:
    return max(survey.min_cell or 1, 1)


def apply_pending(survey: Survey, *, force: bool = False) -> int:
    """Move pending entries onto the invitations, in one transaction (the caller commits), only when at least
    k invitees are pending (``force``: whatever is pending, at fieldwork close; before that, an invitee in the
    middle of completing waits for his completion, ``_takeable``). The invitations are updated
    in random order, so neither the order of the entries nor the order of the rows says who came first."""
    if pending_count(survey.id, force=force) == 0 or (
        not force and pending_count(survey.id, force=False) < batch_size(survey)
    ):
        return 0
    with db.session.begin_nested() as savepoint:
        taken = db.session.execute(
            delete(LedgerPending)
            .where(LedgerPending.survey_id == survey.id, *(() if force else (_takeable(),)))
            .returning(LedgerPending.entry, LedgerPending.started_route, LedgerPending.completed)
            .execution_options(synchronize_session=False)
        ).all()
        if not taken or (not force and len(taken) < batch_size(survey)):
            savepoint.rollback()  # another batch took them a moment ago
            return 0
        key = ledger_key()
        ids = {
            entry_of(survey.id, number, key): number
            for number in db.session.scalars(select(Invitation.id).where(Invitation.survey_id == survey.id))
        }
        taken = list(taken)
        _RANDOM.shuffle(taken)
        for entry, route, completed in taken:
            if entry not in ids:
                continue  # the invitee was deleted meanwhile
            values = {"started": True}
            if route:
                values["started_route"] = func.coalesce(Invitation.started_route, route)
            if completed:
                values["completed"] = True
            db.session.execute(
                update(Invitation)
                .where(Invitation.id == ids[entry])
                .values(values)
                .execution_options(synchronize_session=False)
            )
    db.session.expire_all()
    return len(taken)


def apply_all(*, force: bool = False) -> dict[int, int]:
    """Every survey with pending entries (the cron command); commits per survey."""
    applied = {}
    for survey_id in db.session.scalars(select(LedgerPending.survey_id).distinct()).all():
        survey = db.session.get(Survey, survey_id)
        count = apply_pending(survey, force=force)
        db.session.commit()
        if count:
            applied[survey_id] = count
    return applied


def _insert():
    return pg_insert if db.session.get_bind().dialect.name == "postgresql" else sqlite_insert


def count_day(survey_id: int, day: date, *, started: int = 0, completed: int = 0) -> None:
    """Add to the survey's counters for one day (an atomic insert-or-add, safe with concurrent requests)."""
    statement = _insert()(ParticipationDay).values(survey_id=survey_id, day=day, started=started, completed=completed)
    db.session.execute(
        statement.on_conflict_do_update(
            index_elements=["survey_id", "day"],
            set_={"started": ParticipationDay.started + started, "completed": ParticipationDay.completed + completed},
        )
    )


def invitee_generaliser(survey: Survey) -> Generaliser | None:
    """The k-over-the-combination rule over this round's invitees (their background and preferred
    language, the columns of the contact file), or None when the round has no invitees or their languages
    were deleted with the contact data at the close of fieldwork (stored values then stand as they are).

    The invitees are read as distinct combinations with their counts; the rule built from them is kept
    per process for as long as those counts do not change (it is asked for at every start and completion).
    """
    background = sa.cast(Invitation.background, sa.Text)
    rows = db.session.execute(
        select(Invitation.language, background, func.count(), func.count(Invitation.contact_deleted_on))
        .where(Invitation.survey_id == survey.id)
        .group_by(Invitation.language, background)
    ).all()
    if not rows or any(deleted for *_rest, deleted in rows):
        return None
    counted = tuple(sorted((language or "", text or "", int(n)) for language, text, n, _d in rows))
    key = (survey.min_cell, survey_order(survey), hash(counted), len(counted))
    if key not in _RULES:
        if len(_RULES) >= 32:
            _RULES.clear()
        parsed = {}
        population = (
            {**_background(text, parsed), LANGUAGE: language} for language, text, n in counted for _ in range(n)
        )
        _RULES[key] = build(population, BACKGROUND_VARIABLES, survey.min_cell, survey_order(survey))
    return _RULES[key]


_RULES: dict[tuple, Generaliser] = {}


def _background(text: str, parsed: dict) -> dict:
    if text not in parsed:
        try:
            value = json.loads(text) if text else {}
        except ValueError:
            value = {}
        parsed[text] = value if isinstance(value, dict) else {}
    return parsed[text]


def survey_order(survey: Survey) -> tuple[str, ...]:
    """The order in which this survey drops background values (its setting, else the default)."""
    return parse_order(getattr(survey, "generalise_order", None))


def coarse_profile(survey: Survey, invitation: Invitation, language: str) -> tuple[dict, str]:
    """The background and answer language a response of this invitee may keep: the combination of
    gemeente, age band, kind of help, respondent type and the language actually used must be shared by
    ≥ k invitees (``analysis.suppression.combinations``); dropped values are left out, a dropped
    language is "" (onbekend)."""
    generaliser = invitee_generaliser(survey)
    if generaliser is None:  # contact data deleted: nobody can answer any more
        return {}, ""
    shown = generaliser.generalise({**(invitation.background or {}), LANGUAGE: language})
    language_shown = shown.pop(LANGUAGE, None) or ""
    return {v: value for v, value in shown.items() if value is not None}, language_shown


def coarse_background(survey: Survey, invitation: Invitation, language: str | None = None) -> dict:
    """The invitee's background categories a response may keep: see :func:`coarse_profile` (with the
    invitee's preferred language when no other language is given)."""
    return coarse_profile(survey, invitation, language or invitation.language)[0]
