"""The input shape: a checked long answers frame, respondents, and wide tables for exports."""

from datetime import date

import pandas as pd
import pytest

from analysis.scores.frames import answers_frame, from_wide, respondents_frame, split_background, to_wide
from analysis.scores.response import response_figures, responses_per_day


def test_unanswered_values_are_dropped_and_codes_kept_as_text():
    frame = answers_frame([(1, "T1", "5"), (1, "T2", ""), (2, "T1", None), (2, "R1", 7)])
    assert frame[["response_id", "item_code", "value"]].values.tolist() == [[1, "T1", "5"], [2, "R1", "7"]]
    assert isinstance(frame["item_code"].dtype, pd.CategoricalDtype)


def test_missing_columns_and_ids_are_refused():
    with pytest.raises(ValueError, match="lacks column"):
        answers_frame(pd.DataFrame({"response_id": [1], "value": ["5"]}))
    with pytest.raises(ValueError, match="without a response_id"):
        answers_frame([(None, "T1", "5")])
    with pytest.raises(ValueError, match="repeats response_id"):
        respondents_frame([{"response_id": 1, "gemeente": "A"}, {"response_id": 1, "gemeente": "B"}])


def test_background_repeated_on_answer_rows_is_split_off():
    long = pd.DataFrame(
        {
            "response_id": [1, 1, 2],
            "item_code": ["T1", "T2", "T1"],
            "value": ["5", "4", "2"],
            "gemeente": ["Delft", "Delft", "Gouda"],
        }
    )
    answers, respondents = split_background(long, ["gemeente"])
    assert len(answers) == 3 and respondents.loc[2, "gemeente"] == "Gouda"
    long.loc[1, "gemeente"] = "Gouda"
    with pytest.raises(ValueError, match="conflicting background"):
        split_background(long, ["gemeente"])


def test_wide_table_with_multiple_choice_flags():
    answers = answers_frame(
        [(1, "T1", "5"), (1, "Q5", "sport"), (1, "Q5", "school"), (2, "T1", "nvt"), (2, "Q5", "school"), (3, "T1", "2")]
    )
    respondents = respondents_frame(
        [{"response_id": r, "gemeente": g} for r, g in [(1, "Delft"), (2, "Gouda"), (3, "Delft")]]
    )
    wide = to_wide(answers, multiple=["Q5"], respondents=respondents)
    assert list(wide.columns) == ["gemeente", "T1", "Q5__school", "Q5__sport"]
    assert wide.loc[1, "Q5__sport"] == 1 and wide.loc[2, "Q5__sport"] == 0
    assert pd.isna(wide.loc[3, "Q5__school"])  # did not answer Q5 at all
    assert wide["T1"].tolist() == ["5", "nvt", "2"]
    back = from_wide(wide, ["T1"])
    assert sorted(back["value"].tolist()) == ["2", "5", "nvt"]


def test_a_single_item_answered_twice_is_an_error_in_wide_form():
    answers = answers_frame([(1, "T1", "5"), (1, "T1", "4")])
    with pytest.raises(ValueError, match="pass them as multiple"):
        to_wide(answers)


def test_response_figures():
    figures = response_figures(invited=34, started=26, completed=24)
    assert round(figures.pct_completed, 1) == 70.6 and round(figures.pct_started, 1) == 76.5
    assert round(figures.pct_finished_of_started, 1) == 92.3
    assert response_figures(None, 40, 38).pct_completed is None  # open link: no invitation list
    with pytest.raises(ValueError, match="more than started"):
        response_figures(10, 3, 5)
    with pytest.raises(ValueError, match="more than invited"):
        response_figures(10, 12, 5)


def test_responses_per_day_lists_quiet_days():
    days = [date(2026, 3, 2), date(2026, 3, 2), date(2026, 3, 4), date(2026, 3, 5)]
    frame = responses_per_day(days, invited=20, end=date(2026, 3, 6))
    assert frame["day"].tolist() == [date(2026, 3, d) for d in range(2, 7)]
    assert frame["count"].tolist() == [2, 0, 1, 1, 0]
    assert frame["cumulative"].tolist() == [2, 2, 3, 4, 4]
    assert frame["cumulative_pct"].tolist() == [10.0, 10.0, 15.0, 20.0, 20.0]
    assert responses_per_day([]).empty


def test_response_ids_of_different_types_are_reported_not_silently_unmatched():
    from analysis.scores.frames import group_of

    answers = answers_frame([(1, "T1", "5")])
    respondents = respondents_frame([{"response_id": "1", "gemeente": "Delft"}])
    with pytest.raises(ValueError, match="same type"):
        group_of(answers, respondents, "gemeente")
