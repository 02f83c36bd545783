"""Production's parts: Huey and Flask-Limiter on a real Redis server, behind gunicorn with two workers.

Each test starts Debian's ``redis-server`` of its own on a loopback port (``redis_url``), so the suite
needs no Redis set up beforehand; ``make test`` installs the package where it is missing, as CI does.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from aiosmtpd.controller import Controller

from tests.helpers import MailCollector
from tests.reliability.browser import Browser, forms_of
from tests.reliability.server import SECRET, add_staff, app_for, free_port

pytestmark = pytest.mark.slow

CONSUMER = str(Path(sys.executable).with_name("huey_consumer"))
ROOT = Path(__file__).resolve().parents[2]


def make_region(database_url: str, slug: str = "rijnmond") -> None:
    from survey.accounts.models import Region
    from survey.extensions import db

    app = app_for(database_url)
    with app.app_context():
        db.session.add(Region(slug=slug, name="Jeugdhulpregio Rijnmond"))
        db.session.commit()
        db.session.remove()
        db.engine.dispose()


def failed_login(server_url: str, email: str) -> int:
    """One failed login from a new browser (a new connection, so either worker may answer)."""
    browser = Browser(server_url)
    page = browser.get("/inloggen")
    form = forms_of(page.body)[-1]
    form.set("email", email)
    form.set("password", "niet-het-wachtwoord")
    return browser.submit(page, form).status


def test_two_workers_share_one_login_throttle_in_redis(live_database, start_server, redis_url):
    make_region(live_database)
    email = add_staff(live_database, "throttle@example.org")
    server = start_server(live_database, workers=2, env={"SURVEY_RATELIMIT_STORAGE_URI": redis_url})

    statuses = [failed_login(server.url, email) for _ in range(14)]

    # "10 per minute" for the whole site: with a throttle per worker, up to 20 attempts would get through
    assert statuses[:10] == [200] * 10
    assert statuses[10:] == [429] * 4
    keys = redis.Redis.from_url(redis_url).keys("LIMITS:LIMITER/127.0.0.1/accounts.login*")
    assert keys, "the counters live in Redis, not in the workers"


@pytest.fixture
def smtp():
    handler = MailCollector()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller.port, handler
    controller.stop()


def test_a_mail_job_goes_through_redis_to_a_separate_consumer_and_leaves_nothing_behind(
    live_database, start_server, redis_url, smtp, tmp_path
):
    smtp_port, collector = smtp
    make_region(live_database)
    email = add_staff(live_database, "vergeten@example.org")
    jobs = {
        "SURVEY_JOBS_URL": redis_url,
        "SURVEY_MAIL_BACKEND": "smtp",
        "SURVEY_MAIL_SERVER": "127.0.0.1",
        "SURVEY_MAIL_PORT": str(smtp_port),
    }
    server = start_server(live_database, workers=2, env=jobs)
    env = {
        **os.environ,
        "SURVEY_DATABASE_URL": live_database,
        "SURVEY_SECRET_KEY": SECRET,
        "SURVEY_BASE_URL": server.url,
        **jobs,
    }
    log = tmp_path / "consumer.log"
    with log.open("w") as log_file:
        consumer = subprocess.Popen(
            [CONSUMER, "survey.worker.huey", "--workers", "1"],
            cwd=ROOT,
            env=env,  # noqa: S603
            stdout=subprocess.DEVNULL,
            stderr=log_file,
        )
    try:
        browser = Browser(server.url)
        page = browser.get("/wachtwoord-vergeten")
        form = forms_of(page.body)[-1]
        form.set("email", email)
        assert browser.submit(page, form).status == 200

        deadline = time.monotonic() + 90
        while not collector.messages and time.monotonic() < deadline and consumer.poll() is None:
            time.sleep(0.2)
        assert [m.rcpt_tos for m in collector.messages] == [[email]], log.read_text()[-2000:]
        assert b"/wachtwoord-instellen/" in collector.messages[0].content

        # the job carried only the user's id, and no result or copy keeps the address or the link
        store = redis.Redis.from_url(redis_url)
        leftovers = [
            key
            for key in store.keys()
            if store.type(key) in (b"list", b"string", b"hash")
            and any(secret in repr(_dump(store, key)).encode() for secret in (email.encode(), b"wachtwoord-instellen"))
        ]
        assert leftovers == []
    finally:
        consumer.terminate()
        consumer.wait(timeout=30)


def _dump(store, key):
    kind = store.type(key)
    if kind == b"list":
        return store.lrange(key, 0, -1)
    if kind == b"hash":
        return store.hgetall(key)
    return store.get(key)
