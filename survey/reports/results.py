"""Loading a round's rows into the frames of :mod:`analysis.frames`: one query per table, streamed.

Only completed responses count. Responses become the respondents frame (language, channel, week and the
coarse background variables); their answers to the requested items become the long answers frame.
Rows are read in batches (``yield_per``) and turned into columns per batch, so a 100k-response round
never holds ORM objects. Response ids are replaced by their position (0..n-1), which is what the
computations group on; the random ids themselves never leave this module.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from sqlalchemy import select

from analysis.frames import answers_frame
from survey.extensions import db
from survey.questionnaires.models import Survey
from survey.reports.items import REPEAT_SEPARATOR, ReportItem, report_items
from survey.responses.models import Answer, Response, ResponseStatus

BATCH = 20_000
#: respondent columns that are not background variables
META_COLUMNS = ("language", "channel", "week")


@dataclass(frozen=True, eq=False)
class RoundData:
    """One round ready for computation: its items, respondents and answers (scored and choice items)."""

    survey: Survey
    items: list[ReportItem]
    respondents: pd.DataFrame
    answers: pd.DataFrame
    #: the background variables that occur, in a fixed order
    variables: tuple[str, ...] = field(default=())
    #: the open answers: answer_id, response_id (position), item_code, scrubbed (a scrubbed copy exists)
    open_answers: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def n(self) -> int:
        """Completed responses in the round."""
        return len(self.respondents)


def completed_filter(survey_id: int):
    """The where-clause of a round's completed responses."""
    return (Response.survey_id == survey_id) & (Response.status == ResponseStatus.COMPLETED)


def respondent_rows(survey_id: int):
    """Stream (id, language, channel, week, background) of completed responses, ordered by id."""
    stmt = (select(Response.id, Response.language, Response.channel, Response.week, Response.background)
            .where(completed_filter(survey_id)).order_by(Response.id))
    return db.session.execute(stmt.execution_options(yield_per=BATCH))


def load_respondents(survey_id: int) -> tuple[pd.DataFrame, list[str], tuple[str, ...]]:
    """(respondents frame indexed by position, the response ids in that order, background variables)."""
    ids, languages, channels, weeks, backgrounds = [], [], [], [], []
    for part in respondent_rows(survey_id).partitions():
        columns = list(zip(*part, strict=True))
        ids += columns[0]
        languages += columns[1]
        channels += [str(c) for c in columns[2]]
        weeks += columns[3]
        backgrounds += columns[4]
    variables = background_keys(backgrounds)
    frame = pd.DataFrame({"language": pd.Series(languages, dtype="object"),
                          "channel": pd.Series(channels, dtype="object"),
                          "week": pd.Series(weeks, dtype="object")})
    for variable in variables:
        frame[variable] = pd.Series([_text((b or {}).get(variable)) for b in backgrounds], dtype="object")
    frame.index.name = "response_id"
    return frame, ids, variables


