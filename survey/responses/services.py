"""The respondent's way in and out: which survey a link opens, finding and starting a response,
saving steps and completing. Services flush and never commit; the view commits once.

Privacy: a response is found again only through a keyed hash of a secret the respondent holds (the
personal link or short code, a browser cookie, a resume code). The invitation is used for the
ledger (started/completed) and coarse background categories only; nothing here stores anything that
links the two, and the ledger is written in transactions of its own (``survey.fieldwork.ledger``).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from flask import g, has_app_context
from sqlalchemy import bindparam, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.exc import StaleDataError

from survey.accounts.models import Region
from survey.extensions import db
from survey.fieldwork import ledger
from survey.fieldwork.models import Invitation
from survey.questionnaires.document import Document
from survey.questionnaires.models import FieldworkStatus, Survey, SurveyVersion, VersionStatus
from survey.questionnaires.parsing import parse_document
from survey.responses import storage
from survey.responses.flow import Flow
from survey.responses.models import Answer, Channel, Response, ResponseStatus
from survey.timeutil import local_today
from survey.tokens import SHORT_CODE_ALPHABET, keyed_hash, normalise_short_code

#: the URL prefix of each way in
WAYS = {"r": Channel.PERSONAL, "v": Channel.OPEN_LINK, "peiling": Channel.POLL}
RESUME_CODE_LENGTH = 10


class EntryProblem(Exception):
    """Why a link cannot be used: unknown, not_open, closed, expired, used or other_route."""

    def __init__(self, kind: str, survey: Survey | None = None, language: str = "nl"):
        super().__init__(kind)
        self.kind, self.survey, self.language = kind, survey, language


@dataclass
class Entry:
    """A way into one survey: a personal link (or short code), the open link or a poll code."""

    way: str
    key: str
    survey: SurveyValues
    channel: Channel
    invitation: Invitation | None = None
    region: RegionValues | None = None  # read with the survey; kept here so the page header needs no query

    @property
    def personal_secret(self) -> str:
        return normalise_short_code(self.key) if _looks_like_short_code(self.key) else self.key

    @property
    def route(self) -> str:
        """How a personal invitee came in: by the link or by the short code from the letter."""
        return "code" if _looks_like_short_code(self.key) else "link"

    @property
    def default_language(self) -> str:
        languages = document_of(self.survey.published_version).languages or ["nl"]
        wanted = self.invitation.language if self.invitation else "nl"
        return wanted if wanted in languages else "nl"


def week_of(day: date) -> date:
    """Monday of the week: the only time a response keeps."""
    return day - timedelta(days=day.weekday())


def _looks_like_short_code(key: str) -> bool:
    return len(key) <= 13 and len(normalise_short_code(key)) == 11


def find_entry(way: str, key: str, today: date) -> Entry:
    """The entry behind a link, or EntryProblem saying why it cannot be used."""
    if way not in WAYS or not key or len(key) > 200:
        raise EntryProblem("unknown")
    invitation = None
    if way == "r":
        invitation = ledger.invitation_for_token(key)
        if invitation is None and _looks_like_short_code(key):
            invitation = ledger.invitation_for_short_code(key)
        survey, region = _survey_and_region("id", invitation.survey_id) if invitation else (None, None)
    elif way == "v":
        survey, region = _survey_and_region("public_key", key)
    else:
        code = _poll_code(key)
        survey, region = _survey_and_region("poll_code", code) if code else (None, None)
    if survey is None:
        raise EntryProblem("unknown")
    language = invitation.language if invitation else "nl"
    if invitation is not None and ledger.state(invitation).completed:
        raise EntryProblem("used", survey, language)
    if invitation is not None and invitation.contact_deleted_on is not None:
        raise EntryProblem("expired", survey, language)
    check_open(survey, today, language)
    return Entry(way, key, survey, WAYS[way], invitation, region)


def poll_survey(code: str) -> SurveyValues | None:
    code = _poll_code(code)
    return _survey_and_region("poll_code", code)[0] if code else None


def _poll_code(code: str) -> str | None:
    code = (code or "").strip().upper()
    return code if code and len(code) <= 12 else None


def _survey_and_region(column: str, value) -> tuple[SurveyValues | None, RegionValues | None]:
    """A survey with its versions and its region in one Core statement, as plain values (no ORM objects,
    nothing cached between requests: a closed or edited survey counts from the next request on, in every
    process). The versions come without their documents: a published one is parsed once per process
    (``document_of``) and read from the database only then."""
    rows = storage.execute(_survey_statement(column), {"value": value}).all()
    if not rows:
        return None, None
    first = rows[0]
    survey = SurveyValues(zip(_SURVEY_NAMES, first[:_SURVEY_END], strict=True))
    region = RegionValues(zip(_REGION_NAMES, first[_SURVEY_END:_REGION_END], strict=True))
    survey.versions = [
        VersionValues(zip(_VERSION_NAMES, (*row[_REGION_END:], survey.id), strict=True))
        for row in rows
        if row[_REGION_END] is not None
    ]
    if has_app_context():
        g.region_values = region  # for the page header (``visits.speak``), without reading it again
    return survey, region


class _Values:
    """A row's columns as plain attributes, read with Core for a respondent's request. Anything else (a
    relationship, a column not read) comes from the ORM object, loaded on first use in this request."""

    model = None

    def __init__(self, values):
        self.__dict__.update(values)

    def __getattr__(self, name):
        if name.startswith("__") or "id" not in self.__dict__:
            raise AttributeError(name)
        orm = self.__dict__.get("_orm")
        if orm is None:
            orm = self.__dict__["_orm"] = db.session.get(self.model, self.__dict__["id"])
        return getattr(orm, name)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.__dict__.get('id')}>"


class SurveyValues(_Values):
    model = Survey
    text = Survey.text
    is_open = Survey.is_open
    published_version = Survey.published_version
    draft_version = Survey.draft_version

    def version(self, version_id: int):
        """One of its versions (without reading it again)."""
        found = [version for version in self.versions if version.id == version_id]
        return found[0] if found else db.session.get(SurveyVersion, version_id)


class VersionValues(_Values):
    model = SurveyVersion


class RegionValues(_Values):
    model = Region


def _names(model, columns) -> tuple[str, ...]:
    by_column = {column: name for name, column in model.__mapper__.columns.items()}
    return tuple(by_column[column] for column in columns)


_SURVEY = Survey.__table__
_SURVEY_COLUMNS = tuple(_SURVEY.c)
_REGION_COLUMNS = tuple(column for column in Region.__table__.c if column.name != "logo")
_VERSION_TABLE = SurveyVersion.__table__
_VERSION_COLUMNS = tuple(column for column in _VERSION_TABLE.c if column.name not in ("document", "survey_id"))
_SURVEY_NAMES = _names(Survey, _SURVEY_COLUMNS)
_REGION_NAMES = _names(Region, _REGION_COLUMNS)
_VERSION_NAMES = (*_names(SurveyVersion, _VERSION_COLUMNS), "survey_id")
_SURVEY_END = len(_SURVEY_COLUMNS)
_REGION_END = _SURVEY_END + len(_REGION_COLUMNS)


@cache
def _survey_statement(column: str):
    """Built once per process (a statement's SQL and cache key are then made once, not per request)."""
    region = Region.__table__
    return (
        select(*_SURVEY_COLUMNS, *_REGION_COLUMNS, *_VERSION_COLUMNS)
        .select_from(
            _SURVEY.join(region, region.c.id == _SURVEY.c.region_id).outerjoin(
                _VERSION_TABLE, _VERSION_TABLE.c.survey_id == _SURVEY.c.id
            )
        )
        .where(_SURVEY.c[column] == bindparam("value"))
        .order_by(_VERSION_TABLE.c.number)
    )


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
_ANSWER = Answer.__table__
_STATE_COLUMNS = (
    _RESPONSE.c.id,
    _RESPONSE.c.survey_id,
    _RESPONSE.c.version_id,
    _RESPONSE.c.status,
    _RESPONSE.c.language,
    _RESPONSE.c.position,
    _RESPONSE.c.lock_version,
    _RESPONSE.c.background,
    _RESPONSE.c.resume_hash,
)


@cache
def _response_statement():
    """The response of a resume hash with its answers, one row per answer (one row without answers)."""
    return (
        select(*_STATE_COLUMNS, _ANSWER.c.item_code, _ANSWER.c.instance, _ANSWER.c.value, _ANSWER.c.other_text)
        .select_from(_RESPONSE.outerjoin(_ANSWER, _ANSWER.c.response_id == _RESPONSE.c.id))
        .where(_RESPONSE.c.resume_hash == bindparam("wanted"))
    )


def _state_of_rows(rows) -> ResponseState | None:
    if not rows:
        return None
    first = rows[0]
    state = ResponseState(*first[:9])
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


def check_open(survey: Survey, today: date, language: str = "nl") -> None:
    if survey.status == FieldworkStatus.CLOSED or (survey.closes_on and survey.closes_on < today):
        raise EntryProblem("closed", survey, language)
    if not survey.is_open(today):
        raise EntryProblem("not_open", survey, language)


#: parsed questionnaires of published versions, per process (a published document never changes)
_PUBLISHED_DOCUMENTS: dict[tuple, Document] = {}
PUBLISHED_DOCUMENTS_KEPT = 64


def document_of(version: SurveyVersion) -> Document:
    """The version's questionnaire. A published version is frozen, so its document is parsed once per
    process and shared by every request: callers read it and never change it."""
    if version.status != VersionStatus.PUBLISHED or version.published_at is None:
        return parse_document(version.document)
    key = (version.id, version.survey_id, version.published_at)
    document = _PUBLISHED_DOCUMENTS.get(key)
    if document is None:
        if len(_PUBLISHED_DOCUMENTS) >= PUBLISHED_DOCUMENTS_KEPT:
            _PUBLISHED_DOCUMENTS.pop(next(iter(_PUBLISHED_DOCUMENTS)), None)
        document = _PUBLISHED_DOCUMENTS[key] = parse_document(version.document)
    return document


def is_shared(document: Document) -> bool:
    """A published document from the per-process store (nobody changes it)."""
    return any(kept is document for kept in _PUBLISHED_DOCUMENTS.values())


def resume_hash(entry: Entry, secret: str | None) -> str | None:
    """The hash that finds this respondent's response: the personal key, or this browser's cookie."""
    if entry.channel == Channel.PERSONAL:
        return keyed_hash("personal", entry.personal_secret)
    return keyed_hash("cookie", secret) if secret else None


def find_response(entry: Entry, secret: str | None = None) -> ResponseState | None:
    """The respondent's response in progress, if any, as plain values (one statement)."""
    wanted = resume_hash(entry, secret)
    if wanted is None:
        return None
    state = _state_of_rows(storage.execute(_response_statement(), {"wanted": wanted}).all())
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
