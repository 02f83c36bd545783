"""The respondent's response: finding and starting it, saving steps and completing. Services flush and never
commit; the view commits once. Which survey a link opens is ``survey.responses.entries``.

Privacy: a response is found again only through a keyed hash of a secret the respondent holds (the
personal link or short code, a browser cookie, a resume code). The invitation is used for the
ledger (started/completed) and coarse background categories only; nothing here stores anything that
links the two, and the ledger is written in transactions of its own (``survey.fieldwork.ledger``).
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from sqlalchemy import bindparam, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.exc import StaleDataError

from survey.extensions import db
from survey.fieldwork import ledger
from survey.fieldwork.models import Invitation
from survey.questionnaires.models import Survey
from survey.responses import storage
from survey.responses.entries import Entry, EntryProblem, personal_secret
from survey.responses.flow import Flow
from survey.responses.models import Channel, Response, ResponseStatus
from survey.timeutil import local_today
from survey.tokens import SHORT_CODE_ALPHABET, keyed_hash, normalise_short_code

RESUME_CODE_LENGTH = 10


def week_of(day: date) -> date:
    """Monday of the week: the only time a response keeps."""
    return day - timedelta(days=day.weekday())


@dataclass(slots=True)
class ResponseState:
    """A response in progress as plain values, for the respondent's own requests: read with one Core
    statement (the response and its answers, no ORM objects) and written with Core statements, the position
    and the optimistic lock in one UPDATE. Staff pages and completion by others use the ORM ``Response``."""

    id: str
    survey_id: int
    version_id: int
    status: str
    language: str
    position: int
    lock_version: int
    background: dict
    resume_hash: str | None
    #: the stored answers: (item_code, instance) -> (value, other_text)
    rows: dict = field(default_factory=dict)


_RESPONSE = Response.__table__


def _state_of_rows(rows) -> ResponseState | None:
    if not rows:
        return None
    first = rows[0]
    state = ResponseState(*first[:9])
    state.background = (json.loads(state.background) if state.background else None) or {}
    state.rows = {(row[9], row[10]): (row[11], row[12]) for row in rows if row[9] is not None}
    return state


def state_of(response: Response) -> ResponseState:
    """The plain values of an ORM response (one just started, or found by its start key)."""
    return ResponseState(
        response.id,
        response.survey_id,
        response.version_id,
        response.status,
        response.language,
        response.position,
        response.lock_version,
        response.background or {},
        response.resume_hash,
        storage.rows_of(response),
    )


@cache
def _bump_statement(*names: str):
    """UPDATE response SET <names>, lock_version = lock_version + 1 WHERE id AND lock_version: the
    optimistic lock and the change in one statement (no row changes when another request got there first)."""
    return (
        update(_RESPONSE)
        .where(_RESPONSE.c.id == bindparam("state_id"), _RESPONSE.c.lock_version == bindparam("state_lock"))
        .values(lock_version=_RESPONSE.c.lock_version + 1, **{name: bindparam(f"new_{name}") for name in names})
    )


def bump(state: ResponseState, **values) -> None:
    """Change the response's columns and its lock in one UPDATE; StaleDataError when another request (a
    second tab, a double click) changed it since this request read it, as the ORM's version check does."""
    parameters = {"state_id": state.id, "state_lock": state.lock_version}
    parameters.update((f"new_{name}", value) for name, value in values.items())
    result = storage.execute(_bump_statement(*sorted(values)), parameters)
    if result.rowcount != 1:
        raise StaleDataError(f"response {state.id[:8]} changed by another request")
    state.lock_version += 1
    for name, value in values.items():
        if hasattr(state, name):
            setattr(state, name, value)


def resume_hash(entry: Entry, secret: str | None) -> str | None:
    """The hash that finds this respondent's response: the personal key, or this browser's cookie."""
    return link_resume_hash(entry.channel, entry.key, secret)


def link_resume_hash(channel: Channel | None, key: str, secret: str | None) -> str | None:
    """``resume_hash`` before the entry is read: by the way in, the link key and this browser's cookie."""
    if channel == Channel.PERSONAL:
        return keyed_hash("personal", personal_secret(key))
    return keyed_hash("cookie", secret) if secret else None


