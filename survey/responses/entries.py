"""The respondent's way in: which survey a personal link, short code, open link or poll code opens, read as
plain values with one Core statement, whether it is open, and its published questionnaire (parsed once
per process). Nothing here reads or writes a response (``survey.responses.services``, ``survey.responses.state``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache

from flask import g, has_app_context
from sqlalchemy import bindparam, select

from survey.accounts.models import Region
from survey.extensions import db
from survey.fieldwork import ledger
from survey.fieldwork.models import Invitation
from survey.questionnaires.document import Document
from survey.questionnaires.models import FieldworkStatus, Survey, SurveyVersion, VersionStatus
from survey.questionnaires.parsing import parse_document
from survey.responses import storage
from survey.responses.models import Channel
from survey.tokens import normalise_short_code

#: the URL prefix of each way in
WAYS = {"r": Channel.PERSONAL, "v": Channel.OPEN_LINK, "peiling": Channel.POLL}


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
