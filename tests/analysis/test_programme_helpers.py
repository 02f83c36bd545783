"""Periods, Dutch numbers, target progress and note splitting: the pure helpers of the programme."""

from datetime import date
from decimal import Decimal

import pytest

from analysis.evaluation.notes import kind_from_heading, split_notes
from analysis.files.cells import looks_like_bsn, parse_number
from analysis.programmes.periods import (
    measured_period_for_round,
    parse_period,
    period_end,
    periods_between,
    previous_period,
    schedule_period,
)
from analysis.programmes.progress import DISTINCT, MEAN, SUM, Value, budget_totals, split_conflicts, target_progress
from analysis.programmes.targets import Direction, Status


@pytest.mark.parametrize(
    "text,expected",
    [
        ("7,5", "7.5"),
        ("1.234,5", "1234.5"),
        ("1.234.567", "1234567"),
        ("1 234,5", "1234.5"),
        ("12.5", "12.5"),
        ("0.125", "0.125"),
        ("-2,5", "-2.5"),
        ("12%", "12"),
        ("1,234,567", "1234567"),
        ("1,234.5", "1234.5"),
        (",5", "0.5"),
        (7.5, "7.5"),
        (3, "3"),
    ],
)
def test_numbers_are_read_the_dutch_way(text, expected):
    assert parse_number(text) == (Decimal(expected), None)


@pytest.mark.parametrize(
    "text,code",
    [
        ("abc", "not_a_number"),
        ("7,5 kinderen", "not_a_number"),
        (True, "not_a_number"),
        ("1.234", "ambiguous_number"),
        (float("nan"), "not_a_number"),
    ],
)
def test_what_is_not_a_clear_number(text, code):
    assert parse_number(text) == (None, code)


def test_bsn_eleven_test():
    assert looks_like_bsn("111222333") and looks_like_bsn("1112.22.333") and looks_like_bsn(10000446)
    assert not looks_like_bsn("123456789") and not looks_like_bsn("000000000") and not looks_like_bsn("12345")


@pytest.mark.parametrize(
    "text,kind,expected",
    [
        ("2026-K1", "quarter", "2026-K1"),
        ("2026 k3", "quarter", "2026-K3"),
        ("Q4 2025", "quarter", "2025-K4"),
        ("2026 kwartaal 2", "quarter", "2026-K2"),
        ("2026-03", "quarter", None),
        ("2026-3", "month", "2026-03"),
        ("03-2026", "month", "2026-03"),
        ("maart 2026", "month", "2026-03"),
        ("okt 2025", "month", "2025-10"),
        (date(2026, 3, 9), "month", "2026-03"),
        (date(2026, 3, 9), "quarter", None),
        ("2026-13", "month", None),
        ("1999-01", "month", None),
        ("2026-K5", "quarter", None),
    ],
)
def test_periods_written_in_common_ways(text, kind, expected):
    assert parse_period(text, kind) == expected


def test_period_arithmetic():
    assert previous_period("2026-K1") == "2025-K4" and previous_period("2026-01") == "2025-12"
    assert period_end("2026-K1") == date(2026, 3, 31) and period_end("2024-02") == date(2024, 2, 29)
    assert periods_between("2025-K4", "2026-K2") == ["2025-K4", "2026-K1", "2026-K2"]


def test_schedule_rounds_and_the_figures_they_ask_for():
    months = [1, 4, 7, 10]
    assert schedule_period(date(2026, 6, 3), months) == "2026-04"
    assert schedule_period(date(2026, 4, 1), months) == "2026-04"
    assert schedule_period(date(2026, 2, 1), [4, 7]) == "2025-07"
    assert schedule_period(date(2026, 2, 1), []) is None
    assert measured_period_for_round("2026-04", "quarter") == "2026-K1"
    assert measured_period_for_round("2026-01", "month") == "2025-12"


