"""A real gunicorn server for reliability tests and the load benchmark.

``prepare_database`` gives a database its schema (a fresh SQLite file) or empties it (PostgreSQL);
``seed_ceo`` loads a CEO round through the application's own services (template, publish, open
fieldwork, import invitees, invite) and returns the personal links from the mails; ``LiveServer``
starts gunicorn with the documented ``gunicorn.conf.py`` on a free loopback port and stops it again.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

os.environ.setdefault("SURVEY_JOBS_URL", "immediate")  # before survey.jobs is imported

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
SECRET = "reliability-secret-key-for-tests-only"
LINK = re.compile(r"/r/([A-Za-z0-9_\-]{20,})")
CODE = re.compile(r"code: ([A-Z0-9]{5}-[A-Z0-9]{5})")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def app_for(database_url: str, **overrides):
    """The application on this database, configured as the server is (jobs at once, mail in memory)."""
    from survey import create_app

    config = {
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SECRET_KEY": SECRET,
        "MAIL_BACKEND": "memory",
        "JOBS_URL": "immediate",
        "BASE_URL": "http://127.0.0.1",
        "RATELIMIT_ENABLED": False,
    }
    config.update(overrides)
    return create_app(config)


def prepare_database(database_url: str) -> None:
    """A fresh schema on SQLite; every table emptied on PostgreSQL (the schema is the suite's)."""
    from sqlalchemy import create_engine, text

    from survey.config import normalise_database_url
    from survey.database import Base, import_models

    import_models()
    engine = create_engine(normalise_database_url(database_url))
    try:
        if engine.dialect.name == "sqlite":
            Base.metadata.create_all(engine)
        else:
            schema_of_this_code(engine)
            tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
            with engine.begin() as conn:
                conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    finally:
        engine.dispose()


#: a table of its own in the test database: the fingerprint of the schema the tables were made with
SCHEMA_MARK = "test_schema_fingerprint"


def schema_of_this_code(engine) -> None:
    """PostgreSQL: the tables as this code defines them. A database kept from a run of older code (a worker's
    own database lives on between runs) is emptied of every table and made again, because ``create_all``
    adds missing tables but never a changed column."""
    import hashlib

    from sqlalchemy import MetaData, text
    from sqlalchemy.schema import CreateTable

    from survey.database import Base

    ddl = "\n".join(str(CreateTable(t).compile(engine)) for t in Base.metadata.sorted_tables)
    fingerprint = hashlib.sha256(ddl.encode()).hexdigest()
    with engine.begin() as conn:
        conn.execute(text(f"CREATE TABLE IF NOT EXISTS {SCHEMA_MARK} (fingerprint text)"))
        if conn.scalar(text(f"SELECT fingerprint FROM {SCHEMA_MARK}")) == fingerprint:
            Base.metadata.create_all(conn)
            return
    meta = MetaData()
    meta.reflect(engine)
    meta.drop_all(engine)
    Base.metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(text(f"CREATE TABLE {SCHEMA_MARK} (fingerprint text)"))
        conn.execute(text(f"INSERT INTO {SCHEMA_MARK} VALUES (:f)"), {"f": fingerprint})


@dataclass
class Seed:
    survey_id: int
    region_slug: str
    links: list[str]  # "/r/<token>", one per invitee
    emails: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)  # the short code of each invitee, in the order of links


def contact_csv(count: int) -> bytes:
    lines = ["e-mail;gemeente;leeftijd"] + [f"ouder{n}@example.nl;Gemeente {n % 4};{12 + n % 10}" for n in range(count)]
    return "\n".join(lines).encode("utf-8")


