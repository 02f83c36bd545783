"""Starting and stopping a gunicorn server for one benchmark series, and the CPU its processes use.

Server CPU is read from ``/proc/<pid>/stat``: the gunicorn master (with the children it reaped) and its
live workers, plus, for PostgreSQL, the backends serving the benchmark's database (found by their
process title ``postgres: … <user> <database> …``). A process that starts during a measurement counts
from zero; one that ends during it is reported, since its CPU would be missing.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stat(pid: int) -> list[str] | None:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            return handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return None


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            return handle.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _pids() -> list[int]:
    return [int(name) for name in os.listdir("/proc") if name.isdigit()]


class Server:
    """A gunicorn master we started (in its own process group), with its log file."""

    def __init__(
        self, argv: list[str], *, env: dict, cwd: Path, log: Path, ready_url: str, pg_backend_title: str | None = None
    ):
        self.argv, self.env, self.cwd, self.log_path, self.ready_url = argv, env, cwd, log, ready_url
        self.pg_backend_title = pg_backend_title
        self.process: subprocess.Popen | None = None
        #: processes seen serving the database (PostgreSQL backends), to tell their share apart
        self.backends: set[int] = set()

    def start(self, timeout: float = 120) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "ab")  # noqa: SIM115 - closed with the process
        self.process = subprocess.Popen(
            self.argv, env=self.env, cwd=self.cwd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}; see {self.log_path}")
            try:
                with urllib.request.urlopen(self.ready_url, timeout=10) as answer:  # noqa: S310 - loopback only
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"server not ready after {timeout:.0f} s; see {self.log_path}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=30)

    def cpu_snapshot(self) -> dict[int, float]:
        """CPU seconds per process of the server side, right now."""
        master = self.process.pid
        found = {}
        for pid in _pids():
            fields = _stat(pid)
            if fields is None:
                continue
            if pid == master:
                found[pid] = sum(int(x) for x in fields[11:15]) / TICK  # utime stime cutime cstime
            elif int(fields[1]) == master:
                found[pid] = (int(fields[11]) + int(fields[12])) / TICK
            elif self._is_backend(pid):
                found[pid] = (int(fields[11]) + int(fields[12])) / TICK
                self.backends.add(pid)
        return found

    def _is_backend(self, pid: int) -> bool:
        return (
            bool(self.pg_backend_title)
            and _cmdline(pid).startswith("postgres:")
            and self.pg_backend_title in _cmdline(pid)
        )


def cpu_used(before: dict[int, float], after: dict[int, float], only: set[int] | None = None) -> tuple[float, int]:
    """(CPU seconds used between two snapshots, number of processes that ended in between); ``only``: just
    these processes."""
    used = sum(value - before.get(pid, 0.0) for pid, value in after.items() if only is None or pid in only)
    return used, sum(1 for pid in before if pid not in after)


def machine_busy() -> tuple[int, int]:
    with open("/proc/stat", encoding="ascii") as handle:
        values = [int(x) for x in handle.readline().split()[1:]]
    return sum(values) - values[3] - values[4], sum(values)


def load_average() -> tuple[float, float, float]:
    return os.getloadavg()
