"""The records of a round's response export: one list of values per completed response, aligned with the
plan's variables (:mod:`survey.reports.exports.plan`).

The records are streamed: two ordered streams are merged, the responses (by id) and their answers (by
response id), both read in batches with ``yield_per``; open answers get their final codes per chunk of
responses (:mod:`survey.reports.codes`). Memory stays flat whatever the size of the round. A record holds
plain values: the stored code of an item, 0/1 flags, texts, the week as a date; each writer makes its own
cells. Language and background are those :mod:`survey.reports.anonymity` lets the round show (k over the
combination); a dropped value is empty (onbekend).

Open answers come from the scrubbed copy, chosen in the query. The raw text (and the raw "anders,
namelijk" text) is only read when ``raw`` is set; an answer without a scrubbed copy yet stays empty, never
filled with raw text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from itertools import groupby
from operator import itemgetter

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy import select

from survey.coding.queries import FinalCode, thresholds
from survey.extensions import db
from survey.questionnaires.models import Survey
from survey.reports.anonymity import Shown, export_profiles, shown_profiles
from survey.reports.codes import Coding, codings
from survey.reports.exports.plan import Variable
from survey.reports.items import REPEAT_SEPARATOR
from survey.reports.results import background_text, completed_filter, decode_multi, raw_stream
from survey.responses.models import Answer, Response

CHUNK = 2_000


def respondent_stream(survey_id: int) -> Iterator[tuple]:
    """(id, language, channel, week, background text) of the completed responses, by id."""
    stmt = (
        select(Response.id, Response.language, sa.cast(Response.channel, sa.String), Response.week, background_text())
        .where(completed_filter(survey_id))
        .order_by(Response.id)
    )
    return raw_stream(stmt)


def answer_stream(survey_id: int, open_codes: list[str], raw: bool) -> Iterator[tuple]:
    """(response id, answer id, item code, instance, value or scrubbed text, other text), by response id."""
    value = Answer.value
    if open_codes and not raw:
        value = sa.case((Answer.item_code.in_(open_codes), Answer.scrubbed_text), else_=Answer.value)
    other = Answer.other_text if raw else sa.null()
    stmt = (
        select(Answer.response_id, Answer.id, Answer.item_code, Answer.instance, value, other)
        .join(Response, Response.id == Answer.response_id)
        .where(completed_filter(survey_id))
        .order_by(Answer.response_id, Answer.id)
    )
    return raw_stream(stmt)


def _grouped(survey_id: int, open_codes: list[str], raw: bool) -> Iterator[tuple[tuple, list[tuple]]]:
    """(response row, its answer rows) for every completed response, in id order."""
    responses = respondent_stream(survey_id)
    for response_id, rows in groupby(answer_stream(survey_id, open_codes, raw), key=itemgetter(0)):
        own = list(rows)
        for response in responses:
            if response[0] == response_id:
                yield response, own
                break
            yield response, []  # a completed response without answers
    for response in responses:
        yield response, []


def records(survey_id: int, plan: list[Variable], raw: bool = False) -> Iterator[list]:
    """One list of values per completed response, aligned with ``plan``."""
    open_codes = sorted({v.item.stored_code for v in plan if v.kind == "text"})
    verified = _("verified")
    getters = [getter(v, raw, verified) for v in plan]
    limits = thresholds(survey_id)
    survey = db.session.get(Survey, survey_id)
    shown = shown_profiles(survey)
    parsed = (shown, export_profiles(survey, shown))
    chunk: list[tuple[tuple, list[tuple]]] = []
    number = 0
    for grouped in _grouped(survey_id, open_codes, raw):
        chunk.append(grouped)
        if len(chunk) == CHUNK:
            yield from _chunk_records(survey_id, getters, chunk, number, open_codes, parsed, limits)
            number += len(chunk)
            chunk = []
    if chunk:
        yield from _chunk_records(survey_id, getters, chunk, number, open_codes, parsed, limits)


def _chunk_records(
    survey_id, getters, chunk, start: int, open_codes: list[str], shown: tuple[Shown, dict], limits: dict
) -> Iterator[list]:
    ids = [row[1] for _, rows in chunk for row in rows if row[2] in open_codes]
    coded = codings(survey_id, ids, limits) if ids else {}
    for offset, ((_id, language, channel, week, text), rows) in enumerate(chunk, start=1):
        answers = {(f"{c}{REPEAT_SEPARATOR}{i}" if i else c): (a, v, o) for _r, a, c, i, v, o in rows}
        if isinstance(week, str):  # SQLite hands dates over as text
            week = date.fromisoformat(week)
        if _id in shown[1]:  # k over the combination, with the answers to background questions
            language, background, dropped = shown[1][_id]
            answers = {key: a for key, a in answers.items() if key not in dropped}
        else:  # k over the combination of language and stored background
            language, background = shown[0].of(language, text)
        context = (start + offset, language or None, channel, week, background, answers, coded)
        yield [get(context) for get in getters]


def getter(variable: Variable, raw: bool, verified: str = "verified") -> Callable[[tuple], object]:
    """A function from (number, language, channel, week, background, answers, codings) to the value."""
    kind = variable.kind
    fixed = {"respondent": 0, "language": 1, "channel": 2, "week": 3}
    if kind in fixed:
        position = fixed[kind]
        return lambda c: c[position]
    if kind == "background":
        key = variable.key
        return lambda c: _text(c[4].get(key))
    code = variable.item.code
    if kind in ("item", "text"):
        return lambda c: _answer(c, code, 1)
    if kind == "other":
        return lambda c: _answer(c, code, 2) if raw else None
    if kind == "option":
        option = variable.key
        return lambda c: None if (a := c[5].get(code)) is None else int(option in decode_multi(a[1]))
    return _coding_getter(variable, code, verified)


def _coding_getter(variable: Variable, code: str, verified: str) -> Callable[[tuple], object]:
    kind, key = variable.kind, variable.key

    def get(c):
        answer = c[5].get(code)
        coding: Coding | None = c[6].get(answer[0]) if answer is not None else None
        if coding is None:
            return None
        final = coding.final
        if kind == "themes":
            return "; ".join(f.theme_label for f in final)
        if kind == "theme":
            return int(any(f.theme_key == key for f in final))
        if kind == "sentiment":
            return coding.sentiment
        return "; ".join(provenance(f, verified) for f in final)

    return get


def _answer(context: tuple, code: str, position: int):
    answer = context[5].get(code)
    return None if answer is None else answer[position]


def _text(value):
    return None if value in (None, "") else str(value)


def provenance(code: FinalCode, verified: str) -> str:
    """``wachttijd=model 0.91`` / ``serieus=mens gecontroleerd``: where a final code came from."""
    text = f"{code.theme_key}={code.source}"
    if code.probability is not None:
        text += f" {code.probability:.2f}"
    if code.verified:
        text += " " + verified
    return text
