"""Declarative base with a naming convention, the one place that imports every model, and the connection
settings of every engine (SQLite pragmas, the check of a pooled server connection before use)."""

import importlib
import secrets
import select
import time
from functools import cache

import sqlalchemy as sa
from sqlalchemy import MetaData, event, exc, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, mapped_column
from sqlalchemy.pool import Pool

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: every module with models; Alembic and the factory import them through import_models()
MODEL_MODULES = [
    "survey.accounts.models",
    "survey.audit.models",
    "survey.questionnaires.models",
    "survey.responses.models",
    "survey.fieldwork.models",
    "survey.coding.models",
    "survey.programmes.models",
    "survey.programmes.monitor.indicators",
    "survey.programmes.progress_reports.models",
    "survey.evaluations.models",
    "survey.reports.models",
    "survey.reports.api.models",
]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


#: the table option of a table whose key is random (a response, an answer, a pending ledger entry): on SQLite
#: its rows are stored in the order of that key, not in a hidden rowid that counts up as rows are made, so
#: neither ``SELECT rowid`` nor a scan of the table lists them in the order they came (PostgreSQL ignores it;
#: what is left of the order in either engine: docs/security.md, "Residual risks")
RANDOM_ORDER = {"sqlite_with_rowid": False}


def random_id() -> int:
    """A random positive 63-bit integer key (a BIGINT on PostgreSQL): ids of answer-side rows, made in the order
    respondents answer, must not count up. A new id meets one of ten million others about once in 10^12."""
    return secrets.randbits(63) or 1


def random_id_column(**options):
    """An integer primary key from :func:`random_id`: no sequence, no SERIAL, no SQLite rowid alias."""
    return mapped_column(sa.BigInteger, primary_key=True, autoincrement=False, default=random_id, **options)


def enum_column(kind, length: int = 20) -> sa.Enum:
    """An Enum stored as its value in a VARCHAR with a CHECK, as everywhere in the platform."""
    return sa.Enum(kind, native_enum=False, length=length, values_callable=lambda e: [m.value for m in e])


@cache
def insert_unless_taken(table: sa.Table, dialect: str, returning: str = "id"):
    """INSERT into ``table`` that does nothing when a unique key is taken already; it returns the row's
    ``returning`` column, or no row (the driver's row count is not reliable here on PostgreSQL). Made once per
    process and dialect (a respondent's request asks it)."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(table).on_conflict_do_nothing().returning(table.c[returning])


def import_models() -> None:
    """Import every models module so the metadata is complete."""
    for name in MODEL_MODULES:
        importlib.import_module(name)


#: WAL pages after which SQLite copies the log back into the database (its default is 1000)
WAL_AUTOCHECKPOINT_PAGES = 100
#: how long an SQLite statement waits for a lock another connection holds
BUSY_TIMEOUT_MS = 20000


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record):
    """SQLite: enforce foreign keys, WAL for concurrent readers, wait instead of failing on locks; and keep no
    history: deleted rows are overwritten with zeros (``secure_delete``), and the write-ahead log is cut back
    to nothing each time it starts over (``journal_size_limit=0``) after a checkpoint every 100 pages, so old
    row images do not linger in ``-wal`` (bench/sqlite_history.py measures the settings)."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute("PRAGMA journal_size_limit=0")
        cursor.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT_PAGES}")
        cursor.close()


#: a pooled server connection idle for longer than this is asked "SELECT 1" before it is used again (a
#: connection dropped by the network, without a word from the server, is found only by asking)
PING_AFTER_IDLE_SECONDS = 10.0


@event.listens_for(Pool, "checkin")
def _note_idle_since(dbapi_connection, connection_record):
    connection_record.info["idle_since"] = time.monotonic()


@event.listens_for(Pool, "checkout")
def _check_server_connection(dbapi_connection, connection_record, connection_proxy):
    """Before a request uses a pooled PostgreSQL connection: is it still alive? A server that restarted or
    ended the backend has sent its last message and closed the socket, so an idle connection whose socket has
    something to read, or that psycopg already knows broken, is dead or must be asked; so is one idle for
    longer than ``PING_AFTER_IDLE_SECONDS``. Only those are asked "SELECT 1" (one round trip); a dead one is
    replaced by a new connection before the request sees it (``DisconnectionError``: the pool connects
    again). SQLAlchemy's ``pool_pre_ping`` asks on every checkout, a round trip in every request.
    A SQLite file has no connection to lose and is never asked."""
    if not type(dbapi_connection).__module__.startswith("psycopg"):
        return
    idle_since = connection_record.info.get("idle_since")
    if _socket_quiet(dbapi_connection) and (
        idle_since is None or time.monotonic() - idle_since <= PING_AFTER_IDLE_SECONDS
    ):
        return
    try:
        _ping(dbapi_connection)
    except Exception as error:  # any failure of the ping: connect again
        raise exc.DisconnectionError(str(error)) from error


def _socket_quiet(dbapi_connection) -> bool:
    """A psycopg connection neither closed nor broken, with nothing waiting on its socket (one poll that does
    not wait; a server's closing message or the end of the stream is something to read)."""
    if dbapi_connection.closed or dbapi_connection.broken:
        return False
    try:
        poller = select.poll()
        poller.register(dbapi_connection.pgconn.socket, select.POLLIN | select.POLLPRI)
        return not poller.poll(0)
    except Exception:  # noqa: BLE001 - an OSError, or psycopg's own error for a socket it no longer has
        return False


def _ping(dbapi_connection) -> None:
    """``SELECT 1`` outside a transaction, as SQLAlchemy's own ping for psycopg does."""
    autocommit = dbapi_connection.autocommit
    dbapi_connection.autocommit = True
    try:
        dbapi_connection.execute("SELECT 1")
    finally:
        if not dbapi_connection.closed:
            dbapi_connection.autocommit = autocommit


def truncate_wal(session, wait_ms: int | None = None) -> bool:
    """SQLite: copy the write-ahead log into the database and empty the file (after a ledger batch, at
    fieldwork close and after sending); nothing on PostgreSQL. True when done (always on PostgreSQL).

    The checkpoint waits until no reader uses the log, and holds off writers meanwhile: for the connection's
    busy timeout (20 s), or ``wait_ms`` in a respondent's request, which then leaves the log as it is (False)
    rather than keep the respondent and every writer waiting. Run it outside a transaction (after a commit)."""
    if session.get_bind().dialect.name != "sqlite":
        return True
    if wait_ms is None:
        return not session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)")).one()[0]
    session.execute(text(f"PRAGMA busy_timeout={int(wait_ms)}"))
    try:
        return not session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)")).one()[0]
    finally:
        session.execute(text(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}"))


def refresh_statistics(session) -> None:
    """PostgreSQL: after a bulk load (the demo), let the planner see the new rows at once (``ANALYZE``, after
    the commit; it also makes every connection plan its prepared statements again). Right after the demo load,
    the results page's count of themes once ran for more than 15 minutes in the test suite's PostgreSQL (a plan
    made before the rows arrived, most likely a connection's cached plan from earlier tests); with the tables
    analyzed it takes 1-10 ms. Nothing on SQLite."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("ANALYZE"))
        session.commit()
