"""Fieldwork figures from the participation ledger: invited, started, completed and response, per day and
per background category, and live-poll counts, with small cells hidden.

This is where tracking and live polls meet the small-cell rules: per category and per poll option the
counts go through :func:`analysis.suppression.core.protect_counts`, with the same rules as every
breakdown of respondents (the total is published, so complements are hidden too).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from analysis.suppression.core import Note, Policy, Reason, open_answers_allowed, protect_counts, protect_one_way


@dataclass(frozen=True)
class LedgerRow:
    """One invitee as the ledger keeps it: the day of the invitation, and only whether they started and
    finished (the days of starting and finishing are counted per survey, see ``DayCount``)."""

    invited_on: date | None
    started: bool
    completed: bool
    background: Mapping[str, str]


@dataclass(frozen=True)
class DayCount:
    """How many invitees started and finished on one day (counts only, no invitee)."""

    day: date
    started: int
    completed: int


@dataclass(frozen=True)
class Day:
    day: date
    invited: int
    started: int
    completed: int
    #: completed so far divided by invited so far, in percent (None before anyone was invited)
    response_so_far: float | None


@dataclass(frozen=True)
class Group:
    """One category of a background variable; hidden counts are None, and ``reasons`` says why per count
    ("invited", "started", "completed"): a small count, or a complement of one."""

    variable: str
    category: str
    invited: int | None
    started: int | None
    completed: int | None
    response: float | None
    reasons: Mapping[str, Reason] = field(default_factory=dict)


@dataclass(frozen=True)
class Totals:
    invitees: int
    invited: int
    started: int
    completed: int
    response: float | None


def percent(part: int | None, whole: int | None) -> float | None:
    if part is None or not whole:
        return None
    return 100.0 * part / whole


def totals(rows: Iterable[LedgerRow]) -> Totals:
    rows = list(rows)
    invited = sum(1 for r in rows if r.invited_on)
    completed = sum(1 for r in rows if r.completed)
    return Totals(
        invitees=len(rows),
        invited=invited,
        started=sum(1 for r in rows if r.started),
        completed=completed,
        response=percent(completed, invited),
    )


def per_day(rows: Iterable[LedgerRow], counts: Iterable[DayCount] = ()) -> list[Day]:
    """Every day on which something happened, oldest first, with the cumulative response: invitations
    from the ledger rows, starts and completions from the daily counters."""
    invited, started, completed = Counter(), Counter(), Counter()
    for r in rows:
        invited[r.invited_on] += bool(r.invited_on)
    for c in counts:
        started[c.day] += c.started
        completed[c.day] += c.completed
    days = sorted(d for d in set(invited) | set(started) | set(completed) if d is not None)
    result, total_invited, total_completed = [], 0, 0
    for day in days:
        total_invited += invited[day]
        total_completed += completed[day]
        result.append(Day(day, invited[day], started[day], completed[day], percent(total_completed, total_invited)))
    return result


def per_category(rows: Iterable[LedgerRow], variable: str, k: int) -> list[Group]:
    """Invited, started, completed and response per category of one background variable, small cells hidden.

    A category with fewer than k invitees is not shown on its own; completed and started counts below k are
    hidden (and the response with them), as in every breakdown of respondents."""
    invited, started, completed = Counter(), Counter(), Counter()
    for r in rows:
        if not r.invited_on:
            continue
        category = (r.background or {}).get(variable) or ""
        invited[category] += 1
        started[category] += r.started
        completed[category] += r.completed
    categories = [c for c in sorted(invited) if c]
    protections = {
        column: protect_one_way({c: counter[c] for c in categories}, k)
        for column, counter in (("invited", invited), ("started", started), ("completed", completed))
    }
    groups = []
    for c in categories:
        reasons = {column: p.reasons[c] for column, p in protections.items() if p.is_hidden(c)}
        if "invited" in reasons:
            # the whole row goes with its invited count; a count not hidden on its own takes that reason
            reasons = {column: reasons.get(column, reasons["invited"]) for column in protections}
            groups.append(Group(variable, c, None, None, None, None, reasons))
            continue
        shown = {
            column: None if column in reasons else counter[c]
            for column, counter in (("invited", invited), ("started", started), ("completed", completed))
        }
        groups.append(
            Group(
                variable,
                c,
                shown["invited"],
                shown["started"],
                shown["completed"],
                percent(shown["completed"], shown["invited"]),
                reasons,
            )
        )
    return groups


def group_notes(groups: Iterable[Group], k: int) -> tuple[Note, ...]:
    """The notes for under a tracking table: one per reason a count in it is hidden, in the order of
    :class:`Reason` (the caller words them)."""
    used = {reason for g in groups for reason in g.reasons.values()}
    return tuple(Note(r.value, k if r is Reason.SMALL else None) for r in Reason if r in used)


def option_counts(values: Iterable[str | list[str]]) -> Counter:
    """How often each option was chosen (a multiple-choice answer counts for each chosen option)."""
    counts: Counter = Counter()
    for value in values:
        for code in value if isinstance(value, list) else [value]:
            counts[str(code)] += 1
    return counts


@dataclass(frozen=True)
class Bar:
    code: str
    label: str
    count: int | None
    percent: float | None


def poll_bars(options: list[tuple[str, str]], counts: Mapping[str, int], answered: int, k: int) -> list[Bar] | None:
    """Bars for one poll question, or None while fewer than k people answered it; small bars hidden."""
    if not open_answers_allowed(answered, Policy(k=k)):
        return None
    shown = protect_counts({code: counts.get(code, 0) for code, _ in options}, k)
    return [Bar(code, label, shown[code], percent(shown[code], answered)) for code, label in options]
