"""The rules of small-cell protection (see the package docstring for what they protect), on cells:
:func:`protect_cells`, :func:`protect_counts`; applied to DataFrames in ``tables``."""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

import numpy as np

MIN_K = 5
DEFAULT_K = 10
DEFAULT_SIGNAL = 30
ROUND_TO = 5
#: the total row and column of a cross table (:func:`~analysis.suppression.tables.protect_crosstab`): a key, never
#: shown; the caller names it in its reader's language (``total_label``) or renames it at the edge
CROSSTAB_TOTAL = "__total__"

Key = Hashable
Group = tuple[Key, Sequence[Key]]


class Reason(StrEnum):
    """Why a cell is hidden."""

    SMALL = "small"
    COMPLEMENT = "complement"
    TOTAL = "total"
    WITHHELD = "withheld"


#: the note keys beside the reasons: published counts are rounded, a shown cell is a signal
ROUNDED = "rounded"
SIGNAL = "signal"


class Note(NamedTuple):
    """A line for under a protected table, as a code: analysis has no language, the caller words it
    (``survey.protection_notes``). ``key`` is a :class:`Reason` value, :data:`ROUNDED` or
    :data:`SIGNAL`; ``n`` is the threshold the line names (k for a small cell, the signal threshold)."""

    key: str
    n: int | None = None


@dataclass(frozen=True)
class Policy:
    """Threshold k (never below 5), the signal threshold and whether the output is public."""

    k: int = DEFAULT_K
    signal_below: int = DEFAULT_SIGNAL
    public: bool = False
    round_to: int = ROUND_TO

    def __post_init__(self):
        # clamp instead of refusing: a setting of 3 must still give a safe table
        object.__setattr__(self, "k", max(MIN_K, int(self.k)))
        object.__setattr__(self, "signal_below", max(self.k, int(self.signal_below)))
        object.__setattr__(self, "round_to", max(1, int(self.round_to)))


@dataclass(frozen=True)
class HiddenCell:
    """A hidden cell of a table and the reason."""

    key: Key
    reason: Reason


@dataclass(frozen=True)
class Protection:
    """Outcome of :func:`protect_cells`: hidden cells with reasons, in the order they were hidden."""

    hidden: tuple[HiddenCell, ...]
    policy: Policy
    reasons: Mapping[Key, Reason] = field(default_factory=dict, compare=False)

    def is_hidden(self, key: Key) -> bool:
        """True when the cell must not be shown."""
        return key in self.reasons

    def notes(self, signals: bool = False) -> tuple[Note, ...]:
        """The notes for under the table, in this order: one per reason that occurs, rounding, signals."""
        used = {c.reason for c in self.hidden}
        lines = [Note(r.value, self.policy.k if r is Reason.SMALL else None) for r in Reason if r in used]
        if self.policy.public:
            lines.append(Note(ROUNDED))
        if signals:
            lines.append(Note(SIGNAL, self.policy.signal_below))
        return tuple(lines)


def protect_cells(
    counts: Mapping[Key, int],
    groups: Iterable[Group],
    policy: Policy = Policy(),
    exempt: Iterable[Key] = (),
    fixed: Iterable[Key] = (),
) -> Protection:
    """Decide which cells to hide; ``groups`` are (total, members) with total = sum(members).

    ``exempt`` cells are never hidden for being small (the overall total, which the response figures
    publish anyway); ``fixed`` cells are published elsewhere and can never be hidden.
    """
    solver = _Solver(counts, groups, policy.k, fixed)
    exempt = set(exempt) | solver.fixed
    for key, n in counts.items():
        if key not in exempt and below_k(n, policy):
            solver.hidden[key] = Reason.SMALL
    solver.run()
    hidden = solver.hidden
    return Protection(hidden=tuple(HiddenCell(k, r) for k, r in hidden.items()), policy=policy, reasons=dict(hidden))


TOTAL_KEY = ("__total__",)


