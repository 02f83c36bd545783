"""Shared fixtures: a fresh database per test (SQLite by default, PostgreSQL when
SURVEY_TEST_DATABASE_URL is set), the app, a client, factories and login."""

import contextvars
import os
import shutil
from pathlib import Path

os.environ["SURVEY_JOBS_URL"] = "immediate"  # before survey.jobs is imported

import pytest  # noqa: E402
from flask import has_app_context, session  # noqa: E402
from flask.testing import FlaskClient  # noqa: E402
from flask_login import login_user  # noqa: E402
from sqlalchemy import MetaData, create_engine  # noqa: E402
from werkzeug.security import generate_password_hash  # noqa: E402

from survey import create_app, mail  # noqa: E402
from survey.accounts.models import Membership, Region, Role, User  # noqa: E402
from survey.config import normalise_database_url  # noqa: E402
from survey.database import Base, import_models  # noqa: E402
from survey.extensions import db as _db  # noqa: E402
from tests.helpers import TEST_PASSWORD, TableReset, TableRows, release_leftover_transactions  # noqa: E402
from tests.reliability.server import schema_of_this_code  # noqa: E402


def _own_databases_per_worker():
    """Under pytest-xdist (``make test`` runs one worker per core) every worker but the first gets a
    PostgreSQL database of its own (the given one's name plus the worker's, created when missing) and a
    Redis database number of its own, so parallel tests never empty each other's tables or keys."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    number = int(worker.removeprefix("gw"))
    if number == 0 or os.environ.get("SURVEY_TEST_WORKER_DATABASES") == worker:  # conftest imported twice
        return
    os.environ["SURVEY_TEST_WORKER_DATABASES"] = worker
    if url := os.environ.get("SURVEY_TEST_DATABASE_URL"):
        os.environ["SURVEY_TEST_DATABASE_URL"] = _worker_database(url, worker)
    if url := os.environ.get("SURVEY_TEST_REDIS_URL"):
        base, _, index = url.rpartition("/")
        os.environ["SURVEY_TEST_REDIS_URL"] = f"{base}/{(int(index or 0) - number) % 16}"


def _worker_database(url: str, worker: str) -> str:
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    given = make_url(normalise_database_url(url))
    name = f"{given.database}_{worker}"
    engine = create_engine(given, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        if not connection.scalar(text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}):
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine.dispose()
    return given.set(database=name).render_as_string(hide_password=False)


_own_databases_per_worker()
PG_URL = os.environ.get("SURVEY_TEST_DATABASE_URL")

_HASH = generate_password_hash(TEST_PASSWORD)


def pytest_collection_modifyitems(config, items):
    """Tests marked ``postgresql`` belong to the PostgreSQL run only (``make test-pg`` in CI), tests marked
    ``sqlite`` to the SQLite run only (``make test``). The files that take longest come first (below)."""
    other = "sqlite" if PG_URL else "postgresql"
    elsewhere = [item for item in items if item.get_closest_marker(other)]
    if elsewhere:
        config.hook.pytest_deselected(items=elsewhere)
        items[:] = [item for item in items if not item.get_closest_marker(other)]
    items[:] = longest_files_first(items)


#: what a test is expected to take, in seconds, by kind: only the order of files depends on it
EXPECTED_SECONDS = {"browser": 6.0, "slow": 4.0, "other": 0.3}


def longest_files_first(items: list) -> list:
    """The tests file by file, the files in the order of their expected time, longest first, each file's
    own order kept. The parallel run (``make test``) hands out whole files in this order
    (``--dist loadfile --no-loadscope-reorder``), so a long file never starts last while the other worker
    has run out of files: xdist's own order, most tests first, left the six walks of every template
    language (2.5 minutes) to the end of the run."""
    files: dict[str, list] = {}
    for item in items:
        files.setdefault(item.nodeid.split("::")[0], []).append(item)

    def expected(tests: list) -> float:
        kinds = (
            "browser" if "tests/browser/" in test.nodeid else "slow" if test.get_closest_marker("slow") else "other"
            for test in tests
        )
        return sum(EXPECTED_SECONDS[kind] for kind in kinds)

    ordered = sorted(files.values(), key=expected, reverse=True)  # a stable sort: equal files keep their order
    return [item for tests in ordered for item in tests]


@pytest.fixture(scope="session")
def database_template(tmp_path_factory):
    """Build the schema once per run: a template SQLite file that each test copies, or the PostgreSQL
    tables, with the reset that empties what a test touched (``tests.helpers.TableReset``)."""
    import_models()
    if PG_URL:
        engine = create_engine(normalise_database_url(PG_URL))
        Base.metadata.drop_all(engine)
        _drop_leftovers(engine)
        schema_of_this_code(engine)  # made afresh, with the fingerprint a live server's database checks
        engine.dispose()
        return TableReset(Base.metadata)
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    Base.metadata.create_all(engine)
    engine.dispose()
    return path


def _drop_leftovers(engine):
    """Tables from an earlier run with another schema (e.g. alembic_version) must not linger."""
    meta = MetaData()
    meta.reflect(engine)
    meta.drop_all(engine)


class IsolatedClient(FlaskClient):
    """Each request gets its own app context (own ``g`` and database session), as in production,
    even though the test itself holds an app context; the test's session then sees fresh data."""

    def open(self, *args, **kwargs):
        # an empty context: no app context is active in it, so Flask pushes one of the request's own
        response = contextvars.Context().run(super().open, *args, **kwargs)
        if has_app_context():  # not in a redirect followed inside the empty context
            _db.session.expire_all()
        return response


