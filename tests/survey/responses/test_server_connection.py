"""A pooled database connection goes to a respondent's request without a round trip to ask whether it is
alive; one the database server ended (a restart) is replaced before the request sees it, and one idle for
long is asked first."""

import pytest
from sqlalchemy import create_engine, text

from survey import database
from tests.survey.responses.walk import fill

BASE = "/v/open-sleutel-1234"


@pytest.fixture
def pings(db, monkeypatch):
    """Each time a pooled connection is asked "are you alive?" before use: by the platform's check, or by
    SQLAlchemy's ``pool_pre_ping`` (which asks on every checkout)."""
    asked = []
    ours, sqlalchemys = database._ping, db.engine.dialect.do_ping
    monkeypatch.setattr(database, "_ping", lambda connection: asked.append("platform") or ours(connection))
    monkeypatch.setattr(
        db.engine.dialect, "do_ping", lambda connection: asked.append("pool_pre_ping") or sqlalchemys(connection)
    )
    return asked


def end_every_connection(url) -> int:
    """What a restart of the database server does to the application's connections: end each backend of this
    database opened by the application's user, waiting until each has ended (PostgreSQL's own wait, at most
    10 s)."""
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            return connection.execute(
                text(
                    "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid, 10000)) FROM (SELECT pid FROM "
                    "pg_stat_activity WHERE datname = current_database() AND usename = current_user "
                    "AND pid <> pg_backend_pid() OFFSET 0) AS application"
                )
            ).scalar()
    finally:
        admin.dispose()


def test_a_respondents_pages_ask_the_database_nothing_before_their_work(client, db, make_survey, pings):
    make_survey()
    db.session.remove()
    for _ in range(3):
        assert client.get(BASE + "/vraag/1").status_code == 200
    assert pings == []


@pytest.mark.postgresql
def test_a_connection_idle_for_long_is_asked_before_use(client, db, make_survey, pings, monkeypatch):
    make_survey()
    db.session.remove()
    assert client.get(BASE + "/vraag/1").status_code == 200
    monkeypatch.setattr(database, "PING_AFTER_IDLE_SECONDS", -1.0)  # every connection counts as idle for long
    assert client.get(BASE + "/vraag/1").status_code == 200
    assert pings == ["platform"]


@pytest.mark.postgresql
def test_a_respondent_carries_on_after_the_server_ended_every_connection(client, db, make_survey, pings):
    make_survey()
    page = client.get(BASE + "/vraag/1")
    sent = client.post(BASE + "/vraag/1", data=fill(page.get_data(as_text=True)))
    assert sent.status_code == 302 and sent.headers["Location"].endswith("/vraag/2")
    db.session.remove()
    assert end_every_connection(db.engine.url.render_as_string(hide_password=False)) >= 1

    page = client.get(sent.headers["Location"])
    assert page.status_code == 200  # not the error page: the dead connection was replaced first
    sent = client.post(BASE + "/vraag/2", data=fill(page.get_data(as_text=True)))
    assert sent.status_code == 302 and sent.headers["Location"].endswith("/vraag/3")
    assert pings == ["platform"]  # asked once, the connection found dead; the new one was not asked
