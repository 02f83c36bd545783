"""Which part of a round a page shows, and the numbers of that view.

A selection is a language, a background group, and a variable to break down by. Only groups that
small-cell protection shows in their one-way breakdown are offered as filters, so the list of choices
never reveals a small group either. The policy (k) is the survey's minimum cell size (:func:`policy_for`).

The size of the whole round is published (the response figures give it). An item answered by fewer than k
people is a cell below k, in the whole round as in a group: it is shown as "–" with nothing derived from
it (share, distribution, grade, domain, breakdown); from k answers on its share is shown with its n, as a
*signaal* below the signal threshold. A filtered group is a cell of the protected breakdown over the filter
variables: when :mod:`analysis.suppression` hides that cell the view is refused. A breakdown inside the
view is protected with the view as its total. Answers to background questions (domain "achtergrond") are a
breakdown of the respondents too: their counts per option are protected like one (:func:`protect_choices`),
and no choice question is shown when fewer than k people answered it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from babel import Locale
from flask_babel import gettext as _

from analysis.scores.breakdowns import UNKNOWN_GROUP, protected_grades_by, protected_headline_by, respondents_by
from analysis.scores.grades import GradeSummary, summarise_counts
from analysis.scores.items import choice_distribution, distributions_from_tally, domain_scores, headline_from_tally
from analysis.scores.results import Breakdown, Results
from analysis.suppression import Policy, below_k, is_signal, protect_counts
from survey.questionnaires.models import Survey
from survey.reports.anonymity import BACKGROUND_DOMAIN
from survey.reports.items import domains_of, scales_of
from survey.reports.results import RoundData

LANGUAGE = "language"
#: separator between variable and value in the group filter (``gemeente=Rotterdam``)
GROUP_SEPARATOR = "="


def variable_label(variable: str) -> str:
    """The Dutch name of a background variable (unknown ones as they are)."""
    labels = {
        "gemeente": _("Municipality"),
        "soort_hulp": _("Kind of help"),
        "leeftijd": _("Age band"),
        "respondenttype": _("Respondent type"),
        LANGUAGE: _("Language"),
        "channel": _("Channel"),
    }
    return labels.get(variable, variable.replace("_", " ").capitalize())


def language_name(code: str) -> str:
    """Arabisch, Engels, … (the code itself when unknown)."""
    if code == UNKNOWN_GROUP:
        return _("unknown")
    return Locale.parse("nl").languages.get(code) or code


def group_label(variable: str, value) -> str:
    """A group as shown: language codes become names."""
    if value is None:
        return _("Total")
    return language_name(value) if variable == LANGUAGE else str(value)


@dataclass(frozen=True)
class Selection:
    """A filter on language and/or one background group, and an optional breakdown variable."""

    language: str | None = None
    variable: str | None = None
    value: str | None = None
    breakdown: str | None = None

    @property
    def filtered(self) -> bool:
        return self.language is not None or self.variable is not None

    @property
    def levels(self) -> list[str]:
        """The filter variables, coarse to fine (language first)."""
        return ([LANGUAGE] if self.language is not None else []) + ([self.variable] if self.variable else [])

    @property
    def key(self) -> tuple:
        """The filter's values in the order of :attr:`levels`."""
        return tuple(v for v in (self.language, self.value if self.variable else None) if v is not None)

    @property
    def group(self) -> str:
        """The group filter as a form value (``gemeente=Rotterdam``), or ''."""
        return f"{self.variable}{GROUP_SEPARATOR}{self.value}" if self.variable else ""

    def mask(self, respondents: pd.DataFrame) -> pd.Series:
        """True for the respondents inside the filter."""
        mask = pd.Series(True, index=respondents.index)
        for level, value in zip(self.levels, self.key, strict=True):
            mask &= respondents[level].fillna(UNKNOWN_GROUP).astype("object") == value
        return mask

    def describe(self) -> str:
        """The filter in words, e.g. "Taal: Arabisch, Gemeente: Schiedam"."""
        return ", ".join(
            f"{variable_label(level)}: {group_label(level, value)}"
            for level, value in zip(self.levels, self.key, strict=True)
        )


