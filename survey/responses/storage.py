"""Answer storage: read a response's answers as the flow sees them, and upsert what a step sent.

One row per (response, item_code, instance). Multiple-choice answers are stored as a JSON list of
option codes, numbers as text ("12", "7.5"), open answers as the raw text (the scrubbed copy is made
later, outside the request).
"""

from __future__ import annotations

import json
from functools import cache

from sqlalchemy import String, Text, and_, bindparam, cast, delete, insert, select, type_coerce, update

from survey.extensions import db
from survey.questionnaires.content.document import Document
from survey.questionnaires.content.registry import REGISTRY
from survey.responses.models import Answer, Response
from survey.responses.steps.flow import AnswerKey, Answers

Submitted = dict[AnswerKey, tuple[object, str | None]]


def _kind(document: Document, code: str) -> str:
    question = document.question(code)
    return REGISTRY[question.type].kind if question is not None else "text"


def decode(document: Document, answer: Answer):
    return decode_value(document, answer.item_code, answer.value)


def decode_value(document: Document, code: str, text: str):
    return _decoded(_kind(document, code), text)


def _decoded(kind: str, text: str):
    if kind == "multi":
        try:
            value = json.loads(text)
        except ValueError:
            return [text]
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]
    return text


def _kinds(document: Document) -> dict[str, str]:
    """The answer kind of every code ``document.question`` finds (a question's code and its item codes; the
    first question wins), in one pass instead of one search per answer."""
    kinds: dict[str, str] = {}
    for question in document.questions():
        kind = REGISTRY[question.type].kind
        for code in (question.code, *question.item_codes):
            kinds.setdefault(code, kind)
    return kinds


#: ``_kinds`` of shared documents, worked out once per process: id -> (document, kinds)
_SHARED_KINDS: dict[int, tuple[Document, dict[str, str]]] = {}
SHARED_KINDS_KEPT = 64


def _shared_kinds(document: Document) -> dict[str, str]:
    kept = _SHARED_KINDS.get(id(document))
    if kept is not None and kept[0] is document:
        return kept[1]
    if len(_SHARED_KINDS) >= SHARED_KINDS_KEPT:
        _SHARED_KINDS.clear()
    kinds = _kinds(document)
    _SHARED_KINDS[id(document)] = (document, kinds)  # kept with its document, so the id stays its own
    return kinds


def encode(value) -> str:
    return json.dumps(value) if isinstance(value, list) else str(value)


#: stored answers as plain values: (item_code, instance) -> (value, other_text)
Rows = dict[AnswerKey, tuple[str, str | None]]
_ANSWER = Answer.__table__


def rows_of(response: Response) -> Rows:
    return {(a.item_code, a.instance): (a.value, a.other_text) for a in response.answers}


def load_answers(response: Response | None, document: Document) -> tuple[Answers, dict[AnswerKey, str]]:
    """(answers by key, "anders, namelijk" texts by key) of a response; empty for none."""
    if response is None:
        return {}, {}
    return load_rows(rows_of(response), document)


def load_rows(rows: Rows, document: Document, shared: bool = False) -> tuple[Answers, dict[AnswerKey, str]]:
    """``load_answers`` of stored answers as plain values (``shared``: the document is a published one from
    the per-process store, which nobody changes, ``entries.is_shared``)."""
    answers: Answers = {}
    others: dict[AnswerKey, str] = {}
    kinds = (_shared_kinds(document) if shared else _kinds(document)) if rows else {}
    for key, (value, other_text) in rows.items():
        answers[key] = _decoded(kinds.get(key[0], "text"), value)
        if other_text:
            others[key] = other_text
    return answers, others


def merge_answers(answers: Answers, others: dict[AnswerKey, str], submitted: Submitted, document: Document) -> None:
    """Bring (answers, others) from ``load_answers`` up to date with what ``store_answers`` just stored."""
    for key, (value, other) in submitted.items():
        others.pop(key, None)
        if value is None:
            answers.pop(key, None)
            continue
        answers[key] = decode_value(document, key[0], encode(value))
        if other:
            others[key] = other


