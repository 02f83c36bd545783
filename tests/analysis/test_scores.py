"""Scores on a small hand-computed example: the numbers a report reader would check with a calculator."""

import math

import pandas as pd
import pytest

from analysis.scores.frames import answers_frame
from analysis.scores.items import choice_distribution, distributions, domain_scores, headline_scores
from analysis.scores.scales import AGREEMENT, FREQUENCY, GRADE, SMILEY_3

# The example round: 12 respondents (r1 .. r12).
#
# resp | T1        | T2 | K1  | F1        | S1
# r1   | 5         | 5  | nvt | altijd    | 3
# r2   | 5         | 4  | nvt | vaak      | 3
# r3   | 4         | 2  |     | vaak      | 2
# r4   | 4         | 1  |     | soms      | 1
# r5   | 4         |    |     | nooit     |
# r6   | 3         |    |     | altijd    |
# r7   | 2         |    |     | soms      |
# r8   | 1         |    |     | weet_niet |
# r9   | weet_niet |    |     |           |
# r10  | nvt       |    |     |           |
# r11  | 4         |    |     |           |
# r12  | (empty)   |    |     |           |
T1 = ["5", "5", "4", "4", "4", "3", "2", "1", "weet_niet", "nvt", "4", ""]
T2 = ["5", "4", "2", "1"]
F1 = ["altijd", "vaak", "vaak", "soms", "nooit", "altijd", "soms", "weet_niet"]
S1 = ["3", "3", "2", "1"]


def example_rows():
    rows = [(f"r{i + 1}", "T1", v) for i, v in enumerate(T1)]
    rows += [(f"r{i + 1}", "T2", v) for i, v in enumerate(T2)]
    rows += [("r1", "K1", "nvt"), ("r2", "K1", "nvt")]
    rows += [(f"r{i + 1}", "F1", v) for i, v in enumerate(F1)]
    rows += [(f"r{i + 1}", "S1", v) for i, v in enumerate(S1)]
    return rows


SCALES = {"T1": AGREEMENT, "T2": AGREEMENT, "K1": AGREEMENT, "F1": FREQUENCY, "S1": SMILEY_3}


@pytest.fixture
def answers():
    return answers_frame(example_rows())


def row(frame, item):
    return frame.set_index("item_code").loc[item]


def test_agreement_headline_leaves_escapes_out_of_n(answers):
    t1 = row(headline_scores(answers, SCALES), "T1")
    # substantive: r1-r8 and r11 = 9; escapes r9 (weet niet), r10 (nvt); r12 gave nothing
    assert t1["n"] == 9
    # (helemaal) mee eens: 5, 5, 4, 4, 4, 4 = 6 of 9
    assert t1["positive"] == 6
    assert t1["pct"] == pytest.approx(100 * 6 / 9)  # 66.67 %
    assert (t1["n_dont_know"], t1["n_not_applicable"], t1["n_escape"]) == (1, 1, 2)
    assert t1["answered"] == 11
    t2 = row(headline_scores(answers, SCALES), "T2")
    assert (t2["n"], t2["positive"], t2["pct"]) == (4, 2, 50.0)  # 5, 4 of 5, 4, 2, 1


def test_item_with_only_escapes_has_no_percentage(answers):
    k1 = row(headline_scores(answers, SCALES), "K1")
    assert k1["n"] == 0 and k1["n_not_applicable"] == 2
    assert math.isnan(k1["pct"])


def test_frequency_headline_is_always_plus_often(answers):
    f1 = row(headline_scores(answers, SCALES), "F1")
    # altijd 2 + vaak 2 = 4 of 7 (the weet_niet of r8 is no part of n)
    assert (f1["n"], f1["positive"]) == (7, 4)
    assert f1["pct"] == pytest.approx(57.142857, abs=1e-5)
    assert f1["n_dont_know"] == 1


def test_smiley_headline_is_share_happy(answers):
    s1 = row(headline_scores(answers, SCALES), "S1")
    assert (s1["n"], s1["positive"], s1["pct"]) == (4, 2, 50.0)


