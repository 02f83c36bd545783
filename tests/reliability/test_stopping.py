"""One Ctrl+C (SIGINT) or one SIGTERM stops the development server of ``make run`` (with the embedded job
consumer) and the production job consumer within 5 seconds."""

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.reliability.server import free_port

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
STOP_WITHIN = 5.0


def environment(tmp_path, **extra) -> dict:
    return {
        **os.environ,
        "SURVEY_DATABASE_URL": f"sqlite:///{tmp_path / 'dev.sqlite3'}",
        "SURVEY_JOBS_URL": f"sqlite:///{tmp_path / 'jobs.sqlite3'}",
        "SURVEY_SECRET_KEY": "stop-test",
        "SURVEY_MAIL_BACKEND": "memory",
        "SURVEY_JOBS_EMBEDDED": "1",
        "PYTHONUNBUFFERED": "1",
        **extra,
    }


def as_from_a_terminal(command: list[str]) -> list[str]:
    """The command with Ctrl+C's default action, as a terminal starts it. A script started in the background
    (``nohup … &``) ignores SIGINT and its children inherit that, Python included: without this, a test run
    from such a script measures the script, not the server (a stressed run did)."""
    shim = "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execv(sys.argv[1], sys.argv[1:])"
    return [sys.executable, "-c", shim, *command]


def stops_within(process: subprocess.Popen, signum: int) -> float:
    began = time.monotonic()
    process.send_signal(signum)
    try:
        process.wait(timeout=STOP_WITHIN)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
        pytest.fail(f"still running {STOP_WITHIN} s after {signal.Signals(signum).name}")
    return time.monotonic() - began


def wait_for(check, what: str, process: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{what}: the process ended with {process.returncode}")
        if check():
            return
        time.sleep(0.2)
    process.kill()
    pytest.fail(f"{what} did not happen within {timeout} s")


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_the_development_server_with_embedded_jobs_stops_on_one_signal(tmp_path, signum):
    port = free_port()
    process = subprocess.Popen(
        as_from_a_terminal([str(BIN / "flask"), "--app", "wsgi", "run", "--host", "127.0.0.1", "--port", str(port)]),
        cwd=ROOT,
        env=environment(tmp_path),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def healthy():
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as answer:  # noqa: S310
                return answer.status == 200
        except OSError:
            return False

    wait_for(healthy, "the development server answering", process)
    assert stops_within(process, signum) < STOP_WITHIN


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_the_production_job_consumer_stops_on_one_signal(tmp_path, signum):
    log = tmp_path / "consumer.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            as_from_a_terminal([str(BIN / "huey_consumer"), "survey.worker.huey", "-w", "2"]),
            cwd=ROOT,
            env=environment(tmp_path),
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    wait_for(lambda: b"Huey consumer started" in log.read_bytes(), "the consumer starting", process)
    assert stops_within(process, signum) < STOP_WITHIN