def same_as_stored(stored: Rows, submitted: Submitted) -> bool:
    """Whether a response's stored answers (``rows_of``) are exactly these (a repeated submit of the same step)."""
    for key, (value, other) in submitted.items():
        if value is None:
            if key in stored:
                return False
        elif stored.get(key) != (encode(value), other):
            return False
    return True


def store_answers(response: Response, submitted: Submitted) -> None:
    """Upsert the answers of one step; an emptied answer is removed. New answers go in as one multi-row
    INSERT (a whole page of answers is one statement, not one per answer)."""
    existing = {(a.item_code, a.instance): a for a in response.answers}
    new_rows = []
    for (code, instance), (value, other) in submitted.items():
        row = existing.get((code, instance))
        if value is None:
            if row is not None:
                response.answers.remove(row)
            continue
        text = encode(value)
        if row is None:
            new_rows.append(
                {
                    "response_id": response.id,
                    "item_code": code,
                    "instance": instance,
                    "value": text,
                    "other_text": other,
                }
            )
        elif (row.value, row.other_text) != (text, other):
            row.value, row.other_text, row.scrubbed_text = text, other, None
    db.session.flush()
    if new_rows:
        db.session.execute(insert(Answer), new_rows)
        db.session.expire(response, ["answers"])  # read again, with the new rows, when next needed


def drop_hidden_answers(response: Response, visible: set[AnswerKey]) -> None:
    """Remove answers to questions the respondent's final path skips (an earlier answer changed)."""
    for row in list(response.answers):
        if (row.item_code, row.instance) not in visible:
            response.answers.remove(row)
    db.session.flush()


_RESPONSE = Response.__table__


#: read once per answer row, so the status comes as its text and the background as JSON text, decoded once
_STATE_COLUMNS = (
    _RESPONSE.c.id,
    _RESPONSE.c.survey_id,
    _RESPONSE.c.version_id,
    type_coerce(_RESPONSE.c.status, String).label("status"),
    _RESPONSE.c.language,
    _RESPONSE.c.position,
    _RESPONSE.c.lock_version,
    cast(_RESPONSE.c.background, Text).label("background"),
    _RESPONSE.c.resume_hash,
)


@cache
def response_statement():
    """The response of a resume hash with its answers, one row per answer (one row without answers), for
    ``state.find_response``; the survey's statement reads the same rows with the survey
    (``entries.find_entry``)."""
    return (
        select(*_STATE_COLUMNS, _ANSWER.c.item_code, _ANSWER.c.instance, _ANSWER.c.value, _ANSWER.c.other_text)
        .select_from(_RESPONSE.outerjoin(_ANSWER, _ANSWER.c.response_id == _RESPONSE.c.id))
        .where(_RESPONSE.c.resume_hash == bindparam("wanted"))
    )


@cache
def _row_statements():
    where = and_(
        _ANSWER.c.response_id == bindparam("response"),
        _ANSWER.c.item_code == bindparam("code"),
        _ANSWER.c.instance == bindparam("key_instance"),
    )
    changed = (
        update(_ANSWER)
        .where(where)
        .values(value=bindparam("new_value"), other_text=bindparam("new_other"), scrubbed_text=None)
    )
    return changed, delete(_ANSWER).where(where)


@cache
def _insert_statement():
    return insert(_ANSWER)


def store_rows(response_id: str, rows: Rows, submitted: Submitted) -> None:
    """``store_answers`` with Core statements, for a response read as plain values: new answers in one
    INSERT, a changed one updated, an emptied one removed; ``rows`` is brought up to date."""
    new_rows, changed, removed = [], [], []
    for key, (value, other) in submitted.items():
        row = rows.get(key)
        if value is None:
            if row is not None:
                removed.append(key)
            continue
        text = encode(value)
        if row is None:
            new_rows.append(
                {
                    "response_id": response_id,
                    "item_code": key[0],
                    "instance": key[1],
                    "value": text,
                    "other_text": other,
                }
            )
        elif row != (text, other):
            changed.append(
                {"response": response_id, "code": key[0], "key_instance": key[1], "new_value": text, "new_other": other}
            )
        rows[key] = (text, other)
    if changed:
        execute(_row_statements()[0], changed)
    remove_rows(response_id, rows, removed)
    if new_rows:
        execute(_insert_statement(), new_rows)


