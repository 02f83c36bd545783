"""Soak: minutes of mixed respondents, double clicks and bad uploads against gunicorn with 4 workers and a
separate job consumer, on PostgreSQL over loopback.

Run as ``/work/main/.venv/bin/python -m bench.soak`` (default 30 minutes, 4 workers, 6 respondents and 1
staff member at a time; ``--database-url`` or ``SURVEY_BENCH_DATABASE_URL`` names the database, which is
emptied first). The round is the shipped *CEO ouders* questionnaire, one question per screen, with the check
page on, and invitees invited by mail; the server is ``tests/reliability/server.py``'s ``LiveServer``
(``gunicorn.conf.py``), jobs go to a file queue that a ``huey_consumer`` of its own works off, as the
README's production setup does.

Each virtual respondent (a cookie jar of its own) opens its personal link and answers every screen as
``bench/pages.py`` fills it. On each screen it draws what a hurried person does: "Volgende" once, or two or
three times at the same moment (a double click); "Vorige" twice at once; "Stop en ga later verder" twice at
once and then comes back later through the same link in a fresh browser; and on the check page
"Verzenden" two or three times at once. A staff member meanwhile uploads bad files (a 1 GB zip bomb,
billion laughs, broken and deeply nested XML, deeply nested JSON, random bytes, an over-long CSV cell) to
the invitee, codebook and questionnaire importers, and checks each refusal is a Dutch page.

At the end: the number of 5xx answers and requests that timed out (must be 0); every answer a respondent
saw acknowledged (a redirect after "Volgende"/"Vorige", the "bewaard" page after "later") is stored with
the value it sent, under one response per respondent (``bench.load.verify``), and no (response, question)
is stored twice; the pending ledger batch is applied as at fieldwork close, and then the invitations'
started and completed flags and the day counters equal the responses. Figures go to ``docs/benchmarks.md``
between the ``soak`` markers.
"""

from __future__ import annotations

import argparse
import os
import platform
import queue
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bench.load import DOCS, Respondent, verify
from bench.pages import FIELD, NEXT, fill, parse

START, END = "<!-- soak:start -->", "<!-- soak:end -->"
DEFAULT_PG = "postgresql+psycopg://survey_ci:survey_ci@127.0.0.1:5432/survey_bench"
#: seconds a request may take before it counts as hung
REQUEST_TIMEOUT = 60
STAFF_EMAIL = "soak-beheerder@example.nl"


