"""The numbers of one view of a round: everyone, or a filtered group, with an optional breakdown.

The whole round is published as it is (the response figures publish its size). A filtered group is a
cell of the protected breakdown over the filter variables: when :mod:`analysis.suppression` hides that
cell the view is refused, and an item whose cell is hidden is shown as "–" with nothing derived from it
(distribution, grade, breakdown). A breakdown inside the view is protected with the view as its total.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.scores.breakdowns import protected_grades_by, protected_headline_by, respondents_by
from analysis.scores.grades import GradeSummary, summarise_counts
from analysis.scores.items import choice_distribution, distributions_from_tally, domain_scores, headline_from_tally
from analysis.scores.results import Breakdown, Results
from analysis.suppression import Policy, is_signal
from survey.reports.items import domains_of, scales_of
from survey.reports.pages.selection import Selection
from survey.reports.results import RoundData

HIDE_COLUMNS = ("n", "positive", "pct", "n_escape", "n_dont_know", "n_not_applicable", "answered")


@dataclass(frozen=True, eq=False)
class View:
    """What a results page (or the API) shows for one selection of a round."""

    selection: Selection
    policy: Policy
    #: respondents in the view (exact; None when the filtered group is too small to show)
    n: int | None
    headline: pd.DataFrame = field(default_factory=pd.DataFrame)
    distributions: pd.DataFrame = field(default_factory=pd.DataFrame)
    grades: dict[str, GradeSummary | None] = field(default_factory=dict)
    domains: pd.DataFrame = field(default_factory=pd.DataFrame)
    choices: dict[str, pd.DataFrame] = field(default_factory=dict)
    breakdown: Breakdown | None = None
    #: the profiles inside the view (None: the whole round)
    profiles: np.ndarray | None = None

    @property
    def too_small(self) -> bool:
        return self.n is None


def breakdown_variable(data: RoundData, selection: Selection) -> str | None:
    """The breakdown asked for, if the round has it and it is not also a filter."""
    variable = selection.breakdown
    if variable is None or variable in selection.levels or variable not in data.respondents.columns:
        return None
    return variable


def results_for(data: RoundData, profiles, respondents: pd.DataFrame, by: list[str], policy: Policy) -> Results:
    """Everything :func:`analysis.scores.results.compute_results` gives, from the round's grouped counts."""
    scales = scales_of(data.items)
    tallied = data.tally(scales, profiles)
    headline = headline_from_tally(tallied, scales)
    grades = {
        code: summarise_counts(code, counts_of(tallied, code), scale) for code, scale in scales.items() if scale.numeric
    }
    choices = {
        i.code: choice_distribution(data.choice_answers(i, profiles), i.code, i.options, i.kind == "multi")
        for i in data.items
        if i.kind in ("choice", "multi")
    }
    breakdowns = {variable: breakdown(data, profiles, respondents, variable, policy) for variable in by}
    return Results(
        headline=headline,
        distributions=distributions_from_tally(tallied, scales),
        grades=grades,
        domains=domain_scores(headline, domains_of(data.items)),
        breakdowns=breakdowns,
        choices=choices,
    )


def counts_of(tallied: pd.DataFrame, code: str) -> dict[str, int]:
    part = tallied[tallied["item_code"] == code]
    return dict(zip(part["value"], part["count"], strict=True))


def breakdown(data: RoundData, profiles, respondents: pd.DataFrame, variable: str, policy: Policy) -> Breakdown:
    """Protected tables for one background variable (respondents, headline per item, grades)."""
    scales = scales_of(data.items)
    fine = data.tally(scales, profiles, by=[variable])
    grades = {
        code: protected_grades_by(None, respondents, [variable], code, scale, policy, tallied=fine)
        for code, scale in scales.items()
        if scale.numeric
    }
    return Breakdown(
        by=(variable,),
        respondents=respondents_by(respondents, [variable], policy),
        headline=protected_headline_by(None, respondents, [variable], scales, policy, tallied=fine),
        grades=grades,
    )


