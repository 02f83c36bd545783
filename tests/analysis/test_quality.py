import math

import pandas as pd
import pytest

from analysis.quality import acceptance, auto_coding, confidence, micro_f1, theme_quality


def test_precision_and_recall_per_theme_by_hand():
    predicted = [{"a"}, {"a", "b"}, set(), {"b"}]
    human = [{"a"}, {"a"}, {"b"}, {"b"}]
    table = theme_quality(predicted, human)
    assert table.loc["a", "precision"] == 1.0 and table.loc["a", "recall"] == 1.0
    assert table.loc["b", "precision"] == 0.5 and table.loc["b", "recall"] == 0.5
    # micro: tp 3, fp 1, fn 1
    assert table.loc["micro", "f1"] == pytest.approx(6 / 8)
    assert micro_f1(predicted, human) == pytest.approx(0.75)
    assert table.loc["b", "support"] == 2


def test_a_theme_never_suggested_has_no_precision():
    table = theme_quality([set()], [{"a"}])
    assert math.isnan(table.loc["a", "precision"]) and table.loc["a", "recall"] == 0.0


def test_auto_coding_counts_only_answers_sure_on_every_theme():
    proba = pd.DataFrame({"a": [0.95, 0.6, 0.02, 0.97], "b": [0.03, 0.01, 0.99, 0.96]})
    human = [{"a"}, {"a"}, {"b"}, {"a"}]
    assert list(confidence(proba).round(2)) == [0.95, 0.6, 0.98, 0.96]
    result = auto_coding(proba, human, 0.9)
    assert (result.n, result.n_auto, result.share) == (4, 3, 0.75)
    assert result.accuracy == pytest.approx(2 / 3)  # the fourth answer also got 'b'
    assert math.isnan(auto_coding(proba, human, 0.999).accuracy)


def test_acceptance_judges_each_suggestion_on_its_own_probability():
    proba = pd.DataFrame({"a": [0.95, 0.6, 0.02], "b": [0.91, 0.01, 0.99]})
    human = [{"a"}, {"a"}, {"b"}]
    result = acceptance(proba, human, 0.9)  # accepted: (0,a) right, (0,b) wrong, (2,b) right
    assert result.n_accepted == 3
    assert result.precision == pytest.approx(2 / 3)
    assert result.recall == pytest.approx(2 / 3)  # (1,a) stays for a human
