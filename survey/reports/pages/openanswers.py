"""Open questions on a results page: themes with counts, kinds of remark, sentiment and a few scrubbed quotes.

Counts come from the final codes (:mod:`survey.reports.codes`, the rule of
:func:`survey.coding.queries.is_final`). Quotes are read from the scrubbed copy only, never the raw text,
and only when the view holds at least k respondents (:func:`analysis.suppression.open_answers_allowed`):
open answers are never shown per small group.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from flask_babel import gettext as _

from analysis.suppression import Policy, open_answers_allowed
from forms.coding import KIND_LABELS
from survey.coding.models import RemarkKind
from survey.reports.codes import coded_counts, kind_counts, quote_candidates, theme_counts, themed_counts
from survey.reports.items import REPEAT_SEPARATOR, ReportItem
from survey.reports.results import RoundData

QUOTES_PER_THEME = 2
QUOTE_MAX_LENGTH = 300
CANDIDATES = QUOTES_PER_THEME * 4


@dataclass(frozen=True)
class ThemeCount:
    """A theme of an open question: how many answers carry it, as % of the coded answers, and quotes."""

    key: str
    label: str
    count: int
    pct: float
    quotes: tuple[str, ...] = ()
    #: (kind of remark label, answers) in the order of the kinds, only kinds that occur
    kinds: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class OpenSection:
    """One open question in a view."""

    item: ReportItem
    answered: int
    coded: int
    themes: list[ThemeCount] = field(default_factory=list)
    sentiments: list[tuple[str, int]] = field(default_factory=list)
    quotes_allowed: bool = False
    #: coded answers with at least one theme (a coded answer can have none)
    themed: int = 0


def sentiment_label(value: str) -> str:
    labels = {
        "positief": _("positive"),
        "negatief": _("negative"),
        "gemengd": _("mixed"),
        "neutraal": _("neutral"),
        "onbekend": _("unknown"),
    }
    return labels.get(value, value)


def _item(code: str, instance: str) -> str:
    return f"{code}{REPEAT_SEPARATOR}{instance}" if instance else code


def open_sections(data: RoundData, profiles, policy: Policy, quotes: bool = True) -> list[OpenSection]:
    """Themes, sentiment and (when allowed) quotes per open item, for the respondents of ``profiles``
    (None: the whole round)."""
    items = [i for i in data.items if i.is_open]
    if not items:
        return []
    keys = None if profiles is None else set(data.profiles.loc[list(profiles), "key"])
    inside = (lambda language, text: True) if keys is None else (lambda language, text: (language, text) in keys)
    themes: dict[str, Counter] = {}
    labels: dict[str, tuple[int, str]] = {}
    for language, text, code, instance, key, label, position, n in theme_counts(data.survey.id):
        if inside(language, text):
            themes.setdefault(_item(code, instance), Counter())[key] += n
            labels[key] = (position, label)
    kinds: dict[tuple[str, str], Counter] = {}
    for language, text, code, instance, key, kind, n in kind_counts(data.survey.id):
        if inside(language, text):
            kinds.setdefault((_item(code, instance), key), Counter())[kind] += n
    coded: dict[str, Counter] = {}
    for language, text, code, instance, sentiment, n in coded_counts(data.survey.id):
        if inside(language, text):
            coded.setdefault(_item(code, instance), Counter())[sentiment] += n
    themed: Counter = Counter()
    for language, text, code, instance, n in themed_counts(data.survey.id):
        if inside(language, text):
            themed[_item(code, instance)] += n
    in_view = data.n if profiles is None else int(data.profiles.loc[list(profiles), "n"].sum())
    allowed = quotes and open_answers_allowed(in_view, policy)
    picked = _quotes(data.survey.id, None if keys is None else sorted(keys, key=str)) if allowed else {}
    return [
        replace(
            _section(
                item,
                data.answered(item.code, profiles),
                themes.get(item.code, Counter()),
                labels,
                coded.get(item.code, Counter()),
                picked,
                allowed,
                kinds,
            ),
            themed=themed[item.code],
        )
        for item in items
    ]


def _section(
    item: ReportItem,
    answered: int,
    counts: Counter,
    labels: dict,
    sentiments: Counter,
    picked: dict,
    allowed: bool,
    kinds: dict[tuple[str, str], Counter],
) -> OpenSection:
    coded = sum(sentiments.values())
    order = sorted(counts, key=lambda k: (-counts[k], labels[k][1].casefold()))
    themes = [
        ThemeCount(
            k,
            labels[k][1],
            counts[k],
            100.0 * counts[k] / coded if coded else 0.0,
            tuple(picked.get((item.code, k), ())),
            _kinds(kinds.get((item.code, k))),
        )
        for k in order
    ]
    return OpenSection(
        item=item,
        answered=answered,
        coded=coded,
        themes=themes,
        sentiments=[(sentiment_label(s), n) for s, n in sentiments.most_common()],
        quotes_allowed=allowed,
    )


def _kinds(counts: Counter | None) -> tuple[tuple[str, int], ...]:
    if not counts:
        return ()
    return tuple((str(KIND_LABELS[kind]), counts[kind.value]) for kind in RemarkKind if counts[kind.value])


def _quotes(survey_id: int, profiles: list[tuple] | None) -> dict[tuple[str, str], list[str]]:
    """Up to two short scrubbed quotes per (item, theme), each answer quoted once."""
    used, out = set(), {}
    for code, instance, key, answer_id, text in quote_candidates(survey_id, profiles, CANDIDATES, QUOTE_MAX_LENGTH):
        picked = out.setdefault((_item(code, instance), key), [])
        text = (text or "").strip()
        if text and answer_id not in used and len(picked) < QUOTES_PER_THEME:
            picked.append(text)
            used.add(answer_id)
    return out