def test_cumulative_target_adds_up_periods_and_reports_percent():
    values = [
        Value("2026-K1", Decimal(5)),
        Value("2026-K2", Decimal(2), gemeente="Schiedam"),
        Value("2026-K2", Decimal(3), gemeente="Vlaardingen"),
        Value("2025-K4", Decimal(10)),
    ]
    progress = target_progress(values, SUM, Decimal(40), cumulative=True)
    assert progress.period == "2026-K2" and progress.value == Decimal(20) and progress.percent == 50.0
    assert [v for _p, v in progress.series] == [10, 15, 20]
    latest = target_progress(values, SUM, Decimal(40))
    assert latest.value == Decimal(5) and latest.percent == 12.5
    assert [v for _p, v in latest.series] == [10, 5, 5]


def test_two_values_for_one_period_and_gemeente_are_a_conflict_never_a_sum():
    values = [
        Value("2026-K1", Decimal(5)),
        Value("2026-K2", Decimal(4)),
        Value("2026-K2", Decimal(6)),
        Value("2026-K2", Decimal(1), "child-a"),
        Value("2026-K2", Decimal(1), "child-b"),
    ]
    clean, conflicts = split_conflicts(values)
    assert list(conflicts) == [("2026-K2", "")] and len(clean) == 3  # pseudonymised rows never conflict
    progress = target_progress(values[:3], SUM, Decimal(40))
    assert (progress.period, progress.value, progress.conflicts) == ("2026-K1", Decimal(5), ("2026-K2",))
    assert target_progress(values[:3], SUM, Decimal(40), cumulative=True).value == Decimal(5)  # not 15


def test_falling_target_and_mean_of_sources():
    values = [Value("2026-03", Decimal(10), gemeente="Schiedam"), Value("2026-03", Decimal(8), gemeente="Vlaardingen")]
    progress = target_progress(values, MEAN, target=Decimal(6), baseline=Decimal(10), direction=Direction.DECREASE)
    assert progress.value == Decimal(9) and progress.percent == 25.0 and progress.status == Status.UNDER_WAY


def test_distinct_counts_a_child_reported_by_two_sources_once():
    values = [
        Value("2026-K1", Decimal(1), "a"),
        Value("2026-K1", Decimal(1), "b"),
        Value("2026-K1", Decimal(1), "a"),
        Value("2026-K2", Decimal(1), "a"),
    ]
    assert target_progress(values, DISTINCT, Decimal(10)).value == Decimal(1)
    assert target_progress(values, DISTINCT, Decimal(10), cumulative=True).value == Decimal(2)


def test_no_values_no_progress_and_budget_totals():
    assert target_progress([], SUM, Decimal(4)).percent is None
    assert budget_totals([(2025, Decimal(100), Decimal(90)), (2026, Decimal(100), None)]) == (200, 90)


def test_pasted_notes_become_statements_with_their_heading():
    block = """Trots op:
- De samenwerking met de wijkteams
  loopt steeds beter
• Pleegzorg+ geeft adem

Aandacht:
1. Wachtlijsten
2) Personeelstekort
Losse regel zonder opsommingsteken
- Wachtlijsten"""
    lines = split_notes(block)
    assert [(line.text, line.heading) for line in lines] == [
        ("De samenwerking met de wijkteams loopt steeds beter", "Trots op"),
        ("Pleegzorg+ geeft adem", "Trots op"),
        ("Wachtlijsten", "Aandacht"),
        ("Personeelstekort", "Aandacht"),
        ("Losse regel zonder opsommingsteken", "Aandacht"),
    ]


@pytest.mark.parametrize(
    "heading,kind",
    [
        ("Trots op", "trots_op"),
        ("Wat werkt goed", "werkt_goed"),
        ("Aandachtspunten", "aandacht"),
        ("Wat viel op", "opvallend"),
        ("Wat werkt goed in de jeugdzorg", "werkt_goed"),
        ("Samenwerking met zorgaanbieders", None),
        ("Tops", "werkt_goed"),
        ("Tips", "aandacht"),
        ("Opvallend", "opvallend"),
        ("Overig", None),
    ],
)
def test_headings_name_the_kind(heading, kind):
    assert kind_from_heading(heading) == kind
