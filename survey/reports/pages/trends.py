"""Trends: the same item codes across the rounds (*metingen*) of a series, compared round by round.

Rounds share a ``series_key``; the page compares every round up to the one asked for, oldest first,
each with the round before it, using :mod:`analysis.scores.trends` (the test and its verdict, worded by
:mod:`survey.reports.verdicts`).
Only totals of whole rounds are compared, so nothing here needs small-cell protection beyond what a
round's own results page publishes.

An item whose wording changed beyond spelling (``analysis.questions.wording``) is marked "vraag gewijzigd" with
both wordings, and the latest change is not tested unless a researcher marked it cosmetic
(``CosmeticWording``): a different question is not a trend.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pandas as pd
from flask_babel import gettext as _
from sqlalchemy import select

from analysis.charts.bars import Bar, bars_svg, bars_table
from analysis.questions.wording import wording_changed
from analysis.scores.grades import GradeSummary, summarise_counts
from analysis.scores.items import headline_from_tally
from analysis.scores.numbers import MISSING, format_count, format_number, format_percentage, is_missing
from analysis.scores.trends import Comparison, compare_means_from_stats, trend_table
from survey.extensions import db
from survey.protection_notes import not_shown
from survey.questionnaires.models import Survey
from survey.reports.items import ReportItem, report_items, scales_of
from survey.reports.models import CosmeticWording
from survey.reports.pages.figures import counts_of
from survey.reports.pages.sections import Chart, make_chart
from survey.reports.results import load_round
from survey.reports.verdicts import verdict_words


@dataclass(frozen=True)
class TrendCell:
    value: str
    n: str


@dataclass(frozen=True)
class WordingChange:
    """The item's wording changed into this round."""

    round_label: str
    before: str
    after: str


@dataclass(frozen=True)
class TrendRow:
    """One item across rounds: its value per round and the words for the latest change."""

    code: str
    label: str
    cells: list[TrendCell]
    words: str
    verdict: str
    p_value: str
    changes: tuple[WordingChange, ...] = ()
    cosmetic: bool = False


@dataclass(frozen=True, eq=False)
class TrendPage:
    rounds: list[Survey]
    labels: list[str]
    rows: list[TrendRow] = field(default_factory=list)
    grades: list[TrendRow] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)


def series_rounds(survey: Survey) -> list[Survey]:
    """The rounds of the survey's series in the same region up to this one, oldest first."""
    stmt = (
        select(Survey)
        .where(Survey.region_id == survey.region_id, Survey.series_key == survey.series_key)
        .order_by(Survey.created_at, Survey.id)
    )
    rounds = list(db.session.scalars(stmt))
    return rounds[: rounds.index(survey) + 1] if survey in rounds else [survey]


def round_labels(rounds: list[Survey]) -> list[str]:
    """A unique label per round: its round label, or its number when it has none or shares it."""
    labels = [r.round_label or f"#{r.id}" for r in rounds]
    return [
        label if labels.count(label) == 1 else f"{label} (#{r.id})" for label, r in zip(labels, rounds, strict=True)
    ]


def trend_page(survey: Survey) -> TrendPage:
    """Every scored item of this round across the series, with the comparison to the round before."""
    rounds = series_rounds(survey)
    labels = round_labels(rounds)
    items = [i for i in report_items(survey) if i.scored]
    scales = scales_of(items)
    headlines, grades = {}, {}
    for label, round_ in zip(labels, rounds, strict=True):
        tallied = load_round(round_, items=items).tally(scales)
        headlines[label] = headline_from_tally(tallied, scales)
        grades[label] = {
            i.code: summarise_counts(i.code, counts_of(tallied, i.code), i.scale) for i in items if i.numeric
        }
    table = trend_table(headlines)
    changes = wording_changes(rounds, labels, items)
    cosmetic = set(db.session.scalars(select(CosmeticWording.item_code).where(CosmeticWording.survey_id == survey.id)))
    rows = [
        _marked(_row(item, table[table["item_code"] == item.code], labels), changes, cosmetic, labels) for item in items
    ]
    grade_rows = [
        _marked(_grade_row(item, [grades[label][item.code] for label in labels]), changes, cosmetic, labels)
        for item in items
        if item.numeric
    ]
    charts = [
        _grade_chart(item, labels, [grades[label][item.code] for label in labels]) for item in items if item.numeric
    ]
    return TrendPage(rounds, labels, rows, grade_rows, charts)


