"""A protected breakdown as a matrix for the page: items down, groups across, the total first.

Groups are in alphabetical order (``onbekend`` last), never sorted by a score: CEO results may not be
used to rank providers. Hidden cells read "–"; shown cells under the signal threshold carry a "*".
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
from flask_babel import gettext as _

from analysis.scores.breakdowns import UNKNOWN_GROUP
from analysis.scores.numbers import MISSING, format_count, format_percentage, is_missing
from analysis.scores.results import Breakdown
from survey.protection_notes import note_lines
from survey.reports.items import ReportItem
from survey.reports.pages.figures import group_label, variable_label


@dataclass(frozen=True)
class Cell:
    text: str
    n: str
    hidden: bool = False
    signal: bool = False


@dataclass(frozen=True)
class MatrixRow:
    label: str
    cells: list[Cell]


@dataclass(frozen=True)
class Matrix:
    """Breakdown by one variable: group names, a respondents row, one row per item, notes."""

    variable: str
    title: str
    groups: list[str]
    respondents: MatrixRow
    rows: list[MatrixRow] = field(default_factory=list)
    notes: tuple[str, ...] = ()


def _groups(table: pd.DataFrame, variable: str) -> list:
    values = [v for v in table[variable].dropna().unique()]
    return sorted(values, key=lambda v: (v == UNKNOWN_GROUP, str(v).casefold()))


def _lookup(table: pd.DataFrame, variable: str) -> dict:
    return {(None if pd.isna(v) else v): r for v, r in zip(table[variable], table.to_dict("records"), strict=True)}


def _cell(record: dict | None, value_column: str, formatter) -> Cell:
    if record is None or record.get("hidden"):
        return Cell(MISSING, MISSING, hidden=record is not None)
    value = record.get(value_column)
    text = MISSING if is_missing(value) else formatter(value)
    n = record.get("n")
    return Cell(text, MISSING if is_missing(n) else format_count(n), signal=bool(record.get("signal")))


def matrix(breakdown: Breakdown, items: list[ReportItem]) -> Matrix:
    """The page matrix of a protected breakdown of the scored items."""
    variable = breakdown.by[-1]
    groups = _groups(breakdown.respondents.table, variable)
    respondents = _lookup(breakdown.respondents.table, variable)
    first = MatrixRow(_("Respondents"), [_cell(respondents.get(g), "n", format_count) for g in [None, *groups]])
    rows, notes = [], list(breakdown.respondents.notes())
    headline = breakdown.headline.table
    for item in items:
        part = headline[headline["item_code"] == item.code]
        if item.numeric and item.code in breakdown.grades:
            grade_table = breakdown.grades[item.code].table
            lookup = _lookup(grade_table, variable)
            rows.append(
                MatrixRow(
                    _("%(code)s mean", code=item.code),
                    [_cell(lookup.get(g), "mean_text", str) for g in [None, *groups]],
                )
            )
            notes += breakdown.grades[item.code].notes()
        if part.empty:
            continue
        lookup = _lookup(part, variable)
        rows.append(
            MatrixRow(
                f"{item.code} {item.label}", [_cell(lookup.get(g), "pct", format_percentage) for g in [None, *groups]]
            )
        )
    notes += breakdown.headline.notes()
    return Matrix(
        variable,
        _("By %(variable)s", variable=variable_label(variable).lower()),
        [group_label(variable, None), *(group_label(variable, g) for g in groups)],
        first,
        rows,
        note_lines(notes),
    )
