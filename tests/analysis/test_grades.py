"""Rapportcijfer: mean with one decimal and a Dutch comma, rounded half up; median; distribution."""

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

from analysis.scores.frames import answers_frame
from analysis.scores.grades import grade_summary, grades_frame, summarise_counts
from analysis.scores.numbers import format_count, format_grade, format_number, format_percentage, round_half_up
from analysis.scores.scales import SMILEY_5, ZERO_TEN


def grades(*values):
    return answers_frame([(i, "R1", v) for i, v in enumerate(values)])


def test_mean_rounds_half_up_with_a_decimal_comma():
    # 6 + 7 + 8 + 8 = 29, n = 4 (weet_niet is left out) -> 7.25 -> "7,3" (Python's round gives 7.2)
    summary = grade_summary(grades("6", "7", "8", "8", "weet_niet"), "R1")
    assert summary.n == 4
    assert summary.exact_mean == Fraction(29, 4)
    assert summary.mean_text == "7,3"
    assert round(7.25, 1) == 7.2  # why half-up needs its own rounding
    # median of 6, 7, 8, 8 = (7 + 8) / 2 = 7.5
    assert summary.median == 7.5 and summary.median_text == "7,5"


def test_mean_of_an_odd_count_and_its_distribution():
    # 8 + 7 + 7 + 6 + 9 + 10 + 5 + 7 + 4 = 63, n = 9 -> mean 7.0; sorted 4 5 6 7 7 7 8 9 10 -> median 7
    summary = grade_summary(grades("8", "7", "7", "6", "9", "10", "5", "7", "4"), "R1")
    assert (summary.n, summary.total, summary.mean_text, summary.median) == (9, 63, "7,0", 7.0)
    dist = dict((code, count) for code, count, _ in summary.distribution)
    assert dist["7"] == 3 and dist["1"] == 0 and sum(dist.values()) == 9
    assert [code for code, _, _ in summary.distribution][:2] == ["10", "9"]  # highest first
    # sd by hand: squared deviations 1 0 0 1 4 9 4 0 9 = 28, / 8 = 3.5
    assert summary.sd == pytest.approx(3.5**0.5)


def test_no_grades_gives_a_dash_not_an_error():
    summary = grade_summary(grades("weet_niet"), "R1")
    assert summary.n == 0 and summary.mean is None and summary.mean_text == "–"
    assert grades_frame([summary])["mean_text"].tolist() == ["–"]


def test_counts_and_values_give_the_same_summary():
    values = ["3", "7", "7", "8", "10", "1", "6"]
    from_values = grade_summary(grades(*values), "R1")
    counts = {v: values.count(v) for v in set(values)}
    from_counts = summarise_counts("R1", counts)
    assert (from_counts.n, from_counts.total, from_counts.median) == (7, 42, 7.0)
    assert from_counts.distribution == from_values.distribution
    assert from_counts.sd == pytest.approx(from_values.sd)


def test_zero_to_ten_and_smileys_are_numeric_too():
    answers = answers_frame([(1, "N1", "0"), (2, "N1", "10"), (3, "N1", "9"), (1, "S1", "5"), (2, "S1", "2")])
    assert grade_summary(answers, "N1", ZERO_TEN).exact_mean == Fraction(19, 3)
    assert grade_summary(answers, "S1", SMILEY_5).mean_text == "3,5"


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (7.25, 1, "7,3"),
        (7.24999, 1, "7,2"),
        (7.35, 1, "7,4"),
        (7.45, 1, "7,5"),
        (8, 1, "8,0"),
        (Fraction(29, 4), 1, "7,3"),
        (Fraction(2, 3), 2, "0,67"),
        (1234.5, 1, "1.234,5"),
        (1234567.125, 2, "1.234.567,13"),
        (-2.5, 0, "-3"),
        (-0.04, 1, "0,0"),
        (np.float64(72.5), 0, "73"),
        (None, 1, "–"),
        (float("nan"), 1, "–"),
    ],
)
def test_dutch_number_format(value, decimals, text):
    assert format_number(value, decimals) == text


def test_percentages_counts_and_grades_format():
    assert format_percentage(66.666) == "67 %"
    assert format_percentage(12.5) == "13 %"
    assert format_percentage(None) == "–"
    assert format_count(12345) == "12.345"
    assert format_grade(6.95) == "7,0"
    assert round_half_up(2.675, 2) == Decimal("2.68")  # the float is 2.67499..., its decimal form 2.675
