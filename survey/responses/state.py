"""A response in progress as plain values, for the respondent's own requests: found by the hash of the
respondent's secret and read with its answers in one Core statement, then changed with the optimistic lock
in one UPDATE (a step's position, the language). Starting and completing a response is
``survey.responses.services``; the answers' rows are ``survey.responses.storage``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache

from sqlalchemy import bindparam, update
from sqlalchemy.orm.exc import StaleDataError

from survey.responses import storage
from survey.responses.entries import Entry, personal_secret
from survey.responses.models import Channel, Response, ResponseStatus
from survey.tokens import keyed_hash


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


def save_visit_step(state: ResponseState, submitted: storage.Submitted, reached: int) -> None:
    """A respondent's step: position and lock in one UPDATE (first, so a second tab or a double click
    stops here), then the answers' changes (new ones in one INSERT)."""
    bump(state, position=max(state.position, reached))
    storage.store_rows(state.id, state.rows, submitted)


def store_new_answers(state: ResponseState, submitted: storage.Submitted) -> None:
    """The first step's answers of a response this request has just made at that step (``start_response``):
    no other request can hold it yet, so no position or lock to move."""
    storage.store_rows(state.id, state.rows, submitted)


def set_visit_language(state: ResponseState, language: str) -> bool:
    """Switch the language of the respondent's response (and its lock, as every change); whether it changed."""
    if state.language == language:
        return False
    bump(state, language=language)
    return True
