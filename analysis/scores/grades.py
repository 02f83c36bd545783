"""Numeric items (rapportcijfer 1-10, 0-10, smileys): mean, median and distribution.

The mean is kept exact (total / n as a Fraction) so "7,25" rounds to "7,3" without float surprises;
reports show it with one decimal and a decimal comma (:func:`analysis.scores.numbers.format_grade`).
Escape answers and codes outside the scale are left out of n.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import pandas as pd

from analysis.scores.frames import ITEM_CODE, VALUE
from analysis.scores.numbers import format_grade
from analysis.scores.scales import GRADE, Scale


@dataclass(frozen=True)
class GradeSummary:
    """Mean, median, spread and distribution of one numeric item (n without escapes)."""

    item_code: str
    n: int
    total: int
    median: float | None
    sd: float | None
    #: ((code, count, pct of n), ...) in scale order, highest first
    distribution: tuple[tuple[str, int, float], ...]

    @property
    def mean(self) -> float | None:
        """The mean as a float (None when n is 0)."""
        return float(self.exact_mean) if self.n else None

    @property
    def exact_mean(self) -> Fraction | None:
        """The mean as an exact fraction total / n (None when n is 0)."""
        return Fraction(self.total, self.n) if self.n else None

    @property
    def mean_text(self) -> str:
        """The mean as reports show it: one decimal, decimal comma, half up ("7,2"; "–" if n is 0)."""
        return format_grade(self.exact_mean)

    @property
    def median_text(self) -> str:
        """The median with one decimal and a decimal comma."""
        return format_grade(self.median)

    def distribution_frame(self) -> pd.DataFrame:
        """The distribution as a DataFrame with columns code, count, pct."""
        return pd.DataFrame(list(self.distribution), columns=["code", "count", "pct"])


def numeric_values(answers: pd.DataFrame, item_code: str, scale: Scale = GRADE) -> np.ndarray:
    """The integer answers of one item that belong to the scale (escapes and stray codes dropped)."""
    values = answers.loc[answers[ITEM_CODE] == item_code, VALUE]
    return _scale_numbers(values, scale)


def _scale_numbers(values: pd.Series, scale: Scale) -> np.ndarray:
    numbers = {o.code: o.number for o in scale.options if o.number is not None and not o.escape}
    mapped = values.map(numbers)
    return mapped.dropna().to_numpy(dtype=np.int64)


def summarise_numbers(item_code: str, values: np.ndarray, scale: Scale = GRADE) -> GradeSummary:
    """A GradeSummary from the integer answers of one item."""
    n = int(values.size)
    counts = np.bincount(values - _low(scale), minlength=_high(scale) - _low(scale) + 1) if n else None
    distribution = tuple(
        (
            o.code,
            int(counts[o.number - _low(scale)]) if n else 0,
            100.0 * counts[o.number - _low(scale)] / n if n else float("nan"),
        )
        for o in scale.options
        if o.number is not None and not o.escape
    )
    return GradeSummary(
        item_code=item_code,
        n=n,
        total=int(values.sum()) if n else 0,
        median=float(statistics.median(values.tolist())) if n else None,
        sd=float(values.std(ddof=1)) if n > 1 else None,
        distribution=distribution,
    )


def _low(scale: Scale) -> int:
    return min(o.number for o in scale.options if o.number is not None)


def _high(scale: Scale) -> int:
    return max(o.number for o in scale.options if o.number is not None)


def summarise_counts(item_code: str, counts: Mapping[str, int], scale: Scale = GRADE) -> GradeSummary:
    """A GradeSummary from {code: count} of one item (as :func:`analysis.scores.items.tally` gives them)."""
    pairs = sorted(
        (o.number, int(counts.get(o.code, 0))) for o in scale.options if o.number is not None and not o.escape
    )
    numbers = np.array([p[0] for p in pairs], dtype=np.int64)
    weights = np.array([p[1] for p in pairs], dtype=np.int64)
    n = int(weights.sum())
    if not n:
        return summarise_numbers(item_code, np.array([], dtype=np.int64), scale)
    total = int((numbers * weights).sum())
    ends = np.cumsum(weights)
    low, high = (
        numbers[np.searchsorted(ends, (n - 1) // 2, side="right")],
        numbers[np.searchsorted(ends, n // 2, side="right")],
    )
    mean = total / n
    sd = float(np.sqrt((weights * (numbers - mean) ** 2).sum() / (n - 1))) if n > 1 else None
    by_number = dict(pairs)
    distribution = tuple(
        (o.code, by_number[o.number], 100.0 * by_number[o.number] / n)
        for o in scale.options
        if o.number is not None and not o.escape
    )
    return GradeSummary(
        item_code=item_code, n=n, total=total, median=(low + high) / 2, sd=sd, distribution=distribution
    )


def grade_summary(answers: pd.DataFrame, item_code: str, scale: Scale = GRADE) -> GradeSummary:
    """Mean (exact, shown as "7,2"), median, sd and distribution of one numeric item."""
    return summarise_numbers(item_code, numeric_values(answers, item_code, scale), scale)


def grade_summaries(answers: pd.DataFrame, scales: Mapping[str, Scale]) -> dict[str, GradeSummary]:
    """A GradeSummary for every numeric item of ``scales``, keyed by item code."""
    return {code: grade_summary(answers, code, scale) for code, scale in scales.items()}


def grades_frame(summaries: Sequence[GradeSummary] | Mapping[str, GradeSummary]) -> pd.DataFrame:
    """Grade summaries as a table: item_code, n, mean, mean_text, median, sd."""
    items = summaries.values() if isinstance(summaries, Mapping) else summaries
    return pd.DataFrame(
        [
            {
                "item_code": s.item_code,
                "n": s.n,
                "mean": s.mean if s.n else np.nan,
                "mean_text": s.mean_text,
                "median": s.median if s.n else np.nan,
                "sd": s.sd if s.sd is not None else np.nan,
            }
            for s in items
        ],
        columns=["item_code", "n", "mean", "mean_text", "median", "sd"],
    )
