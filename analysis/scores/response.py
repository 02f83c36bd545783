"""Response figures (*respons*): invited, started, completed, the rates, and the count per day.

The figures come from the participation ledger (who was asked and finished), never from the answers,
and only as counts and dates: exact times are not kept with anonymous answers. A survey with an open
link has no invitation list: ``invited`` is then None and no rate is given.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import pandas as pd


@dataclass(frozen=True)
class ResponseFigures:
    """Invited, started and completed, with the rates in % of invited (None without an invitation list)."""

    invited: int | None
    started: int
    completed: int

    @property
    def pct_started(self) -> float | None:
        """Started as % of invited."""
        return _pct(self.started, self.invited)

    @property
    def pct_completed(self) -> float | None:
        """Completed as % of invited: the response rate (*respons*) reports state."""
        return _pct(self.completed, self.invited)

    @property
    def pct_finished_of_started(self) -> float | None:
        """Completed as % of started: how many who began also finished."""
        return _pct(self.completed, self.started)


def _pct(part: int, whole: int | None) -> float | None:
    return 100.0 * part / whole if whole else None


def response_figures(invited: int | None, started: int, completed: int) -> ResponseFigures:
    """Checked response figures; ValueError when counts are negative or do not nest."""
    if min(started, completed) < 0 or (invited is not None and invited < 0):
        raise ValueError("response counts cannot be negative")
    if completed > started:
        raise ValueError(f"completed ({completed}) is more than started ({started})")
    if invited is not None and started > invited:
        raise ValueError(f"started ({started}) is more than invited ({invited})")
    return ResponseFigures(invited=invited, started=started, completed=completed)


def responses_per_day(
    days: Iterable[date] | pd.Series, invited: int | None = None, start: date | None = None, end: date | None = None
) -> pd.DataFrame:
    """Completed responses per calendar day, with running total and running % of invited.

    ``days`` holds one date per completed response. Days without responses between ``start`` (or the
    first response) and ``end`` (or the last) are listed with 0, so a chart shows the quiet days too.
    """
    dates = pd.to_datetime(
        pd.Series(list(days) if not isinstance(days, pd.Series) else days), errors="raise"
    ).dt.normalize()
    columns = ["day", "count", "cumulative", "cumulative_pct"]
    if dates.empty and (start is None or end is None):
        return pd.DataFrame(columns=columns)
    first = pd.Timestamp(start) if start is not None else dates.min()
    last = pd.Timestamp(end) if end is not None else dates.max()
    index = pd.date_range(first, last, freq="D")
    counts = dates.value_counts().reindex(index, fill_value=0).astype("int64")
    frame = pd.DataFrame({"day": index.date, "count": counts.to_numpy()})
    frame["cumulative"] = frame["count"].cumsum()
    frame["cumulative_pct"] = 100.0 * frame["cumulative"] / invited if invited else float("nan")
    return frame[columns]