@dataclass
class Tally:
    """What every thread saw, under one lock."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    requests: int = 0
    statuses: Counter = field(default_factory=Counter)
    server_errors: list[str] = field(default_factory=list)  # "METHOD path → status"
    hangs: list[str] = field(default_factory=list)  # requests that timed out or lost their connection
    actions: Counter = field(default_factory=Counter)
    uploads: Counter = field(default_factory=Counter)  # refusal status per upload
    not_dutch: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)

    def seen(self, method: str, url: str, status: int, seconds: float) -> None:
        with self.lock:
            self.requests += 1
            self.statuses[status] += 1
            self.latencies.append(seconds)
            if status >= 500:
                self.server_errors.append(f"{method} {_route(url)} → {status}")


def _route(url: str) -> str:
    """The path with personal tokens left out, for the report."""
    path = urllib.parse.urlsplit(url).path
    return re.sub(r"/r/[^/]+", "/r/…", path)


class Client:
    """One browser (``tests.reliability.browser.Browser``) that reports every request to the tally."""

    def __init__(self, base: str, tally: Tally):
        from tests.reliability.browser import Browser

        self.browser = Browser(base)
        self.tally = tally

    def _timed(self, method, url, call):
        started = time.perf_counter()
        try:
            page = call()
        except OSError as error:  # a timeout or a dropped connection: a hang as far as the user is concerned
            with self.tally.lock:
                self.tally.requests += 1
                self.tally.hangs.append(f"{method} {_route(url)}: {type(error).__name__}")
            return None
        self.tally.seen(method, url, page.status, time.perf_counter() - started)
        return page

    def get(self, url):
        """GET, following redirects one request at a time (each counted)."""
        for _ in range(10):
            page = self._timed("GET", url, lambda u=url: self.browser._open("GET", u))
            if page is None or page.status not in (301, 302, 303) or not page.location:
                return page
            url = urllib.parse.urljoin(page.url, page.location)
        return None

    def post(self, url, data, headers=None):
        return self._timed("POST", url, lambda: self.browser.post(url, data, headers))

    def at_once(self, url, data, times):
        """The same POST ``times`` times at the same moment (a double or triple click)."""
        barrier = threading.Barrier(times)
        results = [None] * times

        def click(n):
            barrier.wait()
            results[n] = self.post(url, data)

        threads = [threading.Thread(target=click, args=(n,)) for n in range(times)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(REQUEST_TIMEOUT * 2)
        return results


def _remember(respondent: Respondent, data: list[tuple[str, str]]) -> None:
    for name, value in data:
        if FIELD.match(name):
            respondent.acknowledged[name] = value


def _with_button(data, button: str):
    return [(n, v) for n, v in data if n != "actie"] + [("actie", button)]


def _step_form(page):
    parsed = parse(page.body)
    return parsed, next((f for f in parsed.forms if f.method == "post" and NEXT in f.buttons), None)


def answer(base: str, respondent: Respondent, tally: Tally, rng: random.Random, max_steps: int = 150) -> None:
    """One respondent from the invitation link to the thank-you page, clicking as drawn."""
    client = Client(base, tally)
    page = _open_link(client, respondent)
    for _ in range(max_steps):
        if page is None:
            respondent.errors.append("no page")
            return
        if page.status == 410 or "/klaar" in page.url:
            respondent.completed = True
            return
        if page.url.endswith("/controle"):
            page = _send(client, page, rng, tally)
            continue
        parsed, form = _step_form(page)
        if form is None:
            respondent.errors.append(f"no step form on {_route(page.url)} ({page.status})")
            return
        data = fill(form, parsed.hints, rng, respondent.marker)
        draw = rng.random()
        if draw < 0.55:
            action, button, times = "volgende", "volgende", 1
        elif draw < 0.75:
            action, button, times = "volgende ×2-3", "volgende", rng.choice((2, 3))
        elif draw < 0.85 and "/vraag/1" not in page.url:
            action, button, times = "vorige ×2", "vorige", 2
        elif draw < 0.95:
            action, button, times = "later ×2", "later", 2
        else:
            action, button, times = "later + terug", "later", 1
        with tally.lock:
            tally.actions[action] += 1
        target = urllib.parse.urljoin(page.url, form.action or page.url)
        results = [r for r in client.at_once(target, _with_button(data, button), times) if r is not None]
        moved = next((r for r in results if r.status in (302, 303) and r.location), None)
        if button == "later":
            if any(r.status == 200 and "bewaard" in r.body for r in results):
                _remember(respondent, data)
                client = Client(base, tally)  # comes back later, in another browser
                page = _open_link(client, respondent)
            else:
                page = results[0] if results else None
            continue
        if moved is not None:
            _remember(respondent, data)
            page = client.get(urllib.parse.urljoin(target, moved.location))
        else:
            page = results[0] if results else None  # the step came back with a message: fill it again
    respondent.errors.append("too many steps")


def _open_link(client: Client, respondent: Respondent):
    welcome = client.get(respondent.path)
    if welcome is None or welcome.status != 200:
        return welcome
    start = parse(welcome.body).start_link
    return client.get(urllib.parse.urljoin(welcome.url, start)) if start else welcome


def _send(client: Client, page, rng: random.Random, tally: Tally):
    form = next(f for f in parse(page.body).forms if f.method == "post")
    data = list(form.hidden) + [b for b in form.buttons if b[0]][:1]
    times = rng.choice((1, 2, 3))
    with tally.lock:
        tally.actions[f"verzenden ×{times}"] += 1
    results = [r for r in client.at_once(page.url, data, times) if r is not None]
    done = next((r for r in results if r.status in (302, 303) and r.location and "/klaar" in r.location), None)
    if done is not None:
        return client.get(urllib.parse.urljoin(page.url, done.location))
    return next((r for r in results if r.status == 410), results[0] if results else None)


# staff: bad uploads ---------------------------------------------------------------------------------------


def bad_files() -> list[tuple[str, bytes]]:
    """The corpus of ``tests/reliability/test_upload_guard.py`` and a few of the adversarial pass's own."""
    from tests.reliability.test_upload_guard import BROKEN, DEEP_JSON, DEEP_XML, LAUGHS, workbook_with, zip_bomb

    rng = random.Random(17)
    return [
        ("bom.xlsx", zip_bomb(1024)),
        ("lach.xlsx", workbook_with(LAUGHS)),
        ("kapot.xlsx", workbook_with(BROKEN)),
        ("diep.xlsx", workbook_with(DEEP_XML)),
        ("diep.json", DEEP_JSON),
        ("ruis.xlsx", rng.randbytes(50_000)),
        ("ruis.csv", rng.randbytes(20_000)),
        ("lang.csv", ("e-mail;gemeente\n" + "x" * 140_000 + "@example.nl;Gemeente A\n").encode()),
        ("nul.csv", b"e-mail;gemeente\n\x00\x00\x00;\x00\n"),
        ("leeg.xlsx", b""),
    ]