def protect_counts(counts: Mapping[Key, int], policy: Policy | int = Policy()) -> dict[Key, int | None]:
    """A one-way breakdown whose total is published (tracking per gemeente, the bars of a live poll):
    each count, or None where hidden by :func:`protect_cells` (small cells and their complements)."""
    protection = protect_one_way(counts, policy)
    return {key: None if protection.is_hidden(key) else int(n) for key, n in counts.items()}


def protect_one_way(counts: Mapping[Key, int], policy: Policy | int = Policy()) -> Protection:
    """:func:`protect_counts` with the reasons: which counts are hidden and why (a small count, or a
    complement hidden so that a small count cannot be worked out from the published total)."""
    policy = policy if isinstance(policy, Policy) else Policy(k=policy)
    cells = dict(counts)
    cells[TOTAL_KEY] = sum(cells.values())
    return protect_cells(cells, [(TOTAL_KEY, list(counts))], policy, exempt={TOTAL_KEY}, fixed={TOTAL_KEY})


class _Solver:
    """The group rules, the audit and the choice of complements, on one table's cells."""

    def __init__(self, counts: Mapping[Key, int], groups: Iterable[Group], k: int, fixed: Iterable[Key]):
        self.counts, self.k, self.fixed = counts, k, set(fixed)
        self.groups = [(total, tuple(members)) for total, members in groups]
        _check(counts, self.groups)
        self.groups_of: dict[Key, list[int]] = {}
        for i, (total, members) in enumerate(self.groups):
            for key in (total, *members):
                self.groups_of.setdefault(key, []).append(i)
        self.hidden: dict[Key, Reason] = {}

    def run(self) -> None:
        """Apply the group rules until stable, then audit; repeat until nothing is derivable."""
        while True:
            if self._apply_group_rules():
                continue
            exposed = derivable(self.counts, self.groups, self.hidden)
            if not exposed:
                return
            if not self._audit_fix(exposed):
                self._withhold(exposed)
                return

    def _needs(self, i: int, extra: Key | None = None) -> bool:
        """Does group i reveal a hidden member (or its hidden total) with ``extra`` hidden too?"""
        total, members = self.groups[i]
        hid = [m for m in members if m in self.hidden or m == extra]
        if total in self.hidden or total == extra:
            return not hid and any(self.counts[m] > 0 for m in members)
        return bool(hid) and (len(hid) == 1 or sum(self.counts[m] for m in hid) < self.k)

    def _apply_group_rules(self) -> bool:
        changed = False
        for i in range(len(self.groups)):
            if self._needs(i) and self._hide_best([i]):
                changed = True
        return changed

    def _options(self, group_ids: Iterable[int]) -> list[tuple]:
        """Hideable cells of these groups, cheapest first: members before totals, then the fewest
        new problems hiding it creates in its other groups, then the smallest count."""
        options = []
        for i in dict.fromkeys(group_ids):
            total, members = self.groups[i]
            for position, key in enumerate(members):
                if key not in self.hidden and key not in self.fixed and self.counts[key] > 0:
                    cost = self._cost(key, i)
                    options.append((0, cost, self.counts[key], position, key, Reason.COMPLEMENT))
            if total not in self.hidden and total not in self.fixed:
                options.append((1, self._cost(total, i), self.counts[total], 0, total, Reason.TOTAL))
        return sorted(options, key=lambda o: o[:4])

    def _hide_best(self, group_ids: list[int]) -> bool:
        options = self._options(group_ids)
        if options:
            *_, key, reason = options[0]
            self.hidden[key] = reason
        return bool(options)

    def _audit_fix(self, exposed: set[Key]) -> bool:
        """Hide the first candidate that leaves fewer cells derivable: first from the groups of the
        exposed cells, then from any group that holds a hidden cell (overlapping groupings)."""
        direct = [i for key in exposed for i in self.groups_of.get(key, [])]
        touching = [
            i
            for i, (total, members) in enumerate(self.groups)
            if total in self.hidden or any(m in self.hidden for m in members)
        ]
        first = self._options(direct)
        seen = {o[-2] for o in first}
        options = first + [o for o in self._options(touching) if o[-2] not in seen]
        for option in options:
            key, reason = option[-2], option[-1]
            self.hidden[key] = reason
            if len(derivable(self.counts, self.groups, self.hidden)) < len(exposed):
                return True
            del self.hidden[key]
        if options:
            self.hidden[options[0][-2]] = options[0][-1]
        return bool(options)

    def _cost(self, key: Key, own: int) -> int:
        return sum(1 for j in self.groups_of[key] if j != own and self._needs(j, extra=key))

    def _withhold(self, exposed: set[Key]) -> None:
        """No complement left: hide every hideable cell of the groups involved."""
        for i in {i for key in exposed for i in self.groups_of.get(key, [])}:
            total, members = self.groups[i]
            for key in (total, *members):
                if key not in self.fixed and self.counts[key] > 0:
                    self.hidden.setdefault(key, Reason.WITHHELD)
        for key in exposed:
            self.hidden[key] = Reason.WITHHELD


