import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.agreement import agreement, cohen_kappa, krippendorff_alpha, nominal_alpha

A = [1, 1, 0, 0, 1, 0, 1, 1, 0, 0]
B = [1, 0, 0, 0, 1, 0, 1, 1, 1, 0]


def test_kappa_by_hand():
    # observed 8/10 agree; each coder says 1 five times, so chance agreement is 0.5: (0.8 - 0.5) / 0.5
    assert cohen_kappa(A, B) == pytest.approx(0.6)


def test_alpha_by_hand():
    # coincidences: o11 = o00 = 8, o01 = o10 = 2; n0 = n1 = 10, n = 20
    # alpha = 1 - (n - 1) * (o01 + o10) / (n0 * n1 + n1 * n0) = 1 - 19 * 4 / 200 = 0.62
    assert krippendorff_alpha([A, B]) == pytest.approx(0.62)
    assert nominal_alpha([A, B]) == pytest.approx(0.62)


def test_alpha_on_krippendorffs_published_example_with_missing_values():
    n = None  # Krippendorff (2011), "Computing Krippendorff's alpha-reliability", nominal: 0.743
    data = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3],
        [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n],
    ]
    assert krippendorff_alpha(data) == pytest.approx(0.743, abs=5e-4)
    assert nominal_alpha(data) == pytest.approx(0.743, abs=5e-4)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from("abc")), min_size=3, max_size=30))
def test_own_alpha_matches_the_package(pairs):
    a, b = [p[0] for p in pairs], [p[1] for p in pairs]
    expected, got = krippendorff_alpha([a, b]), nominal_alpha([a, b])
    assert (math.isnan(expected) and math.isnan(got)) or got == pytest.approx(expected)


def test_agreement_per_theme_overall_and_disagreements():
    coder_a = [{"wachttijd"}, {"wachttijd", "regels"}, set(), {"regels"}, None]
    coder_b = [{"wachttijd"}, {"regels"}, set(), {"regels"}, {"wachttijd"}]
    result = agreement(coder_a, coder_b)
    assert result.n_answers == 4  # the fifth answer was coded by one coder only
    # wachttijd: a = 1 1 0 0, b = 1 0 0 0 → observed 0.75, chance 0.5*0.25 + 0.5*0.75 = 0.5 → kappa 0.5
    assert result.per_theme.loc["wachttijd", "kappa"] == pytest.approx(0.5)
    assert result.per_theme.loc["regels", "kappa"] == pytest.approx(1.0)
    assert result.percent == pytest.approx(7 / 8)
    assert result.disagreements.to_dict("records") == [
        {"answer": 1, "theme": "wachttijd", "coder_a": True, "coder_b": False}
    ]
    assert 0 < result.kappa < 1 and 0 < result.alpha < 1


def test_perfect_agreement_on_a_theme_nobody_chose_is_undefined_not_perfect():
    result = agreement([set(), {"a"}], [set(), {"a"}], themes=["a", "b"])
    assert result.per_theme.loc["a", "kappa"] == pytest.approx(1.0)
    assert math.isnan(result.per_theme.loc["b", "kappa"]) and result.per_theme.loc["b", "percent"] == 1.0
