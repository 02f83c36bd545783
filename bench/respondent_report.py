"""Tables and target checks of the respondent benchmark (rows from bench/respondent.py).

``python -m bench.respondent --saved bench/out/respondent-….jsonl`` renders a saved run again.
"""

from __future__ import annotations

import statistics
from collections import defaultdict

from bench import docs

TITLE = "Respondent path: the platform against a peer and the bare limit"
NAMES = {
    ("platform", "all_on_one_page"): "platform, all on one page",
    ("platform_before", "all_on_one_page"): "platform before (`--platform-root`), all on one page",
    ("platform", "one_per_screen"): "platform, one question per screen",
    ("platform", "one_per_screen_script"): "platform, one question per screen, sent by the page's script",
    ("platform_before", "one_per_screen"): "platform before (`--platform-root`), one question per screen",
    ("peer", "all_on_one_page"): "peer: django-survey-and-report, one page",
    ("bare", "all_on_one_page"): "bare Flask handler, one page",
    ("bare", "one_per_screen"): "bare Flask handler, one question per screen",
}
ORDER = list(NAMES)
DATABASES = {"sqlite": "SQLite", "pg": "PostgreSQL"}


def _median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def _ms(value) -> str:
    return "–" if value is None else f"{value:.1f}" if value < 100 else f"{value:.0f}"


def groups(rows: list[dict]) -> dict[tuple, list[dict]]:
    found = defaultdict(list)
    for row in rows:
        found[(row["database"], row["system"], row["mode"], row["workers"], row["concurrency"])].append(row)
    return found


def _sort_key(key):
    database, system, mode, workers, concurrency = key
    return (list(DATABASES).index(database), workers, ORDER.index((system, mode)), concurrency)


