"""Reporting periods of the monitor: months ("2026-03") and quarters ("2026-K1").

Pure: strings, dates and numbers in and out. Used when reading uploads, when a project leader reports,
and by the reminders that follow the programme's report schedule.
"""

import re
from datetime import date, datetime

MONTH = "month"
QUARTER = "quarter"
PERIOD_TYPES = (MONTH, QUARTER)

_MONTH_NAMES = {
    "jan": 1,
    "januari": 1,
    "feb": 2,
    "februari": 2,
    "mrt": 3,
    "maa": 3,
    "maart": 3,
    "apr": 4,
    "april": 4,
    "mei": 5,
    "jun": 6,
    "juni": 6,
    "jul": 7,
    "juli": 7,
    "aug": 8,
    "augustus": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "okt": 10,
    "oct": 10,
    "oktober": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_QUARTER_PATTERNS = (
    re.compile(r"^(?P<y>\d{4})\s*[-/ ]?\s*[kq](?P<q>[1-4])$", re.I),
    re.compile(r"^[kq](?P<q>[1-4])\s*[-/ ]?\s*(?P<y>\d{4})$", re.I),
    re.compile(r"^(?P<y>\d{4})\s*[-/ ]\s*(?:kwartaal|quarter)\s*(?P<q>[1-4])$", re.I),
)
_MONTH_PATTERNS = (
    re.compile(r"^(?P<y>\d{4})\s*[-/.]\s*(?P<m>\d{1,2})$"),
    re.compile(r"^(?P<m>\d{1,2})\s*[-/.]\s*(?P<y>\d{4})$"),
    re.compile(r"^(?P<name>[a-z]{3,9})\.?\s*[-/ ]?\s*(?P<y>\d{4})$", re.I),
)
_CANONICAL = re.compile(r"^(?P<y>\d{4})-(?:K(?P<q>[1-4])|(?P<m>0[1-9]|1[0-2]))$")
MIN_YEAR, MAX_YEAR = 2000, 2100


def parse_period(value, period_type: str) -> str | None:
    """The canonical period ("2026-K1" or "2026-03") written in any common way, or None."""
    if isinstance(value, datetime | date):
        return f"{value.year:04d}-{value.month:02d}" if period_type == MONTH else None
    text = " ".join(str(value or "").split())
    if period_type == QUARTER:
        return _match_quarter(text)
    return _match_month(text)


def _match_quarter(text: str) -> str | None:
    for pattern in _QUARTER_PATTERNS:
        found = pattern.match(text)
        if found and MIN_YEAR <= int(found["y"]) <= MAX_YEAR:
            return f"{found['y']}-K{found['q']}"
    return None


def _match_month(text: str) -> str | None:
    for pattern in _MONTH_PATTERNS:
        found = pattern.match(text)
        if not found:
            continue
        month = _MONTH_NAMES.get(found["name"].lower()) if "name" in found.groupdict() else int(found["m"])
        if month and 1 <= month <= 12 and MIN_YEAR <= int(found["y"]) <= MAX_YEAR:
            return f"{found['y']}-{month:02d}"
    return None


def period_type_of(period: str) -> str | None:
    """MONTH or QUARTER for a canonical period, None for anything else."""
    found = _CANONICAL.match(period or "")
    if not found:
        return None
    return QUARTER if found["q"] else MONTH


def period_start(period: str) -> date:
    """The first day of a canonical period."""
    found = _CANONICAL.match(period)
    if not found:
        raise ValueError(f"not a period: {period!r}")
    month = (int(found["q"]) - 1) * 3 + 1 if found["q"] else int(found["m"])
    return date(int(found["y"]), month, 1)


def period_end(period: str) -> date:
    """The last day of a canonical period."""
    start = period_start(period)
    months = 3 if period_type_of(period) == QUARTER else 1
    year, month = divmod(start.month - 1 + months, 12)
    following = date(start.year + year, month + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def period_of(day: date, period_type: str) -> str:
    """The period a day falls in."""
    if period_type == QUARTER:
        return f"{day.year:04d}-K{(day.month - 1) // 3 + 1}"
    return f"{day.year:04d}-{day.month:02d}"


def previous_period(period: str) -> str:
    """The period just before this one, of the same type."""
    start = period_start(period)
    day_before = date.fromordinal(start.toordinal() - 1)
    return period_of(day_before, period_type_of(period))


def periods_between(first: str, last: str) -> list[str]:
    """Every period from first to last inclusive (same type); empty when first comes after last."""
    kind = period_type_of(first)
    result, current = [], first
    while period_start(current) <= period_start(last) and len(result) < 1200:
        result.append(current)
        current = period_of(date.fromordinal(period_end(current).toordinal() + 1), kind)
    return result


def schedule_period(day: date, months: list[int] | tuple[int, ...]) -> str | None:
    """The report round a day belongs to: the latest scheduled month on or before the day ("2026-04").

    With months (1, 4, 7, 10) the round of 3 June 2026 is "2026-04" and of 15 February "2026-01";
    in January before the first scheduled month it is the last round of the year before.
    """
    chosen = sorted({m for m in months if 1 <= m <= 12})
    if not chosen:
        return None
    earlier = [m for m in chosen if m <= day.month]
    if earlier:
        return f"{day.year:04d}-{earlier[-1]:02d}"
    return f"{day.year - 1:04d}-{chosen[-1]:02d}"


def measured_period_for_round(round_period: str, period_type: str) -> str:
    """The period whose figures a report round asks for: the last full month or quarter before it."""
    return period_of(date.fromordinal(period_start(round_period).toordinal() - 1), period_type)
