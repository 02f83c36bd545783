"""The chart of one target: a number line with baseline, goal and the current figure where it really
lies, an arrow to the better side, and, with two or more periods, the figure per period as a line.

Same conventions as ``analysis.charts.bars``: ``<svg role="img">`` named by title and description,
viewBox only, dark text on white, patterns beside colours; ``target_table`` gives the same numbers
as rows. Whether more or less is better comes from the target's direction (``analysis.programmes.targets``), so
a waiting time going from 10 to 6 weeks, now 7,5, is drawn between 10 and 6, not past the goal.

The chart has no words of its own: the caller gives them (:class:`TargetWords`) and the sentence on top, in
the reader's language (``survey.programmes.target_words``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from analysis.charts.bars import FONT, LINE, MARGIN, WIDTH, ChartTable, _chart_id, _label_lines
from analysis.charts.style import BACKGROUND, MUTED_TEXT, TEXT, esc, pattern_defs
from analysis.programmes.targets import UPWARD, Direction, TargetState
from analysis.scores.numbers import MISSING, format_amount, format_percentage

AXIS_Y = 92
TREND_TOP = 150
TREND_HEIGHT = 150


@dataclass(frozen=True)
class TargetFigures:
    """Everything the chart and its table show about one target."""

    baseline: Decimal | None
    target: Decimal
    direction: str
    state: TargetState
    value: Decimal | None
    period: str | None
    unit: str = ""
    series: tuple[tuple[str, Decimal], ...] = ()


@dataclass(frozen=True)
class TargetWords:
    """The words in a target chart. ``goal``, ``baseline`` and ``now`` mark a figure on the number line and
    hold ``%(amount)s``; ``goal_line`` and ``baseline_line`` label the horizontal lines of the trend."""

    better: str
    goal: str
    baseline: str
    now: str
    goal_line: str
    baseline_line: str
    #: the title above the figure per period
    trend: str


def _x(value, lo: float, hi: float) -> float:
    span = WIDTH - 2 * MARGIN - 40
    return MARGIN + 20 + span * (float(value) - lo) / ((hi - lo) or 1.0)


def _bounds(fig: TargetFigures) -> tuple[float, float]:
    points = [float(fig.target)] + [float(v) for _p, v in fig.series]
    for extra in (fig.state.start, fig.value):
        if extra is not None:
            points.append(float(extra))
    lo, hi = min(points), max(points)
    pad = (hi - lo) * 0.08 or max(abs(hi), 1.0) * 0.1
    return (0.0 if lo >= 0 and lo - pad < 0 else lo - pad), hi + pad


def _mark_label(x: float, y: float, text: str, anchor: str = "middle", bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    x = min(max(x, MARGIN + 4 * len(text)), WIDTH - MARGIN - 4 * len(text)) if anchor == "middle" else x
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{TEXT}"{weight}>{esc(text)}</text>'


def _number_line(cid: str, fig: TargetFigures, words: TargetWords, lo: float, hi: float) -> str:
    y, unit = AXIS_Y, fig.unit
    parts = [f'<path d="M{MARGIN + 10},{y} H{WIDTH - MARGIN - 10}" stroke="{MUTED_TEXT}" stroke-width="1.5"/>']
    goal_x = _x(fig.target, lo, hi)
    if fig.state.start is not None and fig.value is not None:
        a, b = sorted((_x(fig.state.start, lo, hi), _x(fig.value, lo, hi)))
        parts.append(
            f'<rect x="{a:.2f}" y="{y - 9}" width="{max(b - a, 1):.2f}" height="18" '
            f'fill="url(#{cid}-p0)" stroke="{TEXT}" stroke-width="0.5"/>'
        )
    upward = Direction(fig.direction) in UPWARD
    better, x, anchor = (
        (f"{words.better} \u2192", WIDTH - MARGIN - 10, "end")
        if upward
        else (f"\u2190 {words.better}", MARGIN + 10, "start")
    )
    parts.append(
        f'<text x="{x}" y="{y - 44}" text-anchor="{anchor}" fill="{MUTED_TEXT}" font-size="12">{esc(better)}</text>'
    )
    parts.append(f'<path d="M{goal_x:.2f},{y - 20} V{y + 20}" stroke="{TEXT}" stroke-width="3"/>')
    parts.append(_mark_label(goal_x, y + 38, _with_amount(words.goal, fig.target, unit), bold=True))
    if fig.state.start is not None:
        base_x = _x(fig.state.start, lo, hi)
        parts.append(
            f'<path d="M{base_x:.2f},{y - 14} V{y + 14}" stroke="{TEXT}" stroke-width="1.5" stroke-dasharray="3 2"/>'
        )
        below = y + 38 if abs(base_x - goal_x) > 110 else y + 56
        parts.append(_mark_label(base_x, below, _with_amount(words.baseline, fig.state.start, unit)))
    if fig.value is not None:
        now_x = _x(fig.value, lo, hi)
        parts.append(f'<circle cx="{now_x:.2f}" cy="{y}" r="7" fill="{TEXT}" stroke="{BACKGROUND}" stroke-width="2"/>')
        parts.append(_mark_label(now_x, y - 26, _with_amount(words.now, fig.value, unit), bold=True))
    return "".join(parts)


def _with_amount(template: str, value, unit: str) -> str:
    """One of the caller's marks ("doel %(amount)s") with the figure in it."""
    return template % {"amount": format_amount(value, unit)}


