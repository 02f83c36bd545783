"""Time helpers: store UTC, show Europe/Amsterdam. Dates for people are formatted in ``survey.i18n``."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

#: the one time zone of the platform's days
LOCAL_ZONE = ZoneInfo("Europe/Amsterdam")


def utcnow() -> datetime:
    return datetime.now(UTC)


def local_today() -> date:
    """Today in the Netherlands: the ledger and the answers record days, never times."""
    return datetime.now(LOCAL_ZONE).date()
