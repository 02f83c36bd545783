"""How good suggestions are against human codes: precision and recall per theme, and auto-coding figures."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass(frozen=True)
class AutoCoding:
    """Answers whose every theme decision is at least ``threshold`` sure are coded without a human."""

    threshold: float
    n: int
    n_auto: int
    share: float
    accuracy: float  #: share of auto-coded answers whose theme set equals the human set exactly (NaN if none)


def confidence(proba: pd.DataFrame) -> np.ndarray:
    """Per answer, the least sure theme decision: min over themes of max(p, 1 - p)."""
    values = proba.to_numpy(dtype=float)
    if values.shape[1] == 0:
        return np.ones(values.shape[0])
    return np.minimum.reduce(np.maximum(values, 1.0 - values), axis=1)


def auto_coding(proba: pd.DataFrame, human: Sequence[Iterable[str]], threshold: float) -> AutoCoding:
    """Share of answers the model may code alone at ``threshold``, and how often it is then right."""
    human = [frozenset(h) for h in human]
    columns = np.asarray(proba.columns)
    values = proba.to_numpy(dtype=float)
    sure = confidence(proba) >= threshold
    correct = np.array([frozenset(columns[row >= 0.5]) == h for row, h in zip(values, human, strict=True)], dtype=bool)
    n_auto = int(sure.sum())
    accuracy = float(correct[sure].mean()) if n_auto else float("nan")
    return AutoCoding(float(threshold), len(human), n_auto, n_auto / len(human) if human else 0.0, accuracy)


@dataclass(frozen=True)
class Acceptance:
    """Model suggestions accepted on their own probability (p ≥ threshold), judged per (answer, theme)."""

    threshold: float
    n_accepted: int
    precision: float  #: accepted codes a human also gave (NaN if none accepted)
    recall: float  #: human codes that were accepted automatically (NaN if there are none)


def acceptance(proba: pd.DataFrame, human: Sequence[Iterable[str]], threshold: float) -> Acceptance:
    """How right auto-accepted suggestions are when each is accepted from ``threshold`` on."""
    columns = list(proba.columns)
    sets = [frozenset(h) for h in human]
    given = np.array([[key in s for key in columns] for s in sets], dtype=bool).reshape(proba.shape)
    accepted = proba.to_numpy(dtype=float) >= threshold
    hits = int((accepted & given).sum())
    n_accepted, n_given = int(accepted.sum()), int(given.sum())
    return Acceptance(
        float(threshold),
        n_accepted,
        hits / n_accepted if n_accepted else float("nan"),
        hits / n_given if n_given else float("nan"),
    )


def pick_threshold(curve: pd.DataFrame, min_accuracy: float = 0.9) -> float | None:
    """The lowest threshold whose auto-coded accuracy reaches ``min_accuracy`` (most answers auto-coded)."""
    ok = curve[(curve["accuracy"] >= min_accuracy) & (curve["n_auto"] > 0)]
    return float(ok["threshold"].min()) if len(ok) else None


def theme_quality(
    predicted: Sequence[Iterable[str]], human: Sequence[Iterable[str]], themes: Sequence[str] | None = None
) -> pd.DataFrame:
    """Precision, recall, F1 and support per theme, plus a 'micro' row over all themes."""
    predicted = [frozenset(p) for p in predicted]
    human = [frozenset(h) for h in human]
    if len(predicted) != len(human):
        raise ValueError("predicted and human differ in length")
    themes = list(themes or sorted(set().union(*human, *predicted)))
    rows, totals = [], np.zeros(3)
    for key in themes:
        counts = _counts(predicted, human, key)
        totals += counts
        rows.append({"theme": key, **_scores(*counts)})
    rows.append({"theme": "micro", **_scores(*totals)})
    return pd.DataFrame(rows).set_index("theme")


def micro_f1(predicted: Sequence[Iterable[str]], human: Sequence[Iterable[str]]) -> float:
    """Micro-averaged F1 over all (answer, theme) decisions."""
    return float(theme_quality(predicted, human).loc["micro", "f1"])


def _counts(predicted: list[frozenset], human: list[frozenset], key: str) -> np.ndarray:
    tp = sum(1 for p, h in zip(predicted, human, strict=True) if key in p and key in h)
    fp = sum(1 for p, h in zip(predicted, human, strict=True) if key in p and key not in h)
    fn = sum(1 for p, h in zip(predicted, human, strict=True) if key not in p and key in h)
    return np.array([tp, fp, fn], dtype=float)


def _scores(tp: float, fp: float, fn: float) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else float("nan")
    recall = tp / (tp + fn) if tp + fn else float("nan")
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else float("nan")
    return {"precision": precision, "recall": recall, "f1": f1, "support": int(tp + fn)}