def wording_changes(
    rounds: list[Survey], labels: list[str], items: list[ReportItem]
) -> dict[str, tuple[WordingChange, ...]]:
    """Per item code every round into which its wording changed beyond spelling."""
    wordings = [{i.code: i.label for i in report_items(r)} for r in rounds[:-1]] + [{i.code: i.label for i in items}]
    found: dict[str, list[WordingChange]] = {}
    for k in range(1, len(rounds)):
        for code, after in wordings[k].items():
            before = wordings[k - 1].get(code)
            if before is not None and wording_changed(before, after):
                found.setdefault(code, []).append(WordingChange(labels[k], before, after))
    return {code: tuple(found_changes) for code, found_changes in found.items()}


def _marked(row: TrendRow, changes: dict, cosmetic: set[str], labels: list[str]) -> TrendRow:
    """A reworded item: marked, and its latest comparison left out unless the change is cosmetic."""
    found = changes.get(row.code, ())
    if not found:
        return row
    if found[-1].round_label != labels[-1] or row.code in cosmetic:
        return replace(row, changes=found, cosmetic=row.code in cosmetic)
    return replace(row, changes=found, words=_("question changed"), verdict="changed", p_value=MISSING)


def _row(item: ReportItem, part: pd.DataFrame, labels: list[str]) -> TrendRow:
    by_round = {r.meting: r for r in part.itertuples(index=False)}
    cells = [TrendCell(_pct(by_round[label].pct), format_count(by_round[label].n)) for label in labels]
    last = by_round[labels[-1]]
    words = verdict_words(last.verdict) if len(labels) > 1 and isinstance(last.verdict, str) else _("no earlier round")
    return TrendRow(item.code, item.label, cells, words, str(last.verdict or ""), _p(last.p_value))


def _pct(value) -> str:
    return MISSING if is_missing(value) else format_percentage(value)


def _p(value) -> str:
    if is_missing(value):
        return MISSING
    return "< 0,001" if value < 0.001 else format_number(value, 3)


def _grade_row(item: ReportItem, summaries: list[GradeSummary]) -> TrendRow:
    cells = [TrendCell(s.mean_text, format_count(s.n)) for s in summaries]
    if len(summaries) < 2:
        return TrendRow(item.code, item.label, cells, _("no earlier round"), "", MISSING)
    now, before = summaries[-1], summaries[-2]
    result: Comparison = compare_means_from_stats(
        now.mean or 0.0, now.sd or 0.0, now.n, before.mean or 0.0, before.sd or 0.0, before.n
    )
    return TrendRow(
        item.code, item.label, cells, verdict_words(result.verdict), str(result.verdict), _p(result.p_value)
    )


def _grade_chart(item: ReportItem, labels: list[str], summaries: list[GradeSummary]) -> Chart:
    bars = [Bar(label, (s.mean,) if s.n else (None,), s.n) for label, s in zip(labels, summaries, strict=True)]
    title = _("Mean %(item)s per round", item=item.code)
    svg = bars_svg(
        bars,
        title=title,
        maximum=10.0,
        unit="",
        chart_id=f"trend-{item.code}",
        not_shown=not_shown(),
        desc=_("One bar per round; the table has the same numbers."),
    )
    table = bars_table(bars, title=title, first_column=_("Round"), value_column=_("Mean"), unit="")
    return make_chart(svg, table)