def staff_uploads(base: str, urls: list[str], tally: Tally, stop: threading.Event, pause: float) -> None:
    from tests.helpers import TEST_PASSWORD
    from tests.reliability.browser import forms_of, multipart

    files = bad_files()
    client = Client(base, tally)
    client.browser.login(STAFF_EMAIL, TEST_PASSWORD)
    rng = random.Random(2026)
    while not stop.is_set():
        url = rng.choice(urls)
        name, content = rng.choice(files)
        page = client.get(url)
        if page is None or page.status != 200:
            continue
        path = urllib.parse.urlsplit(page.url).path
        form = next(
            (
                f
                for f in forms_of(page.body)
                if f.value("csrf_token") is not None
                and urllib.parse.urlsplit(urllib.parse.urljoin(page.url, f.action)).path == path
            ),
            None,
        )
        if form is None:
            continue
        body, kind = multipart([(n, v) for n, v in form.fields if n != "file"] + [("file", (content, name))])
        answer = client.post(url, body, {"Content-Type": kind})
        if answer is not None:
            with tally.lock:
                tally.uploads[answer.status] += 1
                if answer.status < 500 and answer.status != 302 and 'lang="nl"' not in answer.body:
                    tally.not_dutch.append(f"{name} → {_route(url)} ({answer.status})")
        stop.wait(pause)


# the run --------------------------------------------------------------------------------------------------


@dataclass
class Ledger:
    pending_before: int
    responses: int
    completed: int
    invitations_started: int
    invitations_completed: int
    day_started: int
    day_completed: int
    doubled_answers: int

    @property
    def equal(self) -> bool:
        return (
            self.invitations_started == self.day_started == self.responses
            and self.invitations_completed == self.day_completed == self.completed
        )


def ledger_after_batch(database_url: str, survey_id: int) -> Ledger:
    from tests.reliability.server import app_for
    from tests.reliability.test_concurrency import rows

    pending = rows(database_url, "SELECT count(*) FROM ledger_pending WHERE survey_id = :s", s=survey_id)[0][0]
    from survey.extensions import db
    from survey.fieldwork import ledger
    from survey.questionnaires.models import Survey

    app = app_for(database_url)
    with app.app_context():
        ledger.apply_pending(db.session.get(Survey, survey_id), force=True)
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    responses, completed = rows(
        database_url,
        "SELECT count(*), COALESCE(SUM(CASE WHEN status = 'completed' "
        "THEN 1 ELSE 0 END), 0) FROM response WHERE survey_id = :s",
        s=survey_id,
    )[0]
    started_i, completed_i = rows(
        database_url,
        "SELECT COALESCE(SUM(CASE WHEN started THEN 1 ELSE 0 END), 0), "
        "COALESCE(SUM(CASE WHEN completed THEN 1 ELSE 0 END), 0) "
        "FROM invitation WHERE survey_id = :s",
        s=survey_id,
    )[0]
    day = rows(
        database_url,
        "SELECT COALESCE(SUM(started), 0), COALESCE(SUM(completed), 0) FROM participation_day WHERE survey_id = :s",
        s=survey_id,
    )[0]
    doubled = rows(
        database_url,
        "SELECT count(*) FROM (SELECT a.response_id FROM answer a JOIN response r ON "
        "r.id = a.response_id WHERE r.survey_id = :s GROUP BY a.response_id, a.item_code, "
        "a.instance HAVING count(*) > 1) d",
        s=survey_id,
    )[0][0]
    return Ledger(
        pending, responses, int(completed), int(started_i), int(completed_i), int(day[0]), int(day[1]), doubled
    )


@dataclass
class Result:
    minutes: float
    workers: int
    database: str
    concurrency: int
    respondents: list[Respondent]
    tally: Tally
    ledger: Ledger
    lost: int
    duplicates: int
    unmatched: int
    consumer: str


