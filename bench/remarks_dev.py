"""Kind of remark, development checks only: cross-validation on the development remarks and, per batch of
development remarks written later in new words, accuracy when trained on the earlier batches.

Used while developing (held-out remarks are never touched here) and reported next to the held-out figures
by ``bench.remarks``.
"""

from __future__ import annotations

import numpy as np
from sklearn.model_selection import StratifiedKFold

from analysis.remarks import RemarkClassifier

#: Development batches in the order they were written; remarks without a batch are the first 517
#: (d0: the first 351, d1: the 166 written in new vocabulary as a check).
FIRST_BATCH_SIZE = 351


def batch_of(index: int, row: dict) -> str:
    return row.get("batch") or ("d0" if index < FIRST_BATCH_SIZE else "d1")


def batch_number(batch: str) -> int:
    """ "d10" -> 10, so that d10 comes after d9."""
    return int(batch[1:])


def fit(rows: list[dict]) -> RemarkClassifier:
    return RemarkClassifier().fit(
        [r["text"] for r in rows], [r["kinds"] for r in rows], [r.get("prompt") for r in rows]
    )


def hits(model: RemarkClassifier, rows: list[dict]) -> np.ndarray:
    predicted = model.predict([r["text"] for r in rows], [r.get("prompt") for r in rows])
    return predicted == np.array([r["kinds"][0] for r in rows])


def cross_validation(dev: list[dict], folds: int = 5) -> float:
    """Accuracy of cues + prior + model in stratified k-fold cross-validation on the development remarks."""
    truth = np.array([r["kinds"][0] for r in dev])
    right = np.zeros(len(dev), dtype=bool)
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=0).split(np.zeros(len(dev)), truth):
        right[test] = hits(fit([dev[i] for i in train]), [dev[i] for i in test])
    return float(right.mean())


def later_batches(dev: list[dict]) -> list[tuple[str, int, float, float]]:
    """(batch, n, cues + prior, cues + prior + model trained on all earlier batches) per later batch."""
    batches = [batch_of(i, r) for i, r in enumerate(dev)]
    rules = RemarkClassifier()
    found = []
    for batch in sorted(set(batches), key=batch_number)[1:]:
        test = [r for r, b in zip(dev, batches, strict=True) if b == batch]
        train = [r for r, b in zip(dev, batches, strict=True) if batch_number(b) < batch_number(batch)]
        found.append((batch, len(test), float(hits(rules, test).mean()), float(hits(fit(train), test).mean())))
    return found


def render(dev: list[dict]) -> str:
    rules_all = float(hits(RemarkClassifier(), dev).mean())
    lines = [
        "| Development check | n | (b) cues + prior | (c) cues + prior + model |",
        "|---|---|---|---|",
        f"| all development remarks, 5-fold cross-validation | {len(dev)} | {rules_all:.2f} "
        f"(cues written on them) | {cross_validation(dev):.2f} |",
    ]
    for batch, n, rules, model in later_batches(dev):
        lines.append(f"| batch {batch}, model trained on the batches before it | {n} | {rules:.2f} | {model:.2f} |")
    return "\n".join(lines)
