"""Agreement between two labellings of the real statements: how far a reader gets, next to the classifier.

A second labelling of 60 real statements (``bench/data/real_statements_second.jsonl``, made blind to the first
labels) is compared with the first (``analysis/data/real_statements.jsonl``): kind, the sign that follows from
the kind, and the main theme. The classifier is scored on the same 60, each statement's document left out (the
shipped settings; ``python -m bench.remarks`` chooses them per fold), against both labellings. If the two
labellings disagreed as often as the classifier errs, the benchmark's targets would say nothing; this shows
which of the two it is.

Usage: ``python -m bench.remarks_agreement`` (prints the table and rewrites its section of docs/benchmarks.md;
``--no-docs`` prints only).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sklearn.metrics import cohen_kappa_score

from analysis.remarks import real_statements
from bench.docs import replace_section
from bench.remarks import fit, themes, with_question

SECOND = Path(__file__).resolve().parent / "data" / "real_statements_second.jsonl"
SIGN = {"compliment": "positief", "zorg": "negatief"}
COMMAND = "python -m bench.remarks_agreement"


def second_labels() -> list[dict]:
    """The second labelling, each row joined to its statement of the first file (by document and text)."""
    first = {(r["doc"], r["text"]): r for r in real_statements()}
    with SECOND.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return [{**row, "first": first[row["doc"], row["text"]]} for row in rows if "_" not in row]


def machine(rows: list[dict]) -> tuple[list[str], list[str | None]]:
    """The classifier's kind (with the heading) and first theme for each row, its document left out; the kinds
    from all statements of the document classified together, as the tussenevaluatie classifies one paste."""
    every = real_statements()
    kinds: dict[str, str] = {}
    firsts: dict[str, str | None] = {}
    for doc in sorted({r["doc"] for r in rows}):
        train = [r for r in every if r["doc"] != doc]
        whole = [r for r in every if r["doc"] == doc]
        predicted = with_question(fit(train, 3.0), whole, (1.01, 1.01), True, True, document=True)
        kinds.update((statement["text"], str(kind)) for statement, kind in zip(whole, predicted, strict=True))
        test = [r["first"] for r in rows if r["doc"] == doc]
        for statement, theme in zip(test, themes(train, test, firsts=True), strict=True):
            firsts[statement["text"]] = theme
    return [kinds[r["text"]] for r in rows], [firsts[r["text"]] for r in rows]


def share(pairs) -> float:
    pairs = list(pairs)
    return sum(pairs) / max(1, len(pairs))


def run() -> dict:
    rows = second_labels()
    first = [r["first"]["kind"] for r in rows]
    second = [r["kind"] for r in rows]
    kinds, first_themes = machine(rows)
    first_sets = [set(r["first"]["themes"]) for r in rows]
    second_sets = [set(r["themes"]) for r in rows]
    return {
        "n": len(rows),
        "kind": {
            "first–second": share(a == b for a, b in zip(first, second, strict=True)),
            "classifier–first": share(a == b for a, b in zip(kinds, first, strict=True)),
            "classifier–second": share(a == b for a, b in zip(kinds, second, strict=True)),
        },
        "kappa": {
            "first–second": cohen_kappa_score(first, second),
            "classifier–first": cohen_kappa_score(kinds, first),
            "classifier–second": cohen_kappa_score(kinds, second),
        },
        "sign": {
            "first–second": share(SIGN.get(a) == SIGN.get(b) for a, b in zip(first, second, strict=True)),
            "classifier–first": share(SIGN.get(a) == SIGN.get(b) for a, b in zip(kinds, first, strict=True)),
            "classifier–second": share(SIGN.get(a) == SIGN.get(b) for a, b in zip(kinds, second, strict=True)),
        },
        "theme": {
            "first–second": share(r["themes"][0] in s for r, s in zip(rows, first_sets, strict=True)),
            "classifier–first": share(t in s for t, s in zip(first_themes, first_sets, strict=True)),
            "classifier–second": share(t in s for t, s in zip(first_themes, second_sets, strict=True)),
        },
        "disagreements": [(r["first"]["kind"], r["kind"], r["text"]) for r in rows if r["first"]["kind"] != r["kind"]],
    }


def conclusion(result: dict) -> str:
    """What the table says about the benchmark's targets (kind 0.85 with the question, theme 0.85)."""
    readers = min(result["kind"]["first–second"], result["theme"]["first–second"])
    if readers >= 0.85:
        return (
            "The two readings agree above the benchmark's targets (0.85 for kind and theme), the classifier "
            "below them with either reading: the labels are not what holds `python -m bench.remarks` down."
        )
    return (
        "The two readings agree less than the benchmark's targets ask (0.85 for kind and theme): on these "
        "statements the targets measure label noise as much as the classifier."
    )


def render(result: dict) -> str:
    lines = [
        f"Real material: {result['n']} of the 233 real statements (`analysis/data/real_statements.jsonl`, drawn at "
        "random), labelled a second time from the statement and its heading only, blind to the first labels, by "
        "the same written labelling rule (`bench/data/real_statements_second.jsonl`). The second labelling was "
        "made by the project itself, not by an outside annotator, and a handful of these statements had been "
        "seen with their first label in an error list before; it measures how consistently the rule can be "
        "applied, not how a stranger reads the statements. The classifier: each statement's document left out, "
        "shipped settings, with the heading, all statements of the document classified together as one paste. "
        "Kind: same primary kind; sign: the same sign following from the "
        "kind (compliment positief, zorg negatief, others none); theme: the main theme of the one labelling "
        "(for the classifier: its first suggestion) is among the themes of the other.",
        "",
        f"Command: `{COMMAND}`",
        "",
        "| Pair | kind | kind, Cohen's κ | sign from the kind | main theme |",
        "|---|---|---|---|---|",
    ]
    for pair in ("first–second", "classifier–first", "classifier–second"):
        lines.append(
            f"| {pair} | {result['kind'][pair]:.2f} | {result['kappa'][pair]:.2f} | {result['sign'][pair]:.2f} | "
            f"{result['theme'][pair]:.2f} |"
        )
    lines += [
        "",
        "Where the two labellings differ on kind: "
        + "; ".join(f"{a} / {b}: '{text}'" for a, b, text in result["disagreements"])
        + ".",
        "",
        conclusion(result),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=COMMAND, description=__doc__.splitlines()[0])
    parser.add_argument("--no-docs", action="store_true", help="print only, leave docs/benchmarks.md alone")
    args = parser.parse_args(argv)
    section = render(run())
    print(section)
    if not args.no_docs:
        replace_section("remarks-agreement", section, "Two labellings of the real statements")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
