"""Running respondents while something breaks: a fault is applied at given moments of a live run."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
from collections.abc import Callable
from urllib.parse import urlsplit

from sqlalchemy import create_engine, text

from bench.load import Respondent, run_respondents


def run_with_faults(
    base: str,
    links: list[str],
    fault: Callable[[list[Respondent]], None],
    moments: list[float],
    *,
    attempts: int = 12,
    timeout: float = 240,
    until: Callable[[list[Respondent]], bool] | None = None,
    every: float = 0.7,
    most: int = 15,
) -> list[Respondent]:
    """Respondents answer at once (retrying a step they got no answer to); ``fault`` runs at each moment
    (seconds after the start) with the respondents as they are, in a thread so they keep going. With
    ``until``, the fault is then repeated every ``every`` seconds (at most ``most`` times in all) until
    ``until(respondents)`` holds or everyone is done: a fault between two requests proves nothing."""
    respondents: list[Respondent] = []

    async def main():
        async def breaker():
            loop = asyncio.get_running_loop()
            started = loop.time()
            for moment in moments:
                await asyncio.sleep(max(0.0, moment - (loop.time() - started)))
                await asyncio.to_thread(fault, respondents)
            applied = len(moments)
            while (
                until is not None
                and applied < most
                and not until(respondents)
                and not all(r.completed or r.errors for r in respondents)
            ):
                await asyncio.sleep(every)
                await asyncio.to_thread(fault, respondents)
                applied += 1

        faults = asyncio.create_task(breaker())
        try:
            return await run_respondents(base, links, attempts=attempts, timeout=timeout, respondents=respondents)
        finally:
            await faults

    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:  # a loop of its own, also when this thread already runs one
        return pool.submit(lambda: asyncio.run(main())).result()


def terminate_backends(database_url: str) -> int:
    """Cut every other connection to this database, as a server restart would."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            cut = conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            ).all()
            conn.commit()
    finally:
        engine.dispose()
    return len(cut)


def local_cluster(database_url: str) -> str | None:
    """The Debian cluster version serving this URL, when it is on this machine and we may restart it."""
    parts = urlsplit(database_url.replace("+psycopg", ""))
    if (
        parts.hostname not in ("127.0.0.1", "localhost", "::1")
        or os.geteuid() != 0
        or not shutil.which("pg_ctlcluster")
        or not shutil.which("pg_lsclusters")
    ):
        return None
    listing = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True, check=False).stdout
    for line in listing.splitlines():
        fields = line.split()
        if len(fields) >= 4 and fields[1] == "main" and fields[2] == str(parts.port or 5432) and fields[3] == "online":
            return fields[0]
    return None


def restart_cluster(version: str) -> None:
    subprocess.run(["pg_ctlcluster", version, "main", "restart"], check=True, capture_output=True, timeout=120)
