"""Background jobs on Huey: SQLite file by default (no server), Redis in production, immediate in tests.

The queue is chosen by SURVEY_JOBS_URL when this module is imported (Huey registers tasks at import):
empty for ``instance/jobs.sqlite3``, ``redis://…`` for Redis, ``immediate`` to run tasks at once.
A consumer runs as ``huey_consumer survey.worker.huey`` or, with SURVEY_JOBS_EMBEDDED=1, as a thread
inside the web process. Jobs are queued only after the database commit that made their work visible.
"""

import functools
import os
import signal
import threading

from huey import MemoryHuey, RedisHuey, SqliteHuey
from huey.storage import SqliteStorage
from sqlalchemy import event
from sqlalchemy.orm import Session

from survey.config import PROJECT_ROOT


def _build_huey():
    url = os.environ.get("SURVEY_JOBS_URL", "")
    if url == "immediate":
        return MemoryHuey("survey", immediate=True)
    if url.startswith(("redis://", "rediss://", "unix://")):
        return RedisHuey("survey", url=url, results=False)  # no result is kept; jobs carry ids only
    path = url.removeprefix("sqlite:///") if url else str(PROJECT_ROOT / "instance" / "jobs.sqlite3")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    return SqliteHuey(
        "survey", filename=path, journal_mode="delete", storage_class=ForgetfulSqliteStorage, results=False
    )


class ForgetfulSqliteStorage(SqliteStorage):
    """The job file keeps nothing of a finished job: deleted rows are overwritten with zeros and there is no
    write-ahead log (the rollback journal is deleted after each commit). Jobs are few, so the cost of the
    rollback journal (bench/sqlite_history.py) does not matter here."""

    def _create_connection(self):
        conn = super()._create_connection()
        conn.execute("PRAGMA secure_delete=ON")
        return conn


huey = _build_huey()
_state = {"app": None, "consumer": None}
_lock = threading.Lock()
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def init_app(app) -> None:
    """Remember the app for jobs; switch to immediate mode or start an embedded consumer if asked."""
    _state["app"] = app
    if app.config.get("JOBS_URL") == "immediate":
        huey.immediate = True
    elif app.config.get("JOBS_EMBEDDED"):
        start_embedded_consumer()


def start_embedded_consumer(workers: int = 2):
    """Run jobs in daemon threads of this process (development, single-process setups).

    Huey's ``start()`` takes over SIGINT, SIGTERM and SIGHUP for a consumer loop that an embedded consumer
    never runs, so one Ctrl+C would only set a flag: the process's own handlers are put back at once."""
    with _lock:
        if _state["consumer"] is None:
            consumer = huey.create_consumer(workers=workers, worker_type="thread", periodic=True)
            saved = {signum: signal.getsignal(signum) for signum in STOP_SIGNALS}
            consumer.start()
            for signum, handler in saved.items():
                if handler is not None:
                    signal.signal(signum, handler)
            _state["consumer"] = consumer
    return _state["consumer"]


def _application():
    if _state["app"] is None:
        from survey import create_app

        create_app()
    return _state["app"]


def task(**options):
    """Declare a job. It runs in its own app context and commits once when it succeeds."""

    def decorate(fn):
        @functools.wraps(fn)
        def run(*args, **kwargs):
            from survey.extensions import db

            with _application().app_context():
                try:
                    result = fn(*args, **kwargs)
                    db.session.commit()
                    return result
                except Exception:
                    db.session.rollback()
                    raise

        return huey.task(**options)(run)

    return decorate


def enqueue_after_commit(session: Session, job, *args, **kwargs) -> None:
    """Queue a job once the session's transaction commits; dropped if it rolls back."""
    if not session.in_transaction():
        session.begin()  # tie the job to a transaction so a rollback can drop it
    session.info.setdefault("deferred_jobs", []).append((job, args, kwargs))


@event.listens_for(Session, "after_commit")
def _run_deferred(session):
    pending = session.info.pop("deferred_jobs", [])
    for job, args, kwargs in pending:
        job(*args, **kwargs)


@event.listens_for(Session, "after_soft_rollback")
def _drop_deferred(session, previous_transaction):
    if previous_transaction.parent is None:  # the outermost transaction was rolled back
        session.info.pop("deferred_jobs", None)
