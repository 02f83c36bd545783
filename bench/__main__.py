"""Every benchmark in one command: ``make bench`` (= ``python -m bench``), ``--quick`` for a smoke run.

First the respondent path side by side (bench/respondent.py: the platform against the peer and the bare
handler), then each other benchmark module that exists (bench.scores, bench.coding, bench.remarks,
bench.remarks_written, bench.results, bench.load), each in its own process. Tables are printed, and
docs/benchmarks.md gets a header (machine, versions, date, this command) while each benchmark rewrites its
own section between its markers. Not part of the test run. ``python -m bench.remarks_external FILE...`` reads
labelled statements kept outside the repository, so it is run by hand with those files; ``python -m
bench.serial --base CHECKOUT`` compares two versions of the respondent path one respondent at a time.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import time

from bench import docs, respondent
from bench.systems import ROOT

#: the other benchmark modules, with the arguments of a quick run (None: not run in a quick run)
OTHERS = {
    "bench.scores": [],
    "bench.coding": ["--sizes", "1000", "--no-docs"],
    "bench.remarks": [],
    "bench.remarks_written": [],
    "bench.results": ["--sizes", "1000", "--no-docs"],
    "bench.load": ["--respondents", "20", "--no-docs"],
}


def run_others(names: list[str], quick: bool, no_docs: bool) -> list[str]:
    """Run the modules that exist; returns one line per module (what ran, how long, how it ended)."""
    lines = []
    for name in names:
        if importlib.util.find_spec(name) is None:
            continue
        args = list(OTHERS[name]) if quick else []
        if no_docs and "--no-docs" not in args:
            if name in ("bench.scores", "bench.remarks_written"):
                lines.append(f"{name}: skipped (it always writes its section)")
                continue
            args.append("--no-docs")
        print(f"\n== {name} {' '.join(args)}", flush=True)
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", name, *args], cwd=ROOT, check=False)
        seconds = time.monotonic() - started
        state = "ok" if done.returncode == 0 else f"failed with exit code {done.returncode}"
        lines.append(f"`{' '.join(['python -m', name, *args])}`: {state}, {seconds:.0f} s")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    respondent.arguments(parser)
    parser.add_argument(
        "--only",
        nargs="+",
        choices=["respondent", *(n.split(".")[1] for n in OTHERS)],
        help="run only these benchmarks",
    )
    args = parser.parse_args(argv)
    command = " ".join(["python -m bench", *(sys.argv[1:] if argv is None else argv)])
    chosen = args.only or ["respondent", *(n.split(".")[1] for n in OTHERS)]
    load_before = os.getloadavg()
    if "respondent" in chosen:
        respondent.main(_respondent_argv(args), command=command)
    ran = run_others([f"bench.{n}" for n in chosen if n != "respondent"], args.quick, args.no_docs)
    for line in ran:
        print(line)
    if not args.no_docs and not args.saved:  # a saved run keeps the header of its measurement
        extra = "Other benchmarks in this run: " + "; ".join(ran) + "." if ran else ""
        docs.write_header(docs.machine_header(command, load_before, extra))
    return 0


def _respondent_argv(args) -> list[str]:
    argv = ["--quick"] if args.quick else []
    for name in ("workers", "concurrency", "seconds", "repetitions", "databases", "systems"):
        value = getattr(args, name)
        if value:
            argv += [f"--{name}", *map(str, value if isinstance(value, list) else [value])]
    argv += ["--pg-url", args.pg_url, "--platform-root", str(args.platform_root)]
    argv += ["--no-docs"] if args.no_docs else []
    argv += ["--saved", str(args.saved)] if args.saved else []
    return argv


if __name__ == "__main__":
    sys.exit(main())
