"""The respondent's response: starting it, saving steps and completing, the ledger told around completion, and
resume codes. Services flush and never commit; the view commits once. Which survey a link opens is
``survey.responses.entries``; a response in progress as the respondent's own requests read and change it
(found by its secret, a step saved, the language) is ``survey.responses.state``.

Privacy: a response is found again only through a keyed hash of a secret the respondent holds (the
personal link or short code, a browser cookie, a resume code). The invitation is used for the
ledger (started/completed) and coarse background categories only; nothing here stores anything that
links the two, and the ledger is written in transactions of its own (``survey.fieldwork.ledger``).
"""

from __future__ import annotations

import secrets
from datetime import date, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm.attributes import set_committed_value

from survey.database import insert_unless_taken
from survey.extensions import db
from survey.fieldwork import ledger
from survey.fieldwork.models import Invitation
from survey.questionnaires.models import Survey
from survey.responses import storage
from survey.responses.entries import Entry, EntryProblem
from survey.responses.models import Channel, Response, ResponseStatus, new_response_id
from survey.responses.state import ResponseState, bump, find_response, resume_hash
from survey.responses.steps.flow import Flow
from survey.timeutil import local_today
from survey.tokens import SHORT_CODE_ALPHABET, keyed_hash, normalise_short_code

RESUME_CODE_LENGTH = 10


def week_of(day: date) -> date:
    """Monday of the week: the only time a response keeps."""
    return day - timedelta(days=day.weekday())


def start_response(
    entry: Entry, *, language: str, start_key: str, secret: str | None, today: date, position: int = 0
) -> ResponseState | Response:
    """The response for a first submitted step: a new one as plain values (one Core INSERT, already at the
    step's ``position``, that does nothing on a clash of a unique key, so no savepoint and no ORM flush); a double
    submit finds the one the first made, returned as the ORM ``Response`` (the caller may bind this browser to it
    and moves its position itself)."""
    start_hash = keyed_hash("start", start_key) if start_key else None
    if entry.channel == Channel.PERSONAL:
        # the ledger's start is written in a transaction of its own, so a twin must be found before it
        found = _by_start(start_hash, entry.survey)  # the visit found no response for this secret a moment ago
        if found is not None and found.status == ResponseStatus.COMPLETED:
            raise EntryProblem("used", entry.survey, language)
        if found is not None:
            return found
        claim_start(entry, language, today)
    background = ledger.coarse_background(entry.survey, entry.invitation, language) if entry.invitation else {}
    new = ResponseState(
        new_response_id(),
        entry.survey.id,
        entry.survey.published_version.id,
        ResponseStatus.IN_PROGRESS,
        language,
        position,
        # its lock counts two changes when it is made at a step: made, then moved to the step (as when they were
        # two statements; the pages carry the lock and stay the same)
        2 if position else 1,
        background,
        resume_hash(entry, secret),
    )
    values = {
        "id": new.id,
        "survey_id": new.survey_id,
        "version_id": new.version_id,
        "channel": entry.channel,
        "language": language,
        "status": new.status,
        "week": week_of(today),
        "background": background,
        "resume_hash": new.resume_hash,
        "resume_code_hash": None,
        "start_hash": start_hash,
        "position": new.position,
        "lock_version": new.lock_version,
    }
    # a unique key (start key, resume hash) taken already: no row is made
    made = storage.execute(insert_unless_taken(Response.__table__, db.session.get_bind().dialect.name), values)
    if made.first() is not None:
        return new
    # a unique key clashed: a twin request made the response with this start key (completed: a double submit
    # of the last step), or this browser's one
    found = _by_start(start_hash, entry.survey)
    if found is None:
        again = find_response(entry, secret)
        found = db.session.get(Response, again.id) if again is not None else None
    if found is None or found.status == ResponseStatus.COMPLETED:
        raise EntryProblem("used", entry.survey, language)
    return found


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

    # open answers are de-identified later, in batches; a response without one adds nothing to wait for
    answers = [(code, value) for (code, _), (value, _) in state.rows.items()]
    queue_scrub(state.survey_id, at_least=survey.min_cell, survey=survey, answers=answers)


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


def delete_unfinished(survey: Survey) -> int:
    """At the close of fieldwork: responses still in progress can never be completed, and one kept would pair
    with the only invitee who started and did not finish. They are deleted with their answers; returns how many."""
    return db.session.execute(
        delete(Response)
        .where(Response.survey_id == survey.id, Response.status == ResponseStatus.IN_PROGRESS)
        .execution_options(synchronize_session=False)
    ).rowcount


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
