"""Scores per group of a background variable (gemeente, age band, kind of help, language, role).

Every breakdown table carries its margins: a total row (all group columns empty) and, for nested
groups such as ``["subregio", "gemeente"]``, a subtotal row per coarser group. Respondents without a
value for the variable form the group ``onbekend``, so the groups always add up to the total, which is
what small-cell protection needs. The ``protected_*`` functions return tables safe to show
(:mod:`analysis.suppression`); only those may reach a page or an export.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from analysis.scores.frames import ITEM_CODE, VALUE, group_of
from analysis.scores.grades import summarise_counts
from analysis.scores.items import headline_for, tally
from analysis.scores.scales import GRADE, Scale
from analysis.suppression import Policy, Suppressed, protect_breakdown

#: label of the group of respondents who did not give the background value
UNKNOWN_GROUP = "onbekend"
#: columns of a headline breakdown that may be published (escape counts stay in the total table)
PUBLIC_HEADLINE = ["item_code", "n", "positive", "pct"]


def _levels(by: str | Sequence[str]) -> list[str]:
    return [by] if isinstance(by, str) else list(by)


def background_groups(answers: pd.DataFrame, respondents: pd.DataFrame, by: str | Sequence[str]) -> list[pd.Series]:
    """The group value(s) of every answer row, ``onbekend`` where the respondent has none."""
    out = []
    for column in _levels(by):
        values = group_of(answers, respondents, column).astype("object")
        out.append(values.where(values.notna(), UNKNOWN_GROUP).astype("str").astype("category"))
    return out


def _with_margins(levels: list[str], build) -> pd.DataFrame:
    """Apply ``build(keys)`` at every depth (total, subtotals, finest) and stack the results."""
    parts = []
    for depth in range(len(levels) + 1):
        keys = levels[:depth]
        part = build(keys)
        for missing in levels[depth:]:
            part[missing] = None
        parts.append(part)
    frame = pd.concat([p for p in parts if len(p)], ignore_index=True)
    for column in levels:
        frame[column] = frame[column].astype("object").where(frame[column].notna(), None)
    return frame


def headline_by(
    answers: pd.DataFrame,
    respondents: pd.DataFrame,
    by: str | Sequence[str],
    scales: Mapping[str, Scale],
    tallied: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Headline scores per item and group, with total (and subtotal) rows; not yet protected."""
    levels = _levels(by)
    fine = tally(answers, list(scales), background_groups(answers, respondents, levels)) if tallied is None else tallied

    def build(keys):
        counts = fine.groupby([*keys, ITEM_CODE, VALUE], observed=True, sort=False)["count"].sum()
        return headline_for(counts.reset_index(), scales, [*keys, ITEM_CODE])

    frame = _with_margins(levels, build)
    order = {code: i for i, code in enumerate(scales)}
    frame["_item"] = frame[ITEM_CODE].map(order)
    frame["_depth"] = frame[levels].notna().sum(axis=1)
    frame = frame.sort_values(["_item", *levels, "_depth"], na_position="first", kind="stable")
    columns = [ITEM_CODE, *levels] + [c for c in frame.columns if c not in (ITEM_CODE, *levels, "_item", "_depth")]
    return frame[columns].reset_index(drop=True)


def protected_headline_by(
    answers: pd.DataFrame,
    respondents: pd.DataFrame,
    by: str | Sequence[str],
    scales: Mapping[str, Scale],
    policy: Policy = Policy(),
    tallied: pd.DataFrame | None = None,
) -> Suppressed:
    """Headline scores per group, small cells hidden: n, positive and pct per item and group."""
    levels = _levels(by)
    frame = headline_by(answers, respondents, levels, scales, tallied=tallied)
    frame = frame[[ITEM_CODE, *levels, *PUBLIC_HEADLINE[1:]]]
    return protect_breakdown(frame, levels, tables=[ITEM_CODE], counts=("positive",), mask=("pct",), policy=policy)


def grades_by(
    answers: pd.DataFrame,
    respondents: pd.DataFrame,
    by: str | Sequence[str],
    item_code: str,
    scale: Scale = GRADE,
    tallied: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Mean (exact and as text), median and sd of a numeric item per group, with margins.

    ``tallied`` may pass counts already made by :func:`analysis.scores.items.tally` with the same groups.
    """
    levels = _levels(by)
    if tallied is None:
        tallied = tally(answers, [item_code], background_groups(answers, respondents, levels))
    fine = tallied[tallied[ITEM_CODE] == item_code]

    def build(keys):
        grouped = fine.groupby(keys, observed=True, sort=True) if keys else [((), fine)]
        out = []
        for key, part in grouped:
            key = key if isinstance(key, tuple) else (key,)
            counts = part.groupby(VALUE, observed=True)["count"].sum().to_dict()
            summary = summarise_counts(item_code, counts, scale)
            out.append(dict(zip(keys, key, strict=True)) | _grade_row(summary))
        return pd.DataFrame(out, columns=[*keys, "item_code", "n", "mean", "mean_text", "median", "sd"])

    frame = _with_margins(levels, build)
    return frame[["item_code", *levels, "n", "mean", "mean_text", "median", "sd"]]


def _grade_row(summary) -> dict:
    return {
        "item_code": summary.item_code,
        "n": summary.n,
        "mean": summary.mean if summary.n else np.nan,
        "mean_text": summary.mean_text,
        "median": summary.median if summary.n else np.nan,
        "sd": summary.sd if summary.sd is not None else np.nan,
    }


def protected_grades_by(
    answers: pd.DataFrame,
    respondents: pd.DataFrame,
    by: str | Sequence[str],
    item_code: str,
    scale: Scale = GRADE,
    policy: Policy = Policy(),
    tallied: pd.DataFrame | None = None,
) -> Suppressed:
    """Grade per group with small cells hidden (mean, median, sd and the text masked too)."""
    frame = grades_by(answers, respondents, by, item_code, scale, tallied=tallied)
    return protect_breakdown(frame, _levels(by), mask=("mean", "mean_text", "median", "sd"), policy=policy)


def respondents_by(respondents: pd.DataFrame, by: str | Sequence[str], policy: Policy = Policy()) -> Suppressed:
    """How many respondents per group (with margins), small cells hidden: the respons table."""
    levels = _levels(by)
    data = pd.DataFrame(
        {c: respondents[c].astype("object").where(respondents[c].notna(), UNKNOWN_GROUP) for c in levels}
    )

    def build(keys):
        if not keys:
            return pd.DataFrame({"n": [len(data)]})
        return data.groupby(keys, sort=True).size().rename("n").reset_index()

    frame = _with_margins(levels, build)
    return protect_breakdown(frame[[*levels, "n"]], levels, policy=policy)


__all__ = [
    "UNKNOWN_GROUP",
    "background_groups",
    "grades_by",
    "headline_by",
    "protected_grades_by",
    "protected_headline_by",
    "respondents_by",
]
