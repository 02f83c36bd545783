"""Load benchmark: virtual respondents complete a CEO at once against gunicorn on PostgreSQL.

Run as ``/work/main/.venv/bin/python -m bench.load`` (default 200 respondents, 4 workers, the database
in ``SURVEY_BENCH_DATABASE_URL``; ``--database-url sqlite:////tmp/x.sqlite3`` works too). The server
runs on a free loopback port with its own data loaded through the application; the run is bounded
in respondents and in time. The client knows nothing of the questionnaire: it fills whatever form
the page shows (hidden inputs, one option per radio or checkbox group, text in text fields, numbers
within the limits the page states), presses "next" until the thank-you page, and retries a step
whose answer it did not receive (a dropped connection, a 5xx). Afterwards ``verify`` reads the
database: every acknowledged step is stored, and no respondent has two responses.

Figures go to ``docs/benchmarks.md`` between the ``load`` markers.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import re
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin

import aiohttp

from bench.pages import FIELD, NEXT, fill, parse

DOCS = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
START, END = "<!-- load:start -->", "<!-- load:end -->"
DEFAULT_PG = "postgresql+psycopg://survey_ci:survey_ci@127.0.0.1:5432/survey_reliability"


@dataclass
class Respondent:
    marker: str
    path: str
    acknowledged: dict[str, str] = field(default_factory=dict)  # v-CODE → value the server acknowledged
    completed: bool = False
    requests: int = 0
    retries: int = 0
    waiting: bool = False  # a request of this respondent is on its way
    errors: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)


class Failed(Exception):
    pass


async def _request(session, respondent: Respondent, method: str, url: str, data=None, attempts: int = 1):
    """One request; a dropped connection or a 5xx is retried with the same data (the step was not
    acknowledged), up to ``attempts`` times."""
    for attempt in range(attempts):
        started = time.perf_counter()
        respondent.waiting = True
        try:
            async with session.request(method, url, data=data, allow_redirects=False) as answer:
                body = await answer.text()
                respondent.waiting = False
                respondent.requests += 1
                respondent.latencies.append(time.perf_counter() - started)
                if answer.status < 500:
                    return answer.status, answer.headers.get("Location"), body
                problem = f"{method} {url.split('/r/')[0]} → {answer.status}"
        except (TimeoutError, aiohttp.ClientError) as error:
            problem = f"{method} → {type(error).__name__}"
        respondent.waiting = False
        if attempt + 1 < attempts:
            respondent.retries += 1
            await asyncio.sleep(min(0.25 * (attempt + 1), 1.5))
    raise Failed(problem)


async def _get(session, respondent, url, attempts):
    """GET and follow redirects (each a request of its own)."""
    for _ in range(10):
        status, location, body = await _request(session, respondent, "GET", url, attempts=attempts)
        if status in (301, 302, 303, 307) and location:
            url = urljoin(url, location)
            continue
        return url, status, body
    raise Failed("too many redirects")


def _remember(respondent: Respondent, data: list[tuple[str, str]]) -> None:
    for name, value in data:
        if FIELD.match(name):
            if name in respondent.acknowledged and isinstance(respondent.acknowledged[name], list):
                respondent.acknowledged[name].append(value)
            else:
                respondent.acknowledged[name] = value


async def answer_survey(
    session, base: str, respondent: Respondent, *, seed: int, attempts: int = 1, max_steps: int = 200
) -> Respondent:
    """Go from the welcome page to the thank-you page, filling every step."""
    rng = random.Random(seed)
    try:
        url, status, body = await _get(session, respondent, base + respondent.path, attempts)
        for _ in range(max_steps):
            page = parse(body)
            if status != 200:
                raise Failed(f"status {status} on {page.h1!r}")
            if page.start_link:
                url, status, body = await _get(session, respondent, urljoin(url, page.start_link), attempts)
                continue
            form = next((f for f in page.forms if f.method == "post" and NEXT in f.buttons), None) or next(
                (f for f in page.forms if f.method == "post" and not f.choices and not f.texts), None
            )
            if form is None:
                respondent.completed = "Bedankt" in page.h1 or "Thank you" in page.h1
                if not respondent.completed:
                    raise Failed(f"no form on {page.h1!r}")
                return respondent
            data = fill(form, page.hints, rng, respondent.marker)
            target = urljoin(url, form.action) if form.action else url
            retried = respondent.retries
            status, location, body = await _request(session, respondent, "POST", target, data, attempts)
            if status == 410 and respondent.retries > retried and _sent_already(body):
                # the first attempt completed the response but its answer never came: the server says so
                _remember(respondent, data)
                respondent.completed = True
                return respondent
            if status in (302, 303) and location:
                _remember(respondent, data)  # acknowledged: the server stored this step
                url, status, body = await _get(session, respondent, urljoin(target, location), attempts)
            else:
                url = target  # the step came back with a message (e.g. a number out of range): fill again
        raise Failed("too many steps")
    except Failed as error:
        respondent.errors.append(str(error))
    return respondent


def _sent_already(body: str) -> bool:
    """The page for a link whose questionnaire was completed ("al ingevuld"), in any form of address."""
    heading = parse(body).h1 or ""
    return "al ingevuld" in heading or "already filled in" in heading


async def run_respondents(
    base: str,
    paths: list[str],
    *,
    attempts: int = 1,
    timeout: float = 600,
    request_timeout: float = 120,
    seed: int = 2026,
    respondents: list[Respondent] | None = None,
) -> list[Respondent]:
    """Every respondent at once, each with its own cookies; the whole run is bounded by ``timeout``.
    ``respondents``, when given, is filled at the start so a caller can watch the run."""
    connector = aiohttp.TCPConnector(limit=len(paths) + 10, force_close=True)
    client_timeout = aiohttp.ClientTimeout(total=request_timeout)
    respondents = respondents if respondents is not None else []
    respondents[:] = [Respondent(marker=f"respondent-{n:04d}-{seed}", path=path) for n, path in enumerate(paths)]
    sessions = [
        aiohttp.ClientSession(
            connector=connector,
            connector_owner=False,
            timeout=client_timeout,
            cookie_jar=aiohttp.CookieJar(unsafe=True),
        )
        for _ in paths
    ]
    try:
        await asyncio.wait_for(
            asyncio.gather(
                *(
                    answer_survey(s, base, r, seed=seed + n, attempts=attempts)
                    for n, (s, r) in enumerate(zip(sessions, respondents, strict=True))
                )
            ),
            timeout,
        )
    finally:
        for session in sessions:
            await session.close()
        await connector.close()
    return respondents


def answer_all(base: str, paths: list[str], **options) -> list[Respondent]:
    """``run_respondents`` on an event loop of its own in a separate thread, so it also works where the
    calling thread already runs a loop (a test session that used Playwright's sync API, for instance)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(lambda: asyncio.run(run_respondents(base, paths, **options))).result()


@dataclass
class Verification:
    responses: int
    completed: int
    invitations_completed: int
    duplicates: list[str]
    lost: list[tuple[str, str, str, str | None]]  # marker, item, acknowledged value, stored value
    unmatched: list[str]  # respondents whose response cannot be found by their marker


def _same(sent: str, stored: str | None) -> bool:
    if stored is None:
        return False
    if stored == sent.strip():
        return True
    try:
        decoded = json.loads(stored)
    except ValueError:
        decoded = None
    if isinstance(decoded, list):
        return sent in [str(v) for v in decoded]
    try:
        return float(stored) == float(sent.replace(",", "."))
    except ValueError:
        return False


def verify(database_url: str, survey_id: int, respondents: list[Respondent]) -> Verification:
    """Compare what the server acknowledged with what the database holds."""
    from sqlalchemy import create_engine, text

    from survey.config import normalise_database_url

    engine = create_engine(normalise_database_url(database_url))
    try:
        with engine.connect() as conn:
            responses = conn.execute(
                text("SELECT id, status FROM response WHERE survey_id = :s"), {"s": survey_id}
            ).all()
            answers = conn.execute(
                text(
                    "SELECT a.response_id, a.item_code, a.value FROM answer a "
                    "JOIN response r ON r.id = a.response_id WHERE r.survey_id = :s"
                ),
                {"s": survey_id},
            ).all()
            # the ledger's completions: on the invitations, plus those still pending for the next batch
            invited_done = conn.execute(
                text(
                    "SELECT (SELECT count(*) FROM invitation WHERE survey_id = :s AND completed IS TRUE)"
                    " + (SELECT count(*) FROM ledger_pending WHERE survey_id = :s AND completed IS TRUE)"
                ),
                {"s": survey_id},
            ).scalar()
    finally:
        engine.dispose()
    by_response: dict[str, dict[str, str]] = {}
    owners: dict[str, set[str]] = {}
    for response_id, code, value in answers:
        by_response.setdefault(response_id, {})[code] = value
        for marker in re.findall(r"respondent-\d{4}-\d+", value or ""):
            owners.setdefault(marker, set()).add(response_id)
    lost, unmatched = [], []
    for r in respondents:
        found = owners.get(r.marker, set())
        if not found:
            if r.acknowledged:
                unmatched.append(r.marker)
            continue
        stored = by_response[next(iter(found))]
        for name, value in r.acknowledged.items():
            code = FIELD.match(name).group(1)
            if not _same(value, stored.get(code)):
                lost.append((r.marker, code, value, stored.get(code)))
    return Verification(
        responses=len(responses),
        completed=sum(1 for _, s in responses if s == "completed"),
        invitations_completed=invited_done,
        duplicates=sorted(m for m, ids in owners.items() if len(ids) > 1),
        lost=lost,
        unmatched=unmatched,
    )


@dataclass
class Figures:
    respondents: int
    workers: int
    database: str
    seconds: float
    requests: int
    errors: int
    retries: int
    completed: int
    p50: float
    p95: float
    p99: float
    slowest: float
    verification: Verification

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def figures(
    respondents: list[Respondent], seconds: float, workers: int, database: str, verification: Verification
) -> Figures:
    latencies = sorted(t for r in respondents for t in r.latencies) or [0.0]
    quantiles = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return Figures(
        len(respondents),
        workers,
        database,
        seconds,
        sum(r.requests for r in respondents),
        sum(len(r.errors) for r in respondents),
        sum(r.retries for r in respondents),
        sum(r.completed for r in respondents),
        quantiles[49],
        quantiles[94],
        quantiles[98],
        latencies[-1],
        verification,
    )


def run(
    database_url: str,
    respondents: int,
    workers: int,
    log_dir: Path,
    *,
    timeout: float = 900,
    display_mode: str | None = None,
) -> Figures:
    """Fresh database, seeded round, gunicorn, every respondent at once, verification; server stopped."""
    from tests.reliability.server import LiveServer, prepare_database, seed_ceo

    prepare_database(database_url)
    seed = seed_ceo(database_url, respondents, display_mode=display_mode)
    server = LiveServer(database_url, workers=workers, log_dir=log_dir).start()
    try:
        started = time.perf_counter()
        done = answer_all(server.url, seed.links, timeout=timeout)
        seconds = time.perf_counter() - started
    finally:
        server.stop()
    verification = verify(database_url, seed.survey_id, done)
    return figures(done, seconds, workers, database_url.split(":", 1)[0].split("+")[0], verification)


def markdown(f: Figures, command: str) -> str:
    v = f.verification
    return "\n".join(
        [
            f"Command: `{command}`. Python {platform.python_version()}, aiohttp {aiohttp.__version__}, "
            f"{platform.machine()}, shared 2-core machine (load average {os.getloadavg()[0]:.1f} when measured).",
            "",
            f"{f.respondents} virtual respondents start at the same moment, each with a personal link from the "
            f"invitation mail, and answer the shipped *CEO ouders* questionnaire (one question per screen, 20 "
            f"questions, check page) against gunicorn with {f.workers} sync workers on {f.database} (loopback). "
            "Every page is fetched and every step is posted as a browser would, without think time.",
            "",
            "| respondents | workers | database | wall time (s) | requests | requests/s | p50 (ms) | p95 (ms) "
            "| p99 (ms) | slowest (ms) | errors | retries | completed |",
            "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
            f"| {f.respondents} | {f.workers} | {f.database} | {f.seconds:.1f} | {f.requests:,} | {f.per_second:.0f} "
            f"| {f.p50 * 1000:.0f} | {f.p95 * 1000:.0f} | {f.p99 * 1000:.0f} | {f.slowest * 1000:.0f} | {f.errors} "
            f"| {f.retries} | {f.completed} |",
            "",
            f"Database afterwards: {v.responses} responses, {v.completed} completed, {v.invitations_completed} "
            f"invitations marked completed; acknowledged answers missing or different: {len(v.lost)}; "
            f"respondents with more than one response: {len(v.duplicates)}; acknowledged respondents without "
            f"a response: {len(v.unmatched)}.",
        ]
    )


def write_docs(text: str) -> None:
    section = f"{START}\n{text}\n{END}"
    content = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n"
    if START in content and END in content:
        content = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: section, content, flags=re.S)
    else:
        content = content.rstrip("\n") + "\n\n## Load: respondents at once\n\n" + section + "\n"
    DOCS.write_text(content, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--respondents", type=int, default=200)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--database-url", default=os.environ.get("SURVEY_BENCH_DATABASE_URL", DEFAULT_PG))
    parser.add_argument("--timeout", type=float, default=900, help="seconds the whole run may take")
    parser.add_argument("--log-dir", default=str(Path(tempfile.gettempdir()) / "bench-load"))
    parser.add_argument("--no-docs", action="store_true", help="print only, do not write docs/benchmarks.md")
    args = parser.parse_args(argv)
    if not 1 <= args.respondents <= 1000:
        parser.error("--respondents must be between 1 and 1000")
    result = run(args.database_url, args.respondents, args.workers, Path(args.log_dir), timeout=args.timeout)
    command = (
        "/work/main/.venv/bin/python -m bench.load"
        + (f" --respondents {args.respondents}" if args.respondents != 200 else "")
        + (f" --workers {args.workers}" if args.workers != 4 else "")
    )
    text = markdown(result, command)
    print(text)
    if not args.no_docs:
        write_docs(text)
        print(f"written to {DOCS}", file=sys.stderr)
    v = result.verification
    ok = not (result.errors or v.lost or v.duplicates or v.unmatched) and result.completed == args.respondents
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
