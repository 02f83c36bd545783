"""A view's numbers as page sections: rows of text, and charts with their data tables.

Numbers are formatted here, once, the Dutch way (:mod:`analysis.scores.numbers`): 73%, 7,2, 1.234, and "–"
for a hidden cell. Charts come from :mod:`analysis.charts.bars` (SVG with an accessible name and patterns);
each carries the table with the same numbers that the page shows beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
from flask_babel import gettext as _
from markupsafe import Markup

from analysis.charts.bars import (
    Bar,
    ChartTable,
    bars_svg,
    bars_table,
    distribution_bars,
    stacked_bars_svg,
    stacked_bars_table,
)
from analysis.scores.grades import GradeSummary
from analysis.scores.numbers import MISSING, format_count, format_percentage, is_missing, whole_percentages
from analysis.scores.scales import Scale
from survey.protection_notes import not_shown
from survey.reports.items import ReportItem
from survey.reports.pages.figures import View


@dataclass(frozen=True)
class Chart:
    """An SVG chart and the table with its numbers."""

    svg: Markup
    table: ChartTable


@dataclass(frozen=True)
class ItemRow:
    """One scored item in a table: the headline share with n, escapes and flags."""

    code: str
    label: str
    domain: str
    pct: str
    n: str
    dont_know: str
    not_applicable: str
    hidden: bool
    signal: bool


@dataclass(frozen=True)
class ScaleSection:
    """Statements or frequency items: headline per item, and the full distribution as stacked bars."""

    key: str
    headline: str
    rows: list[ItemRow]
    headline_chart: Chart
    distribution_chart: Chart | None


@dataclass(frozen=True)
class GradeCard:
    """A numeric item (grade, 0-10, smileys): mean, median, headline share and distribution."""

    row: ItemRow
    mean: str
    median: str
    headline: str
    headline_label: str
    chart: Chart | None


@dataclass(frozen=True)
class ChoiceCard:
    """A choice question: count and % per option; ``hidden`` when fewer than k people answered it."""

    item: ReportItem
    n: str
    rows: list[tuple[str, str, str]] = field(default_factory=list)
    hidden: bool = False


def make_chart(svg: str, table: ChartTable) -> Chart:
    """A chart for a template: the SVG of :mod:`analysis.charts.bars` escapes every text it draws."""
    return Chart(Markup(svg), table)  # noqa: S704 - built by analysis.charts.bars, all text escaped there


def _text(value, formatter) -> str:
    return MISSING if is_missing(value) else formatter(value)


def item_rows(view: View, items: list[ReportItem]) -> list[ItemRow]:
    """Headline rows of these items in questionnaire order."""
    headline = view.headline.set_index("item_code") if not view.headline.empty else pd.DataFrame()
    rows = []
    for item in items:
        if item.code not in headline.index:
            continue
        h = headline.loc[item.code]
        rows.append(
            ItemRow(
                item.code,
                item.label,
                item.domain,
                _text(h["pct"], format_percentage),
                _text(h["n"], format_count),
                _text(h["n_dont_know"], format_count),
                _text(h["n_not_applicable"], format_count),
                bool(h["hidden"]),
                bool(h["signal"]),
            )
        )
    return rows


def _bar_label(item: ReportItem) -> str:
    return f"{item.code} {item.label}"


def scale_section(view: View, items: list[ReportItem], scale: Scale, key: str) -> ScaleSection | None:
    """The section of all items on one (non-numeric) scale."""
    items = [i for i in items if i.scale is scale]
    if not items:
        return None
    rows = item_rows(view, items)
    by_code = {i.code: i for i in items}
    bars = [
        Bar(
            _bar_label(by_code[r.code]),
            (None if r.hidden else _pct(view, r.code),),
            None if r.hidden else _n(view, r.code),
        )
        for r in rows
    ]
    title = _("%(headline)s per item", headline=scale.headline)
    headline_chart = make_chart(
        bars_svg(
            bars,
            title=title,
            chart_id=f"{key}-headline",
            not_shown=not_shown(),
            desc=_("One bar per item; the table beside the chart has the same numbers."),
        ),
        bars_table(bars, title=title, first_column=_("Question"), value_column=scale.headline),
    )
    return ScaleSection(
        key, scale.headline, rows, headline_chart, _distribution_chart(view, items, scale, key, distribution_title(key))
    )


def distribution_title(key: str) -> str:
    """Titles differ per section, so every chart and table has its own accessible name."""
    if key == "statements":
        return _("Answers per statement (without “don't know” and “not applicable”)")
    return _("Answers per question (how often)")


def _pct(view: View, code: str):
    value = view.headline.loc[view.headline["item_code"] == code, "pct"].iloc[0]
    return None if is_missing(value) else float(value)


def _n(view: View, code: str):
    value = view.headline.loc[view.headline["item_code"] == code, "n"].iloc[0]
    return None if is_missing(value) else int(value)


def _distribution_chart(view: View, items: list[ReportItem], scale: Scale, key: str, title: str) -> Chart | None:
    frame = (
        view.distributions[view.distributions["item_code"].isin([i.code for i in items])]
        if not view.distributions.empty
        else view.distributions
    )
    if frame.empty:
        return None
    bars, categories = distribution_bars(frame, scale, {i.code: _bar_label(i) for i in items})
    svg = stacked_bars_svg(
        bars,
        categories,
        title=title,
        chart_id=f"{key}-distribution",
        not_shown=not_shown(),
        desc=_(
            "One bar per item, split into the answers from most positive to most "
            "negative. The table beside the chart has the same numbers."
        ),
    )
    return make_chart(svg, stacked_bars_table(bars, categories, title=title, first_column=_("Question")))


def grade_card(view: View, item: ReportItem) -> GradeCard | None:
    """Mean with a decimal comma, median, headline share and the distribution of a numeric item."""
    rows = item_rows(view, [item])
    if not rows:
        return None
    summary: GradeSummary | None = view.grades.get(item.code)
    if rows[0].hidden or summary is None:
        return GradeCard(rows[0], MISSING, MISSING, MISSING, item.scale.headline, None)
    codes = [code for code, _count, _pct in summary.distribution]
    positive = [i for i, code in enumerate(codes) if code in item.scale.positive_codes]
    counts = [count for _code, count, _pct in summary.distribution]
    shares = whole_percentages(counts, positive) if summary.n else [None] * len(counts)
    bars = [
        Bar(item.scale.label_for(code), (None if pct is None else float(pct),), count)
        for (code, count, _pct), pct in zip(summary.distribution, shares, strict=True)
    ]
    title = _("Distribution of %(item)s", item=item.code)
    chart = make_chart(
        bars_svg(
            bars,
            title=title,
            chart_id=f"grade-{item.code}",
            not_shown=not_shown(),
            desc=_("Share of the answers per value; the table has the same numbers."),
        ),
        bars_table(bars, title=title, first_column=_("Answer"), value_column="%"),
    )
    return GradeCard(rows[0], summary.mean_text, summary.median_text, rows[0].pct, item.scale.headline, chart)


def choice_card(view: View, item: ReportItem) -> ChoiceCard | None:
    frame = view.choices.get(item.code)
    if frame is None:
        return None
    rows = [
        (str(r.label), _text(r.count, format_count), _text(r.pct, format_percentage))
        for r in frame.itertuples(index=False)
    ]
    return ChoiceCard(item, format_count(frame.attrs.get("n", 0)), rows, bool(frame.attrs.get("hidden")))


def domain_rows(view: View) -> tuple[list[tuple[str, str, str]], Chart | None]:
    """(domain, mean % (helemaal) mee eens, items) per domain, and a bar chart of them."""
    if view.domains.empty:
        return [], None
    rows, bars = [], []
    for r in view.domains.itertuples(index=False):
        rows.append((r.domain, _text(r.pct, format_percentage), ", ".join(r.items) or MISSING))
        bars.append(Bar(r.domain, (None if is_missing(r.pct) else float(r.pct),)))
    title = _("Mean share (strongly) agree per domain")
    chart = make_chart(
        bars_svg(
            bars,
            title=title,
            chart_id="domains",
            not_shown=not_shown(),
            desc=_("One bar per domain; the table has the same numbers."),
        ),
        bars_table(bars, title=title, first_column=_("Domain"), value_column="%"),
    )
    return rows, chart
