"""Where the platform's respondent requests spend their time: CPU per survey, SQL statements per
request, and optionally a pyinstrument profile, in one process through Flask's test client.

Run: ``python -m bench.profile_respondent [--mode one_per_screen] [--surveys 30] [--profile]``. It builds
a fresh SQLite database with the benchmark survey (bench/platform_setup.py) in bench/out/, completes a
few surveys to warm up, then times the rest. Not part of the test run.
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


def complete_survey(client, start: str, rnd: random.Random, statements: Counter) -> int:
    """One respondent through the test client; returns the number of requests."""
    from bench.loadclient import fill_form

    client._cookies.clear()
    url, requests = start, 0
    while True:
        started = time.process_time()
        page = client.get(url)
        statements["get_cpu"] += time.process_time() - started
        requests += 1
        if page.status_code != 200:
            raise RuntimeError(f"GET {url}: {page.status_code}")
        _action, data, _answers = fill_form(page.get_data(as_text=True), rnd)
        before = statements["n"]
        started = time.process_time()
        sent = client.post(url, data=data, headers={"Referer": url})
        statements["post_cpu"] += time.process_time() - started
        requests += 1
        statements["post"] += statements["n"] - before
        if sent.status_code not in (302, 303):
            raise RuntimeError(f"POST {url}: {sent.status_code}")
        url = urlparse(sent.headers["Location"]).path
        if url.endswith("/klaar"):
            return requests


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", default="all_on_one_page", choices=("all_on_one_page", "one_per_screen"))
    parser.add_argument("--surveys", type=int, default=30)
    parser.add_argument("--profile", action="store_true", help="print a pyinstrument profile (wall clock)")
    parser.add_argument("--cpu-profile", type=int, metavar="N", help="print the N functions with most CPU time "
                        "(cProfile on process time, including what they call)")
    args = parser.parse_args()
    os.environ.setdefault("SURVEY_JOBS_URL", "immediate")
    OUT.mkdir(exist_ok=True)
    path = OUT / "profile.sqlite3"
    path.unlink(missing_ok=True)
    from sqlalchemy import event

    from bench.platform_setup import build
    from survey import create_app
    from survey.extensions import db

    keys = build(f"sqlite:///{path}")
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}", "SECRET_KEY": "bench"})
    statements = Counter()
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", lambda *a: statements.update(["n"]))
    client = app.test_client()
    start = f"/v/{keys[args.mode]}/vraag/1"
    rnd = random.Random(1)
    for _ in range(3):
        complete_survey(client, start, rnd, statements)
    statements.clear()
    profiler = cpu_profiler = None
    if args.cpu_profile:
        import cProfile

        cpu_profiler = cProfile.Profile(time.process_time)
        cpu_profiler.enable()
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        profiler.start()
    cpu, wall, requests = time.process_time(), time.perf_counter(), 0
    for _ in range(args.surveys):
        requests += complete_survey(client, start, rnd, statements)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    if cpu_profiler is not None:
        import pstats

        cpu_profiler.disable()
        pstats.Stats(cpu_profiler).sort_stats(os.environ.get("BENCH_PROFILE_SORT", "cumulative")).print_stats(args.cpu_profile)
    if profiler is not None:
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=False))
    print(f"{args.mode}: {args.surveys} surveys, {requests} requests; CPU {1000 * cpu / args.surveys:.1f} ms per "
          f"survey ({1000 * cpu / requests:.1f} ms per request), wall {1000 * wall / args.surveys:.1f} ms; "
          f"SQL statements per request {statements['n'] / requests:.1f} (POST {2 * statements['post'] / requests:.1f}); "
          f"CPU per GET {2000 * statements['get_cpu'] / requests:.1f} ms, per POST "
          f"{2000 * statements['post_cpu'] / requests:.1f} ms")


if __name__ == "__main__":
    main()
