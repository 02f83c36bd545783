"""python -m bench.remarks_external: the shipped text analysis scored on labelled statements kept outside the
repository (a region's own, or public pages): the right figures, no statement quoted in the docs, and a clear
message for a file it cannot read."""

from __future__ import annotations

import json

import numpy as np
import pytest

from analysis.remarks import shipped_classifier
from bench import remarks_external

ROWS = [
    {"doc": "raad-2025", "source": "Raadsbrief 2025", "heading": "Wat kan beter?", "kind": "zorg",
     "text": "De wachttijd voor de eerste afspraak is nog te lang.", "sentiment": "negatief", "themes": ["toegang"]},
    {"doc": "raad-2025", "source": "Raadsbrief 2025", "heading": "Waar bent u trots op?", "kind": "compliment",
     "text": "De samenwerking met de scholen is sterk verbeterd.", "sentiment": "positief",
     "themes": ["samenwerking", "onderwijs"]},
    {"doc": "monitor-2024", "source": "Monitor 2024", "heading": "Uitkomsten", "kind": "observatie",
     "text": "In 2024 kregen 412 jongeren hulp van het wijkteam.", "sentiment": "neutraal", "themes": ["toegang"]},
]  # fmt: skip


def write(path, rows):
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


def test_the_figures_are_the_shipped_classifiers_on_the_file(tmp_path, monkeypatch, capsys):
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n", encoding="utf-8")
    monkeypatch.setattr(remarks_external, "DOC", doc)
    assert remarks_external.main([str(write(tmp_path / "eigen.jsonl", ROWS))]) == 0
    printed = capsys.readouterr().out
    predicted = shipped_classifier().predict([r["text"] for r in ROWS], [r["heading"] for r in ROWS])
    right = int((predicted == np.array([r["kind"] for r in ROWS])).sum())
    total = next(line for line in printed.splitlines() if line.startswith("| **eigen, all**"))
    assert total.split("|")[2].strip() == "3"
    assert total.split("|")[3].strip() == f"**{right / 3:.2f}**"
    # two judged statements (the neutral finding is not scored for sentiment)
    assert "(2)" in total.split("|")[5]
    written = doc.read_text(encoding="utf-8")
    assert remarks_external.START in written and "raad-2025: Raadsbrief 2025" in written
    assert not any(r["text"] in written for r in ROWS), "the docs name the sources but quote no statement"


def test_a_file_it_cannot_read_gets_a_message_naming_the_line(tmp_path, capsys):
    bad = tmp_path / "kapot.jsonl"
    bad.write_text(json.dumps(ROWS[0]) + "\n{niet af\n", encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        remarks_external.main([str(bad), "--no-docs"])
    assert stopped.value.code == 2
    assert "line 2: not JSON" in capsys.readouterr().err
    missing = write(tmp_path / "zonder.jsonl", [{k: v for k, v in ROWS[0].items() if k != "kind"}])
    with pytest.raises(SystemExit):
        remarks_external.main([str(missing), "--no-docs"])
    assert "line 1: missing kind" in capsys.readouterr().err


def test_each_file_is_a_batch_of_its_own_and_all_batches_are_totalled(tmp_path, capsys):
    first, second = write(tmp_path / "eigen.jsonl", ROWS[:2]), write(tmp_path / "later.jsonl", ROWS[2:])
    assert remarks_external.main([str(first), str(second), "--no-docs"]) == 0
    printed = capsys.readouterr().out
    assert "Batch `eigen`:" in printed and "Batch `later`:" in printed
    assert "| **eigen, all** | 2 |" in printed and "| **later, all** | 1 |" in printed
    assert "All batches together:" in printed


def test_statements_the_shipped_models_learn_from_are_refused_as_unseen_text(tmp_path, capsys):
    from analysis.remarks import public_statements

    learned = {**public_statements()[0], "text": " " + public_statements()[0]["text"]}  # a stray space changes nothing
    mixed = write(tmp_path / "gemengd.jsonl", [*ROWS, learned])
    with pytest.raises(SystemExit) as stopped:
        remarks_external.main([str(mixed), "--no-docs"])
    assert stopped.value.code == 2
    assert "1 of these statements train the shipped models already" in capsys.readouterr().err