def find_response(entry: Entry, secret: str | None = None, wanted: str | None = None) -> ResponseState | None:
    """The respondent's response in progress, if any, as plain values (read with the entry, or one statement);
    ``wanted``: its resume hash, when the caller worked it out already."""
    wanted = wanted or resume_hash(entry, secret)
    if wanted is None:
        return None
    if entry.response_hash == wanted:
        rows = entry.response_rows
    else:
        rows = storage.execute(storage.response_statement(), {"wanted": wanted}).all()
    state = _state_of_rows(rows)
    if state is None or state.survey_id != entry.survey.id:
        return None
    return state if state.status == ResponseStatus.IN_PROGRESS else None


def start_response(entry: Entry, *, language: str, start_key: str, secret: str | None, today: date) -> Response:
    """The response for a first submitted step; a double submit finds the one the first made."""
    start_hash = keyed_hash("start", start_key) if start_key else None
    found = _by_start(start_hash, entry.survey)  # the visit found no response for this secret a moment ago
    if found is not None and found.status == ResponseStatus.COMPLETED:
        raise EntryProblem("used", entry.survey, language)
    if found is not None:
        return found
    if entry.channel == Channel.PERSONAL:
        claim_start(entry, language, today)
    response = Response(
        survey_id=entry.survey.id,
        version_id=entry.survey.published_version.id,
        channel=entry.channel,
        language=language,
        week=week_of(today),
        resume_hash=resume_hash(entry, secret),
        start_hash=start_hash,
        answers=[],
    )
    if entry.invitation is not None:
        response.background = ledger.coarse_background(entry.survey, entry.invitation, language)
    try:
        with db.session.begin_nested():
            db.session.add(response)
    except IntegrityError:
        found = _by_start(start_hash, entry.survey)
        if found is None:
            again = find_response(entry, secret)
            found = db.session.get(Response, again.id) if again is not None else None
        if found is None or found.status == ResponseStatus.COMPLETED:
            raise EntryProblem("used", entry.survey, language) from None
        return found
    return response


def claim_start(entry: Entry, language: str, today: date) -> None:
    """Before a personal invitee's first response exists: the ledger notes the start (committed in a short
    transaction of its own, so the answers' transaction writes nothing on the ledger side). The first way
    in wins: a double click agrees with itself, the link and the short code at once get one response."""
    state = ledger.state(entry.invitation)
    if state.completed:
        raise EntryProblem("used", entry.survey, language)
    if state.started and state.route != entry.route:
        raise EntryProblem("other_route", entry.survey, language)
    if ledger.note_start(entry.invitation, entry.route, today) != entry.route:
        raise EntryProblem("other_route", entry.survey, language)


def _by_start(start_hash: str | None, survey: Survey) -> Response | None:
    if start_hash is None:
        return None
    response = db.session.scalar(select(Response).where(Response.start_hash == start_hash))
    return response if response is not None and response.survey_id == survey.id else None


def start_interview(survey: Survey, language: str, today: date) -> Response:
    """A response entered by a staff member during a telephone interview (channel "interviewer")."""
    response = Response(
        survey_id=survey.id,
        version_id=survey.published_version.id,
        channel=Channel.INTERVIEWER,
        language=language,
        week=week_of(today),
    )
    db.session.add(response)
    db.session.flush()
    return response


def save_step(response: Response, submitted: storage.Submitted, reached: int) -> None:
    """Store the answers of a step and remember how far the respondent got."""
    storage.store_answers(response, submitted)
    response.position = max(response.position, reached)
    _touch(response)


def save_visit_step(state: ResponseState, submitted: storage.Submitted, reached: int) -> None:
    """A respondent's step: position and lock in one UPDATE (first, so a second tab or a double click
    stops here), then the answers' changes (new ones in one INSERT)."""
    bump(state, position=max(state.position, reached))
    storage.store_rows(state.id, state.rows, submitted)


def set_visit_language(state: ResponseState, language: str) -> bool:
    """Switch the language of the respondent's response (and its lock, as every change); whether it changed."""
    if state.language == language:
        return False
    bump(state, language=language)
    return True