def execute(statement, parameters=None):
    """A Core statement of the respondent's request on the session's connection, in its transaction: the
    same as ``db.session.execute`` for a statement without ORM entities, without the ORM's steps around it."""
    return db.session.connection().execute(statement, parameters)


def first_read(statement, parameters=None) -> list:
    """The rows of the request's first statement, a read. On PostgreSQL it runs outside a transaction, as a
    read does on SQLite (whose driver begins a transaction only at the first write): a statement sees one
    snapshot either way (read committed), so a request that only reads sends neither BEGIN nor ROLLBACK,
    and one that writes begins its transaction at its first write, as before."""
    connection = db.session.connection()
    raw = connection.connection.dbapi_connection
    if not _idle_psycopg(raw):
        return _read(connection, statement, parameters)
    raw.autocommit = True
    try:
        return _read(connection, statement, parameters)
    finally:
        if not raw.closed:
            raw.autocommit = False


def _read(connection, statement, parameters) -> list:
    """The rows of a read. When SQLAlchemy would change none of its values (``_driver_sql``), its SQL, made
    once per process, goes to the driver's cursor through the connection's own step for that (the same
    events, logging, and handling of a driver's error, a lost connection included), and the rows are the
    driver's tuples; else through ``Connection.execute``."""
    plain = _driver_sql(statement, connection.dialect)
    given = parameters or {}
    if plain is None or given.keys() != plain[2]:
        return connection.execute(statement, parameters).all()
    sql, names, _ = plain
    cursor = connection.connection.cursor()
    try:
        values = dict(given) if names is None else tuple(given[name] for name in names)
        connection._cursor_execute(cursor, sql, values)  # noqa: SLF001 - SQLAlchemy's execution of plain SQL
        return cursor.fetchall()
    finally:
        cursor.close()


#: ids of (statement, dialect) -> (statement, dialect, plain): plain is (SQL, the names of its positional
#: parameters or None for named ones, all its names), or None
_DRIVER_SQL: dict[tuple, tuple] = {}
DRIVER_SQL_KEPT = 64


def _driver_sql(statement, dialect):
    """The statement's SQL for this dialect, compiled once per process, when no value of it goes through a
    SQLAlchemy type's processing (no bind or result processor, no parameter expanded or renamed); else None."""
    key = (id(statement), id(dialect))
    kept = _DRIVER_SQL.get(key)
    if kept is not None and kept[0] is statement and kept[1] is dialect:
        return kept[2]
    compiled = statement.compile(dialect=dialect)
    plain = None
    if (
        not compiled._bind_processors  # noqa: SLF001 - SQLAlchemy's own record of what a value goes through
        and not compiled.escaped_bind_names
        and not compiled.literal_execute_params
        and not compiled.post_compile_params
        and all(_no_processing(column.type, dialect) for column in statement.selected_columns)
    ):
        names = tuple(compiled.positiontup) if compiled.positional else None
        plain = (compiled.string, names, frozenset(compiled.binds))
    if len(_DRIVER_SQL) >= DRIVER_SQL_KEPT:
        _DRIVER_SQL.clear()
    _DRIVER_SQL[key] = (statement, dialect, plain)  # kept with its statement, so the id stays its own
    return plain


def _no_processing(kind, dialect) -> bool:
    return kind.dialect_impl(dialect).result_processor(dialect, None) is None


def _idle_psycopg(raw) -> bool:
    """A psycopg connection in transaction mode with no transaction open yet."""
    info = getattr(raw, "info", None)
    return (
        type(raw).__module__.startswith("psycopg")
        and not raw.autocommit
        and info is not None
        and getattr(info.transaction_status, "name", None) == "IDLE"
    )


def remove_rows(response_id: str, rows: Rows, keys: list[AnswerKey]) -> None:
    if keys:
        execute(
            _row_statements()[1],
            [{"response": response_id, "code": code, "key_instance": instance} for code, instance in keys],
        )
    for key in keys:
        rows.pop(key, None)
