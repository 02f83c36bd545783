"""Answer storage: read a response's answers as the flow sees them, and upsert what a step sent.

One row per (response, item_code, instance). Multiple-choice answers are stored as a JSON list of
option codes, numbers as text ("12", "7.5"), open answers as the raw text (the scrubbed copy is made
later, outside the request).
"""

from __future__ import annotations

import json

from sqlalchemy import insert

from survey.extensions import db
from survey.questionnaires.document import Document
from survey.questionnaires.registry import REGISTRY
from survey.responses.flow import AnswerKey, Answers
from survey.responses.models import Answer, Response

Submitted = dict[AnswerKey, tuple[object, str | None]]


def _kind(document: Document, code: str) -> str:
    question = document.question(code)
    return REGISTRY[question.type].kind if question is not None else "text"


def decode(document: Document, answer: Answer):
    return decode_value(document, answer.item_code, answer.value)


def decode_value(document: Document, code: str, text: str):
    if _kind(document, code) == "multi":
        try:
            value = json.loads(text)
        except ValueError:
            return [text]
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]
    return text


def encode(value) -> str:
    return json.dumps(value) if isinstance(value, list) else str(value)


def load_answers(response: Response | None, document: Document) -> tuple[Answers, dict[AnswerKey, str]]:
    """(answers by key, "anders, namelijk" texts by key) of a response; empty for none."""
    if response is None:
        return {}, {}
    answers: Answers = {}
    others: dict[AnswerKey, str] = {}
    for answer in response.answers:
        key = (answer.item_code, answer.instance)
        answers[key] = decode(document, answer)
        if answer.other_text:
            others[key] = answer.other_text
    return answers, others


def merge_answers(answers: Answers, others: dict[AnswerKey, str], submitted: Submitted, document: Document) -> None:
    """Bring (answers, others) from ``load_answers`` up to date with what ``store_answers`` just stored."""
    for key, (value, other) in submitted.items():
        others.pop(key, None)
        if value is None:
            answers.pop(key, None)
            continue
        answers[key] = decode_value(document, key[0], encode(value))
        if other:
            others[key] = other


def same_as_stored(response: Response, submitted: Submitted) -> bool:
    """Whether the response already holds exactly these answers (a repeated submit of the same step)."""
    stored = {(a.item_code, a.instance): (a.value, a.other_text) for a in response.answers}
    for key, (value, other) in submitted.items():
        if value is None:
            if key in stored:
                return False
        elif stored.get(key) != (encode(value), other):
            return False
    return True


def store_answers(response: Response, submitted: Submitted) -> None:
    """Upsert the answers of one step; an emptied answer is removed. New answers go in as one multi-row
    INSERT (a whole page of answers is one statement, not one per answer)."""
    existing = {(a.item_code, a.instance): a for a in response.answers}
    new_rows = []
    for (code, instance), (value, other) in submitted.items():
        row = existing.get((code, instance))
        if value is None:
            if row is not None:
                response.answers.remove(row)
            continue
        text = encode(value)
        if row is None:
            new_rows.append(
                {
                    "response_id": response.id,
                    "item_code": code,
                    "instance": instance,
                    "value": text,
                    "other_text": other,
                }
            )
        elif (row.value, row.other_text) != (text, other):
            row.value, row.other_text, row.scrubbed_text = text, other, None
    db.session.flush()
    if new_rows:
        db.session.execute(insert(Answer), new_rows)
        db.session.expire(response, ["answers"])  # read again, with the new rows, when next needed


def drop_hidden_answers(response: Response, visible: set[AnswerKey]) -> None:
    """Remove answers to questions the respondent's final path skips (an earlier answer changed)."""
    for row in list(response.answers):
        if (row.item_code, row.instance) not in visible:
            response.answers.remove(row)
    db.session.flush()
