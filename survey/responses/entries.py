"""The respondent's way in: which survey a personal link, short code, open link or poll code opens, read as
plain values with one Core statement, whether it is open, and its published questionnaire (parsed once
per process). Given the hash a response is found by, the same statement also reads that response's rows
(``Entry.response_rows``); what they mean is ``survey.responses.state``, every write ``survey.responses.services``
and ``survey.responses.state``."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from flask import g, has_app_context
from sqlalchemy import JSON, Text, bindparam, cast, null, select, type_coerce, union_all
from sqlalchemy.types import NullType

from survey.accounts.models import Region
from survey.extensions import db
from survey.fieldwork import ledger
from survey.fieldwork.models import Invitation
from survey.questionnaires.content.document import Document
from survey.questionnaires.content.parsing import parse_document
from survey.questionnaires.models import FieldworkStatus, Survey, SurveyVersion, made_once_if_published
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
    #: the resume hash whose response was read with the survey, and that response's rows (none: not found)
    response_hash: str | None = None
    response_rows: list = field(default_factory=list)

    @property
    def personal_secret(self) -> str:
        return personal_secret(self.key)

    @property
    def route(self) -> str:
        """How a personal invitee came in: by the link or by the short code from the letter."""
        return "code" if _looks_like_short_code(self.key) else "link"

    @property
    def default_language(self) -> str:
        languages = document_of(self.survey.published_version).languages or ["nl"]
        wanted = self.invitation.language if self.invitation else "nl"
        return wanted if wanted in languages else "nl"


def personal_secret(key: str) -> str:
    """The secret of a personal link or short code (a short code as typed, in its normal form)."""
    return normalise_short_code(key) if _looks_like_short_code(key) else key


def _looks_like_short_code(key: str) -> bool:
    return len(key) <= 13 and len(normalise_short_code(key)) == 11


def find_entry(way: str, key: str, today: date, response_hash: str | None = None) -> Entry:
    """The entry behind a link, or EntryProblem saying why it cannot be used; with ``response_hash``, the rows
    of the response that hash finds are read in the same statement."""
    if way not in WAYS or not key or len(key) > 200:
        raise EntryProblem("unknown")
    invitation, rows = None, []
    if way == "r":
        invitation = ledger.invitation_for_token(key)
        if invitation is None and _looks_like_short_code(key):
            invitation = ledger.invitation_for_short_code(key)
        survey, region, rows = _survey_and_region("id", invitation.survey_id, response_hash) if invitation else _NONE
    elif way == "v":
        survey, region, rows = _survey_and_region("public_key", key, response_hash)
    else:
        code = _poll_code(key)
        survey, region, rows = _survey_and_region("poll_code", code, response_hash) if code else _NONE
    if survey is None:
        raise EntryProblem("unknown")
    language = invitation.language if invitation else "nl"
    if invitation is not None and survey.status == FieldworkStatus.CLOSED:
        # the same page for every invitee: the close cleared who started and who finished
        raise EntryProblem("closed", survey, language)
    if invitation is not None and ledger.state(invitation).completed:
        raise EntryProblem("used", survey, language)
    if invitation is not None and invitation.contact_deleted_on is not None:
        raise EntryProblem("expired", survey, language)
    check_open(survey, today, language)
    return Entry(way, key, survey, WAYS[way], invitation, region, response_hash, rows)


_NONE = (None, None, [])


def poll_survey(code: str) -> SurveyValues | None:
    code = _poll_code(code)
    return _survey_and_region("poll_code", code)[0] if code else None


def _poll_code(code: str) -> str | None:
    code = (code or "").strip().upper()
    return code if code and len(code) <= 12 else None


def _survey_and_region(
    column: str, value, response_hash: str | None = None
) -> tuple[SurveyValues | None, RegionValues | None, list]:
    """A survey with its versions and its region in one Core statement, as plain values (no ORM objects,
    nothing cached between requests: a closed or edited survey counts from the next request on, in every
    process); with ``response_hash`` the same statement brings the rows of the response it finds (its
    columns and answers, ``services.response_statement``), after ``_RESPONSE_START``. The versions come
    without their documents: a published one is parsed once per process (``document_of``) and read from
    the database only then."""
    parameters = {"value": value} if response_hash is None else {"value": value, "wanted": response_hash}
    rows = storage.first_read(_survey_statement(column, response_hash is not None), parameters)
    survey_rows = [_typed(row) for row in rows if row[0] is not None]
    response_rows = [row[_RESPONSE_START:] for row in rows if row[0] is None]
    if not survey_rows:
        return None, None, response_rows
    first = survey_rows[0]
    survey = SurveyValues(zip(_SURVEY_NAMES, first[:_SURVEY_END], strict=True))
    region = RegionValues(zip(_REGION_NAMES, first[_SURVEY_END:_REGION_END], strict=True))
    survey.versions = [
        VersionValues(zip(_VERSION_NAMES, (*row[_REGION_END:_RESPONSE_START], survey.id), strict=True))
        for row in sorted(survey_rows, key=lambda row: row[_NUMBER_AT] or 0)
        if row[_REGION_END] is not None
    ]
    if has_app_context():
        g.region_values = region  # for the page header (``visits.speak``), without reading it again
    return survey, region, response_rows


class _Values:
    """A row's columns as plain attributes, read with Core for a respondent's request. Anything else (a
    relationship, a column not read) comes from the ORM object, loaded on first use in this request."""

    model = None

    def __init__(self, values):
        self.__dict__.update(values)

    def __getattr__(self, name):
        if name.startswith("__") or "id" not in self.__dict__:
            raise AttributeError(name)
        if name in _JSON_NAMES and f"{name}{_RAW}" in self.__dict__:  # decoded when first read
            raw = self.__dict__[f"{name}{_RAW}"]
            value = self.__dict__[name] = None if raw is None else json.loads(raw)
            return value
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


#: a JSON column of the survey is read as its text and decoded only when a page reads it
_RAW = "\x00json"


def _is_json(column) -> bool:
    return column.type._type_affinity is JSON  # noqa: SLF001 - SQLAlchemy's own test of a column's kind


_JSON_NAMES = frozenset(
    name for name, column in Survey.__mapper__.columns.items() if column.table is _SURVEY and _is_json(column)
)


_SURVEY_NAMES = tuple(name + _RAW if name in _JSON_NAMES else name for name in _names(Survey, _SURVEY_COLUMNS))


_REGION_NAMES = _names(Region, _REGION_COLUMNS)


_VERSION_NAMES = (*_names(SurveyVersion, _VERSION_COLUMNS), "survey_id")


_SURVEY_END = len(_SURVEY_COLUMNS)


_REGION_END = _SURVEY_END + len(_REGION_COLUMNS)


_RESPONSE_START = _REGION_END + len(_VERSION_COLUMNS)


_NUMBER_AT = _REGION_END + _VERSION_COLUMNS.index(_VERSION_TABLE.c.number)


def _read_as(column, prefix: str):
    """A column of the survey statement under its own label, as the driver gives it (a JSON column as its
    text): ``_typed`` turns the survey's rows into Python values, so the response's rows of the same
    statement spend nothing on the survey's (empty) columns."""
    read = cast(column, Text) if column.table is _SURVEY and _is_json(column) else column
    return type_coerce(read, NullType()).label(f"{prefix}_{column.name}")