def complete_visit(state: ResponseState, flow: Flow, survey: Survey, invitation: Invitation | None = None) -> None:
    """``complete_response`` for the respondent's own request, on plain values: the status, the erased
    secrets (and a personal invitee's generalised background) with the lock in one UPDATE, then the
    answers the final path skips removed."""
    values = {"status": ResponseStatus.COMPLETED, "resume_hash": None, "resume_code_hash": None}
    if invitation is not None:  # k over the combination, now that the answer language is final
        values["background"], values["language"] = ledger.coarse_profile(survey, invitation, state.language)
    bump(state, **values)
    visible = flow.visible_keys()
    storage.remove_rows(state.id, state.rows, [key for key in state.rows if key not in visible])
    from survey.coding.jobs import queue_scrub

    queue_scrub(state.survey_id, at_least=survey.min_cell, survey=survey)  # de-identified later, in batches


def set_language(response: Response, language: str) -> bool:
    """Switch the response's language; whether it changed."""
    if response.language == language:
        return False
    response.language = language
    db.session.flush()
    return True


def _touch(response: Response) -> None:
    """Every save bumps the optimistic lock, so a second tab notices it is behind."""
    from sqlalchemy.orm.attributes import flag_modified

    flag_modified(response, "position")
    db.session.flush()


def complete_response(response: Response, flow: Flow, invitation: Invitation | None = None) -> None:
    """Final: skipped answers dropped, resume secrets erased, the background generalised over the
    combination (the invitation is only read). The ledger is told after the commit (``note_completed``),
    never in this transaction."""
    storage.drop_hidden_answers(response, flow.visible_keys())
    response.status = ResponseStatus.COMPLETED
    response.resume_hash = None
    response.resume_code_hash = None
    if invitation is not None:  # k over the combination, now that the answer language is final
        survey = db.session.get(Survey, response.survey_id)
        response.background, response.language = ledger.coarse_profile(survey, invitation, response.language)
    _touch(response)
    from survey.coding.jobs import queue_scrub

    survey = db.session.get(Survey, response.survey_id)  # open answers are de-identified in the background,
    queue_scrub(response.survey_id, at_least=survey.min_cell)  # in batches of k responses, never per request


def note_finishing(invitation: Invitation) -> None:
    """Before a transaction that may complete a personal invitee's response (a transaction of its own)."""
    ledger.note_finishing(invitation)


def completed_unnoticed(entry: Entry, response: Response | None) -> bool:
    """A personal invitee whose completion was committed while the ledger was not told (the request died in
    between): his link finds no unfinished response although he was finishing. The ledger is told now."""
    if entry.invitation is None or response is not None:
        return False
    state = ledger.state(entry.invitation)
    if not state.finishing or state.completed or state.route != entry.route:
        return False
    ledger.note_completed(entry.invitation, local_today())
    return True


def note_completed(invitation: Invitation) -> None:
    """After the completion was committed: the ledger's pending entry (a transaction of its own)."""
    ledger.note_completed(invitation, local_today())


def bind_browser(response: Response) -> str:
    """A new random cookie secret for this browser; the response keeps only its keyed hash."""
    secret = secrets.token_urlsafe(32)
    response.resume_hash = keyed_hash("cookie", secret)
    db.session.flush()
    return secret


def new_resume_code(response: Response | ResponseState) -> str:
    """A code to type by hand to continue later (on another device); replaces an earlier code."""
    raw = "".join(secrets.choice(SHORT_CODE_ALPHABET) for _ in range(RESUME_CODE_LENGTH))
    code = normalise_short_code(raw)
    db.session.execute(
        update(Response)
        .where(Response.id == response.id)  # no version bump: a double click on
        .values(resume_code_hash=keyed_hash("code", code))  # "later" is no conflict; the last
        .execution_options(synchronize_session=False)
    )  # code made holds
    if isinstance(response, Response):
        set_committed_value(response, "resume_code_hash", keyed_hash("code", code))
    return code


def response_for_code(code: str) -> Response | None:
    """The response in progress that a typed resume code belongs to."""
    normal = normalise_short_code(code)
    if len(normal) != RESUME_CODE_LENGTH + 1:
        return None
    response = db.session.scalar(select(Response).where(Response.resume_code_hash == keyed_hash("code", normal)))
    if response is None or response.status != ResponseStatus.IN_PROGRESS:
        return None
    return response
