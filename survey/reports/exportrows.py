"""The rows of a response export, streamed: one record per completed response, in the plan's columns.

Two ordered streams are merged: the responses (by id) and their answers (by response id), both read in
batches with ``yield_per``; open answers get their final codes per chunk of responses. Memory stays flat
whatever the size of the round. A record holds plain values: the stored code of an item, 0/1 flags,
texts, the week as a date; each writer turns them into its own cells.

Open answers come from the scrubbed copy. The raw text (and the raw "anders, namelijk" text) is only
read when ``raw`` is set; an answer without a scrubbed copy yet is left empty, never filled with raw text.
"""

from __future__ import annotations

from collections.abc import Iterator

from flask_babel import gettext as _
from sqlalchemy import select

from survey.coding.queries import FinalCoding
from survey.extensions import db
from survey.reports.codebook import Variable
from survey.reports.items import REPEAT_SEPARATOR
from survey.reports.openanswers import codings_for
from survey.reports.results import BATCH, completed_filter, decode_multi, respondent_rows
from survey.responses.models import Answer, Response

CHUNK = 2_000


def answer_stream(survey_id: int, raw: bool):
    """(response id, answer id, item code, instance, value, other text, scrubbed text) by response id."""
    other = Answer.other_text if raw else Answer.other_text.is_(None)
    stmt = (select(Answer.response_id, Answer.id, Answer.item_code, Answer.instance, Answer.value, other,
                   Answer.scrubbed_text)
            .join(Response, Response.id == Answer.response_id)
            .where(completed_filter(survey_id)).order_by(Answer.response_id, Answer.id))
    return db.session.execute(stmt.execution_options(yield_per=BATCH))


def _grouped(survey_id: int, raw: bool) -> Iterator[tuple[tuple, list[tuple]]]:
    """(response row, its answer rows) for every completed response, in id order."""
    answers = iter(answer_stream(survey_id, raw))
    pending = next(answers, None)
    for response in respondent_rows(survey_id):
        own = []
        while pending is not None and pending[0] == response[0]:
            own.append(pending)
            pending = next(answers, None)
        yield response, own


def records(survey_id: int, plan: list[Variable], raw: bool = False) -> Iterator[list]:
    """One list of values per completed response, aligned with ``plan``."""
    chunk: list[tuple[tuple, list[tuple]]] = []
    number = 0
    for grouped in _grouped(survey_id, raw):
        chunk.append(grouped)
        if len(chunk) == CHUNK:
            yield from _chunk_records(survey_id, plan, chunk, number, raw)
            number += len(chunk)
            chunk = []
    if chunk:
        yield from _chunk_records(survey_id, plan, chunk, number, raw)


def _open_ids(plan: list[Variable], chunk) -> list[int]:
    open_codes = {v.item.stored_code for v in plan if v.kind == "text"}
    return [row[1] for _, rows in chunk for row in rows if row[2] in open_codes]


def _chunk_records(survey_id: int, plan: list[Variable], chunk, start: int, raw: bool) -> Iterator[list]:
    ids = _open_ids(plan, chunk)
    codings = codings_for(survey_id, ids) if ids else {}
    for offset, (response, rows) in enumerate(chunk, start=1):
        yield _record(plan, start + offset, response, rows, codings, raw)


def _record(plan: list[Variable], number: int, response: tuple, rows: list[tuple],
            codings: dict[int, FinalCoding], raw: bool) -> list:
    _id, language, channel, week, background = response
    answers = {}
    for _rid, answer_id, code, instance, value, other, scrubbed in rows:
        key = f"{code}{REPEAT_SEPARATOR}{instance}" if instance else code
        answers[key] = (answer_id, value, other, scrubbed)
    background = background or {}
    out = []
    for variable in plan:
        kind = variable.kind
        if kind == "respondent":
            out.append(number)
        elif kind == "channel":
            out.append(str(channel))
        elif kind == "language":
            out.append(language)
        elif kind == "week":
            out.append(week)
        elif kind == "background":
            value = background.get(variable.key)
            out.append(None if value in (None, "") else str(value))
        else:
            out.append(_item_value(variable, answers.get(variable.item.code), codings, raw))
    return out


def _item_value(variable: Variable, answer, codings: dict[int, FinalCoding], raw: bool):
    if answer is None:
        return None
    answer_id, value, other, scrubbed = answer
    kind = variable.kind
    if kind == "item":
        return value
    if kind == "option":
        return 1 if variable.key in decode_multi(value) else 0
    if kind == "text":
        return value if raw else scrubbed
    if kind == "other":
        return other if raw and isinstance(other, str) else None
    coding = codings.get(answer_id)
    if coding is None:
        return None
    if kind == "themes":
        return "; ".join(c.theme_label for c in coding.themes)
    if kind == "theme":
        return int(any(c.theme_key == variable.key for c in coding.themes))
    if kind == "sentiment":
        return coding.sentiment
    if kind == "provenance":
        return "; ".join(_provenance(c) for c in coding.themes)
    return None


def _provenance(code) -> str:
    """``wachttijd=model 0.91`` / ``serieus=mens gecontroleerd``: where a final code came from."""
    text = f"{code.theme_key}={code.source}"
    if code.probability is not None:
        text += f" {code.probability:.2f}"
    if code.verified:
        text += " " + _("verified")
    return text
