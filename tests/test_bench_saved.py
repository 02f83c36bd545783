"""``python -m bench --only respondent --saved FILE`` renders a run saved earlier and measures nothing: the
same table again (into the docs unless ``--no-docs``), under the command that measured it."""

from __future__ import annotations

import json

import pytest

from bench import __main__ as bench_main
from bench import respondent


def row(system: str, mode: str, concurrency: int, cpu: float) -> dict:
    return {
        "system": system, "database": "sqlite", "mode": mode, "workers": 4, "concurrency": concurrency,
        "repetition": 0, "seconds": 6.0, "completed": 600, "surveys_per_s": 100.0, "requests": 1200, "errors": 0,
        "error_kinds": {}, "get_p50_ms": 3.0, "get_p95_ms": 5.0, "get_p99_ms": 6.0, "post_p50_ms": 4.0,
        "post_p95_ms": 7.0, "post_p99_ms": 9.0, "page_p50_ms": 3.5, "page_p95_ms": 6.0, "page_p99_ms": 8.0,
        "acknowledged_answers": 9000, "stored_answers": 9000, "lost": 0, "extra": 0, "lost_surveys": 0,
        "duplicates": 0, "incomplete": 0, "server_cpu_s": 3.0, "database_cpu_s": 0, "processes_ended": 0,
        "server_cpu_ms_per_survey": cpu, "client_cpu_cores": 0.2, "machine_busy_pct": 50.0, "load_average": 1.5,
    }  # fmt: skip


def test_a_saved_run_is_rendered_again_without_measuring(tmp_path, monkeypatch, capsys):
    saved = tmp_path / "respondent-run.jsonl"
    rows = [row("platform", "all_on_one_page", c, 4.2) for c in (1, 32)] + [
        row("bare", "all_on_one_page", c, 1.4) for c in (1, 32)
    ]
    saved.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")

    def measure(plan):
        pytest.fail("a saved run was measured again")

    monkeypatch.setattr(respondent, "run", measure)
    assert bench_main.main(["--only", "respondent", "--databases", "sqlite", "--saved", str(saved), "--no-docs"]) == 0
    printed = capsys.readouterr().out
    assert "--saved" not in printed  # the command shown is the one that measured the rows
    target = "| one page: CPU per survey ≤ 3 × the bare handler's | SQLite, 4 | 4.2 ms against 1.4 ms (3.00 ×) |"
    assert target in printed
