"""Template filters for the programme pages: labels, Dutch numbers, money, rounds and periods."""

from datetime import date

from flask_babel import format_date

from analysis.numbers import format_percentage
from analysis.periods import period_start, period_type_of
from forms.programmes import decimal_text
from survey.i18n import number
from survey.programmes.labels import label


def money(value) -> str:
    """€ 7.200.000 (whole euros, Dutch thousands separator)."""
    return "–" if value is None else "€ " + number(value, 0)


def percent(value) -> str:
    """62 %: the report's own formatting (half away from zero), so page and report agree."""
    return format_percentage(value)


def round_label(round_: str) -> str:
    """A report round as people say it: "april 2026"."""
    start = period_start(round_)
    return format_date(date(start.year, start.month, 1), "MMMM y")


def period_label(period: str | None) -> str:
    """"2026-K1" stays as it is (everyone in the field writes quarters so); months read "maart 2026"."""
    if not period:
        return "–"
    return period if period_type_of(period) != "month" else round_label(period)


def register_filters(bp) -> None:
    for name, function in (("label", label), ("money", money), ("percent", percent),
                           ("round_label", round_label), ("period_label", period_label),
                           ("figure", decimal_text)):
        bp.add_app_template_filter(function, name)