def seed_ceo(
    database_url: str,
    invitees: int,
    *,
    template: str = "ceo_ouders",
    display_mode: str | None = None,
    slug: str = "rijnmond",
) -> Seed:
    """A region with an open CEO round from a shipped template and ``invitees`` invited by e-mail."""
    from sqlalchemy import select

    from survey import mail
    from survey.accounts.models import Region
    from survey.extensions import db
    from survey.fieldwork import sending, services
    from survey.fieldwork.invitees import importing
    from survey.questionnaires import services as questionnaires
    from survey.questionnaires import versions
    from survey.questionnaires.models import DisplayMode

    app = app_for(database_url)
    with app.app_context(), app.test_request_context():
        region = db.session.scalar(select(Region).where(Region.slug == slug))
        if region is None:
            region = Region(slug=slug, name="Jeugdhulpregio " + slug.title())
            db.session.add(region)
            db.session.flush()
        survey = questionnaires.create_from_template(region, template)
        if display_mode:
            survey.display_mode = DisplayMode(display_mode)
        versions.publish(survey, versions.lock_token(survey))
        assert services.open_fieldwork(survey)
        report = importing.import_contacts(survey, contact_csv(invitees), "genodigden.csv")
        assert report.imported == invitees, report
        db.session.commit()
        mail.outbox.clear()
        sending.invite(survey, date.today())
        db.session.commit()
        links, emails, codes = [], [], []
        for message in mail.outbox:
            links.append("/r/" + LINK.search(message.get_content()).group(1))
            emails.append(message["To"])
            codes.append(CODE.search(message.get_content()).group(1))
        mail.outbox.clear()
        seed = Seed(survey.id, region.slug, links, emails, codes)
        db.session.remove()
        db.engine.dispose()
    return seed


@dataclass
class LiveServer:
    """gunicorn with ``gunicorn.conf.py`` on a free loopback port, its own database and log files."""

    database_url: str
    workers: int = 2
    log_dir: Path = field(default_factory=lambda: Path(tempfile.gettempdir()))
    env: dict = field(default_factory=dict)
    port: int = 0
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def access_log(self) -> Path:
        return self.log_dir / "access.log"

    @property
    def error_log(self) -> Path:
        return self.log_dir / "error.log"

    def start(self, timeout: float = 60) -> LiveServer:
        self.port = free_port()
        self.log_dir.mkdir(parents=True, exist_ok=True)
        # jobs (mail, scrubbing) are queued in a file of their own, as for a separate consumer in production
        env = {
            **os.environ,
            "SURVEY_DATABASE_URL": self.database_url,
            "SURVEY_SECRET_KEY": SECRET,
            "SURVEY_JOBS_URL": f"sqlite:///{self.log_dir / 'jobs.sqlite3'}",
            "SURVEY_MAIL_BACKEND": "memory",
            "SURVEY_BASE_URL": self.url,
            "GUNICORN_ACCESSLOG": str(self.access_log),
            **self.env,
        }
        command = [
            GUNICORN,
            "-c",
            str(ROOT / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--error-logfile",
            str(self.error_log),
        ]
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,  # noqa: S603
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.wait_healthy(timeout)
        return self

    def wait_healthy(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("gunicorn stopped: " + self.error_log.read_text(errors="replace")[-2000:])
            try:
                with urllib.request.urlopen(self.url + "/health", timeout=5) as answer:  # noqa: S310
                    if answer.status == 200 and len(self.worker_pids()) == self.workers:
                        return
            except OSError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not become healthy in time")

    def worker_pids(self) -> list[int]:
        """The pids of the current workers (children of the master process)."""
        if self.process is None:
            return []
        try:
            children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text().split()
        except OSError:
            return []
        return [int(pid) for pid in children]

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def __enter__(self) -> LiveServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def add_staff(database_url: str, email: str, *, slug: str = "rijnmond", role: str = "onderzoeker") -> str:
    """A staff member of the region with the test password (tests.helpers.TEST_PASSWORD)."""
    from sqlalchemy import select
    from werkzeug.security import generate_password_hash

    from survey.accounts.models import Membership, Region, Role, User
    from survey.extensions import db
    from tests.helpers import TEST_PASSWORD

    app = app_for(database_url)
    with app.app_context():
        region = db.session.scalar(select(Region).where(Region.slug == slug))
        user = User(email=email, name=email.split("@")[0], password_hash=generate_password_hash(TEST_PASSWORD))
        db.session.add_all([user, Membership(user=user, region=region, role=Role(role))])
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    return email


@dataclass
class RedisServer:
    """Debian's ``redis-server`` on a free loopback port, nothing written to disk; stopped on exit."""

    folder: Path
    port: int = 0
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 30) -> RedisServer:
        import redis

        self.port = free_port()
        self.folder.mkdir(parents=True, exist_ok=True)
        command = [
            "redis-server",
            "--bind",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(self.folder),
        ]
        self.process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,  # noqa: S603
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        client = redis.Redis.from_url(self.url)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("redis-server stopped at start")
            try:
                if client.ping():
                    return self
            except redis.ConnectionError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("redis-server did not answer in time")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def __enter__(self) -> RedisServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
