"""Results pages and exports for 1k, 10k and 100k responses of a 15-item CEO in SQLite.

Run: ``python -m bench.results`` from the repository root (``--sizes 1000 10000`` for fewer, ``--reuse`` to
keep the generated databases in /tmp between runs). Every measurement runs in its own subprocess, which
reports its wall time, its CPU time and its peak RSS (``VmHWM``), next to the RSS it had before the
measured work (imports and the app). The page is requested through the Flask test client (the database
read included) after one warm-up request of another page; exports are read from the streamed response
to the end. For comparison, a direct SQL-to-CSV dump writes the same answer rows (one row per answer)
with sqlite3 and the csv module. The table goes into ``docs/benchmarks.md`` between the ``results``
markers.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.memory import peak_mb, rss_mb

SIZES = (1_000, 10_000, 100_000)
DOCS = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
START, END = "<!-- results:start -->", "<!-- results:end -->"
HEADING = "## Results pages and exports"
KINDS = ("page_cold", "page", "page_breakdown", "csv", "xlsx", "sav", "dump")
PAGE = "/beheer/bench/resultaten/1/"
DUMP_SQL = (
    "SELECT a.response_id, a.item_code, a.instance, a.value FROM answer a JOIN response r "
    "ON r.id = a.response_id WHERE r.survey_id = 1 AND r.status = 'completed' ORDER BY a.response_id, a.id"
)


def _timed(work) -> dict:
    base = rss_mb()
    cpu, wall = time.process_time(), time.perf_counter()
    size = work()
    return {
        "wall": time.perf_counter() - wall,
        "cpu": time.process_time() - cpu,
        "bytes": size,
        "base_mb": base,
        "peak_mb": peak_mb(),
    }


def _dump(path: str) -> dict:
    import sqlite3

    def work():
        con = sqlite3.connect(path)
        with tempfile.TemporaryFile("w+", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            cursor = con.execute(DUMP_SQL)
            while rows := cursor.fetchmany(10_000):
                writer.writerows(rows)
            size = out.tell()
        con.close()
        return size

    return _timed(work)


def _client(path: str):
    from flask_login.utils import _create_identifier

    from survey import create_app

    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}",
            "SECRET_KEY": "bench",
            "TESTING": False,
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
            "JOBS_URL": "immediate",
            "MAIL_BACKEND": "memory",
        }
    )
    client = app.test_client()
    with app.test_request_context(environ_base=client.environ_base):
        identifier = _create_identifier()
    with client.session_transaction() as session:
        session.update({"_user_id": "bench-session", "_fresh": True, "_id": identifier})
    assert client.get("/beheer/bench/resultaten/").status_code == 200  # warm-up: templates, catalog
    return client


def _forget_counts(path: str) -> None:
    import sqlite3

    with sqlite3.connect(path) as con:
        con.execute("DELETE FROM results_cache")


def _page(path: str, query: str, cold: bool) -> dict:
    if cold:
        _forget_counts(path)
    client = _client(path)

    def work():
        response = client.get(PAGE + query)
        assert response.status_code == 200, response.status_code
        return len(response.data)

    if cold:
        return _timed(work)
    runs = [_timed(work) for _ in range(2)]
    return min(runs, key=lambda r: r["wall"])


def _export(path: str, fmt: str) -> dict:
    client = _client(path)

    def work():
        response = client.post(
            PAGE + "export", data={"format": fmt, "delimiter": "comma", "values": "codes"}, buffered=False
        )
        assert response.status_code == 200, response.status_code
        size = 0
        with tempfile.TemporaryFile() as out:
            for chunk in response.response:
                out.write(chunk)
                size += len(chunk)
        response.close()
        return size

    return _timed(work)


def worker(kind: str, path: str) -> dict:
    """One measurement in this process."""
    if kind == "dump":
        return _dump(path)
    if kind.startswith("page"):
        return _page(path, "?uitsplitsing=gemeente" if kind == "page_breakdown" else "", kind == "page_cold")
    return _export(path, kind)


def _run(kind: str, path: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "bench.results", "--worker", kind, str(path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[1],
    )
    if done.returncode:
        raise RuntimeError(f"{kind} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(sizes, reuse: bool) -> list[dict]:
    from bench.results_data import build, update_schema

    rows = []
    for n in sizes:
        path = Path(tempfile.gettempdir()) / f"bench-results-{n}.sqlite3"
        if not (reuse and path.exists()):
            started = time.perf_counter()
            build(path, n)
            print(f"built {n:,} responses in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        else:
            update_schema(path)
        for kind in KINDS:
            result = _run(kind, path)
            rows.append({"n": n, "kind": kind, **result})
            print(
                f"{n:>7,} {kind:<15} wall {result['wall']:6.2f} s  cpu {result['cpu']:6.2f} s  "
                f"peak {result['peak_mb']:6.0f} MB (base {result['base_mb']:.0f})",
                file=sys.stderr,
            )
    return rows


LABELS = {
    "page_cold": "results page, first view (answers counted, cache filled)",
    "page": "results page (counts from the cache)",
    "page_breakdown": "results page + breakdown (gemeente)",
    "csv": "CSV export",
    "xlsx": "Excel export",
    "sav": "SPSS export",
    "dump": "direct SQL-to-CSV dump (same answer rows)",
}


def table(rows: list[dict]) -> str:
    lines = [
        "| responses | what | wall (s) | CPU (s) | peak RSS (MB) | RSS before (MB) | output (MB) |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {r['n']:,} | {LABELS[r['kind']]} | {r['wall']:.2f} | {r['cpu']:.2f} | {r['peak_mb']:.0f} "
        f"| {r['base_mb']:.0f} | {r['bytes'] / 2**20:.1f} |"
        for r in rows
    ]
    return "\n".join(lines)


def write_docs(markdown: str) -> None:
    section = f"{START}\n{markdown}\n{END}"
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n"
    if START in text and END in text:
        text = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: section, text, flags=re.S)
    else:
        text = text.rstrip("\n") + f"\n\n{HEADING}\n\n{section}\n"
    DOCS.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worker", nargs=2, metavar=("KIND", "DATABASE"))
    parser.add_argument("--sizes", nargs="*", type=int, default=list(SIZES))
    parser.add_argument("--reuse", action="store_true", help="keep and reuse the generated databases")
    parser.add_argument("--no-docs", action="store_true", help="print only, leave docs/benchmarks.md alone")
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(*args.worker)))
        return
    rows = measure(args.sizes, args.reuse)
    result = table(rows)
    print(result)
    if not args.no_docs:
        about = (
            f"Command: `/work/main/.venv/bin/python -m bench.results`. Python {platform.python_version()}, "
            f"SQLite {__import__('sqlite3').sqlite_version}, {platform.machine()}, shared 2-core machine, "
            f"load average {os.getloadavg()[0]:.1f} when measured (wall time grows with the load of "
            "other work; *CPU* is the process time of the same run).\n\n"
            "A 15-item CEO (13 statements, a rapportcijfer, an open answer written by 40 %, coded into 1-2 "
            "themes), 60 % response from an invitation list. Each line is its own subprocess: *peak RSS* "
            "is its maximum resident memory, *RSS before* what it used after imports and the app, before "
            "the measured work. Pages go through the Flask test client after a warm-up request (best of "
            "2); exports are read from the streamed response to the end.\n"
        )
        write_docs(about + "\n" + result)
        print(f"written to {DOCS}", file=sys.stderr)


if __name__ == "__main__":
    main()