def _check(counts: Mapping[Key, int], groups: list[Group]) -> None:
    negative = [k for k, n in counts.items() if n < 0]
    if negative:
        raise ValueError(f"negative counts for {negative[:3]}")
    for total, members in groups:
        missing = [m for m in (total, *members) if m not in counts]
        if missing:
            raise ValueError(f"group {total!r} refers to cells without a count: {missing[:3]}")
        if sum(counts[m] for m in members) != counts[total]:
            raise ValueError(f"cells of {total!r} do not add up to its total")


def derivable(counts: Mapping[Key, int], groups: Iterable[Group], hidden: Iterable[Key]) -> set[Key]:
    """Hidden cells whose exact value follows from the visible cells and the group equations.

    Each group gives total - sum(members) = 0; moving the visible values to the right leaves a linear
    system in the hidden cells. A hidden cell is determined exactly when every solution agrees on
    it, i.e. its coordinate is zero in every null-space vector of the system.
    """
    hidden = set(hidden)
    unknown = [k for k in counts if k in hidden]
    if not unknown:
        return set()
    column = {key: i for i, key in enumerate(unknown)}
    rows = []
    for total, members in groups:
        row = np.zeros(len(unknown))
        for key, sign in ((total, 1.0), *((m, -1.0) for m in members)):
            if key in column:
                row[column[key]] += sign
        if row.any():
            rows.append(row)
    if not rows:
        return set()
    matrix = np.vstack(rows)
    _, singular, vt = np.linalg.svd(matrix)
    rank = int((singular > 1e-9).sum())
    null = vt[rank:]
    if null.shape[0] == 0:
        return set(unknown)
    return {key for key, i in column.items() if np.all(np.abs(null[:, i]) < 1e-9)}


def round_public(n: int, base: int = ROUND_TO) -> int:
    """A count rounded half up to a multiple of ``base`` (12 -> 10, 13 -> 15, 0 stays 0)."""
    return int(base * ((2 * int(n) + base) // (2 * base)))


def shown_count(n: int, hidden: bool, policy: Policy) -> int | None:
    """The count as published: None when hidden, rounded to a multiple of 5 when public."""
    if hidden:
        return None
    return round_public(n, policy.round_to) if policy.public else int(n)


def below_k(n: int, policy: Policy = Policy()) -> bool:
    """The threshold (rule 1): a group of 1 to k - 1 people is too small to show; 0 says nothing about anyone."""
    return 0 < int(n) < policy.k


def open_answers_allowed(n: int, policy: Policy = Policy()) -> bool:
    """Open answers (even scrubbed quotes) may be shown for a group only when it has at least k people."""
    return int(n) >= policy.k


def is_signal(n: int, hidden: bool, policy: Policy) -> bool:
    """A shown, non-empty cell under the signal threshold: report it as indicative."""
    return not hidden and 0 < n < policy.signal_below
