"""Server-rendered SVG charts (no JavaScript) with an accessible name and a companion data table.

Each chart is an ``<svg role="img">`` named by its ``<title>`` and ``<desc>`` (``aria-labelledby``),
scales to its container (viewBox only), fills categories with a colour *and* a pattern, and puts
values in dark text on white. Each ``*_svg`` function has a ``*_table`` companion returning the same
numbers as rows to show beside the chart, the version screen-reader users and printers rely on.
A value of None is a hidden (suppressed) cell: no bar, "–" in the chart and the table.
"""

from __future__ import annotations

import hashlib
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from analysis.charts.style import BACKGROUND, MUTED_TEXT, TEXT, TRACK, esc, pattern_defs, safe_id
from analysis.scores.numbers import (
    MISSING,
    format_count,
    format_number,
    format_percentage,
    is_missing,
    whole_percentages,
)

WIDTH = 640
MARGIN = 8
FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif"'
LINE = 18
BAR = 24
WRAP = 78


@dataclass(frozen=True)
class Bar:
    """One bar: its label, its value(s) in % (None = hidden) and optionally its n."""

    label: str
    values: tuple[float | None, ...]
    n: int | None = None


@dataclass(frozen=True)
class ChartTable:
    """The data behind a chart as text cells: caption, header row and body rows."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def _chart_id(chart_id: str | None, *parts) -> str:
    if chart_id:
        return safe_id(chart_id)
    return safe_id(hashlib.sha1(repr(parts).encode(), usedforsecurity=False).hexdigest()[:10])


def _open(cid: str, height: float, title: str, desc: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" role="img" '
        f'aria-labelledby="{cid}-title {cid}-desc" class="chart" {FONT} font-size="14">'
        f'<title id="{cid}-title">{esc(title)}</title><desc id="{cid}-desc">{esc(desc)}</desc>'
        f'<rect width="{WIDTH}" height="{height:.0f}" fill="{BACKGROUND}"/>'
    )


def _label_lines(text: str, x: float, y: float) -> tuple[str, float]:
    """A wrapped label as <text> lines from y; returns the markup and the y below it."""
    lines = textwrap.wrap(str(text), WRAP) or [""]
    out = "".join(
        f'<text x="{x}" y="{y + (i + 1) * LINE - 4:.0f}" fill="{TEXT}">{esc(line)}</text>'
        for i, line in enumerate(lines)
    )
    return out, y + len(lines) * LINE


def _value_label(x: float, y: float, text: str) -> str:
    """A value in dark text on a white pill, readable on any fill."""
    width = 8 + 8 * len(text)
    return (
        f'<rect x="{x - width / 2:.1f}" y="{y - 9:.1f}" width="{width}" height="18" rx="4" '
        f'fill="{BACKGROUND}"/><text x="{x:.1f}" y="{y + 5:.1f}" text-anchor="middle" '
        f'font-size="13" fill="{TEXT}">{esc(text)}</text>'
    )


def _legend(cid: str, categories: Sequence[str], y: float) -> tuple[str, float]:
    parts, x = [], MARGIN
    for i, name in enumerate(categories):
        width = 28 + 7.5 * len(str(name))
        if x + width > WIDTH - MARGIN and x > MARGIN:
            x, y = MARGIN, y + LINE + 6
        parts.append(
            f'<rect x="{x}" y="{y + 2}" width="16" height="16" fill="url(#{cid}-p{i})" '
            f'stroke="{TEXT}" stroke-width="1"/><text x="{x + 22}" y="{y + 15}" '
            f'fill="{TEXT}">{esc(name)}</text>'
        )
        x += width + 12
    return "".join(parts), y + LINE + 10


def stacked_bars_svg(
    bars: Sequence[Bar],
    categories: Sequence[str],
    *,
    title: str,
    desc: str,
    not_shown: str,
    chart_id: str | None = None,
) -> str:
    """Horizontal 100 % bars, one per item, one patterned segment per category, legend on top; a hidden bar
    reads "– " and ``not_shown`` (the caller's words)."""
    cid = _chart_id(chart_id, title, bars, categories)
    legend, y = _legend(cid, categories, MARGIN)
    body, span = [], WIDTH - 2 * MARGIN
    for bar in bars:
        label, y = _label_lines(bar.label + _n_suffix(bar.n), MARGIN, y)
        body.append(label)
        if all(is_missing(v) for v in bar.values):
            body.append(f'<text x="{MARGIN}" y="{y + 16}" fill="{MUTED_TEXT}">{esc(f"{MISSING} {not_shown}")}</text>')
        x = MARGIN
        for i, value in enumerate(bar.values):
            if is_missing(value) or value <= 0:
                continue
            width = span * value / 100
            body.append(
                f'<rect x="{x:.2f}" y="{y}" width="{width:.2f}" height="{BAR}" '
                f'fill="url(#{cid}-p{i})" stroke="{BACKGROUND}" stroke-width="1.5"/>'
            )
            if width >= 44:
                body.append(_value_label(x + width / 2, y + BAR / 2, format_percentage(value)))
            x += width
        y += BAR + 12
    return _open(cid, y + MARGIN, title, desc) + pattern_defs(cid, len(categories)) + legend + "".join(body) + "</svg>"


def _n_suffix(n: int | None) -> str:
    return "" if n is None or is_missing(n) else f" (n = {format_count(n)})"


def stacked_bars_table(bars: Sequence[Bar], categories: Sequence[str], *, title: str, first_column: str) -> ChartTable:
    """The numbers of a stacked bar chart: one row per bar, a column per category, then n; ``first_column``
    heads the bars' labels (the caller's word: "Vraag")."""
    rows = tuple(
        (
            bar.label,
            *(format_percentage(v) for v in bar.values),
            MISSING if bar.n is None or is_missing(bar.n) else format_count(bar.n),
        )
        for bar in bars
    )
    return ChartTable(title, (first_column, *categories, "n"), rows)


def bars_svg(
    bars: Sequence[Bar],
    *,
    title: str,
    desc: str,
    not_shown: str,
    maximum: float = 100.0,
    unit: str = "%",
    chart_id: str | None = None,
) -> str:
    """Simple horizontal bars of one value each (a percentage by default), value at the bar's end; a hidden
    value reads "– " and ``not_shown`` (the caller's words)."""
    cid = _chart_id(chart_id, title, bars, maximum, unit)
    y, body, span = MARGIN, [], WIDTH - 2 * MARGIN - 70
    for bar in bars:
        label, y = _label_lines(bar.label + _n_suffix(bar.n), MARGIN, y)
        body.append(label)
        value = bar.values[0] if bar.values else None
        body.append(
            f'<rect x="{MARGIN}" y="{y}" width="{span}" height="{BAR}" fill="none" stroke="{TRACK}" stroke-width="1"/>'
        )
        if is_missing(value):
            text, end = f"{MISSING} {not_shown}", MARGIN + 6
        else:
            width = span * max(0.0, min(float(value), maximum)) / maximum
            body.append(f'<rect x="{MARGIN}" y="{y}" width="{width:.2f}" height="{BAR}" fill="url(#{cid}-p0)"/>')
            text, end = _value_text(value, unit), MARGIN + width + 6
        body.append(f'<text x="{end:.1f}" y="{y + 17}" fill="{TEXT}">{esc(text)}</text>')
        y += BAR + 12
    return _open(cid, y + MARGIN, title, desc) + pattern_defs(cid, 1) + "".join(body) + "</svg>"


def _value_text(value, unit: str) -> str:
    if is_missing(value):
        return MISSING
    return format_percentage(value) if unit == "%" else f"{format_number(value, 1)}{unit}"


def bars_table(
    bars: Sequence[Bar], *, title: str, first_column: str, value_column: str = "%", unit: str = "%"
) -> ChartTable:
    """The numbers of a simple bar chart: label, value, n; ``first_column`` heads the labels (the caller's word)."""
    rows = tuple(
        (
            bar.label,
            _value_text(bar.values[0] if bar.values else None, unit),
            MISSING if bar.n is None or is_missing(bar.n) else format_count(bar.n),
        )
        for bar in bars
    )
    return ChartTable(title, (first_column, value_column, "n"), rows)


def distribution_bars(distribution, scale, labels=None) -> tuple[list[Bar], list[str]]:
    """Bars and category names for :func:`stacked_bars_svg` from a :func:`analysis.scores.items.distributions`
    frame: the substantive options of ``scale`` in order (escapes left out, as in the headline), as whole
    percentages whose positive parts add up to the headline (:func:`analysis.scores.numbers.whole_percentages`)."""
    labels = labels or {}
    codes = list(scale.substantive_codes)
    positive = [i for i, c in enumerate(codes) if c in scale.positive_codes]
    bars = []
    for item, part in distribution.groupby("item_code", sort=False):
        count = dict(zip(part["code"], part["count"], strict=True))
        counts = [int(count.get(c, 0)) for c in codes]
        values = tuple(float(v) for v in whole_percentages(counts, positive)) if sum(counts) else (None,) * len(codes)
        bars.append(Bar(labels.get(item, item), values, sum(counts)))
    return bars, [scale.label_for(c) for c in codes]