def _trend(fig: TargetFigures, words: TargetWords, lo: float, hi: float) -> str:
    """The figure per period as a line, with the goal (and baseline) as horizontal lines."""
    top, height = TREND_TOP + 24, TREND_HEIGHT - 40
    left, right = MARGIN + 70, WIDTH - MARGIN - 30

    def y_of(value) -> float:
        return top + height - height * (float(value) - lo) / ((hi - lo) or 1.0)

    title = words.trend + (f" ({fig.unit})" if fig.unit and fig.unit != "%" else "")
    parts = [f'<text x="{MARGIN}" y="{TREND_TOP + 12}" fill="{TEXT}">{esc(title)}</text>']
    line_ys = []
    lines = ((fig.target, words.goal_line, ""), (fig.state.start, words.baseline_line, ' stroke-dasharray="3 2"'))
    for value, label, dash in lines:
        if value is None:
            continue
        yy = y_of(value)
        line_ys.append(yy)
        parts.append(
            f'<path d="M{left},{yy:.1f} H{right}" stroke="{MUTED_TEXT}" stroke-width="1.5"{dash}/>'
            f'<text x="{left - 6}" y="{yy + 4:.1f}" text-anchor="end" fill="{MUTED_TEXT}" '
            f'font-size="12">{esc(label)}</text>'
        )
    step = (right - left - 60) / max(len(fig.series) - 1, 1)
    points = [(left + 30 + i * step, y_of(v), period, v) for i, (period, v) in enumerate(fig.series)]
    path = " ".join(f"{'M' if i == 0 else 'L'}{x:.1f},{y:.1f}" for i, (x, y, _p, _v) in enumerate(points))
    parts.append(f'<path d="{path}" fill="none" stroke="{TEXT}" stroke-width="2.5"/>')
    two_lines = step < 8 * max((len(p) for _x, _y, p, _v in points), default=0)
    for x, y, period, value in points:
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{TEXT}"/>')
        parts.append(_mark_label(x, _value_label_y(y, line_ys), format_amount(value)))
        if two_lines and " " in period:  # "3e kwartaal" above "2026" where the periods stand close
            first, last = period.rsplit(" ", 1)
            parts.append(_mark_label(x, top + height + 22, first) + _mark_label(x, top + height + 38, last))
        else:
            parts.append(_mark_label(x, top + height + 26, period))
    return "".join(parts)


def _value_label_y(y: float, line_ys: list[float]) -> float:
    """The baseline of a point's figure: above the point, or below it where a goal or baseline line
    would run through the text (the text spans about 11 px above its baseline)."""
    for candidate in (y - 10, y + 20, y - 24):
        if all(not (candidate - 13 <= ly <= candidate + 3) for ly in line_ys):
            return candidate
    return y - 10


def target_svg(
    fig: TargetFigures, *, title: str, desc: str, sentence: str, words: TargetWords, chart_id: str | None = None
) -> str:
    """The target's number line, and its trend line when there are two or more periods; ``sentence`` is the
    line on top (where the figure stands, in the caller's words), ``words`` the marks and labels."""
    cid = _chart_id(chart_id, title, fig)
    lo, hi = _bounds(fig)
    top, below = _label_lines(sentence, MARGIN, MARGIN + 2)
    shift = below - (MARGIN + 2 + LINE)  # a sentence too long for one line pushes the chart down
    height = AXIS_Y + 70 + (TREND_HEIGHT + 22 if len(fig.series) >= 2 else 0) + shift
    drawing = _number_line(cid, fig, words, lo, hi) + (_trend(fig, words, lo, hi) if len(fig.series) >= 2 else "")
    body = [top, f'<g transform="translate(0 {shift:.0f})">{drawing}</g>' if shift else drawing]
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" role="img" '
        f'aria-labelledby="{cid}-title {cid}-desc" class="chart" {FONT} font-size="14">'
        f'<title id="{cid}-title">{esc(title)}</title><desc id="{cid}-desc">{esc(desc)}</desc>'
        f'<rect width="{WIDTH}" height="{height:.0f}" fill="{BACKGROUND}"/>'
        + pattern_defs(cid, 1)
        + "".join(body)
        + "</svg>"
    )


#: row keys of the table, in order; the caller gives them, and the header ("", "value"), their labels
TABLE_KEYS = ("baseline", "target", "reached", "way")


def target_table(fig: TargetFigures, *, title: str) -> ChartTable:
    """The numbers of the chart: baseline, goal, the latest figure, % of the way, then every period."""
    rows: list[tuple[str, str]] = [
        ("baseline", MISSING if fig.state.start is None else format_amount(fig.state.start, fig.unit)),
        ("target", format_amount(fig.target, fig.unit)),
        ("reached", format_amount(fig.value, fig.unit)),
        ("way", format_percentage(fig.state.percent)),
    ]
    rows += [(period, format_amount(value, fig.unit)) for period, value in fig.series]
    return ChartTable(title, ("", "value"), tuple(rows))


def series_text(series: Sequence[tuple[str, Decimal]], unit: str = "") -> str:
    """98 → 38 → 57: the figures per period in one line."""
    return " \u2192 ".join(format_amount(value, unit) for _period, value in series)
