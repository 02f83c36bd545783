"""Trend against the previous round: the test, its p-value and the verdict (a code; ``survey.reports.verdicts``
words it)."""

import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from analysis.scores.trends import (
    Verdict,
    compare_means,
    compare_means_from_stats,
    compare_proportions,
    compare_rounds,
    trend_table,
)


def test_clearly_higher_with_a_hand_computed_z_test():
    # now 160 of 200 (80 %), before 120 of 200 (60 %); pooled p = 280/400 = 0.7
    # se = sqrt(0.7 * 0.3 * (1/200 + 1/200)) = sqrt(0.0021) = 0.045826; z = 0.2 / 0.045826 = 4.3644
    result = compare_proportions(160, 200, 120, 200)
    assert result.difference == pytest.approx(20.0)
    assert result.p_value == pytest.approx(2 * (1 - stats.norm.cdf(4.3644)), rel=1e-3)  # 1.27e-5
    assert result.test == "z-toets twee proporties"
    assert result.verdict is Verdict.HIGHER


def test_clearly_lower():
    result = compare_proportions(120, 200, 160, 200)
    assert result.verdict is Verdict.LOWER


def test_small_change_is_no_clear_difference():
    # 51 % against 50 %: z = 0.01 / sqrt(0.5025 * 0.4975 * 0.01) = 0.2 -> p = 0.84
    result = compare_proportions(102, 200, 100, 200)
    assert result.p_value == pytest.approx(0.8415, abs=1e-3)
    assert result.verdict is Verdict.NO_DIFFERENCE


def test_too_few_answers_to_compare():
    result = compare_proportions(10, 20, 100, 200)
    assert result.verdict is Verdict.TOO_FEW
    assert result.p_value is None and result.current == 50.0
    assert compare_proportions(10, 20, 100, 200, min_n=20).verdict is not Verdict.TOO_FEW


def test_extreme_shares_use_fishers_exact_test():
    # 40 of 40 against 36 of 40: an expected count of 2 "no" answers is too small for the z-test
    result = compare_proportions(40, 40, 36, 40)
    assert result.test == "Fisher exact"
    assert result.p_value == pytest.approx(stats.fisher_exact([[40, 0], [36, 4]]).pvalue)
    assert result.verdict is Verdict.NO_DIFFERENCE  # p = 0.116


def test_welch_t_test_for_grades_matches_the_formula():
    now, before = [8, 9] * 20, [7, 8, 7, 9] * 10
    result = compare_means(now, before)
    a, b = np.array(now, float), np.array(before, float)
    va, vb = a.var(ddof=1) / a.size, b.var(ddof=1) / b.size
    t = (a.mean() - b.mean()) / math.sqrt(va + vb)
    df = (va + vb) ** 2 / (va**2 / (a.size - 1) + vb**2 / (b.size - 1))
    assert result.p_value == pytest.approx(2 * stats.t.sf(abs(t), df))
    assert result.difference == pytest.approx(8.5 - 7.75)
    assert result.verdict is Verdict.HIGHER
    assert result.test == "Welch t-toets"


def test_means_from_stored_summaries():
    result = compare_means_from_stats(7.1, 1.4, 300, 7.2, 1.5, 280)
    assert result.verdict is Verdict.NO_DIFFERENCE
    assert compare_means_from_stats(7.0, 0, 40, 7.0, 0, 40).p_value == 1.0
    assert compare_means_from_stats(7.5, 0, 40, 7.0, 0, 40).verdict is Verdict.HIGHER
    assert compare_means_from_stats(7.5, 1, 12, 7.0, 1, 400).verdict is Verdict.TOO_FEW


def headline(rows):
    return pd.DataFrame(rows, columns=["item_code", "n", "positive", "pct"])


def test_rounds_compare_only_the_same_item_codes():
    before = headline([("T1", 200, 120, 60.0), ("T2", 200, 100, 50.0), ("X9", 100, 50, 50.0)])
    now = headline([("T1", 200, 160, 80.0), ("T2", 200, 102, 51.0), ("T3", 200, 10, 5.0)])
    frame = compare_rounds(now, before).set_index("item_code")
    assert list(frame.index) == ["T1", "T2"]
    assert frame.loc["T1", "verdict"] == Verdict.HIGHER
    assert frame.loc["T2", "verdict"] == Verdict.NO_DIFFERENCE
    assert frame.loc["T1", "pct_previous"] == 60.0 and frame.loc["T1", "pct"] == 80.0


def test_trend_table_over_three_rounds():
    rounds = {
        "2023": headline([("T1", 200, 120, 60.0)]),
        "2024": headline([("T1", 200, 160, 80.0)]),
        "2025": headline([("T1", 25, 20, 80.0)]),
    }
    frame = trend_table(rounds)
    assert frame["meting"].tolist() == ["2023", "2024", "2025"]
    assert frame["verdict"].tolist() == [None, Verdict.HIGHER, Verdict.TOO_FEW]


def test_hidden_cells_in_a_round_are_too_few_to_compare():
    before = pd.DataFrame(
        {
            "item_code": ["T1"],
            "n": pd.array([None], dtype="Int64"),
            "positive": pd.array([None], dtype="Int64"),
            "pct": [float("nan")],
        }
    )
    now = headline([("T1", 200, 160, 80.0)])
    assert compare_rounds(now, before)["verdict"].tolist() == [Verdict.TOO_FEW]