class KeepTextScrubber:
    """Stands in for deduce in tests that do not test scrubbing (deduce needs ~1 GB and seconds to load)."""

    def scrub(self, texts, terms):
        return list(texts)


def make_test_app(database_uri, **overrides):
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_uri,
        "MAIL_BACKEND": "memory",
        "JOBS_URL": "immediate",
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        "BASE_URL": "http://localhost",
        "SERVER_NAME": None,
        "CODING_SCRUBBER": KeepTextScrubber(),
    }
    config.update(overrides)
    return create_app(config)


@pytest.fixture
def app_config():
    """Override in a test module (or parametrize) to change the configuration."""
    return {}


@pytest.fixture(scope="session")
def demo_template(database_template, tmp_path_factory):
    """The demo region loaded once (``flask demo load`` takes ~10 s): on SQLite a copy of the template
    with it, on PostgreSQL its rows (``tests.helpers.TableRows``). Tests that ask for the ``demo``
    fixture with the default configuration start from it, and their own ``load_demo()`` then finds
    everything in place, as a second ``flask demo load`` does."""
    from survey.demo import load_demo

    if PG_URL:
        application = make_test_app(normalise_database_url(PG_URL))
        with application.app_context():
            load_demo()
            _db.session.remove()
            rows = TableRows.read(Base.metadata, _db.engine)
            database_template(_db.engine)
            _db.engine.dispose()
        return rows
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    shutil.copyfile(database_template, path)
    application = make_test_app(f"sqlite:///{path}")
    with application.app_context():
        load_demo()
        _db.session.remove()
        _db.engine.dispose()
    return path


#: the app with the default configuration, built once per pytest process: building one costs ~0.2 s of CPU
#: (werkzeug compiles a URL builder per route), which was most of a short test's time
_DEFAULT_APP: dict = {}


