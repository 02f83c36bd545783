"""Fieldwork figures from the ledger (analysis/suppression/fieldwork.py), and the small-cell rule."""

from datetime import date

import analysis.suppression.fieldwork as fieldwork
from analysis.suppression import protect_counts
from analysis.suppression.fieldwork import DayCount, LedgerRow, per_category, per_day, poll_bars, totals


def test_small_counts_are_hidden_with_a_second_cell_when_one_could_be_derived():
    assert protect_counts({"a": 30, "b": 12, "c": 4}, 10) == {"a": 30, "b": None, "c": None}
    assert protect_counts({"a": 30, "b": 0, "c": 12}, 10) == {"a": 30, "b": 0, "c": 12}
    assert protect_counts({"a": 5}, 5) == {"a": 5}


def test_two_small_cells_that_add_up_to_less_than_k_are_not_given_away_by_the_total():
    # 37 published, a = 30 shown: b + c = 7 would be known; the one rule hides a as well
    assert protect_counts({"a": 30, "b": 3, "c": 4}, 10) == {"a": None, "b": None, "c": None}


def test_fieldwork_figures_have_no_small_cell_rule_of_their_own():
    assert not hasattr(fieldwork, "suppress_small_counts")
    assert fieldwork.protect_counts is protect_counts


def rows(small=("Maassluis", "Maassluis", "Delft", "Delft")):
    d1 = date(2026, 3, 2)
    result = []
    for n in range(40):
        gemeente = "Rotterdam" if n < 30 else ("Schiedam" if n < 36 else small[n - 36])
        completed = n % 3 == 0
        result.append(LedgerRow(d1, completed or n % 5 == 0, completed, {"gemeente": gemeente}))
    result.append(LedgerRow(None, False, False, {"gemeente": "Vlaardingen"}))  # imported, not invited
    return result


def test_totals_and_days():
    t = totals(rows())
    assert (t.invitees, t.invited, t.completed) == (41, 40, 14)
    assert round(t.response, 1) == 35.0
    counts = [DayCount(date(2026, 3, 9), 16, 10), DayCount(date(2026, 3, 10), 2, 4)]
    days = per_day(rows(), counts)
    assert [(d.day.day, d.invited, d.started, d.completed) for d in days] == [
        (2, 40, 0, 0),
        (9, 0, 16, 10),
        (10, 0, 2, 4),
    ]
    assert days[-1].response_so_far == t.response


def test_categories_below_k_are_hidden():
    groups = {g.category: g for g in per_category(rows(), "gemeente", 5)}
    assert "Vlaardingen" not in groups  # never invited
    assert groups["Rotterdam"].invited == 30
    assert groups["Maassluis"].invited is None and groups["Delft"].invited is None  # 2 invitees each
    # 40 invited - 30 - 6 would give Maassluis + Delft = 4 (< k): Schiedam is hidden with them
    assert groups["Schiedam"].invited is None and groups["Schiedam"].response is None
    # completed 10 / 2 / 1 / 1 of 14 published: showing Rotterdam's 10 would give the other three away
    assert groups["Rotterdam"].completed is None


def test_a_single_small_category_takes_the_next_smallest_with_it():
    groups = {g.category: g for g in per_category(rows(small=("Maassluis",) * 4), "gemeente", 5)}
    assert groups["Maassluis"].invited is None
    assert groups["Schiedam"].invited is None  # else 40 - 30 - 6 gives Maassluis away
    assert groups["Rotterdam"].invited == 30


def test_poll_bars_wait_for_k_answers_then_hide_small_bars():
    options = [("5", "Helemaal mee eens"), ("4", "Mee eens"), ("2", "Niet mee eens")]
    assert poll_bars(options, {"5": 6}, 6, 10) is None
    bars = poll_bars(options, {"5": 14, "4": 12, "2": 3}, 29, 10)
    assert [(b.code, b.count) for b in bars] == [("5", 14), ("4", None), ("2", None)]
    assert round(bars[0].percent) == 48