def test_distribution_shows_every_option_and_the_escapes_separately(answers):
    dist = distributions(answers, {"T1": AGREEMENT})
    assert dist["code"].tolist() == ["5", "4", "3", "2", "1", "weet_niet", "nvt"]
    assert dist["label"].tolist()[0] == "helemaal mee eens"
    assert dist["count"].tolist() == [2, 4, 1, 1, 1, 1, 1]
    # pct of the 9 substantive answers: 2/9, 4/9, 1/9, 1/9, 1/9
    assert dist["pct"].iloc[:5].tolist() == pytest.approx([22.222, 44.444, 11.111, 11.111, 11.111], abs=1e-3)
    assert dist["pct"].iloc[:5].sum() == pytest.approx(100)
    assert dist["pct"].iloc[5:].isna().all()  # escapes have no share of n
    # pct_all of the 11 who answered: weet niet 1/11 = 9.09 %
    assert dist.loc[dist["code"] == "weet_niet", "pct_all"].item() == pytest.approx(9.0909, abs=1e-4)
    assert dist["escape"].tolist() == [False] * 5 + [True] * 2


def test_headline_keeps_the_questionnaire_order_and_lists_unanswered_items(answers):
    scales = {"S1": SMILEY_3, "T2": AGREEMENT, "Z9": AGREEMENT}
    frame = headline_scores(answers, scales)
    assert frame["item_code"].tolist() == ["S1", "T2", "Z9"]
    assert row(frame, "Z9")["n"] == 0


def test_codes_outside_the_scale_are_counted_apart():
    answers = answers_frame([("a", "T1", "5"), ("b", "T1", "7"), ("c", "T1", "1")])
    t1 = row(headline_scores(answers, {"T1": AGREEMENT}), "T1")
    assert (t1["n"], t1["positive"], t1["n_invalid"]) == (2, 1, 1)


def test_grade_headline_is_share_sufficient():
    answers = answers_frame([(i, "R1", v) for i, v in enumerate(["5", "6", "8", "weet_niet"])])
    r1 = row(headline_scores(answers, {"R1": GRADE}), "R1")
    assert (r1["n"], r1["positive"]) == (3, 2)  # 6 and 8 are voldoende, 5 is not


def test_multiple_choice_percentages_are_of_respondents():
    answers = answers_frame(
        [
            ("r1", "Q5", "sport"),
            ("r1", "Q5", "school"),
            ("r2", "Q5", "school"),
            ("r3", "Q5", "thuis"),
            ("r3", "Q5", "school"),
            ("r4", "T1", "5"),
        ]
    )
    options = [("school", "School"), ("sport", "Sport"), ("thuis", "Thuis"), ("werk", "Werk")]
    frame = choice_distribution(answers, "Q5", options, multiple=True)
    # 3 respondents answered Q5; school 3/3, sport 1/3, thuis 1/3, werk 0
    assert frame.attrs["n"] == 3
    assert frame["count"].tolist() == [3, 1, 1, 0]
    assert frame["pct"].tolist() == pytest.approx([100.0, 33.333, 33.333, 0.0], abs=1e-3)
    assert frame["pct"].sum() > 100  # several choices per person


def test_single_choice_lists_unknown_codes_last():
    answers = answers_frame([("r1", "Q1", "ja"), ("r2", "Q1", "nee"), ("r3", "Q1", "ja"), ("r4", "Q1", "x")])
    frame = choice_distribution(answers, "Q1", [("ja", "Ja"), ("nee", "Nee")])
    assert frame["label"].tolist() == ["Ja", "Nee", "x"]
    assert frame["pct"].tolist() == [50.0, 25.0, 25.0]


def test_domain_score_is_the_mean_of_item_percentages(answers):
    headline = headline_scores(answers, SCALES)
    domains = {"T1": "toegang", "T2": "toegang", "K1": "kwaliteit"}
    frame = domain_scores(headline, domains).set_index("domain")
    # toegang: (66.67 + 50) / 2 = 58.33; kwaliteit: K1 has no substantive answer
    assert frame.loc["toegang", "pct"] == pytest.approx((100 * 6 / 9 + 50) / 2)
    assert frame.loc["toegang", "items"] == ("T1", "T2")
    assert math.isnan(frame.loc["kwaliteit", "pct"])
    assert frame.loc["kwaliteit", "items_missing"] == ("K1",)
    assert list(frame.index) == ["toegang", "kwaliteit"]


def test_domain_scores_per_group():
    headline = pd.DataFrame(
        {
            "gemeente": ["A", "A", "B", "B"],
            "item_code": ["T1", "T2", "T1", "T2"],
            "pct": [80.0, 60.0, 40.0, float("nan")],
        }
    )
    frame = domain_scores(headline, {"T1": "toegang", "T2": "toegang"}, by=["gemeente"])
    assert frame["pct"].tolist() == [70.0, 40.0]
    assert frame["items_missing"].tolist() == [(), ("T2",)]
