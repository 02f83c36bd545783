"""Live poll results for the presenter screen: counts per option as answers come in, small cells hidden.

Only closed questions are shown; open answers never appear on a screen in the room.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select

from analysis.scores.scales import ESCAPE_CODES
from analysis.suppression.fieldwork import Bar, option_counts, poll_bars
from survey.extensions import db
from survey.questionnaires.content.document import Document, Question
from survey.questionnaires.content.parsing import parse_document
from survey.questionnaires.content.registry import REGISTRY
from survey.questionnaires.models import Survey
from survey.responses.models import Answer, Response

SHOWN_KINDS = ("agreement", "frequency", "grade", "scale", "smiley", "choice", "multi")


@dataclass(frozen=True)
class PollItem:
    code: str
    text: str
    answered: int
    #: False while fewer than k people answered (the bars then have no counts)
    shown: bool
    bars: list[Bar]


def poll_results(survey: Survey, language: str = "nl") -> list[PollItem]:
    """Per closed item of the published questionnaire: how many answered and the (suppressed) bars."""
    document = _document(survey)
    if document is None:
        return []
    values = _values(survey)
    items = []
    for question in document.questions():
        qtype = REGISTRY.get(question.type)
        if qtype is None or qtype.kind not in SHOWN_KINDS:
            continue
        options = [
            (o.code, o.label.get(language) or o.label.get("nl") or o.code)
            for o in question.options
            if o.code not in ESCAPE_CODES
        ]
        for code, text in _items(question, language):
            answers = [a for a in values.get(code, []) if a not in ESCAPE_CODES]
            bars = poll_bars(options, option_counts(answers), len(answers), survey.min_cell)
            items.append(
                PollItem(
                    code,
                    text,
                    len(answers),
                    bars is not None,
                    bars or [Bar(c, label, None, None) for c, label in options],
                )
            )
    return items


def poll_payload(survey: Survey) -> dict:
    """The results as JSON for the presenter screen's script."""
    return {
        "k": survey.min_cell,
        "items": [
            {
                "code": item.code,
                "answered": item.answered,
                "bars": None
                if not item.shown
                else [
                    {"code": b.code, "count": b.count, "percent": None if b.percent is None else round(b.percent)}
                    for b in item.bars
                ],
            }
            for item in poll_results(survey)
        ],
    }


def _document(survey: Survey) -> Document | None:
    version = survey.published_version
    if version is None:
        return None
    return parse_document(version.document)


def _items(question: Question, language: str) -> list[tuple[str, str]]:
    if question.items:
        return [(i.code, i.text.get(language) or i.text.get("nl", "")) for i in question.items]
    return [(question.code, question.text.get(language) or question.text.get("nl", ""))]


def _values(survey: Survey) -> dict[str, list]:
    """Every stored answer of the survey by item code (multiple choice decoded to a list)."""
    rows = db.session.execute(
        select(Answer.item_code, Answer.value).join(Response).where(Response.survey_id == survey.id)
    )
    result: dict[str, list] = {}
    for code, value in rows:
        result.setdefault(code, []).append(_decode(value))
    return result


def _decode(value: str):
    if value.startswith("["):
        try:
            decoded = json.loads(value)
        except ValueError:
            return value
        return [str(v) for v in decoded] if isinstance(decoded, list) else value
    return value
