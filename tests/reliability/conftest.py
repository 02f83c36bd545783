"""Fixtures for tests against a real server: a database of its own (a fresh SQLite file, or the test
PostgreSQL database when SURVEY_TEST_DATABASE_URL is set) and gunicorn processes that are always
stopped at the end."""

import os

import pytest

from survey.config import normalise_database_url
from tests.reliability.server import LiveServer, prepare_database

PG_URL = os.environ.get("SURVEY_TEST_DATABASE_URL")


@pytest.fixture
def live_database(tmp_path):
    """The URL of an empty database with the full schema, emptied again afterwards (PostgreSQL)."""
    url = normalise_database_url(PG_URL) if PG_URL else f"sqlite:///{tmp_path / 'live.sqlite3'}"
    prepare_database(url)
    yield url
    if PG_URL:
        prepare_database(url)


@pytest.fixture
def start_server(tmp_path):
    """Start gunicorn (``gunicorn.conf.py``) on a free loopback port; every server is stopped at the end."""
    servers = []

    def start(database_url, workers=2, env=None, name="server"):
        server = LiveServer(database_url, workers=workers, log_dir=tmp_path / name, env=env or {})
        servers.append(server)
        return server.start()

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="module")
def shared_server(tmp_path_factory):
    """One database and one gunicorn (2 workers) for a whole test module; each test seeds its own survey."""
    folder = tmp_path_factory.mktemp("shared")
    url = normalise_database_url(PG_URL) if PG_URL else f"sqlite:///{folder / 'live.sqlite3'}"
    prepare_database(url)
    server = LiveServer(url, workers=2, log_dir=folder / "server").start()
    yield url, server
    server.stop()
    if PG_URL:
        prepare_database(url)


def on_postgresql() -> bool:
    return bool(PG_URL)


@pytest.fixture
def redis_url(tmp_path):
    """An empty Redis database: CI's server on loopback (SURVEY_TEST_REDIS_URL, emptied before and after),
    else a ``redis-server`` of this test's own on a free loopback port, without persistence."""
    import redis

    from tests.reliability.server import RedisServer

    if url := os.environ.get("SURVEY_TEST_REDIS_URL"):
        redis.Redis.from_url(url).flushdb()
        yield url
        redis.Redis.from_url(url).flushdb()
        return
    with RedisServer(tmp_path / "redis") as server:
        yield server.url
