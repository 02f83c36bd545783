"""Trends across rounds (*metingen*) on the same item codes, with a test and a verdict.

A share (% mee eens) is compared with the two-proportion z-test, or Fisher's exact test when an
expected count is below 5; a mean (rapportcijfer) with Welch's t-test. The outcome is a p-value and one
of four verdicts a reader understands without statistics: clearly higher than the previous round, clearly
lower, no clear difference, or too few answers to compare when either round has fewer than ``min_n``
answers (default 30, the signal threshold: a signal is not a conclusion, so neither is a difference
between signals). The verdict is a code (:class:`Verdict`): analysis has no language, the caller words it
(``survey.reports.verdicts``: *duidelijk hoger dan vorige meting* and so on).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import pandas as pd
from scipy import stats

from analysis.suppression import DEFAULT_SIGNAL

ALPHA = 0.05
MIN_N = DEFAULT_SIGNAL


class Verdict(StrEnum):
    """The outcome of a comparison with the previous round."""

    HIGHER = "higher"
    LOWER = "lower"
    NO_DIFFERENCE = "no_difference"
    TOO_FEW = "too_few"


@dataclass(frozen=True)
class Comparison:
    """Current against previous round: values, difference, p-value, the test used and the verdict."""

    previous: float | None
    current: float | None
    difference: float | None
    p_value: float | None
    test: str
    verdict: Verdict


def _verdict(p_value: float, difference: float, alpha: float) -> Verdict:
    if p_value < alpha and difference > 0:
        return Verdict.HIGHER
    if p_value < alpha and difference < 0:
        return Verdict.LOWER
    return Verdict.NO_DIFFERENCE


def compare_proportions(
    current_positive: int,
    current_n: int,
    previous_positive: int,
    previous_n: int,
    *,
    min_n: int = MIN_N,
    alpha: float = ALPHA,
) -> Comparison:
    """Compare two shares (positive of n); percentages and difference in percentage points."""
    current = 100.0 * current_positive / current_n if current_n else None
    previous = 100.0 * previous_positive / previous_n if previous_n else None
    if min(current_n, previous_n) < max(1, min_n):
        return Comparison(previous, current, None, None, "", Verdict.TOO_FEW)
    difference = current - previous
    pooled = (current_positive + previous_positive) / (current_n + previous_n)
    expected = min(current_n, previous_n) * min(pooled, 1 - pooled)
    if expected < 5:
        table = [[current_positive, current_n - current_positive], [previous_positive, previous_n - previous_positive]]
        p_value = float(stats.fisher_exact(table).pvalue)
        test = "Fisher exact"
    else:
        se = math.sqrt(pooled * (1 - pooled) * (1 / current_n + 1 / previous_n))
        z = (current_positive / current_n - previous_positive / previous_n) / se
        p_value = float(2 * stats.norm.sf(abs(z)))
        test = "z-toets twee proporties"
    return Comparison(previous, current, difference, p_value, test, _verdict(p_value, difference, alpha))


def compare_means_from_stats(
    current_mean: float,
    current_sd: float,
    current_n: int,
    previous_mean: float,
    previous_sd: float,
    previous_n: int,
    *,
    min_n: int = MIN_N,
    alpha: float = ALPHA,
) -> Comparison:
    """Compare two means (e.g. rapportcijfer) from mean, sd and n with Welch's t-test."""
    if min(current_n, previous_n) < max(2, min_n):
        return Comparison(
            previous_mean if previous_n else None, current_mean if current_n else None, None, None, "", Verdict.TOO_FEW
        )
    difference = current_mean - previous_mean
    if current_sd == 0 and previous_sd == 0:  # no spread at all: the means differ or they do not
        p_value = 0.0 if difference else 1.0
    else:
        p_value = float(
            stats.ttest_ind_from_stats(
                current_mean, current_sd, current_n, previous_mean, previous_sd, previous_n, equal_var=False
            ).pvalue
        )
    return Comparison(
        previous_mean, current_mean, difference, p_value, "Welch t-toets", _verdict(p_value, difference, alpha)
    )


def compare_means(
    current: Sequence[float], previous: Sequence[float], *, min_n: int = MIN_N, alpha: float = ALPHA
) -> Comparison:
    """Compare the answers (numbers) of two rounds with Welch's t-test."""
    a, b = np.asarray(current, dtype=float), np.asarray(previous, dtype=float)
    sd = lambda x: float(x.std(ddof=1)) if x.size > 1 else 0.0  # noqa: E731
    return compare_means_from_stats(
        float(a.mean()) if a.size else math.nan,
        sd(a),
        int(a.size),
        float(b.mean()) if b.size else math.nan,
        sd(b),
        int(b.size),
        min_n=min_n,
        alpha=alpha,
    )


def compare_rounds(
    current: pd.DataFrame, previous: pd.DataFrame, *, min_n: int = MIN_N, alpha: float = ALPHA
) -> pd.DataFrame:
    """Per item code in both headline tables: pct then and now, difference, p-value and the verdict.

    Compare exact counts (internal tables), not publicly rounded ones; a hidden cell is "too few".
    """
    both = current.merge(previous, on="item_code", suffixes=("", "_previous"), how="inner", sort=False)
    rows = []
    for row in both.itertuples(index=False):
        counts = [_count(v) for v in (row.positive, row.n, row.positive_previous, row.n_previous)]
        result = compare_proportions(*counts, min_n=min_n, alpha=alpha)
        rows.append(
            {
                "item_code": row.item_code,
                "n_previous": counts[3],
                "pct_previous": result.previous,
                "n": counts[1],
                "pct": result.current,
                "difference": result.difference,
                "p_value": result.p_value,
                "test": result.test,
                "verdict": str(result.verdict),
            }
        )
    return pd.DataFrame(
        rows,
        columns=[
            "item_code",
            "n_previous",
            "pct_previous",
            "n",
            "pct",
            "difference",
            "p_value",
            "test",
            "verdict",
        ],
    )


def _count(value) -> int:
    """A count from a headline table; a hidden (NA) cell counts as 0, which gives "too few"."""
    return 0 if pd.isna(value) else int(value)


def trend_table(rounds: Mapping[str, pd.DataFrame], *, min_n: int = MIN_N, alpha: float = ALPHA) -> pd.DataFrame:
    """Headline tables of several rounds (oldest first) as one long table, each compared with the one
    before it: meting, item_code, n, pct, and the verdict against the previous meting."""
    labels = list(rounds)
    parts = []
    for i, label in enumerate(labels):
        frame = rounds[label][["item_code", "n", "positive", "pct"]].copy()
        frame.insert(0, "meting", label)
        frame["p_value"], frame["verdict"] = np.nan, None
        if i:
            compared = compare_rounds(rounds[label], rounds[labels[i - 1]], min_n=min_n, alpha=alpha)
            lookup = compared.set_index("item_code")
            hit = frame["item_code"].isin(lookup.index)
            codes = frame.loc[hit, "item_code"]
            frame.loc[hit, "p_value"] = lookup.loc[codes, "p_value"].to_numpy(dtype=float)
            frame.loc[hit, "verdict"] = lookup.loc[codes, "verdict"].to_numpy()
        parts.append(frame)
    return pd.concat(parts, ignore_index=True)
