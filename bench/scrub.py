"""Quote scrubbing on hand-written Dutch sentences: recall of personal details and words wrongly
replaced, with and without the region's keep-list.

`python -m bench.scrub` prints the table (and the misses with `-v`). The sentences in
tests/analysis/data/quote_scrub_nl.txt are self-written development data, not real statements.
"""

import os
import re
import sys
from collections import Counter
from pathlib import Path

from analysis.privacy.quotes import QuoteScrubber
from analysis.privacy.scrub_measure import measure, read_set

DATA = Path(__file__).resolve().parents[1] / "tests" / "analysis" / "data" / "quote_scrub_nl.txt"


def main(verbose: bool = False) -> None:
    data = read_set(DATA)
    rows = [
        ("quote pass with keep-list and region terms", measure(data)),
        ("quote pass without keep-list", measure(data, QuoteScrubber(**data.terms))),
    ]
    print(f"Material: {DATA.name}, {len(data.sentences)} self-written sentences (development data)")
    print(f"| {'Setting':<44} | details | caught | recall | words | wrongly replaced | share |")
    print(f"|{'-' * 46}|---------|--------|--------|-------|------------------|-------|")
    for label, f in rows:
        print(
            f"| {label:<44} | {f.details:>7} | {f.details_caught:>6} | {f.recall:>6.1%} | {f.words:>5} "
            f"| {f.words_replaced:>16} | {f.wrong_share:>5.1%} |"
        )
    if verbose:
        for label, f in rows[:1]:
            print(f"\n{label}: missed", *f.misses, sep="\n  ")
            print("wrongly replaced", *f.wrong, sep="\n  ")


def seeds(folder: Path) -> None:
    """Real programme documents (no markup): what the quote pass replaces in them, per document."""
    scrubber = QuoteScrubber()
    print(f"\nReal material: {folder} (published programme documents; no personal details marked)")
    print("| Document | words | replaced pieces | per 1,000 words | most replaced |")
    print("|---|---|---|---|---|")
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        words = len(re.findall(r"\w+", text))
        found = Counter()
        for line in text.splitlines():
            found.update(f"{r.original} → {r.label}" for r in scrubber.replacements(line))
        total = sum(found.values())
        top = ", ".join(f"{k} ({n})" for k, n in found.most_common(6))
        print(f"| {path.name} | {words} | {total} | {total / words * 1000:.1f} | {top} |")


if __name__ == "__main__":
    main("-v" in sys.argv)
    folder = Path(os.environ.get("SURVEY_SEEDS", Path(__file__).resolve().parents[2] / "shared" / "seeds"))
    if folder.is_dir():
        seeds(folder)
