"""A full results set for one round in one call: what a results page or an export needs.

The answers are counted once (and once more per breakdown variable); everything else is derived from
those small count tables, so 100k responses stay well within a page request.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from analysis.scores.breakdowns import background_groups, protected_grades_by, protected_headline_by, respondents_by
from analysis.scores.frames import ITEM_CODE, RESPONSE_ID, VALUE
from analysis.scores.grades import GradeSummary, summarise_counts
from analysis.scores.items import (
    choice_distribution,
    distributions_from_tally,
    domain_scores,
    headline_from_tally,
    tally,
)
from analysis.scores.scales import Scale
from analysis.suppression import Policy, Suppressed


@dataclass(frozen=True, eq=False)
class Breakdown:
    """One background variable: respondents per group, headline per item and grade per group."""

    by: tuple[str, ...]
    respondents: Suppressed | None
    headline: Suppressed
    grades: Mapping[str, Suppressed] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class Results:
    """Headline per item, distributions, grade summaries, domain scores and protected breakdowns."""

    headline: pd.DataFrame
    distributions: pd.DataFrame
    grades: Mapping[str, GradeSummary]
    domains: pd.DataFrame
    breakdowns: Mapping[str, Breakdown]
    #: per choice item: code, label, count, pct (multiple choice: % of respondents)
    choices: Mapping[str, pd.DataFrame] = field(default_factory=dict)
    #: per open item: how many respondents wrote something (the texts are coded elsewhere)
    open_counts: Mapping[str, int] = field(default_factory=dict)


def compute_results(
    answers: pd.DataFrame,
    scales: Mapping[str, Scale],
    *,
    domains: Mapping[str, str] | None = None,
    respondents: pd.DataFrame | None = None,
    by: Sequence[str | Sequence[str]] = (),
    policy: Policy = Policy(),
    choices: Mapping[str, tuple[Sequence[tuple[str, str]], bool]] | None = None,
    open_items: Sequence[str] = (),
) -> Results:
    """All scores of one round; ``by`` lists background variables (or nested lists) to break down by.

    ``scales`` maps the scored items to their scale; ``choices`` maps choice items to
    (((code, label), ...), multiple); ``open_items`` lists open questions (only counted here).
    """
    chosen = {
        code: choice_distribution(answers, code, options, multiple)
        for code, (options, multiple) in (choices or {}).items()
    }
    opened = answers[answers[ITEM_CODE].isin(list(open_items))]
    open_counts = {code: int(opened.loc[opened[ITEM_CODE] == code, RESPONSE_ID].nunique()) for code in open_items}
    answers = scored_answers(answers, scales)
    counts = tally(answers, list(scales))
    numeric = {code: s for code, s in scales.items() if s.numeric}
    grades = {code: summarise_counts(code, _counts_of(counts, code), s) for code, s in numeric.items()}
    headline = headline_from_tally(counts, scales)
    breakdowns = {}
    for variable in by:
        if respondents is None:
            raise ValueError("a breakdown needs the respondents frame")
        breakdowns[_name(variable)] = breakdown(answers, respondents, variable, scales, policy)
    return Results(
        headline=headline,
        distributions=distributions_from_tally(counts, scales),
        grades=grades,
        domains=domain_scores(headline, domains or {}),
        breakdowns=breakdowns,
        choices=chosen,
        open_counts=open_counts,
    )


def scored_answers(answers: pd.DataFrame, scales: Mapping[str, Scale]) -> pd.DataFrame:
    """The answer rows of the scored items, with the value codes categorical (counted many times)."""
    rows = answers[answers[ITEM_CODE].isin(list(scales))]
    return rows.assign(**{VALUE: rows[VALUE].astype("category")})


def _counts_of(counts: pd.DataFrame, item_code: str) -> dict[str, int]:
    part = counts[counts[ITEM_CODE] == item_code]
    return dict(zip(part[VALUE], part["count"], strict=True))


def _name(variable: str | Sequence[str]) -> str:
    return variable if isinstance(variable, str) else "/".join(variable)


def breakdown(
    answers: pd.DataFrame,
    respondents: pd.DataFrame,
    by: str | Sequence[str],
    scales: Mapping[str, Scale],
    policy: Policy = Policy(),
) -> Breakdown:
    """Protected tables for one background variable (respondents, headline per item, grades)."""
    if not isinstance(answers[VALUE].dtype, pd.CategoricalDtype):
        answers = scored_answers(answers, scales)
    levels = [by] if isinstance(by, str) else list(by)
    fine = tally(answers, list(scales), background_groups(answers, respondents, levels))
    grades = {
        code: protected_grades_by(answers, respondents, levels, code, scale, policy, tallied=fine)
        for code, scale in scales.items()
        if scale.numeric
    }
    return Breakdown(
        by=tuple(levels),
        respondents=respondents_by(respondents, levels, policy),
        headline=protected_headline_by(answers, respondents, levels, scales, policy, tallied=fine),
        grades=grades,
    )