def main_table(rows: list[dict]) -> list[str]:
    lines = [
        "| database | system | workers | conc. | runs | surveys/s min / median | GET p50 / p95 / p99 ms | "
        "POST p50 / p95 / p99 ms | errors | lost / extra answers | server CPU ms per survey |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for key, runs in sorted(groups(rows).items(), key=lambda item: _sort_key(item[0])):
        database, system, mode, workers, concurrency = key
        rate = [r["surveys_per_s"] for r in runs]
        latency = {
            kind: " / ".join(_ms(_median([r[f"{kind}_p{p}_ms"] for r in runs])) for p in (50, 95, 99))
            for kind in ("get", "post")
        }
        lines.append(
            f"| {DATABASES[database]} | {NAMES[(system, mode)]} | {workers} | {concurrency} | {len(runs)} | "
            f"{min(rate):.1f} / {statistics.median(rate):.1f} | {latency['get']} | {latency['post']} | "
            f"{sum(r['errors'] for r in runs)} | {sum(r['lost'] for r in runs)} / {sum(r['extra'] for r in runs)} | "
            f"{_ms(_median([r['server_cpu_ms_per_survey'] for r in runs]))} |"
        )
    return lines


def cpu_per_survey(rows, database, system, mode, workers) -> float | None:
    """Median server CPU per completed survey over every concurrency level and run."""
    wanted = (database, system, mode, workers)
    return _median(
        [r["server_cpu_ms_per_survey"] for r in rows if (r["database"], r["system"], r["mode"], r["workers"]) == wanted]
    )


def rate(rows, database, system, mode, workers, concurrency) -> float | None:
    return _median(
        [
            r["surveys_per_s"]
            for r in rows
            if (r["database"], r["system"], r["mode"], r["workers"], r["concurrency"])
            == (database, system, mode, workers, concurrency)
        ]
    )


def database_share(rows, database, system, mode, workers) -> float | None:
    """Median CPU of the PostgreSQL backends per completed survey (part of the server CPU)."""
    wanted = (database, system, mode, workers)
    return _median(
        [
            r["server_cpu_ms_per_survey"] * r["database_cpu_s"] / r["server_cpu_s"]
            for r in rows
            if (r["database"], r["system"], r["mode"], r["workers"]) == wanted
            and r["server_cpu_ms_per_survey"]
            and r["server_cpu_s"]
        ]
    )


def cpu_table(rows: list[dict]) -> list[str]:
    combos = sorted({(r["database"], r["workers"]) for r in rows}, key=lambda c: (list(DATABASES).index(c[0]), c[1]))
    lines = [
        "| system | " + " | ".join(f"{DATABASES[d]}, {w} workers" for d, w in combos) + " |",
        "|---|" + "---:|" * len(combos),
    ]
    for system, mode in ORDER:
        cells = []
        for database, workers in combos:
            value = cpu_per_survey(rows, database, system, mode, workers)
            share = database_share(rows, database, system, mode, workers) if database == "pg" else None
            cells.append(_ms(value) + (f" (PostgreSQL {_ms(share)})" if value is not None and share else ""))
        if any(cell != "–" for cell in cells):
            lines.append(f"| {NAMES[(system, mode)]} | " + " | ".join(cells) + " |")
    return lines


def _verdict(ok: bool | None) -> str:
    return "–" if ok is None else "met" if ok else "**missed**"


def target_lines(rows: list[dict]) -> list[str]:
    lines = ["| target | database, workers | measured | |", "|---|---|---|---|"]
    combos = sorted({(r["database"], r["workers"]) for r in rows}, key=lambda c: (list(DATABASES).index(c[0]), c[1]))
    levels = sorted({r["concurrency"] for r in rows})
    for database, workers in combos:
        where = f"{DATABASES[database]}, {workers}"
        ratios = []
        for c in levels:
            mine, bare = (
                rate(rows, database, "platform", "all_on_one_page", workers, c),
                rate(rows, database, "bare", "all_on_one_page", workers, c),
            )
            if mine is not None and bare:
                ratios.append((c, mine / bare))
        if ratios:
            text = ", ".join(f"c={c}: {100 * r:.0f} %" for c, r in ratios)
            lines.append(
                f"| one page: surveys/s ≥ 35 % of the bare handler's | {where} | {text} | "
                f"{_verdict(all(r >= 0.35 for _, r in ratios))} |"
            )
        lines.append(
            _ratio_line(
                "one page: CPU per survey ≤ 3 × the bare handler's",
                where,
                3.0,
                cpu_per_survey(rows, database, "platform", "all_on_one_page", workers),
                cpu_per_survey(rows, database, "bare", "all_on_one_page", workers),
            )
        )
        per_screen = cpu_per_survey(rows, database, "platform", "one_per_screen", workers)
        peer = cpu_per_survey(rows, database, "peer", "all_on_one_page", workers)
        lines.append(
            _ratio_line("one question per screen: CPU per survey ≤ the peer's (one page)", where, 1.0, per_screen, peer)
        )
        lines.append(
            _ratio_line(
                "one question per screen, beyond: CPU per survey ≤ ½ × the peer's", where, 0.5, per_screen, peer
            )
        )
        by_script = cpu_per_survey(rows, database, "platform", "one_per_screen_script", workers)
        if by_script is not None:
            lines.append(
                _ratio_line(
                    "one question per screen, sent by the page's script (one request per screen): CPU per survey "
                    "≤ the peer's (one page)",
                    where,
                    1.0,
                    by_script,
                    peer,
                )
            )
        floor = cpu_per_survey(rows, database, "bare", "one_per_screen", workers)
        if floor and peer:
            lines.append(
                f"| the bare handler, one question per screen, against the peer's one page (the floor; not a target) "
                f"| {where} | {_ms(floor)} ms against {_ms(peer)} ms ({floor / peer:.2f} ×) | – |"
            )
        before = cpu_per_survey(rows, database, "platform_before", "one_per_screen", workers)
        if before and per_screen:
            lines.append(
                f"| one question per screen against the version before (not a target) | {where} | "
                f"{_ms(per_screen)} ms against {_ms(before)} ms ({per_screen / before:.2f} ×) | – |"
            )
        if workers == 4 and 32 in levels:
            worst = _worst_p95(rows, database)
            if worst:
                lines.append(
                    f"| p95 page latency < 100 ms at c=32 (GET and POST, platform, worst run) | {where} | "
                    f"{_ms(max(worst))} ms | {_verdict(max(worst) < 100)} |"
                )
            # the "screen": one question per screen, the mode most respondents use (not a target of its own)
            for mode in ("one_per_screen", "one_per_screen_script"):
                screens = _worst_p95(rows, database, mode)
                if screens:
                    lines.append(
                        f"| of which {NAMES['platform', mode].removeprefix('platform, ')} (not a target of its own) "
                        f"| {where} | {_ms(max(screens))} ms | – |"
                    )
    mine = [r for r in rows if r["system"] == "platform"]
    bad = sum(
        r["errors"] + r["lost"] + r["extra"] + r["lost_surveys"] + r["duplicates"] + r["incomplete"] for r in mine
    )
    lines.append(
        f"| zero errors, zero lost or doubled answers at every level (platform) | all | "
        f"{sum(r['errors'] for r in mine)} errors, {sum(r['lost'] for r in mine)} lost, "
        f"{sum(r['extra'] + r['duplicates'] for r in mine)} extra | {_verdict(bad == 0)} |"
    )
    return lines


def _worst_p95(rows: list[dict], database: str, mode: str | None = None) -> list[float]:
    """The larger of GET and POST p95 of each platform run at c = 32 on 4 workers (of one mode, or all)."""
    return [
        max(r["get_p95_ms"] or 0, r["post_p95_ms"] or 0)
        for r in rows
        if (r["database"], r["system"], r["workers"], r["concurrency"]) == (database, "platform", 4, 32)
        and mode in (None, r["mode"])
    ]


def _ratio_line(label, where, limit, mine, theirs) -> str:
    if mine is None or not theirs:
        return f"| {label} | {where} | – | – |"
    return (
        f"| {label} | {where} | {_ms(mine)} ms against {_ms(theirs)} ms ({mine / theirs:.2f} ×) | "
        f"{_verdict(mine / theirs <= limit)} |"
    )


def render(rows: list[dict], plan, *, quick: bool, command: str) -> str:
    loads = [r["load_average"] for r in rows]
    kind = (
        "**Quick run on a busy shared machine** (smoke test of the harness: "
        f"{plan.seconds:g} s per level, {plan.repetitions} repetition): the throughput and latency figures "
        "are not representative; server CPU per survey is the figure to compare."
        if quick
        else f"Full run: {plan.seconds:g} s per level after a {plan.warmup:g} s warm-up, "
        f"{plan.repetitions} repetitions (min and median shown)."
    )
    errors = sorted({k for r in rows for k in r["error_kinds"]})
    text = [
        f"Command: `{command}`. {kind} Load average during the measurements {min(loads):.1f}–{max(loads):.1f} "
        f"on {docs.os.cpu_count()} cores.",
        "",
        "A respondent completes the 15-question CEO (13 statements on the 5-point scale, a grade 1–10, one open "
        "answer: `bench/ceo_survey.py`) as a new visitor: GET the form, POST all answers, and for one question "
        "per screen GET and POST each of the 15 screens, until the redirect leads to the thank-you page (not "
        "fetched). Each virtual respondent runs without think time (asyncio + aiohttp, 127.0.0.1). Every "
        "system is served by gunicorn with sync workers, from a fresh database per series: the platform with "
        "its own `gunicorn.conf.py` (its worker class and redacted access log; the version before with its "
        "own), the bare handler with this tree's, the peer with gunicorn's defaults; in each repetition one "
        "system after the other, in the opposite order every other repetition; PostgreSQL 15 on "
        "127.0.0.1, one schema per system, persistent connections. *Server CPU per survey*: CPU time of the "
        "gunicorn master and workers (plus the PostgreSQL backends serving them) during the measurement, "
        "per 15 acknowledged answers (on one page exactly per completed survey; for one question per screen "
        "this also counts the surveys still under way when the time was up). *Lost / extra*: acknowledged "
        "answers (a POST redirected onward) "
        "missing from the database / rows stored that no acknowledged POST sent.",
        "",
        *main_table(rows),
        "",
        "Server CPU per completed survey, ms (median over every concurrency level and run):",
        "",
        *cpu_table(rows),
        "",
        "Targets (same machine, same run):",
        "",
        *target_lines(rows),
    ]
    if errors:
        text += ["", "Errors seen: " + ", ".join(errors) + "."]
    return "\n".join(text)


def write(text: str) -> None:
    docs.replace_section("respondent", text, TITLE)
