"""The final codes of open answers, read as plain rows (no ORM objects), for pages and exports.

Which codes count is the rule of :func:`survey.coding.queries.is_final` (what
:func:`survey.coding.queries.final_codings` applies). Exports read the codes of a chunk of answers and
apply that function; pages count in the database with :func:`final_condition`, the same rule as a
where-clause (a test checks that both agree on every combination).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy import func, select

from survey.coding.models import AnswerCode, AnswerKind, CodedAnswer, QuestionCodebook, Source, Theme
from survey.coding.queries import FinalCode, is_final, thresholds
from survey.extensions import db
from survey.reports.results import background_text, completed_filter, raw_stream
from survey.responses.models import Answer, Response

CHUNK = 5_000


@dataclass(frozen=True)
class _Code:
    source: str
    probability: float | None
    verified: bool


@dataclass(frozen=True)
class _Coded:
    verified: bool


@dataclass
class Coding:
    """The final coding of one open answer: sentiment and final codes in codebook order."""

    answer_id: int
    item_code: str
    sentiment: str
    final: list[FinalCode] = field(default_factory=list)
    _positions: list[tuple[int, str]] = field(default_factory=list, repr=False)

    def add(self, position: int, code: FinalCode) -> None:
        """Insert a final code at its place in the codebook order."""
        place = (position, code.theme_key)
        index = sum(1 for p in self._positions if p < place)
        self._positions.insert(index, place)
        self.final.insert(index, code)


def codings(survey_id: int, answer_ids: Iterable[int], limits: dict | None = None) -> dict[int, Coding]:
    """answer id -> final coding of these answers (exports read a chunk of responses at a time);
    ``limits`` are the survey's thresholds when the caller has them already."""
    limits = thresholds(survey_id) if limits is None else limits
    ids = sorted(set(answer_ids))
    out: dict[int, Coding] = {}
    for start in range(0, len(ids), CHUNK):
        stmt = (
            select(
                CodedAnswer.answer_id,
                CodedAnswer.item_code,
                CodedAnswer.verified,
                sa.cast(CodedAnswer.sentiment, sa.String),
                sa.cast(AnswerCode.source, sa.String),
                AnswerCode.probability,
                AnswerCode.verified,
                Theme.key,
                Theme.label,
                Theme.position,
            )
            .outerjoin(AnswerCode, AnswerCode.answer_id == CodedAnswer.answer_id)
            .outerjoin(Theme, Theme.id == AnswerCode.theme_id)
            .where(CodedAnswer.answer_id.in_(ids[start : start + CHUNK]))
        )
        for row in raw_stream(stmt):
            _add(out, row, limits)
    return out


def _add(out: dict[int, Coding], row, limits: dict) -> None:
    answer_id, code, verified, sentiment, source, probability, code_verified, key, label, position = row
    coding = out.get(answer_id)
    if coding is None:
        coding = out[answer_id] = Coding(answer_id, code, sentiment)
    if key is not None and is_final(
        _Code(source, probability, bool(code_verified)), _Coded(bool(verified)), limits.get(code)
    ):
        coding.add(position, FinalCode(key, label, source, probability, bool(code_verified)))


def final_condition():
    """:func:`survey.coding.queries.is_final` as a where-clause over coded_answer, answer_code and the
    outer-joined question_codebook: human-verified answers keep only verified codes; otherwise model
    codes need a threshold and a probability at or above it, rule and human codes always count."""
    return sa.or_(
        sa.and_(CodedAnswer.verified == sa.true(), AnswerCode.verified == sa.true()),
        sa.and_(
            CodedAnswer.verified == sa.false(),
            sa.or_(
                AnswerCode.source != Source.MODEL,
                sa.and_(
                    QuestionCodebook.auto_threshold.is_not(None),
                    func.coalesce(AnswerCode.probability, 0) >= QuestionCodebook.auto_threshold,
                ),
            ),
        ),
    )


