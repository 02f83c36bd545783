"""Template filters for the programme pages: labels, Dutch numbers, money, rounds and periods."""

from analysis.scores.numbers import format_percentage
from forms.fields import decimal_text
from survey.i18n import number, period_name
from survey.programmes.labels import label


def money(value) -> str:
    """€ 7.200.000 (whole euros, Dutch thousands separator)."""
    return "–" if value is None else "€ " + number(value, 0)


def percent(value) -> str:
    """62 %: the report's own formatting (half away from zero), so page and report agree."""
    return format_percentage(value)


def round_label(round_: str) -> str:
    """A report round as people say it: "april 2026"."""
    return period_name(round_)


def period_label(period: str | None) -> str:
    """Months read "maart 2026", quarters "1e kwartaal 2026" (``survey.i18n.period_name``)."""
    return period_name(period)


def register_filters(bp) -> None:
    for name, function in (
        ("label", label),
        ("money", money),
        ("percent", percent),
        ("round_label", round_label),
        ("period_label", period_label),
        ("figure", decimal_text),
    ):
        bp.add_app_template_filter(function, name)
