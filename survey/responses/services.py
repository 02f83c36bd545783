"""The respondent's way in and out: which survey a link opens, finding and starting a response,
saving steps and completing. Services flush and never commit; the view commits once.

Privacy: a response is found again only through a keyed hash of a secret the respondent holds (the
personal link or short code, a browser cookie, a resume code). The invitation is used for the
ledger (started/completed) and coarse background categories only; nothing here stores anything that
links the two, and the ledger is written in transactions of its own (``survey.fieldwork.ledger``).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from sqlalchemy import bindparam, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.attributes import set_committed_value

from survey.accounts.models import Region
from survey.extensions import db
from survey.fieldwork import ledger
from survey.fieldwork.models import Invitation
from survey.questionnaires.document import Document
from survey.questionnaires.models import FieldworkStatus, Survey, SurveyVersion, VersionStatus
from survey.questionnaires.parsing import parse_document
from survey.responses import storage
from survey.responses.flow import Flow
from survey.responses.models import Channel, Response, ResponseStatus
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
    survey: Survey
    channel: Channel
    invitation: Invitation | None = None
    region: Region | None = None  # loaded with the survey; kept here so the page header needs no query

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


def poll_survey(code: str) -> Survey | None:
    code = _poll_code(code)
    return _survey_and_region("poll_code", code)[0] if code else None


def _poll_code(code: str) -> str | None:
    code = (code or "").strip().upper()
    return code if code and len(code) <= 12 else None


def _survey_and_region(column: str, value) -> tuple[Survey | None, Region | None]:
    """A survey with its versions and its region in one query. The versions come without their documents:
    a published one is parsed once per process (``document_of``) and read from the database only then."""
    row = db.session.execute(_survey_statement(column), {"value": value}).unique().first()
    return (row[0], row[1]) if row else (None, None)


@cache
def _survey_statement(column: str):
    """Built once per process (a statement's SQL and cache key are then made once, not per request)."""
    return (
        select(Survey, Region)
        .join(Region, Region.id == Survey.region_id)
        .where(getattr(Survey, column) == bindparam("value"))
        .options(joinedload(Survey.versions).defer(SurveyVersion.document))
    )


@cache
def _response_statement():
    return select(Response).where(Response.resume_hash == bindparam("wanted")).options(joinedload(Response.answers))


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


def find_response(entry: Entry, secret: str | None = None) -> Response | None:
    """The respondent's response in progress, if any."""
    wanted = resume_hash(entry, secret)
    if wanted is None:
        return None
    response = db.session.execute(_response_statement(), {"wanted": wanted}).unique().scalar_one_or_none()
    if response is None or response.survey_id != entry.survey.id:
        return None
    return response if response.status == ResponseStatus.IN_PROGRESS else None


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
        found = _by_start(start_hash, entry.survey) or find_response(entry, secret)
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


def new_resume_code(response: Response) -> str:
    """A code to type by hand to continue later (on another device); replaces an earlier code."""
    raw = "".join(secrets.choice(SHORT_CODE_ALPHABET) for _ in range(RESUME_CODE_LENGTH))
    code = normalise_short_code(raw)
    db.session.execute(
        update(Response)
        .where(Response.id == response.id)  # no version bump: a double click on
        .values(resume_code_hash=keyed_hash("code", code))  # "later" is no conflict; the last
        .execution_options(synchronize_session=False)
    )  # code made holds
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
