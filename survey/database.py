"""Declarative base with a naming convention, and the one place that imports every model."""

import importlib
from functools import cache

import sqlalchemy as sa
from sqlalchemy import MetaData, event, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase

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
        cursor.execute("PRAGMA busy_timeout=20000")
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute("PRAGMA journal_size_limit=0")
        cursor.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT_PAGES}")
        cursor.close()


def truncate_wal(session) -> None:
    """SQLite: copy the write-ahead log into the database and empty the file (after a ledger batch, at
    fieldwork close and after sending), waiting for readers; nothing on PostgreSQL."""
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))


def refresh_statistics(session) -> None:
    """PostgreSQL: after a bulk load (the demo), let the planner see the new rows at once (``ANALYZE``, after
    the commit; it also makes every connection plan its prepared statements again). Right after the demo load,
    the results page's count of themes once ran for more than 15 minutes in the test suite's PostgreSQL (a plan
    made before the rows arrived, most likely a connection's cached plan from earlier tests); with the tables
    analyzed it takes 1-10 ms. Nothing on SQLite."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("ANALYZE"))
        session.commit()
