"""Server CPU per survey, one respondent at a time, through gunicorn: this tree against another checkout,
served in turn, to tell two versions apart where the full benchmark's spread is larger than the difference.

``python -m bench.respondent`` runs many respondents at once next to the peer and the bare handler on a
shared machine; from one series to the next its CPU per survey moves by 10-20 %. Here each round serves
this tree and then the other checkout (each with its own ``gunicorn.conf.py`` and a fresh database built
by its own code), completes 5 surveys to warm up and then ``--surveys`` surveys one after the other, each
request on a new connection as sync workers answer them, and reads the CPU of the gunicorn master and
workers (and, on PostgreSQL, of the backends serving them) from /proc. The rounds rotate the order, so a
change of the machine's load during the run weighs on each.

With ``--peer`` the peer's survey on one page is served in turn as well, with ``--bare`` the bare Flask
handler in the same display mode (one question per screen where the mode is the page's script). The client is the full
benchmark's (bench/loadclient.py), one respondent at a time.

Run: ``python -m bench.serial [--base /path/to/checkout] [--peer] [--bare] [--mode one_per_screen_script]
[--workers 4] [--rounds 4] [--surveys 40] [--pg-url URL]``. Prints a table (CPU ms per survey in each
round, the median). Not part of the test run.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
from pathlib import Path

import aiohttp

from bench.loadclient import Tally, Target, one_survey
from bench.servers import cpu_used, load_average
from bench.systems import BY_SCRIPT, MODES, Postgres, System


async def _surveys(target: Target, surveys: int, seed: int) -> Tally:
    """``surveys`` respondents one after the other, by the full benchmark's client (bench/loadclient.py)."""
    tally, rnd = Tally(), random.Random(seed)
    jar = aiohttp.CookieJar(unsafe=True)  # unsafe: keep cookies of 127.0.0.1
    async with aiohttp.ClientSession(
        cookie_jar=jar, connector=aiohttp.TCPConnector(limit=1), timeout=aiohttp.ClientTimeout(total=60)
    ) as session:
        for _ in range(surveys):
            await one_survey(session, target, tally, rnd, deadline=float("inf"))
    if tally.errors or tally.completed != surveys:
        raise RuntimeError(f"{tally.completed} of {surveys} surveys completed; errors {dict(tally.errors)}")
    return tally


def measure(system: System, mode: str, workers: int, surveys: int, seed: int) -> tuple[float, float]:
    """(server CPU ms per survey, requests per survey) for one series of serial surveys."""
    system.reset()
    server, base_url = system.server(workers, mode, f"serial-{system.name}.log")
    target = Target(base_url, system.start_path(mode), system.done_pattern(), by_script=mode == BY_SCRIPT)
    server.start()
    try:
        asyncio.run(_surveys(target, 5, seed + 1000))
        before = server.cpu_snapshot()
        tally = asyncio.run(_surveys(target, surveys, seed))
        used, _ended = cpu_used(before, server.cpu_snapshot())
    finally:
        server.stop()
    requests = len(tally.get_latency) + len(tally.post_latency)
    return 1000 * used / surveys, requests / surveys


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.serial", description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, help="another checkout of the platform (the version before)")
    parser.add_argument("--peer", action="store_true", help="also the peer, its survey on one page")
    parser.add_argument("--bare", action="store_true", help="also the bare Flask handler, in the same mode")
    parser.add_argument("--mode", default=BY_SCRIPT, choices=(*MODES, BY_SCRIPT))
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--surveys", type=int, default=40)
    parser.add_argument("--pg-url", help="serve from PostgreSQL (postgresql://user:password@host/name) instead")
    args = parser.parse_args(argv)
    database, pg = ("pg", Postgres(args.pg_url)) if args.pg_url else ("sqlite", None)
    series = [(System("platform", database, pg), args.mode)]
    if args.base:
        series.append((System("platform_before", database, pg, root=args.base.resolve()), args.mode))
    if args.peer:
        series.append((System("peer", database, pg), "all_on_one_page"))
    bare_mode = args.mode if args.mode in MODES else "one_per_screen"  # the bare handler has no page script
    if args.bare:
        series.append((System("bare", database, pg), bare_mode))
    for system, _mode in series:
        system.prepare()
    figures = {system.name: [] for system, _mode in series}
    requests, loads = {}, []
    for round_number in range(args.rounds):
        order = series[round_number % len(series) :] + series[: round_number % len(series)]
        for system, mode in order:
            cpu, requests[system.name] = measure(system, mode, args.workers, args.surveys, seed=round_number)
            figures[system.name].append(cpu)
            loads.append(load_average()[0])
    print(
        f"\n{args.workers} workers, {args.surveys} serial surveys per round, {database}; load average "
        f"{min(loads):.1f}-{max(loads):.1f}\n"
    )
    print("| system | requests per survey | server CPU ms per survey, each round | median |")
    print("|---|---:|---|---:|")
    names = {
        "platform": f"this tree, {args.mode}",
        "platform_before": f"`{args.base}`, {args.mode}",
        "peer": "peer: django-survey-and-report, one page",
        "bare": f"bare Flask handler, {bare_mode}",
    }
    medians = {name: statistics.median(values) for name, values in figures.items()}
    for name, values in figures.items():
        rounds = " / ".join(f"{v:.1f}" for v in values)
        print(f"| {names[name]} | {requests[name]:.0f} | {rounds} | {medians[name]:.1f} |")
    for name in ("platform_before", "peer", "bare"):
        if name in medians:
            print(f"\nthis tree against {names[name]}: {medians['platform'] / medians[name]:.2f} ×")


if __name__ == "__main__":
    main()
