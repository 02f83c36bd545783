"""Dutch UI: locale selection and number/date formats (7,2; 23 november 2026)."""

from datetime import date, datetime

from flask import g
from flask_babel import format_date, format_datetime, format_decimal

#: languages of the platform's own texts; survey content may have more
UI_LOCALES = ("nl",)


def select_locale() -> str:
    return g.get("locale") or "nl"


def number(value, decimals: int = 1) -> str:
    """A number with a Dutch decimal comma and a fixed number of decimals."""
    if value is None:
        return "–"
    fmt = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=fmt)


def long_date(value: date | datetime | None) -> str:
    """23 november 2026."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_datetime(value, "d MMMM y")
    return format_date(value, "d MMMM y")


def date_time(value: datetime | None) -> str:
    """23 november 2026 14:05 (Europe/Amsterdam)."""
    if value is None:
        return ""
    return format_datetime(value, "d MMMM y HH:mm")


def register_i18n(app) -> None:
    from survey.extensions import babel

    babel.init_app(app, locale_selector=select_locale)
    app.jinja_env.filters["number"] = number
    app.jinja_env.filters["long_date"] = long_date
    app.jinja_env.filters["date_time"] = date_time