def parse_group(text: str | None) -> tuple[str, str] | None:
    """``gemeente=Rotterdam`` as (variable, value); None when empty or malformed."""
    if not text or GROUP_SEPARATOR not in text:
        return None
    variable, value = text.split(GROUP_SEPARATOR, 1)
    return (variable, value) if variable and value else None


def visible_groups(respondents: pd.DataFrame, variable: str, policy: Policy) -> list[str]:
    """The groups of a variable that its protected one-way breakdown shows (alphabetical, never by score)."""
    if variable not in respondents.columns or respondents.empty:
        return []
    table = respondents_by(respondents, variable, policy).table
    shown = table[table[variable].notna() & ~table["hidden"].astype(bool)]
    return sorted((str(v) for v in shown[variable]), key=lambda v: (v == UNKNOWN_GROUP, v.casefold()))


def filter_choices(respondents: pd.DataFrame, variables: tuple[str, ...], policy: Policy) -> dict:
    """Choices for the filter form: languages, groups ("variable=value") and breakdown variables."""
    languages = [(code, language_name(code)) for code in visible_groups(respondents, LANGUAGE, policy)]
    groups = []
    for variable in variables:
        for value in visible_groups(respondents, variable, policy):
            groups.append((f"{variable}{GROUP_SEPARATOR}{value}", f"{variable_label(variable)}: {value}"))
    breakdowns = [(v, variable_label(v)) for v in (*variables, LANGUAGE)]
    return {"languages": languages, "groups": groups, "breakdowns": breakdowns}


def policy_for(survey: Survey, public: bool = False) -> Policy:
    """Small-cell policy of a survey: k is its minimum cell size (never below 5)."""
    return Policy(k=survey.min_cell, public=public)


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
        small = [below_k(n, policy) for n in results.headline["n"]]
        headline = _protect_headline(results.headline, results.headline.assign(hidden=small, signal=False))
        headline["signal"] = [is_signal(int(n), h, policy) for n, h in zip(results.headline["n"], small, strict=True)]
        hidden = set(headline.loc[headline["hidden"], "item_code"])
        return View(
            selection,
            policy,
            n=data.n,
            headline=headline,
            distributions=results.distributions[~results.distributions["item_code"].isin(hidden)],
            grades={code: (None if code in hidden else g) for code, g in results.grades.items()},
            domains=domain_scores(headline, domains_of(data.items)),
            choices=protect_choices(data, results.choices, policy),
            breakdown=_without(results.breakdowns.get(by[0]) if by else None, hidden),
        )
    return _filtered_view(data, selection, policy, by)


def protect_choices(data: RoundData, choices: dict[str, pd.DataFrame], policy: Policy) -> dict[str, pd.DataFrame]:
    """Choice questions as a page may show them: none answered by fewer than k people (``attrs["hidden"]``,
    no rows), and for background questions the counts per option protected as a breakdown (NA where hidden)."""
    background = {i.code for i in data.items if i.domain == BACKGROUND_DOMAIN}
    out = {}
    for code, frame in choices.items():
        shown = frame.copy()
        shown.attrs = {**frame.attrs, "hidden": below_k(frame.attrs.get("n", 0), policy)}
        if shown.attrs["hidden"]:
            shown = shown.iloc[0:0].copy()
            shown.attrs = {**frame.attrs, "hidden": True}
        elif code in background:
            counts = protect_counts(dict(zip(frame["code"], frame["count"], strict=True)), policy)
            hidden = frame["code"].map(lambda c, counts=counts: counts[c] is None).astype(bool)
            shown["count"] = frame["count"].astype("Int64").mask(hidden)
            shown["pct"] = frame["pct"].astype("float64").where(~hidden)
        out[code] = shown
    return out


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
        choices=protect_choices(data, results.choices, policy),
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
