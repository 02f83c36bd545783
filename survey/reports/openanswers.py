"""Open questions on a results page: themes with counts, sentiment, and a few scrubbed quotes.

Counts come from the final codes (:func:`survey.coding.queries.final_codings`). Quotes are read from the
scrubbed copy only, never the raw text, and only when the view holds at least k respondents
(:func:`analysis.suppression.open_answers_allowed`): open answers are never shown per small group.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pandas as pd
from flask_babel import gettext as _
from sqlalchemy import select

from analysis.suppression import Policy, open_answers_allowed
from survey.coding.queries import FinalCoding, final_codings
from survey.extensions import db
from survey.reports.items import ReportItem
from survey.responses.models import Answer

QUOTES_PER_THEME = 2
QUOTE_MAX_LENGTH = 300
#: answer ids per final_codings call (keeps the IN list within every database's limit)
CHUNK = 5_000


@dataclass(frozen=True)
class ThemeCount:
    """A theme of an open question: how many answers carry it, as % of the coded answers, and quotes."""

    key: str
    label: str
    count: int
    pct: float
    quotes: tuple[str, ...] = ()


@dataclass(frozen=True)
class OpenSection:
    """One open question in a view."""

    item: ReportItem
    answered: int
    coded: int
    themes: list[ThemeCount] = field(default_factory=list)
    sentiments: list[tuple[str, int]] = field(default_factory=list)
    kinds: list[tuple[str, int]] = field(default_factory=list)
    quotes_allowed: bool = False


def sentiment_label(value: str) -> str:
    labels = {"positief": _("positive"), "negatief": _("negative"), "gemengd": _("mixed"),
              "neutraal": _("neutral"), "onbekend": _("unknown")}
    return labels.get(value, value)


def remark_label(value: str) -> str:
    labels = {"compliment": _("compliment"), "zorg": _("concern"), "suggestie": _("suggestion"),
              "observatie": _("observation"), "vraag": _("question")}
    return labels.get(value, value)


def codings_for(survey_id: int, answer_ids: list[int] | None) -> dict[int, FinalCoding]:
    """Final codings of these answers (all of the survey when None), read in chunks."""
    if answer_ids is None:
        return final_codings(survey_id)
    out: dict[int, FinalCoding] = {}
    for start in range(0, len(answer_ids), CHUNK):
        out.update(final_codings(survey_id, answer_ids[start:start + CHUNK]))
    return out


def open_sections(survey_id: int, items: list[ReportItem], open_answers: pd.DataFrame, positions,
                  everyone: bool, policy: Policy, quotes: bool = True) -> list[OpenSection]:
    """Themes, sentiment and (when allowed) quotes per open item, for the respondents at ``positions``."""
    items = [i for i in items if i.is_open]
    if not items:
        return []
    rows = open_answers[open_answers["response_id"].isin(positions)] if not everyone else open_answers
    codings = codings_for(survey_id, None if everyone else [int(a) for a in rows["answer_id"]])
    allowed = quotes and open_answers_allowed(len(positions), policy)
    sections = []
    for item in items:
        part = rows[rows["item_code"] == item.code]
        coded = {int(a): codings[int(a)] for a in part["answer_id"] if int(a) in codings}
        scrubbed = set(part.loc[part["scrubbed"].astype(bool), "answer_id"].astype(int))
        sections.append(_section(item, len(part), coded, scrubbed if allowed else set(), allowed))
    return sections


def _section(item: ReportItem, answered: int, coded: dict[int, FinalCoding], scrubbed: set[int],
             allowed: bool) -> OpenSection:
    counts, labels, carriers = Counter(), {}, {}
    for answer_id in sorted(coded):
        for code in coded[answer_id].themes:
            counts[code.theme_key] += 1
            labels[code.theme_key] = code.theme_label
            carriers.setdefault(code.theme_key, []).append(answer_id)
    order = sorted(counts, key=lambda k: (-counts[k], labels[k].casefold()))
    quotes = _quotes({k: [a for a in carriers[k] if a in scrubbed] for k in order}) if allowed else {}
    themes = [ThemeCount(k, labels[k], counts[k], 100.0 * counts[k] / len(coded), tuple(quotes.get(k, ())))
              for k in order]
    sentiments = Counter(c.sentiment for c in coded.values())
    kinds = Counter(kind for c in coded.values() for kind in c.kinds)
    return OpenSection(item=item, answered=answered, coded=len(coded), themes=themes,
                       sentiments=[(sentiment_label(s), n) for s, n in sentiments.most_common()],
                       kinds=[(remark_label(k), n) for k, n in kinds.most_common()], quotes_allowed=allowed)


def _quotes(candidates: dict[str, list[int]]) -> dict[str, list[str]]:
    """Up to two short scrubbed quotes per theme, each answer quoted once."""
    wanted = sorted({a for ids in candidates.values() for a in ids[:QUOTES_PER_THEME * 4]})
    texts = {}
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start:start + CHUNK]
        texts.update(db.session.execute(select(Answer.id, Answer.scrubbed_text).where(
            Answer.id.in_(chunk), Answer.scrubbed_text.is_not(None))).all())
    used, out = set(), {}
    for key, ids in candidates.items():
        picked = []
        for answer_id in ids[:QUOTES_PER_THEME * 4]:
            text = (texts.get(answer_id) or "").strip()
            if text and len(text) <= QUOTE_MAX_LENGTH and answer_id not in used:
                picked.append(text)
                used.add(answer_id)
            if len(picked) == QUOTES_PER_THEME:
                break
        out[key] = picked
    return out