def background_keys(backgrounds: Iterable[dict | None]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for background in backgrounds:
        for key in background or {}:
            if key not in META_COLUMNS:
                seen.setdefault(str(key), None)
    return tuple(sorted(seen))


def _text(value) -> str | None:
    return None if value in (None, "") else str(value)


def answer_rows(survey_id: int, stored_codes: Iterable[str]):
    """Stream (response id, item code, instance, value) of completed responses for these item codes."""
    stmt = (select(Answer.response_id, Answer.item_code, Answer.instance, Answer.value)
            .join(Response, Response.id == Answer.response_id)
            .where(completed_filter(survey_id), Answer.item_code.in_(sorted(set(stored_codes)))))
    return db.session.execute(stmt.execution_options(yield_per=BATCH))


def load_answers(survey_id: int, items: list[ReportItem], ids: list[str]) -> pd.DataFrame:
    """The long answers frame of these items; multiple-choice answers become one row per option."""
    wanted = {i.code for i in items}
    multi = {i.code for i in items if i.kind == "multi"}
    index = pd.Index(ids)
    parts = []
    for part in answer_rows(survey_id, {i.stored_code for i in items}).partitions():
        rid, code, instance, value = (np.array(c, dtype=object) for c in zip(*part, strict=True))
        repeated = instance != ""
        if repeated.any():
            code = code.copy()
            code[repeated] = [f"{c}{REPEAT_SEPARATOR}{i}" for c, i in zip(code[repeated], instance[repeated],
                                                                         strict=True)]
        frame = pd.DataFrame({"response_id": index.get_indexer(rid), "item_code": code, "value": value})
        parts.append(frame[frame["item_code"].isin(wanted)])
    if not parts:
        return answers_frame(pd.DataFrame({"response_id": pd.Series([], dtype="int64"),
                                           "item_code": pd.Series([], dtype="object"),
                                           "value": pd.Series([], dtype="object")}))
    frame = pd.concat(parts, ignore_index=True)
    if multi:
        frame = _expand_multi(frame, multi)
    return answers_frame(frame)


def _expand_multi(frame: pd.DataFrame, multi: set[str]) -> pd.DataFrame:
    """Multiple-choice answers are stored as a JSON list of codes: one row per chosen code."""
    is_multi = frame["item_code"].isin(multi)
    rows = []
    for response_id, code, value in frame.loc[is_multi].itertuples(index=False, name=None):
        for chosen in decode_multi(value):
            rows.append((response_id, code, chosen))
    expanded = pd.DataFrame(rows, columns=["response_id", "item_code", "value"])
    return pd.concat([frame.loc[~is_multi], expanded], ignore_index=True)


def decode_multi(value: str) -> list[str]:
    """The chosen codes of a stored multiple-choice answer (a JSON list; a plain code is one choice)."""
    try:
        decoded = json.loads(value)
    except (TypeError, ValueError):
        return [value] if value else []
    if isinstance(decoded, list):
        return [str(v) for v in decoded if v not in (None, "")]
    return [str(decoded)]


def load_round(survey: Survey, items: list[ReportItem] | None = None) -> RoundData:
    """Items, respondents and the answers to every scored and choice item of a round."""
    items = report_items(survey) if items is None else items
    respondents, ids, variables = load_respondents(survey.id)
    counted = [i for i in items if i.scored or i.kind in ("choice", "multi")]
    answers = load_answers(survey.id, counted, ids) if counted and ids else load_answers(survey.id, [], [])
    opened = load_open_answers(survey.id, [i for i in items if i.is_open], ids)
    return RoundData(survey=survey, items=items, respondents=respondents, answers=answers, variables=variables,
                     open_answers=opened)


def load_open_answers(survey_id: int, items: list[ReportItem], ids: list[str]) -> pd.DataFrame:
    """Which respondent wrote which open answer (never the text): answer_id, response_id, item_code."""
    columns = ["answer_id", "response_id", "item_code", "scrubbed"]
    wanted = {i.code for i in items}
    if not wanted or not ids:
        return pd.DataFrame(columns=columns)
    stmt = (select(Answer.id, Answer.response_id, Answer.item_code, Answer.instance,
                   Answer.scrubbed_text.is_not(None))
            .join(Response, Response.id == Answer.response_id)
            .where(completed_filter(survey_id), Answer.item_code.in_(sorted({i.stored_code for i in items})),
                   Answer.value != ""))
    index, rows = pd.Index(ids), []
    for part in db.session.execute(stmt.execution_options(yield_per=BATCH)).partitions():
        for answer_id, response_id, code, instance, scrubbed in part:
            code = f"{code}{REPEAT_SEPARATOR}{instance}" if instance else code
            if code in wanted:
                rows.append((answer_id, response_id, code, bool(scrubbed)))
    frame = pd.DataFrame(rows, columns=columns)
    frame["response_id"] = index.get_indexer(frame["response_id"]) if len(frame) else frame["response_id"]
    return frame
