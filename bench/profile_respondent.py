"""Where the platform's respondent requests spend their time: CPU per survey, per GET and per POST, SQL
statements per request, and optionally a profile, in one process through Flask's test client.

Run: ``python -m bench.profile_respondent [--mode one_per_screen] [--surveys 30] [--cpu-profile 40]
[--pg-url postgresql://user:password@host/name]``. It builds a fresh SQLite database with the benchmark
survey (bench/platform_setup.py) in bench/out/ (or, with ``--pg-url``, a fresh schema ``bench_profile`` in
that PostgreSQL database, whose backends' CPU is reported apart), completes three surveys to warm up,
then measures the rest. Jobs a completion queues are left in a queue of their own (bench/out/profile-jobs.sqlite3),
as a server's consumer process would take them. ``--cpu-profile N`` prints the N functions
with the most CPU time (cProfile on process time) and the number of Python function calls per survey,
a figure that does not move with the load of a shared machine; ``--profile`` prints a pyinstrument
(wall-clock) tree. Not part of the test run.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

OUT = Path(__file__).resolve().parent / "out"


def complete_survey(client, start: str, rnd: random.Random, tally: Counter, by_script: bool = False) -> int:
    """One respondent through the test client; returns the number of requests. ``by_script``: each step sent
    as the page's script sends a screen of one question, whose answer is the next screen (no GET)."""
    from bench.loadclient import fill_form

    client._cookies.clear()
    url, requests, page = start, 0, None
    headers = {"X-Screen": "1"} if by_script else {}
    while True:
        if page is None:
            started = time.process_time()
            page = client.get(url)
            tally["get_cpu"] += time.process_time() - started
            tally["gets"] += 1
            requests += 1
            if page.status_code != 200:
                raise RuntimeError(f"GET {url}: {page.status_code}")
        _action, data, _answers = fill_form(page.get_data(as_text=True), rnd)
        before, started = tally["statements"], time.process_time()
        sent = client.post(url, data=data, headers={"Referer": url, **headers})
        tally["post_cpu"] += time.process_time() - started
        tally["post_statements"] += tally["statements"] - before
        tally["posts"] += 1
        requests += 1
        if sent.status_code == 200 and "X-Screen-Location" in sent.headers:
            url, page = sent.headers["X-Screen-Location"], sent
            continue
        if sent.status_code not in (302, 303):
            raise RuntimeError(f"POST {url}: {sent.status_code}")
        url, page = urlparse(sent.headers["Location"]).path, None
        if url.endswith("/klaar"):
            return requests


def _profilers(args):
    cpu_profiler = wall_profiler = None
    if args.cpu_profile:
        import cProfile

        cpu_profiler = cProfile.Profile(time.process_time)
        cpu_profiler.enable()
    if args.profile:
        try:
            from pyinstrument import Profiler
        except ImportError:  # not a dependency of the platform: only this option uses it
            raise SystemExit(
                "--profile needs pyinstrument (pip install pyinstrument); --cpu-profile needs nothing"
            ) from None

        wall_profiler = Profiler(interval=0.0005)
        wall_profiler.start()
    return cpu_profiler, wall_profiler


def _report(args, cpu_profiler, wall_profiler) -> None:
    if cpu_profiler is not None:
        import pstats

        cpu_profiler.disable()
        if args.dump:
            cpu_profiler.dump_stats(args.dump)
        stats = pstats.Stats(cpu_profiler)
        stats.sort_stats(args.sort).print_stats(args.cpu_profile)
        print(f"Python function calls per survey: {stats.total_calls / args.surveys:,.0f}")
    if wall_profiler is not None:
        wall_profiler.stop()
        print(wall_profiler.output_text(unicode=True, color=False, show_all=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", default="all_on_one_page", choices=("all_on_one_page", "one_per_screen"))
    parser.add_argument("--surveys", type=int, default=30)
    parser.add_argument(
        "--by-script", action="store_true", help="one question per screen: each step sent as the page's script does"
    )
    parser.add_argument("--profile", action="store_true", help="print a pyinstrument profile (wall clock)")
    parser.add_argument("--cpu-profile", type=int, metavar="N", help="print the N functions with most CPU time")
    parser.add_argument("--sort", default="cumulative", help="order of the CPU profile (cumulative, tottime …)")
    parser.add_argument("--dump", help="with --cpu-profile: also write the profile to this file (pstats)")
    parser.add_argument("--pg-url", help="PostgreSQL database to profile on (schema bench_profile, made afresh)")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    # jobs (the de-identification batch a completion queues) go to a queue no consumer reads, as on a server
    # whose consumer is another process: run inline, they would put a job's CPU into a respondent's request
    (OUT / "profile-jobs.sqlite3").unlink(missing_ok=True)
    os.environ.setdefault("SURVEY_JOBS_URL", f"sqlite:///{OUT / 'profile-jobs.sqlite3'}")
    from sqlalchemy import event

    from bench.ceo_survey import platform_exchange
    from bench.platform_setup import build
    from bench.servers import Server, cpu_used
    from bench.systems import MODES, Postgres
    from survey import create_app
    from survey.extensions import db

    backends = None
    if args.pg_url:
        pg = Postgres(args.pg_url)
        pg.fresh_schema("bench_profile")
        os.environ["PGOPTIONS"] = "-c search_path=bench_profile"
        url = args.pg_url.replace("postgresql://", "postgresql+psycopg://", 1)
        backends = Server(
            [], env={}, cwd=OUT, log=OUT / "unused.log", ready_url="", pg_backend_title=pg.backend_title()
        )
        backends.process = _NoMaster()
    else:
        path = OUT / "profile.sqlite3"
        path.unlink(missing_ok=True)
        url = f"sqlite:///{path}"
    keys = build(url, {mode: platform_exchange(mode) for mode in MODES})
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench-profile"})
    tally = Counter()
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", lambda *a: tally.update(["statements"]))
    client = app.test_client()
    start = f"/v/{keys[args.mode]}/vraag/1"
    rnd = random.Random(1)
    for _ in range(3):
        complete_survey(client, start, rnd, tally, args.by_script)
    tally.clear()
    cpu_profiler, wall_profiler = _profilers(args)
    database_cpu = backends.cpu_snapshot() if backends else {}
    cpu, wall, requests = time.process_time(), time.perf_counter(), 0
    for _ in range(args.surveys):
        requests += complete_survey(client, start, rnd, tally, args.by_script)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    if backends:
        database_cpu = cpu_used(database_cpu, backends.cpu_snapshot())[0]
    _report(args, cpu_profiler, wall_profiler)
    per_survey, gets, posts = 1000 / args.surveys, max(1, tally["gets"]), max(1, tally["posts"])
    print(
        f"{args.mode}{' by script' if args.by_script else ''}: {args.surveys} surveys, {requests} requests; "
        f"CPU {cpu * per_survey:.1f} ms per survey "
        f"(GET {1000 * tally['get_cpu'] / gets:.1f} ms, POST {1000 * tally['post_cpu'] / posts:.1f} ms), "
        f"wall {wall * per_survey:.1f} ms; SQL statements per request {tally['statements'] / requests:.1f} "
        f"(POST {tally['post_statements'] / posts:.1f})"
        + (f"; PostgreSQL backends {database_cpu * per_survey:.1f} ms per survey" if backends else "")
    )


class _NoMaster:
    """Stands for a gunicorn master where only the PostgreSQL backends are read."""

    pid = -1


if __name__ == "__main__":
    main()
