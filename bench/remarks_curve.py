"""How the kind of remark grows with the real statements of public pages it learns from: a learning curve.

Run from the repository root: ``python -m bench.remarks_curve [--draws 2]``. The kind classifier is trained as
the platform trains it (``analysis.remarks.train``, shipped settings) on the remarks written to order, the seed
documents but the one left out, and a share of the public pages' statements (``analysis/data/
public_statements.jsonl``), drawn a whole page at a time; it is scored on the left-out seed document's statements
(``analysis/data/real_statements.jsonl``), classified together as one paste, with and without their headings.
Each share but none and all is drawn ``--draws`` times. Prints a table; it answers whether labelling more real
statements of the same kind would bring the kind targets of ``python -m bench.remarks`` within reach.
"""

from __future__ import annotations

import argparse
import random

import numpy as np

from analysis.remarks import public_statements, real_statements
from analysis.remarks.classifier import OVERRIDE, OVERRIDE_SHORT
from bench.remarks import fit, with_question

SHARES = (0.0, 0.25, 0.5, 0.75, 1.0)
#: the platform's weight of a real statement (``analysis.remarks.shipped.REAL_WEIGHT``)
WEIGHT = 3.0


def right_kinds(rows: list[dict], public: list[dict]) -> tuple[int, int]:
    """Right kinds over the seed documents, each left out in turn: (with the headings, without)."""
    with_heading = without = 0
    for doc in sorted({r["doc"] for r in rows}):
        model = fit([r for r in rows if r["doc"] != doc], WEIGHT, public=public)
        held = [r for r in rows if r["doc"] == doc]
        truth = np.array([r["kind"] for r in held])
        pair = (OVERRIDE, OVERRIDE_SHORT)
        with_heading += int((with_question(model, held, pair, True, True, document=True) == truth).sum())
        bare = [dict(r, heading=None) for r in held]
        without += int((with_question(model, bare, pair, True, True, document=True) == truth).sum())
    return with_heading, without


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=2, help="random draws of pages per share between none and all")
    args = parser.parse_args(argv)
    rows, public = real_statements(), public_statements()
    pages = sorted({r["source"] for r in public})
    print(f"{len(rows)} statements of the seed documents; {len(public)} of {len(pages)} public pages\n")
    print("| share of the public pages | draw | statements | kind, with heading | kind, without |")
    print("|---|---|---|---|---|")
    for share in SHARES:
        for draw in range(args.draws if 0 < share < 1 else 1):
            chosen = set(random.Random(draw).sample(pages, round(share * len(pages))))
            subset = [r for r in public if r["source"] in chosen]
            with_heading, without = right_kinds(rows, subset)
            print(
                f"| {share:.0%} | {draw + 1} | {len(subset)} | {with_heading / len(rows):.3f} | "
                f"{without / len(rows):.3f} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
