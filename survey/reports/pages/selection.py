"""Which part of a round a page shows: a language, a background group, and a variable to break down by.

Only groups that small-cell protection shows in their one-way breakdown are offered as filters, so the
list of choices never reveals a small group either.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from babel import Locale
from flask_babel import gettext as _

from analysis.scores.breakdowns import UNKNOWN_GROUP, respondents_by
from analysis.suppression import Policy

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
