"""Faults during fieldwork: a gunicorn worker killed in the middle of submissions, the database server
restarting (or every connection cut), and a mail job whose SMTP server fails before it accepts.

After each: every step the server acknowledged is in the database, a respondent who sent a step again
because no answer came has one response only, and the application carried on without a restart.
"""

import os
import signal
import threading
import time
import urllib.request

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from bench.load import verify
from tests.helpers import run_queue
from tests.reliability.faults import local_cluster, restart_cluster, run_with_faults, terminate_backends
from tests.reliability.server import free_port, seed_ceo

RESPONDENTS = 20


def assert_nothing_lost(database_url, seed, done):
    assert [r.errors for r in done if r.errors] == []
    assert all(r.completed for r in done)
    result = verify(database_url, seed.survey_id, done)
    assert result.lost == [] and result.duplicates == [] and result.unmatched == []
    assert (result.responses, result.completed, result.invitations_completed) == (len(seed.links),) * 3


def healthy(server) -> bool:
    with urllib.request.urlopen(server.url + "/health", timeout=10) as answer:  # noqa: S310 - loopback
        return answer.status == 200


@pytest.mark.slow
def test_a_worker_killed_mid_submission_loses_no_acknowledged_step(live_database, start_server):
    # twice the usual number: the run must last long enough for a kill to land in the middle of a step
    seed = seed_ceo(live_database, 2 * RESPONDENTS, display_mode="section_per_page")
    server = start_server(live_database, workers=2)
    killed = []

    def kill_busy_workers(respondents):
        """Once more requests are on their way than there are workers (so every worker is in the middle of
        one), kill every worker; then wait until gunicorn has replaced them."""
        deadline = time.monotonic() + 10
        while sum(r.waiting for r in respondents) <= server.workers and time.monotonic() < deadline:
            time.sleep(0.005)
        pids = server.worker_pids()
        for pid in pids:
            os.kill(pid, signal.SIGKILL)
        killed.extend(pids)
        server.wait_healthy(30)

    def cut_off(respondents):
        return sum(r.retries for r in respondents) >= 1

    done = run_with_faults(server.url, seed.links, kill_busy_workers, [0.5], until=cut_off, every=0.3, most=15)
    assert len(killed) >= 2
    assert sum(r.retries for r in done) >= 1  # at least one step was cut off and sent again
    assert_nothing_lost(live_database, seed, done)
    server.wait_healthy(30)  # gunicorn replaced the killed workers
    assert healthy(server) and not set(killed) & set(server.worker_pids())


@pytest.mark.slow
@pytest.mark.postgresql  # a database server restart exists only on PostgreSQL
@pytest.mark.exclusive  # restarts the server every pytest worker uses
def test_database_restart_mid_run_reconnects_and_loses_nothing(live_database, start_server):
    seed = seed_ceo(live_database, RESPONDENTS, display_mode="section_per_page")
    server = start_server(live_database, workers=2)
    workers = set(server.worker_pids())
    # Restart the local cluster only in CI, where nobody else uses it; elsewhere cut every connection to
    # the test database, which the workers notice in the same way.
    cluster = local_cluster(live_database) if os.environ.get("CI") else None
    cut = []

    def fault(respondents):
        if cluster:
            restart_cluster(cluster)
            cut.append("restart")
        else:
            cut.append(terminate_backends(live_database))

    done = run_with_faults(server.url, seed.links, fault, [2.0, 5.0])
    assert len(cut) == 2 and (cluster or sum(cut) >= 1)
    assert_nothing_lost(live_database, seed, done)
    assert healthy(server) and set(server.worker_pids()) == workers  # reconnected without a restart


class FlakySMTP:
    """Refuses the first ``failures`` messages with a temporary error, then accepts."""

    def __init__(self, failures: int):
        self.failures, self.attempts, self.accepted = failures, 0, []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        with self.lock:
            self.attempts += 1
            if self.attempts <= self.failures:
                return "451 Try again later"
            self.accepted.append(envelope)
        return "250 OK"


class FlakyScrubber:
    """Stands in for deduce: unavailable for the first ``failures`` calls, then replaces the name Daan."""

    def __init__(self, failures: int):
        self.failures, self.calls = failures, 0

    def scrub(self, texts, terms):
        self.calls += 1
        if self.calls <= self.failures:
            raise RuntimeError("scrubber unavailable")
        return [text.replace("Daan", "[NAAM]") for text in texts]


@pytest.fixture
def flaky_smtp():
    port = free_port()
    handler = FlakySMTP(failures=3)
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    yield port, handler
    controller.stop()


@pytest.mark.slow
def test_a_failing_mail_job_is_retried_until_the_mail_is_delivered(app, db, flaky_smtp, real_queue):
    from survey.accounts.services import send_mail_job

    port, smtp = flaky_smtp
    app.config.update(MAIL_BACKEND="smtp", MAIL_SERVER="127.0.0.1", MAIL_PORT=port)
    send_mail_job("ouder@example.nl", "Uw mening telt", "Doe mee via de link in deze mail.")
    run_queue(real_queue)
    assert smtp.attempts == 4 and len(smtp.accepted) == 1
    assert smtp.accepted[0].rcpt_tos == ["ouder@example.nl"]
    assert b"Doe mee via de link in deze mail." in smtp.accepted[0].content


@pytest.mark.parametrize("app_config", [{"CODING_SCRUBBER": FlakyScrubber(failures=2)}])
@pytest.mark.slow
def test_a_failing_scrubbing_job_is_retried_and_never_loses_the_answer(app, db, region, real_queue, app_config):
    from survey.coding.jobs import queue_scrub
    from survey.responses.models import Answer
    from tests.survey.coding.helpers import add_answers, document
    from tests.survey.responses.documents import create_survey

    survey = create_survey(db, region, document=document(), public_key="scrub")
    add_answers(db, survey, survey.published_version, ["Daan van de jeugdzorg hielp ons echt"])
    queue_scrub(survey.id)
    db.session.commit()
    real_queue.execute(real_queue.dequeue())  # the first try fails: the raw answer is untouched
    answer = db.session.scalar(select(Answer).where(Answer.item_code == "O1"))
    assert answer.value == "Daan van de jeugdzorg hielp ons echt" and answer.scrubbed_text is None
    run_queue(real_queue)
    db.session.expire_all()
    answer = db.session.scalar(select(Answer).where(Answer.item_code == "O1"))
    assert app_config["CODING_SCRUBBER"].calls == 3
    assert answer.value == "Daan van de jeugdzorg hielp ons echt"
    assert answer.scrubbed_text == "[NAAM] van de jeugdzorg hielp ons echt"
