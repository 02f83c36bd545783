"""What SQLite keeps of deleted rows, and what it costs to keep nothing: ``python -m bench.sqlite_history``.

A table of small transactions like a respondent's step (insert a row with a marker, update it, delete it a
moment later), under each journal setting. For each: the time per transaction, and how many deleted
markers can still be read in the files (main, -wal, -journal) while the connection is open. Development
figures on generated rows; the point is the order of magnitude and whether anything lingers.
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from pathlib import Path

SETTINGS = {
    "WAL (before)": ["PRAGMA journal_mode=WAL"],
    "WAL + secure_delete": ["PRAGMA journal_mode=WAL", "PRAGMA secure_delete=ON"],
    "WAL + secure_delete + TRUNCATE checkpoint per commit": ["PRAGMA journal_mode=WAL", "PRAGMA secure_delete=ON"],
    "WAL + secure_delete + TRUNCATE checkpoint every 50": ["PRAGMA journal_mode=WAL", "PRAGMA secure_delete=ON"],
    "DELETE journal + secure_delete": ["PRAGMA journal_mode=DELETE", "PRAGMA secure_delete=ON"],
}


def run(name: str, pragmas: list[str], rounds: int) -> tuple[float, int]:
    folder = Path(tempfile.mkdtemp())
    path = folder / "db.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in pragmas:
        conn.execute(pragma)
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, marker TEXT, body TEXT)")
    every = 1 if "per commit" in name else 50 if "every 50" in name else 0
    start = time.perf_counter()
    for n in range(rounds):
        conn.execute("BEGIN")
        conn.execute("INSERT INTO t (marker, body) VALUES (?, ?)", (f"MARKER{n:06d}X", "x" * 200))
        conn.execute("COMMIT")
        conn.execute("BEGIN")
        conn.execute("DELETE FROM t WHERE marker = ?", (f"MARKER{n:06d}X",))
        conn.execute("COMMIT")
        if every and (n + 1) % every == 0:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    elapsed = (time.perf_counter() - start) / (2 * rounds)
    data = b"".join(p.read_bytes() for p in folder.iterdir() if p.is_file())
    lingering = sum(1 for n in range(rounds) if f"MARKER{n:06d}X".encode() in data)
    conn.close()
    return elapsed, lingering


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=500)
    rounds = parser.parse_args().rounds
    print(f"{rounds} rows inserted and deleted, one transaction each; files read with the connection open")
    print(f"{'setting':<55} {'ms per commit':>14} {'deleted rows readable':>22}")
    for name, pragmas in SETTINGS.items():
        elapsed, lingering = run(name, pragmas, rounds)
        print(f"{name:<55} {elapsed * 1000:>14.3f} {lingering:>15} of {rounds}")


if __name__ == "__main__":
    main()
