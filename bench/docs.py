"""docs/benchmarks.md: its header (machine, versions, date, command) and the sections between
``<!-- name:start -->`` / ``<!-- name:end -->`` markers, each rewritten by its own benchmark."""

from __future__ import annotations

import os
import platform
import re
import time
from importlib import metadata
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
LIBRARIES = (
    "flask",
    "werkzeug",
    "jinja2",
    "sqlalchemy",
    "flask-wtf",
    "wtforms",
    "flask-babel",
    "gunicorn",
    "psycopg",
    "aiohttp",
    "pandas",
    "numpy",
    "scikit-learn",
)


def replace_section(name: str, body: str, title: str, path: Path = DOCS) -> None:
    """Put body between the section's markers; a section not there yet is appended under its title."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    block = f"{start}\n{body.strip()}\n{end}"
    if start in text and end in text:
        text = re.sub(re.escape(start) + r".*?" + re.escape(end), lambda _m: block, text, count=1, flags=re.S)
    else:
        text = text.rstrip("\n") + f"\n\n## {title}\n\n{block}\n"
    path.write_text(text, encoding="utf-8")


def write_header(body: str, path: Path = DOCS) -> None:
    """The header block right under the page title."""
    start, end = "<!-- header:start -->", "<!-- header:end -->"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    block = f"{start}\n{body.strip()}\n{end}"
    if start in text and end in text:
        text = re.sub(re.escape(start) + r".*?" + re.escape(end), lambda _m: block, text, count=1, flags=re.S)
    else:
        first, _, rest = text.partition("\n")
        text = f"{first}\n\n{block}\n{rest}"
    path.write_text(text, encoding="utf-8")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gib() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024**2
    except OSError:
        pass
    return 0.0


def versions(names=LIBRARIES) -> str:
    found = []
    for name in names:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    return ", ".join(found)


def machine_header(command: str, load_before: tuple[float, ...], extra: str = "") -> str:
    load_after = os.getloadavg()
    return "\n".join(
        line
        for line in [
            f"Measured {time.strftime('%Y-%m-%d %H:%M %Z')} with `{command}` (not part of the test run).",
            "",
            f"- Machine: {os.cpu_count()} cores, {_memory_gib():.1f} GiB memory, {_cpu_model()}, "
            f"{platform.system()} {platform.release()}; load average {load_before[0]:.1f} at the start, "
            f"{load_after[0]:.1f} at the end (the machine is shared: wall-clock figures move with the load, "
            "CPU figures much less).",
            f"- Python {platform.python_version()}; {versions()}.",
            f"- {extra}" if extra else None,
        ]
        if line is not None
    )
