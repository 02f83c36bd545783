"""Time helpers: store UTC, show Europe/Amsterdam."""

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)