@pytest.fixture
def app(database_template, tmp_path, app_config, request):
    wants_demo = "demo" in request.fixturenames and not app_config
    shared = not app_config  # a test that changes the configuration gets an app of its own
    if PG_URL:
        uri = normalise_database_url(PG_URL)
        if wants_demo:
            request.getfixturevalue("demo_template").write(create_engine(uri))
    else:
        source = request.getfixturevalue("demo_template") if wants_demo else database_template
        target = _shared_database_file(database_template) if shared else tmp_path / "test.sqlite3"
        _fresh_copy(source, target)
        uri = f"sqlite:///{target}"
    application = _shared_app(uri) if shared else make_test_app(uri, **app_config)
    application.test_client_class = IsolatedClient
    mail.outbox.clear()
    with application.app_context():
        yield application
        _db.session.remove()
        if PG_URL:
            release_leftover_transactions(_db.engine)
            database_template(_db.engine)
        _db.engine.dispose()
    if shared:
        application.config.clear()
        application.config.update(_DEFAULT_APP["config"])


def _shared_app(uri: str):
    """The default app of this process, pointed at again by the process-wide parts (the job runner and the
    limiter's switch), which the last app built with another configuration took over."""
    from survey import jobs
    from survey.extensions import limiter

    if "app" not in _DEFAULT_APP:
        _DEFAULT_APP["app"] = make_test_app(uri)
        _DEFAULT_APP["config"] = dict(_DEFAULT_APP["app"].config)
    application = _DEFAULT_APP["app"]
    jobs.init_app(application)
    limiter.enabled = application.config["RATELIMIT_ENABLED"]
    return application


def _shared_database_file(template) -> Path:
    """The default app's database file: one path per process, filled anew for every test."""
    return Path(template).with_name(f"shared-{os.getpid()}.sqlite3")


def _fresh_copy(source, target) -> None:
    """Copy the database to a new file that replaces the target, so a connection left open by the last test
    keeps its own (deleted) file, and no write-ahead log of that test is read into this one."""
    target = Path(target)
    for leftover in (target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
        leftover.unlink(missing_ok=True)
    fresh = target.with_name(target.name + ".new")
    shutil.copyfile(source, fresh)
    os.replace(fresh, target)


@pytest.fixture
def real_queue(caplog):
    """The job queue as a consumer sees it: jobs are stored until a test runs them (``tests.helpers.run_queue``),
    and put back with a delay when they fail."""
    import logging

    from survey.jobs import huey

    caplog.set_level(logging.CRITICAL, logger="huey")  # the failures on purpose are logged as errors
    huey.immediate = False
    yield huey
    huey.flush()
    huey.immediate = True


@pytest.fixture
def db(app):
    return _db


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def outbox(app):
    return mail.outbox


@pytest.fixture
def make_region(db):
    counter = {"n": 0}

    def factory(slug=None, name=None):
        counter["n"] += 1
        slug = slug or f"regio{counter['n']}"
        region = Region(slug=slug, name=name or f"Regio {slug}")
        db.session.add(region)
        db.session.commit()
        return region

    return factory


@pytest.fixture
def make_user(db):
    counter = {"n": 0}

    def factory(region=None, role=Role.ONDERZOEKER, email=None, superuser=False, name=None):
        counter["n"] += 1
        user = User(
            email=email or f"medewerker{counter['n']}@example.org",
            name=name or f"Medewerker {counter['n']}",
            password_hash=_HASH,
            is_superuser=superuser,
        )
        db.session.add(user)
        if region is not None:
            db.session.add(Membership(user=user, region=region, role=Role(role)))
        db.session.commit()
        return user

    return factory


def login_session(app, user, environ_base) -> dict:
    """The session keys Flask-Login's ``login_user`` sets for ``user`` in a request from this client."""
    with app.test_request_context(environ_base=environ_base):
        login_user(user, fresh=True)
        return {key: value for key, value in session.items() if key.startswith("_")}


@pytest.fixture
def login(app, client):
    """Log a user in on the test client without the cost of a password check."""

    def do_login(user, on=None):
        target = on or client
        with target.session_transaction() as session:
            session.update(login_session(app, user, target.environ_base))
        return target

    return do_login


@pytest.fixture
def region(make_region):
    return make_region("rijnmond", "Jeugdhulpregio Rijnmond")


@pytest.fixture
def other_region(make_region):
    return make_region("haaglanden", "Jeugdhulpregio Haaglanden")
