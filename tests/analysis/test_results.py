"""Breakdowns and the full results set: only protected numbers leave a breakdown."""

import pandas as pd
import pytest

from analysis.scores.breakdowns import UNKNOWN_GROUP, grades_by, headline_by, protected_headline_by, respondents_by
from analysis.scores.frames import answers_frame, respondents_frame
from analysis.scores.results import compute_results
from analysis.scores.scales import AGREEMENT, GRADE
from analysis.suppression import Note, Policy

# 40 respondents: Delft 25 (ids 0-24), Gouda 12 (25-36), Wijk 2 (37-38), one without a gemeente (39).
# T1: Delft: ids 0-14 say "4" (15 agree), 15-24 say "2"; Gouda: all 12 say "5"; Wijk: "5", "nvt";
#     the last one "1".  -> total n = 25 + 12 + 1 + 1 = 39 (one nvt), positive = 15 + 12 + 1 = 28
# language: ar for ids 0, 5, 10, ..., 35 (8 people), nl for the other 32.
# R1: everybody "7" except Gouda, who gives "9"  -> Delft mean 7,0; Gouda 9,0


def gemeente(i):
    return "Delft" if i < 25 else "Gouda" if i < 37 else "Wijk" if i < 39 else None


def t1(i):
    if i < 15:
        return "4"
    if i < 25:
        return "2"
    if i < 37:
        return "5"
    return {37: "5", 38: "nvt", 39: "1"}[i]


@pytest.fixture
def data():
    rows = [(i, "T1", t1(i)) for i in range(40)] + [
        (i, "R1", "9" if gemeente(i) == "Gouda" else "7") for i in range(40)
    ]
    people = respondents_frame(
        [{"response_id": i, "gemeente": gemeente(i), "language": "nl" if i % 5 else "ar"} for i in range(40)]
    )
    return answers_frame(rows), people


def test_headline_by_group_with_total_and_unknown_group(data):
    answers, people = data
    frame = headline_by(answers, people, "gemeente", {"T1": AGREEMENT}).set_index("gemeente")
    total = frame[frame.index.isna()].iloc[0]
    assert (total["n"], total["positive"]) == (39, 28)
    assert (frame.loc["Delft", "n"], frame.loc["Delft", "positive"]) == (25, 15)
    assert frame.loc["Gouda", "pct"] == 100.0
    assert (frame.loc["Wijk", "n"], frame.loc["Wijk", "n_not_applicable"]) == (1, 1)
    assert frame.loc[UNKNOWN_GROUP, "n"] == 1
    # the groups add up to the total: needed to protect them
    assert frame.loc[frame.index.notna(), "n"].sum() == 39


def test_protected_breakdown_hides_the_small_groups_and_a_complement(data):
    answers, people = data
    result = protected_headline_by(answers, people, "gemeente", {"T1": AGREEMENT})
    table = result.table.set_index("gemeente")
    # Wijk (1) and onbekend (1) are small; together 2 < 10, so Gouda (12, the next smallest) goes too
    assert table.loc[["Wijk", UNKNOWN_GROUP, "Gouda"], "hidden"].all()
    assert table.loc["Gouda", "reason"] == "complement"
    assert pd.isna(table.loc["Gouda", "pct"]) and pd.isna(table.loc["Gouda", "positive"])
    assert table.loc["Delft", "n"] == 25 and table.loc["Delft", "pct"] == 60.0
    assert table.loc["Delft", "signal"]  # 25 < 30: a signal
    assert "n_not_applicable" not in table.columns  # escapes are not broken down
    assert result.notes()[0] == Note("small", 10)  # worded by survey.protection_notes


def test_breakdown_by_language_in_public_rounds_counts(data):
    answers, people = data
    result = protected_headline_by(answers, people, "language", {"T1": AGREEMENT}, Policy(public=True))
    table = result.table.set_index("language")
    # ar: ids 0, 5, ..., 35 -> n = 8 -> hidden; nl: 39 - 8 = 31 -> hidden as complement
    assert table.loc["ar", "reason"] == "small" and table.loc["nl", "reason"] == "complement"
    assert table["n"].dropna().tolist() == [40]  # the total, 39 rounded to 40


def test_grades_by_group(data):
    answers, people = data
    frame = grades_by(answers, people, "gemeente", "R1").set_index("gemeente")
    assert frame.loc["Gouda", "mean_text"] == "9,0" and frame.loc["Delft", "mean_text"] == "7,0"
    total = frame[frame.index.isna()].iloc[0]
    # (28 * 7 + 12 * 9) / 40 = 304 / 40 = 7.6
    assert total["n"] == 40 and total["mean_text"] == "7,6"


def test_respondents_by_group(data):
    _, people = data
    table = respondents_by(people, "gemeente").table.set_index("gemeente")
    assert table.loc["Delft", "n"] == 25 and table.loc["Gouda", "hidden"]


def test_full_results_set(data):
    answers, people = data
    results = compute_results(
        answers, {"T1": AGREEMENT, "R1": GRADE}, domains={"T1": "toegang"}, respondents=people, by=["gemeente"]
    )
    assert results.headline.set_index("item_code").loc["T1", "n"] == 39
    assert results.grades["R1"].mean_text == "7,6"
    assert results.domains["pct"].tolist() == pytest.approx([100 * 28 / 39])
    breakdown = results.breakdowns["gemeente"]
    grades = breakdown.grades["R1"].table.set_index("gemeente")
    assert grades.loc["Delft", "mean_text"] == "7,0"
    assert pd.isna(grades.loc["Wijk", "mean"]) and pd.isna(grades.loc["Wijk", "mean_text"])
    assert pd.isna(grades.loc["Gouda", "mean"])  # complement of the small groups
    assert breakdown.headline.table.equals(
        protected_headline_by(answers, people, "gemeente", {"T1": AGREEMENT, "R1": GRADE}).table
    )
    assert results.open_counts == {} and results.choices == {}
    with pytest.raises(ValueError, match="respondents"):
        compute_results(answers, {"T1": AGREEMENT}, by=["gemeente"])


def test_choices_and_open_answers_in_the_results_set():
    answers = answers_frame(
        [
            (1, "Q5", "sport"),
            (1, "Q5", "school"),
            (2, "Q5", "school"),
            (1, "O1", "Fijn"),
            (2, "O1", ""),
            (3, "O1", "Snel geholpen"),
            (3, "T1", "4"),
        ]
    )
    results = compute_results(
        answers,
        {"T1": AGREEMENT},
        open_items=["O1"],
        choices={"Q5": ([("school", "School"), ("sport", "Sport")], True)},
    )
    assert results.open_counts == {"O1": 2}  # the empty answer of 2 does not count
    assert results.choices["Q5"]["pct"].tolist() == [100.0, 50.0]
