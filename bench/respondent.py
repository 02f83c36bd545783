"""The respondent path side by side: the platform (all questions on one page, and one question per
screen), the peer django-survey-and-report and a bare Flask handler, each served by gunicorn with the
same workers on SQLite and on PostgreSQL, driven by the same load client (bench/loadclient.py) at the same
concurrency in the same run. Every series starts from a fresh copy of the database; afterwards the
database is read to check that every acknowledged answer is stored and none twice.

Run: ``python -m bench.respondent`` (or ``python -m bench`` for every benchmark; ``--quick`` for a smoke
run). Raw results go to bench/out/respondent-*.jsonl; tables are printed and written to
``docs/benchmarks.md`` between the ``respondent`` markers (bench/respondent_report.py).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import resource
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bench import respondent_report
from bench.ceo_survey import ANSWERS_PER_SURVEY
from bench.loadclient import Target, run_phase
from bench.servers import Server, cpu_used, machine_busy
from bench.systems import BY_SCRIPT, OUT, ROOT, RUN, Postgres, System

DEFAULT_PG = os.environ.get("BENCH_PG_URL", "postgresql://survey_ci:survey_ci@127.0.0.1:5432/survey_bench")
SYSTEMS = ("platform", "peer", "bare")


@dataclass
class Plan:
    workers: tuple[int, ...] = (2, 4)
    concurrency: tuple[int, ...] = (1, 8, 32)
    seconds: float = 20.0
    warmup: float = 3.0
    repetitions: int = 2
    databases: tuple[str, ...] = ("sqlite", "pg")
    systems: tuple[str, ...] = SYSTEMS
    pg_url: str = DEFAULT_PG
    #: another platform checkout, served beside this tree as "platform_before" (default: none)
    platform_root: Path = ROOT

    @classmethod
    def quick(cls, **changes) -> Plan:
        return cls(**{"seconds": 4.0, "warmup": 1.0, "repetitions": 1, **changes})


def percentile(values: list[float], p: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return 1000 * ordered[max(0, min(len(ordered) - 1, math.ceil(p / 100 * len(ordered)) - 1))]


def verify(system: System, tally, before, after) -> dict:
    """Acknowledged answers against the rows that appeared in the database."""
    acknowledged = Counter()
    for (name, value), n in tally.acknowledged.items():
        acknowledged[(system.item_code(name), value)] += n
    appeared = Counter({k: after.answers[k] - before.answers.get(k, 0) for k in after.answers})
    lost = sum(max(0, n - appeared.get(k, 0)) for k, n in acknowledged.items())
    extra = sum(max(0, n - acknowledged.get(k, 0)) for k, n in appeared.items())
    return {
        "acknowledged_answers": sum(acknowledged.values()),
        "stored_answers": sum(appeared.values()),
        "lost": lost,
        "extra": extra,
        "lost_surveys": tally.completed - (after.completed - before.completed),
        "duplicates": after.duplicates,
        "incomplete": after.incomplete - before.incomplete,
    }


def measure(system: System, server: Server, base_url: str, mode: str, concurrency: int, plan: Plan) -> dict:
    target = Target(base_url, system.start_path(mode), system.done_pattern(), by_script=mode == BY_SCRIPT)
    if plan.warmup:
        run_phase(target, min(concurrency, 4), plan.warmup, seed=7)
    before = system.stored(mode, ANSWERS_PER_SURVEY)
    cpu0, busy0, own0 = server.cpu_snapshot(), machine_busy(), resource.getrusage(resource.RUSAGE_SELF)
    load = os.getloadavg()[0]
    tally, elapsed = run_phase(target, concurrency, plan.seconds, seed=concurrency)
    cpu1, busy1, own1 = server.cpu_snapshot(), machine_busy(), resource.getrusage(resource.RUSAGE_SELF)
    after = system.stored(mode, ANSWERS_PER_SURVEY)
    server_cpu, ended = cpu_used(cpu0, cpu1)
    database_cpu, _ = cpu_used(cpu0, cpu1, server.backends)
    client_cpu = (own1.ru_utime - own0.ru_utime) + (own1.ru_stime - own0.ru_stime)
    pages = tally.get_latency + tally.post_latency
    return {
        "system": system.name,
        "database": system.database,
        "mode": mode,
        "concurrency": concurrency,
        "seconds": round(elapsed, 2),
        "completed": tally.completed,
        "surveys_per_s": tally.completed / elapsed,
        "requests": len(pages),
        "errors": sum(tally.errors.values()),
        "error_kinds": dict(tally.errors),
        **{
            f"{kind}_p{p}_ms": percentile(values, p)
            for kind, values in (("get", tally.get_latency), ("post", tally.post_latency), ("page", pages))
            for p in (50, 95, 99)
        },
        **verify(system, tally, before, after),
        "server_cpu_s": server_cpu,
        "database_cpu_s": database_cpu,
        "processes_ended": ended,
        # per 15 acknowledged answers: equal to per completed survey on one page, and steady for one
        # question per screen even when a short run ends in the middle of many surveys
        "server_cpu_ms_per_survey": (
            1000 * server_cpu * ANSWERS_PER_SURVEY / sum(tally.acknowledged.values()) if tally.acknowledged else None
        ),
        "client_cpu_cores": client_cpu / elapsed,
        "load_average": load,
        "machine_busy_pct": 100 * (busy1[0] - busy0[0]) / max(1, busy1[1] - busy0[1]),
    }


def series(system: System, workers: int, plan: Plan, repetition: int, log) -> list[dict]:
    """One server start: fresh database, every mode and concurrency, stop."""
    system.reset()
    server, base_url = system.server(workers, system.modes[0], f"{system.name}-{system.database}.log")
    server.start()
    rows = []
    try:
        for mode in system.modes:
            run_phase(
                Target(base_url, system.start_path(mode), system.done_pattern(), by_script=mode == BY_SCRIPT),
                2 * workers,
                2 * plan.warmup,
                seed=3,
            )  # every worker has served pages before the first measurement
            for concurrency in plan.concurrency:
                row = measure(system, server, base_url, mode, concurrency, plan)
                row.update(workers=workers, repetition=repetition)
                rows.append(row)
                log(summary_line(row))
    finally:
        server.stop()
    return rows


def summary_line(row: dict) -> str:
    cpu = row["server_cpu_ms_per_survey"]
    return (
        f"  {row['system']:8} {row['database']:6} {row['mode']:16} w{row['workers']} c{row['concurrency']:<3} "
        f"{row['surveys_per_s']:7.1f} surveys/s  GET p95 {row['get_p95_ms'] or 0:6.1f} ms  "
        f"POST p95 {row['post_p95_ms'] or 0:6.1f} ms  CPU/survey {cpu or 0:6.1f} ms  errors {row['errors']} "
        f"lost {row['lost']} extra {row['extra']}  load {row['load_average']:.1f}"
    )


def run(plan: Plan, log=print) -> list[dict]:
    pg = Postgres(plan.pg_url) if "pg" in plan.databases else None
    names = list(plan.systems)
    if plan.platform_root != ROOT and "platform" in names:  # the other checkout beside this one, same run
        names.insert(names.index("platform") + 1, "platform_before")
    systems = [
        System(name, database, pg, plan.platform_root if name == "platform_before" else ROOT)
        for database in plan.databases
        for name in names
    ]
    for system in systems:
        log(f"Preparing {system.name} on {system.database}")
        system.prepare(log)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    raw = OUT / f"respondent-{stamp}.jsonl"
    rows = []
    for repetition in range(1, plan.repetitions + 1):
        for workers in plan.workers:
            for system in in_turn(systems, plan.databases, repetition):
                for row in series(system, workers, plan, repetition, log):
                    rows.append(row)
                    with open(raw, "a", encoding="utf-8") as handle:
                        handle.write(json.dumps(row) + "\n")
    log(f"Raw results: {raw}")
    return rows


def in_turn(systems: list[System], databases: list[str], repetition: int) -> list[System]:
    """The systems of each database in the order given, and in the opposite order every other repetition:
    on a shared machine the load drifts during a run, and a system that always ran first would carry that."""
    ordered = []
    for database in databases:
        group = [system for system in systems if system.database == database]
        ordered += group if repetition % 2 else group[::-1]
    return ordered


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quick", action="store_true", help="smoke run: 4 s per level, one repetition")
    parser.add_argument("--workers", type=int, nargs="+")
    parser.add_argument("--concurrency", type=int, nargs="+")
    parser.add_argument("--seconds", type=float)
    parser.add_argument("--repetitions", type=int)
    parser.add_argument("--databases", nargs="+", choices=("sqlite", "pg"))
    parser.add_argument("--systems", nargs="+", choices=SYSTEMS)
    parser.add_argument("--pg-url", default=DEFAULT_PG)
    parser.add_argument(
        "--platform-root",
        type=Path,
        default=ROOT,
        help="also serve the platform from this checkout, beside this tree (the version before)",
    )
    parser.add_argument("--no-docs", action="store_true", help="print only; leave docs/benchmarks.md alone")
    parser.add_argument(
        "--saved",
        type=Path,
        help="render a saved run (bench/out/respondent-….jsonl) again, measuring nothing (docs too, unless --no-docs)",
    )


def plan_from(args) -> Plan:
    changes = {
        name: tuple(value) if isinstance(value, list) else value
        for name, value in (
            ("workers", args.workers),
            ("concurrency", args.concurrency),
            ("seconds", args.seconds),
            ("repetitions", args.repetitions),
            ("databases", args.databases),
            ("systems", args.systems),
        )
        if value
    }
    changes.update(pg_url=args.pg_url, platform_root=args.platform_root.resolve())
    return Plan.quick(**changes) if args.quick else Plan(**changes)


def main(argv: list[str] | None = None, command: str = "python -m bench.respondent") -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments(parser)
    args = parser.parse_args(argv)
    plan = plan_from(args)
    if args.saved:
        rows = [json.loads(line) for line in args.saved.read_text(encoding="utf-8").splitlines() if line.strip()]
        # the rows were measured by the command without --saved
        command = re.sub(r" --saved \S+", "", command)
    else:
        rows = run(plan)
    text = respondent_report.render(rows, plan, quick=args.quick, command=command)
    print(text)
    if not args.no_docs:
        respondent_report.write(text)
    return rows


if __name__ == "__main__":
    Path(RUN).mkdir(parents=True, exist_ok=True)
    main()