def _joined(stmt, survey_id: int):
    """Codes joined to their coded answer, theme, threshold, answer and completed response."""
    return (
        stmt.select_from(AnswerCode)
        .join(CodedAnswer, CodedAnswer.answer_id == AnswerCode.answer_id)
        .join(Theme, Theme.id == AnswerCode.theme_id)
        .outerjoin(
            QuestionCodebook,
            (QuestionCodebook.survey_id == CodedAnswer.survey_id)
            & (QuestionCodebook.item_code == CodedAnswer.item_code),
        )
        .join(Answer, Answer.id == CodedAnswer.answer_id)
        .join(Response, Response.id == Answer.response_id)
        .where(CodedAnswer.survey_id == survey_id, completed_filter(survey_id), final_condition())
    )


def theme_counts(survey_id: int) -> list[tuple]:
    """(language, background text, item code, instance, theme key, label, position, answers) of the final
    codes of completed responses, counted in the database."""
    columns = (
        Response.language,
        background_text(),
        CodedAnswer.item_code,
        Answer.instance,
        Theme.key,
        Theme.label,
        Theme.position,
    )
    stmt = _joined(select(*columns, func.count()), survey_id).group_by(*columns)
    return [tuple(row) for row in db.session.execute(stmt)]


def themed_counts(survey_id: int) -> list[tuple]:
    """(language, background text, item code, instance, answers with at least one final theme)."""
    columns = (Response.language, background_text(), CodedAnswer.item_code, Answer.instance)
    stmt = _joined(select(*columns, func.count(sa.distinct(CodedAnswer.answer_id))), survey_id).group_by(*columns)
    return [tuple(row) for row in db.session.execute(stmt)]


def kind_counts(survey_id: int) -> list[tuple]:
    """(language, background text, item code, instance, theme key, kind of remark, answers): how many
    answers with a final theme are of each kind. A checked answer counts its checked kinds only; an
    unchecked one its suggested kinds, as the coding screen shows them."""
    columns = (
        Response.language,
        background_text(),
        CodedAnswer.item_code,
        Answer.instance,
        Theme.key,
        sa.cast(AnswerKind.kind, sa.String),
    )
    stmt = (
        _joined(select(*columns, func.count()), survey_id)
        .join(AnswerKind, AnswerKind.answer_id == CodedAnswer.answer_id)
        .where(sa.or_(CodedAnswer.verified == sa.false(), AnswerKind.verified == sa.true()))
        .group_by(*columns)
    )
    return [tuple(row) for row in db.session.execute(stmt)]


def coded_counts(survey_id: int) -> list[tuple]:
    """(language, background text, item code, instance, sentiment, coded answers) of completed responses."""
    columns = (
        Response.language,
        background_text(),
        CodedAnswer.item_code,
        Answer.instance,
        sa.cast(CodedAnswer.sentiment, sa.String),
    )
    stmt = (
        select(*columns, func.count())
        .select_from(CodedAnswer)
        .join(Answer, Answer.id == CodedAnswer.answer_id)
        .join(Response, Response.id == Answer.response_id)
        .where(CodedAnswer.survey_id == survey_id, completed_filter(survey_id))
        .group_by(*columns)
    )
    return [tuple(row) for row in db.session.execute(stmt)]


def quote_candidates(survey_id: int, profiles: list[tuple] | None, per_theme: int, max_length: int) -> list[tuple]:
    """(item code, instance, theme key, answer id, scrubbed text): the first answers per theme with a short
    scrubbed copy, from the given profiles ((language, background text), ...; None: all)."""
    number = (
        func.row_number()
        .over(partition_by=(CodedAnswer.item_code, Answer.instance, Theme.key), order_by=Answer.id)
        .label("number")
    )
    stmt = _joined(
        select(CodedAnswer.item_code, Answer.instance, Theme.key, Answer.id, Answer.scrubbed_text, number), survey_id
    )
    stmt = stmt.where(Answer.scrubbed_text.is_not(None), func.length(Answer.scrubbed_text) <= max_length)
    if profiles is not None:
        stmt = stmt.where(sa.tuple_(Response.language, background_text()).in_(profiles))
    ranked = stmt.subquery()
    rows = db.session.execute(
        select(ranked.c.item_code, ranked.c.instance, ranked.c.key, ranked.c.id, ranked.c.scrubbed_text)
        .where(ranked.c.number <= per_theme)
        .order_by(ranked.c.id)
    )
    return [tuple(row) for row in rows]