def consumer(log_dir: Path, database_url: str) -> subprocess.Popen:
    """``huey_consumer`` on the server's job file, as in the README's production setup."""
    from tests.reliability.server import ROOT, SECRET

    env = {
        **os.environ,
        "SURVEY_DATABASE_URL": database_url,
        "SURVEY_SECRET_KEY": SECRET,
        "SURVEY_JOBS_URL": f"sqlite:///{log_dir / 'jobs.sqlite3'}",
        "SURVEY_MAIL_BACKEND": "memory",
    }
    command = [str(Path(sys.executable).with_name("huey_consumer")), "survey.worker.huey", "-w", "1"]
    log = (log_dir / "consumer.log").open("ab")
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,  # noqa: S603
        start_new_session=True,
    )


def run(
    database_url: str, minutes: float, workers: int, concurrency: int, log_dir: Path, invitees: int, pause: float = 1.0
) -> Result:
    from sqlalchemy import create_engine, text

    from tests.reliability.server import LiveServer, add_staff, prepare_database, seed_ceo

    prepare_database(database_url)
    seed = seed_ceo(database_url, invitees, display_mode="one_per_screen")
    engine = create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE survey SET show_check_page = :t WHERE id = :s"), {"t": True, "s": seed.survey_id})
    engine.dispose()
    add_staff(database_url, STAFF_EMAIL, role="beheerder")
    base_path = f"/beheer/{seed.region_slug}"
    urls = [
        f"{base_path}/vragenlijsten/{seed.survey_id}/veldwerk/genodigden/importeren",
        f"{base_path}/coderen/codeboeken/importeren",
        f"{base_path}/vragenlijsten/importeren",
    ]
    log_dir.mkdir(parents=True, exist_ok=True)
    server = LiveServer(database_url, workers=workers, log_dir=log_dir).start(timeout=300)  # a busy machine
    jobs = consumer(log_dir, database_url)
    tally, respondents, links = Tally(), [], queue.Queue()
    for n, path in enumerate(seed.links):
        links.put(Respondent(marker=f"respondent-{n:04d}-17", path=path))
    stop = threading.Event()
    deadline = time.monotonic() + minutes * 60

    def respondent_loop(worker: int) -> None:
        rng = random.Random(1700 + worker)
        while time.monotonic() < deadline:
            try:
                respondent = links.get_nowait()
            except queue.Empty:
                return
            respondents.append(respondent)
            try:
                answer(server.url, respondent, tally, rng)
            except Exception as error:  # noqa: BLE001 - reported, the soak goes on
                respondent.errors.append(repr(error)[:200])

    started = time.perf_counter()
    try:
        staff = threading.Thread(target=staff_uploads, args=(server.url, urls, tally, stop, pause), daemon=True)
        staff.start()
        threads = [threading.Thread(target=respondent_loop, args=(n,), daemon=True) for n in range(concurrency)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        stop.set()
        staff.join(REQUEST_TIMEOUT * 2)
        seconds = time.perf_counter() - started
    finally:
        stop.set()
        server.stop()
        jobs.terminate()
        try:
            jobs.wait(timeout=30)
        except subprocess.TimeoutExpired:
            jobs.kill()
    consumer_state = f"stopped with {jobs.returncode}"
    checked = verify(database_url, seed.survey_id, respondents)
    ledger = ledger_after_batch(database_url, seed.survey_id)
    return Result(
        seconds / 60,
        workers,
        database_url.split(":", 1)[0].split("+")[0],
        concurrency,
        respondents,
        tally,
        ledger,
        len(checked.lost),
        len(checked.duplicates),
        len(checked.unmatched),
        consumer_state,
    )


def ok(result: Result) -> bool:
    t = result.tally
    return not (
        t.server_errors
        or t.hangs
        or t.not_dutch
        or result.lost
        or result.duplicates
        or result.unmatched
        or result.ledger.doubled_answers
        or not result.ledger.equal
        or any(r.errors for r in result.respondents)
    )


def problems(result: Result) -> list[str]:
    t, led = result.tally, result.ledger
    found = t.server_errors + t.hangs + [f"not Dutch: {n}" for n in t.not_dutch]
    found += [
        f"{name}: {count}"
        for name, count in (
            ("answers lost", result.lost),
            ("respondents doubled", result.duplicates),
            ("respondents not found", result.unmatched),
            ("answers stored twice", led.doubled_answers),
        )
        if count
    ]
    if not led.equal:
        found.append(
            f"ledger after the batch: day counters {led.day_started} started / {led.day_completed} "
            f"completed, invitations {led.invitations_started} / {led.invitations_completed}, "
            f"responses {led.responses} / {led.completed}"
        )
    found += sorted({e for r in result.respondents for e in r.errors})
    return found


def markdown(result: Result, command: str, asked_minutes: float) -> str:
    t, led = result.tally, result.ledger
    latencies = sorted(t.latencies) or [0.0]
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    completed = sum(r.completed for r in result.respondents)
    errors = [e for r in result.respondents for e in r.errors]
    actions = ", ".join(f"{name} {count:,}" for name, count in sorted(t.actions.items()))
    uploads = ", ".join(f"{status} × {count}" for status, count in sorted(t.uploads.items()))
    short = "" if result.minutes >= asked_minutes - 0.5 else f" (asked {asked_minutes:g})"
    return "\n".join(
        [
            f"Command: `{command}`. Python {platform.python_version()}, {platform.machine()}, shared 2-core machine "
            f"(load average {os.getloadavg()[0]:.1f} at the end).",
            "",
            f"{result.concurrency} virtual respondents at a time (each with a personal link from the invitation mail) "
            f"answer the shipped *CEO ouders* questionnaire one question per screen with the check page, and one "
            f"staff member uploads bad files, against gunicorn with {result.workers} sync workers and a separate "
            f"`huey_consumer` on {result.database} (loopback). Material: the shipped template and the upload-guard "
            "corpus (`tests/reliability/test_upload_guard.py`).",
            "",
            "| minutes | respondents | completed | requests | 5xx | hung | p95 (ms) | answers lost | respondents "
            "doubled | answers stored twice | ledger = responses after batch |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
            f"| {result.minutes:.1f}{short} | {len(result.respondents)} | {completed} | {t.requests:,} "
            f"| {len(t.server_errors)} | {len(t.hangs)} | {p95 * 1000:.0f} | {result.lost} | {result.duplicates} "
            f"| {led.doubled_answers} | {'yes' if led.equal else 'NO'} |",
            "",
            f"Clicks drawn: {actions}. Bad uploads: {sum(t.uploads.values())} ({uploads}); refusals not in Dutch: "
            f"{len(t.not_dutch)}.",
            f"Ledger: {led.pending_before} entries pending at the end, then applied; invitations started "
            f"{led.invitations_started} / completed {led.invitations_completed}, day counters started "
            f"{led.day_started} / completed {led.day_completed}, responses {led.responses} / completed "
            f"{led.completed}. Respondents without their thank-you page: {len(result.respondents) - completed}"
            + (f" ({'; '.join(sorted(set(errors))[:3])})" if errors else "")
            + f". Consumer {result.consumer}.",
            "",
            "Result: " + ("**passed**" if ok(result) else "**FAILED**: " + "; ".join(problems(result)[:5])),
        ]
    )


def write_docs(text: str) -> None:
    section = f"{START}\n{text}\n{END}"
    content = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n"
    if START in content and END in content:
        content = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: section, content, flags=re.S)
    else:
        content = content.rstrip("\n") + (
            "\n\n## Soak: respondents, double clicks and bad uploads\n\n" + section + "\n"
        )
    DOCS.write_text(content, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--concurrency", type=int, default=6, help="respondents at a time")
    parser.add_argument("--invitees", type=int, default=0, help="links to draw from (default: 60 per minute)")
    parser.add_argument("--database-url", default=os.environ.get("SURVEY_BENCH_DATABASE_URL", DEFAULT_PG))
    parser.add_argument("--log-dir", default=str(Path(tempfile.gettempdir()) / "bench-soak"))
    parser.add_argument("--no-docs", action="store_true", help="print only, do not write docs/benchmarks.md")
    args = parser.parse_args(argv)
    if not (0 < args.minutes <= 240 and 1 <= args.concurrency <= 32 and 1 <= args.workers <= 16):
        parser.error("--minutes up to 240, --concurrency 1–32, --workers 1–16")
    invitees = args.invitees or max(30, int(args.minutes * 60))
    result = run(args.database_url, args.minutes, args.workers, args.concurrency, Path(args.log_dir), invitees)
    command = "/work/main/.venv/bin/python -m bench.soak" + (
        f" --minutes {args.minutes:g}" if args.minutes != 30 else ""
    )
    text = markdown(result, command, args.minutes)
    print(text)
    if not args.no_docs:
        write_docs(text)
        print(f"written to {DOCS}", file=sys.stderr)
    return 0 if ok(result) else 1


if __name__ == "__main__":
    sys.exit(main())