_OWN_COLUMNS = (*_SURVEY_COLUMNS, *_REGION_COLUMNS, *_VERSION_COLUMNS)


def _typed(row) -> list:
    """A survey row's values as SQLAlchemy's column types make them (enums, dates, booleans), then the
    response's columns as they came."""
    processors = _processors(db.session.get_bind().dialect)
    own = [
        value if kind is None or value is None else kind(value)
        for value, kind in zip(row[:_RESPONSE_START], processors, strict=True)
    ]
    return [*own, *row[_RESPONSE_START:]]


@cache
def _processors(dialect) -> tuple:
    """Per dialect, what SQLAlchemy would do to each value of a survey row (None: nothing)."""
    return tuple(
        None if column.table is _SURVEY and _is_json(column) else _processor(column.type, dialect)
        for column in _OWN_COLUMNS
    )


def _processor(kind, dialect):
    return kind.dialect_impl(dialect).result_processor(dialect, None)


@cache
def _survey_statement(column: str, with_response: bool = False):
    """Built once per process (a statement's SQL and cache key are then made once, not per request). With a
    response: UNION ALL of the survey's rows (survey, region, version) and the response's rows (its columns
    and answers), each part with typed NULLs in the other's columns; a response row has no survey id."""
    region = Region.__table__
    own = [
        *(_read_as(c, "s") for c in _SURVEY_COLUMNS),
        *(_read_as(c, "r") for c in _REGION_COLUMNS),
        *(_read_as(c, "v") for c in _VERSION_COLUMNS),
    ]
    survey_part = select(*own).select_from(
        _SURVEY.join(region, region.c.id == _SURVEY.c.region_id).outerjoin(
            _VERSION_TABLE, _VERSION_TABLE.c.survey_id == _SURVEY.c.id
        )
    )
    survey_part = survey_part.where(_SURVEY.c[column] == bindparam("value"))
    if not with_response:
        return survey_part
    response_part = storage.response_statement()
    theirs = list(response_part.selected_columns)
    survey_part = survey_part.add_columns(
        *(type_coerce(null(), c.type).label(f"p_{index}") for index, c in enumerate(theirs))
    )
    response_part = response_part.with_only_columns(
        *(type_coerce(null(), c.type).label(f"n_{index}") for index, c in enumerate(own)),
        *theirs,
        maintain_column_froms=True,
    )
    return union_all(survey_part, response_part)


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
    return made_once_if_published(version, _PUBLISHED_DOCUMENTS, PUBLISHED_DOCUMENTS_KEPT, parse_document)


def is_shared(document: Document) -> bool:
    """A published document from the per-process store (nobody changes it)."""
    return any(kept is document for kept in _PUBLISHED_DOCUMENTS.values())
