"""Themes and statements for a tussenevaluatie: counts with a few quotes, small groups left out.

Pure. Coded open answers come in as :class:`CodedRemark` (respondent, final themes, scrubbed quote),
statements from meetings as (kind, quote) pairs. Two disclosure rules (docs/domain.md, "Reporting rules"):

- ``per group`` (parents and young people): an open question's themes are only shown when at least
  ``k`` respondents answered it in that group (a project, the programme); below that not even counts
  are given, and never a quote.
- ``per survey`` (a stakeholder-enquête among professionals): the survey as a whole must have at least
  ``k`` respondents; then what they said about each project is shown, however few answered about it,
  because the evaluator reviews every quote before publication.

Themes are ordered by count, then label.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from analysis.privacy.quotes import quote as make_quote
from analysis.suppression import Policy, open_answers_allowed

QUOTES_PER_THEME = 2


@dataclass(frozen=True)
class CodedRemark:
    """One open answer: who gave it (an anonymous response id), its final themes and its scrubbed text."""

    respondent: Hashable
    themes: tuple[tuple[str, str], ...]
    #: the scrubbed copy; None when the answer has not been scrubbed (then it is never quoted)
    quote: str | None = None


@dataclass(frozen=True)
class ThemeCount:
    key: str
    label: str
    #: number of answers with this theme (*aantal*)
    count: int
    quotes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ThemeSummary:
    """The themes of one open question in one group, or nothing but the group size when it is too small."""

    respondents: int
    remarks: int
    uncoded: int
    shown: bool
    themes: tuple[ThemeCount, ...] = ()


def summarise_themes(
    remarks: Iterable[CodedRemark],
    k: int,
    *,
    names: Sequence[str] = (),
    keep: Sequence[str] = (),
    quotes_per_theme: int = QUOTES_PER_THEME,
    survey_size: int | None = None,
) -> ThemeSummary:
    """Count answers per theme and pick up to ``quotes_per_theme`` distinct scrubbed quotes for each.

    With ``survey_size`` (the respondents of the whole stakeholder-enquête) the per-survey rule holds:
    shown when the survey reached ``k``; without it, the per-group rule: this group must reach ``k``.
    """
    remarks = [r for r in remarks if r.themes or r.quote]
    respondents = len({r.respondent for r in remarks})
    if not open_answers_allowed(survey_size if survey_size is not None else respondents, Policy(k=k)):
        return ThemeSummary(respondents, len(remarks), 0, False)
    counts: dict[str, int] = {}
    labels: dict[str, str] = {}
    quotes: dict[str, list[str]] = {}
    used: set[str] = set()
    for remark in remarks:
        for key, label in remark.themes:
            counts[key] = counts.get(key, 0) + 1
            labels.setdefault(key, label)
            text = make_quote(remark.quote, names, keep=keep) if remark.quote else ""
            chosen = quotes.setdefault(key, [])
            if text and text not in used and len(chosen) < quotes_per_theme:
                chosen.append(text)
                used.add(text)
    themes = tuple(
        ThemeCount(key, labels[key], counts[key], tuple(quotes.get(key, ())))
        for key in sorted(counts, key=lambda key: (-counts[key], labels[key].lower()))
    )
    uncoded = sum(1 for r in remarks if not r.themes)
    return ThemeSummary(respondents, len(remarks), uncoded, True, themes)