def compute_view(data: RoundData, selection: Selection, policy: Policy) -> View:
    """The view of a round for a selection (see the module docstring for what is hidden)."""
    by = [v for v in [breakdown_variable(data, selection)] if v]
    if not selection.filtered:
        results = results_for(data, None, data.respondents, by, policy)
        headline = results.headline.assign(
            hidden=False, signal=[is_signal(int(n), False, policy) for n in results.headline["n"]]
        )
        return View(
            selection,
            policy,
            n=data.n,
            headline=headline,
            distributions=results.distributions,
            grades=dict(results.grades),
            domains=results.domains,
            choices=dict(results.choices),
            breakdown=results.breakdowns.get(by[0]) if by else None,
        )
    return _filtered_view(data, selection, policy, by)


def _at(table: pd.DataFrame, levels: list[str], key: tuple) -> pd.DataFrame:
    mask = pd.Series(True, index=table.index)
    for level, value in zip(levels, key, strict=True):
        mask &= table[level].astype("object") == value
    return table[mask]


def _filtered_view(data: RoundData, selection: Selection, policy: Policy, by: list[str]) -> View:
    levels, key = selection.levels, selection.key
    if any(level not in data.respondents.columns for level in levels):
        return View(selection, policy, n=None)
    group = _at(respondents_by(data.respondents, levels, policy).table, levels, key)
    if group.empty or bool(group["hidden"].iloc[0]):
        return View(selection, policy, n=None)
    profiles = data.profiles.index[selection.mask(data.profiles).to_numpy()].to_numpy()
    respondents = data.respondents[data.respondents["profile"].isin(profiles)]
    results = results_for(data, profiles, respondents, by, policy)
    scales = scales_of(data.items)
    cells = _at(
        protected_headline_by(
            None, data.respondents, levels, scales, policy, tallied=data.tally(scales, by=levels)
        ).table,
        levels,
        key,
    )
    headline = _protect_headline(results.headline, cells)
    hidden = set(headline.loc[headline["hidden"], "item_code"])
    grades = {
        code: (None if _grade_hidden(data, levels, key, code, policy) else summary)
        for code, summary in results.grades.items()
    }
    return View(
        selection,
        policy,
        n=int(group["n"].iloc[0]),
        headline=headline,
        distributions=results.distributions[~results.distributions["item_code"].isin(hidden)],
        grades=grades,
        domains=domain_scores(headline, domains_of(data.items)),
        choices=dict(results.choices),
        breakdown=_without(
            results.breakdowns.get(by[0]) if by else None, hidden | {c for c, g in grades.items() if g is None}
        ),
        profiles=profiles,
    )


def _protect_headline(headline: pd.DataFrame, cells: pd.DataFrame) -> pd.DataFrame:
    """The group's headline with hidden and signal from its protected cells; hidden cells emptied."""
    flags = cells.set_index("item_code")
    out = headline.copy()
    out["hidden"] = out["item_code"].map(flags["hidden"]).fillna(False).astype(bool)
    out["signal"] = out["item_code"].map(flags["signal"]).fillna(False).astype(bool)
    for column in HIDE_COLUMNS:
        out[column] = out[column].astype("float64").where(~out["hidden"])
    return out


def _grade_hidden(data: RoundData, levels: list[str], key: tuple, code: str, policy: Policy) -> bool:
    scale = scales_of(data.items)[code]
    table = protected_grades_by(
        None, data.respondents, levels, code, scale, policy, tallied=data.tally([code], by=levels)
    ).table
    cell = _at(table, levels, key)
    return cell.empty or bool(cell["hidden"].iloc[0])


def _without(breakdown: Breakdown | None, items: set[str]) -> Breakdown | None:
    """A breakdown without the items whose total is hidden in the view (their totals would show)."""
    if breakdown is None or not items:
        return breakdown
    headline = breakdown.headline
    table = headline.table[~headline.table["item_code"].isin(items)].reset_index(drop=True)
    kept = type(headline)(table, tuple(c for c in headline.hidden if c.key[0] not in items), headline.policy)
    grades = {code: g for code, g in breakdown.grades.items() if code not in items}
    return Breakdown(by=breakdown.by, respondents=breakdown.respondents, headline=kept, grades=grades)
