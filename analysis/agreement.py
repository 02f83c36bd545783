"""Agreement between coders: Cohen's kappa and Krippendorff's alpha, per theme and overall; disagreements."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

try:
    import krippendorff as _krippendorff
except ImportError:  # the own implementation below gives the same figure, only slower
    _krippendorff = None


@dataclass(frozen=True)
class AgreementResult:
    """Agreement figures between two coders over the answers both coded."""

    n_answers: int  #: answers coded by both
    kappa: float  #: Cohen's kappa over all (answer, theme) decisions
    alpha: float  #: Krippendorff's alpha (nominal) over all (answer, theme) decisions
    percent: float  #: share of (answer, theme) decisions on which both agree
    #: index theme; columns kappa, alpha, percent, n_a, n_b (how often each coder chose the theme)
    per_theme: pd.DataFrame
    #: one row per (answer, theme) on which the coders differ: answer, theme, coder_a, coder_b
    disagreements: pd.DataFrame


def cohen_kappa(a: Sequence, b: Sequence) -> float:
    """Cohen's kappa for two coders' nominal labels on the same units (NaN when chance agreement is 1)."""
    if len(a) != len(b):
        raise ValueError("both coders must label the same units")
    n = len(a)
    if n == 0:
        return float("nan")
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    count_a, count_b = Counter(a), Counter(b)
    expected = sum(count_a[c] * count_b[c] for c in count_a) / (n * n)
    if expected == 1.0:
        return float("nan")
    return (observed - expected) / (1.0 - expected)


def krippendorff_alpha(data: Sequence[Sequence]) -> float:
    """Krippendorff's alpha, nominal level; rows are coders, columns units, None or NaN is missing."""
    rows = [[_missing(v) for v in row] for row in data]
    if _krippendorff is not None:
        values = sorted({v for row in rows for v in row if v is not None}, key=str)
        if len(values) < 2:
            return float("nan")
        index = {v: i for i, v in enumerate(values)}
        matrix = np.array([[np.nan if v is None else index[v] for v in row] for row in rows], dtype=float)
        if np.sum(np.sum(~np.isnan(matrix), axis=0) >= 2) == 0:
            return float("nan")
        return float(_krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal"))
    return nominal_alpha(rows)


def nominal_alpha(data: Sequence[Sequence]) -> float:
    """Krippendorff's alpha (nominal) from the coincidence matrix, without the optional package."""
    coincidences: Counter = Counter()
    for unit in zip(*data, strict=True):
        values = [v for v in (_missing(x) for x in unit) if v is not None]
        m = len(values)
        if m < 2:
            continue  # a unit coded once has no pair to compare
        for i, c in enumerate(values):
            for j, k in enumerate(values):
                if i != j:
                    coincidences[(c, k)] += 1.0 / (m - 1)
    totals: Counter = Counter()
    for (c, _k), weight in coincidences.items():
        totals[c] += weight
    n = sum(totals.values())
    disagree_observed = sum(w for (c, k), w in coincidences.items() if c != k)
    disagree_expected = sum(totals[c] * totals[k] for c in totals for k in totals if c != k)
    if n <= 1 or disagree_expected == 0:
        return float("nan")
    return 1.0 - (n - 1) * disagree_observed / disagree_expected


def agreement(
    coder_a: Sequence[Iterable[str] | None],
    coder_b: Sequence[Iterable[str] | None],
    themes: Sequence[str] | None = None,
) -> AgreementResult:
    """Compare two coders' theme sets per answer (None = that coder did not code the answer)."""
    if len(coder_a) != len(coder_b):
        raise ValueError("both coders must be given the same answers")
    both = [i for i, (x, y) in enumerate(zip(coder_a, coder_b, strict=True)) if x is not None and y is not None]
    sets_a = {i: frozenset(coder_a[i]) for i in both}
    sets_b = {i: frozenset(coder_b[i]) for i in both}
    themes = list(themes or sorted(set().union(*sets_a.values(), *sets_b.values())))
    decisions_a = {t: [t in sets_a[i] for i in both] for t in themes}
    decisions_b = {t: [t in sets_b[i] for i in both] for t in themes}
    per_theme = pd.DataFrame(
        [_theme_row(t, decisions_a[t], decisions_b[t]) for t in themes],
        columns=["theme", "kappa", "alpha", "percent", "n_a", "n_b"],
    ).set_index("theme")
    pooled_a = [d for t in themes for d in decisions_a[t]]
    pooled_b = [d for t in themes for d in decisions_b[t]]
    rows = [
        {"answer": i, "theme": t, "coder_a": t in sets_a[i], "coder_b": t in sets_b[i]}
        for i in both
        for t in themes
        if (t in sets_a[i]) != (t in sets_b[i])
    ]
    return AgreementResult(
        n_answers=len(both),
        kappa=cohen_kappa(pooled_a, pooled_b),
        alpha=krippendorff_alpha([pooled_a, pooled_b]),
        percent=_percent(pooled_a, pooled_b),
        per_theme=per_theme,
        disagreements=pd.DataFrame(rows, columns=["answer", "theme", "coder_a", "coder_b"]),
    )


def _theme_row(theme: str, a: list[bool], b: list[bool]) -> dict:
    return {
        "theme": theme,
        "kappa": cohen_kappa(a, b),
        "alpha": krippendorff_alpha([a, b]),
        "percent": _percent(a, b),
        "n_a": int(sum(a)),
        "n_b": int(sum(b)),
    }


def _percent(a: list, b: list) -> float:
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a) if a else float("nan")


def _missing(value):
    """None and NaN both mean 'not coded'."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    return value
