"""The words of a target's chart (``analysis.charts.target``), in the reader's language: the marks on its
number line, the labels of its trend and the sentence on top saying where the figure stands. The chart
draws; these functions word it for the programme pages and the tussenevaluatie."""

from __future__ import annotations

from flask_babel import gettext as _

from analysis.charts.target import TargetFigures, TargetWords
from analysis.scores.numbers import MISSING, format_amount, format_percentage


def target_words() -> TargetWords:
    """The marks and labels of a target chart (the marks keep ``%(amount)s`` for the chart to fill in)."""
    return TargetWords(
        better=_("better"),
        goal=_("target %(amount)s"),
        baseline=_("baseline %(amount)s"),
        now=_("now %(amount)s"),
        goal_line=_("target"),
        baseline_line=_("baseline"),
        trend=_("Course per period"),
    )


def target_sentence(fig: TargetFigures) -> str:
    """'7,5 weken: 63 % van de weg van 10 weken naar 6 weken (3e kwartaal 2026)': the chart's own line."""
    target = format_amount(fig.target, fig.unit)
    if fig.value is None:
        return _("No figure known yet (target %(target)s)", target=target)
    figures = {
        "value": format_amount(fig.value, fig.unit),
        "start": MISSING if fig.state.start is None else format_amount(fig.state.start, fig.unit),
        "target": target,
        "period": fig.period,
    }
    if fig.state.percent is None:
        return _("%(value)s: no baseline from %(start)s to %(target)s (%(period)s)", **figures)
    return _(
        "%(value)s: %(share)s of the way from %(start)s to %(target)s (%(period)s)",
        share=format_percentage(fig.state.percent),
        **figures,
    )
