"""Small-cell protection applied to DataFrames (the rules on cells are in ``core``): breakdowns with margins,
nested groups, cross tables (:func:`protect_breakdown`, :func:`protect_crosstab`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from analysis.suppression.core import (
    CROSSTAB_TOTAL,
    HiddenCell,
    Note,
    Policy,
    Protection,
    is_signal,
    protect_cells,
    shown_count,
)


@dataclass(frozen=True, eq=False)
class Suppressed:
    """A protected table, safe to show as it is, plus what is hidden and why (hidden, reason, signal)."""

    table: pd.DataFrame
    hidden: tuple[HiddenCell, ...]
    policy: Policy

    @property
    def has_signals(self) -> bool:
        """Any shown cell under the signal threshold."""
        return "signal" in self.table.columns and bool(self.table["signal"].any())

    def notes(self) -> tuple[Note, ...]:
        """The notes for under the table (reasons that occur, rounding, signals), as codes the caller words."""
        return Protection(self.hidden, self.policy).notes(signals=self.has_signals)


def _level_key(row: Sequence, depth: int) -> tuple:
    values = tuple(None if pd.isna(v) else v for v in row)
    set_levels = [v is not None for v in values]
    if any(set_levels[i + 1] and not set_levels[i] for i in range(depth - 1)):
        raise ValueError(f"a finer group is filled in while a coarser one is empty: {values}")
    return values


def _parent(key: tuple) -> tuple | None:
    filled = [i for i, v in enumerate(key) if v is not None]
    if not filled:
        return None
    return tuple(None if i == filled[-1] else v for i, v in enumerate(key))


def _tree(keys: list[tuple], counts: dict) -> list[tuple]:
    """Add missing ancestors (as published sums) and return the (total, members) groups."""
    children: dict[tuple, list[tuple]] = {}
    pending = list(keys)
    while pending:
        key = pending.pop()
        parent = _parent(key)
        if parent is None:
            continue
        if key not in children.get(parent, []):
            children.setdefault(parent, []).append(key)
        if parent not in counts:
            counts[parent] = 0
            pending.append(parent)
    for parent in sorted(children, key=lambda k: -sum(v is not None for v in k)):
        if parent not in keys:  # implicit margin: the sum of its members
            counts[parent] = sum(counts[c] for c in children[parent])
    return [(parent, members) for parent, members in children.items()]


def protect_breakdown(
    frame: pd.DataFrame,
    levels: Sequence[str],
    *,
    n: str = "n",
    tables: Sequence[str] = (),
    counts: Sequence[str] = (),
    mask: Sequence[str] = ("pct",),
    policy: Policy = Policy(),
) -> Suppressed:
    """Protect a breakdown whose margin rows have empty finer levels (the total has all levels empty).

    ``levels`` go from coarse to fine (``["gemeente"]`` or ``["subregio", "gemeente"]``); ``tables``
    split independent tables in one frame (e.g. ``item_code``: one breakdown per item). The grand
    total of each table is treated as published (the headline table shows it), so it is never hidden;
    missing margins are assumed published too.

    The returned table may be shown as it is: ``n`` and the other ``counts`` columns are NA where
    hidden and rounded to multiples of 5 when the policy is public; ``mask`` columns (percentages,
    means) are NA where hidden. ``hidden``, ``reason`` and ``signal`` say what to mark.
    """
    levels = list(levels)
    out = frame.reset_index(drop=True).copy()
    reasons = pd.Series([None] * len(out), dtype="object")
    hidden_cells: list[HiddenCell] = []
    parts = (
        ((key, part.index) for key, part in out.groupby(list(tables), sort=False, dropna=False))
        if tables
        else [((), out.index)]
    )
    for table_key, index in parts:
        protection, row_keys = _protect_one(out.loc[index], levels, n, policy)
        for row, key in zip(index, row_keys, strict=True):
            reasons[row] = protection.reasons.get(key)
        hidden_cells += [HiddenCell(table_key + c.key, c.reason) for c in protection.hidden]
    return Suppressed(_annotate(out, reasons, n, counts, mask, policy), tuple(hidden_cells), policy)


def _protect_one(part: pd.DataFrame, levels: list[str], n: str, policy: Policy):
    row_keys = [_level_key(row, len(levels)) for row in part[levels].itertuples(index=False, name=None)]
    if len(set(row_keys)) != len(row_keys):
        raise ValueError("a breakdown has the same group twice")
    counts = {key: int(v) for key, v in zip(row_keys, part[n], strict=True)}
    given = set(counts)
    groups = _tree(row_keys, counts)
    implicit = set(counts) - given
    root = tuple(None for _ in levels)
    return protect_cells(counts, groups, policy, exempt={root}, fixed=implicit | {root}), row_keys


def _annotate(
    out: pd.DataFrame, reasons: pd.Series, n: str, counts: Sequence[str], mask: Sequence[str], policy: Policy
) -> pd.DataFrame:
    hidden = reasons.notna().to_numpy()
    exact = out[n].astype("int64").to_numpy()
    out["hidden"] = hidden
    out["reason"] = pd.Series([None if r is None else str(r) for r in reasons], index=out.index, dtype="object")
    out["signal"] = [is_signal(int(v), h, policy) for v, h in zip(exact, hidden, strict=True)]
    for column in (n, *counts):
        if column in out.columns:
            out[column] = pd.array(
                [shown_count(int(v), h, policy) for v, h in zip(out[column].fillna(0), hidden, strict=True)],
                dtype="Int64",
            )
    for column in mask:
        if column in out.columns:
            out[column] = out[column].where(~hidden)
    return out


def protect_crosstab(counts: pd.DataFrame, policy: Policy = Policy(), total_label: str = CROSSTAB_TOTAL) -> Suppressed:
    """Protect a two-way table of counts (rows x columns) together with its margins.

    The margins are the two one-way breakdowns (e.g. per gemeente and per age band): publish them
    from this result, not from a separate protection, so no cell can be derived across the tables.
    ``table`` holds the shown counts with a total row and column (NA where hidden), labelled
    ``total_label``: the caller's word for "total" (analysis has no language), or :data:`CROSSTAB_TOTAL`, a
    key for the caller to rename before showing the table.
    """
    if total_label in counts.index or total_label in counts.columns:
        raise ValueError(f"a row or column of the table is called {total_label!r}, the label of the totals")
    cells = {(r, c): int(counts.at[r, c]) for r in counts.index for c in counts.columns}
    rows = {(r, total_label): sum(cells[(r, c)] for c in counts.columns) for r in counts.index}
    cols = {(total_label, c): sum(cells[(r, c)] for r in counts.index) for c in counts.columns}
    grand = (total_label, total_label)
    everything = cells | rows | cols | {grand: sum(cells.values())}
    groups = [((r, total_label), [(r, c) for c in counts.columns]) for r in counts.index]
    groups += [((total_label, c), [(r, c) for r in counts.index]) for c in counts.columns]
    groups += [(grand, list(rows)), (grand, list(cols))]
    protection = protect_cells(everything, groups, policy, exempt={grand}, fixed={grand})
    index = [*counts.index, total_label]
    columns = [*counts.columns, total_label]
    shown = pd.DataFrame(
        {
            c: pd.array(
                [shown_count(everything[(r, c)], protection.is_hidden((r, c)), policy) for r in index], dtype="Int64"
            )
            for c in columns
        },
        index=index,
    )
    shown.index.name, shown.columns.name = counts.index.name, counts.columns.name
    return Suppressed(shown, protection.hidden, policy)
