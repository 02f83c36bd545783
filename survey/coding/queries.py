"""Reading the final codes of answers, for results pages, exports and reports.

The final themes of an answer: when a human verified the answer, its verified codes; otherwise the
rule codes plus model codes at or above the question's auto-accept threshold (none without one).
"""

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from survey.coding.models import AnswerCode, CodedAnswer, QuestionCodebook, Source, Theme
from survey.extensions import db


@dataclass(frozen=True)
class FinalCode:
    theme_key: str
    theme_label: str
    source: str
    probability: float | None
    verified: bool


@dataclass(frozen=True)
class FinalCoding:
    themes: tuple[FinalCode, ...]
    sentiment: str
    sentiment_source: str
    kinds: tuple[str, ...]
    verified: bool


def thresholds(survey_id: int) -> dict[str, float | None]:
    """The auto-accept threshold per open item code of a survey."""
    rows = db.session.execute(
        select(QuestionCodebook.item_code, QuestionCodebook.auto_threshold).where(
            QuestionCodebook.survey_id == survey_id
        )
    )
    return {code: threshold for code, threshold in rows}


def is_final(code: AnswerCode, coded: CodedAnswer, threshold: float | None) -> bool:
    """Whether a code counts: human-verified answers keep only verified codes."""
    if coded.verified:
        return code.verified
    if code.source == Source.MODEL:
        return threshold is not None and (code.probability or 0) >= threshold
    return True


def final_codings(survey_id: int, answer_ids: list[int] | None = None) -> dict[int, FinalCoding]:
    """answer id → its final themes, sentiment and kinds of remark, for one survey."""
    limits = thresholds(survey_id)
    stmt = (
        select(CodedAnswer)
        .where(CodedAnswer.survey_id == survey_id)
        .options(selectinload(CodedAnswer.codes).selectinload(AnswerCode.theme), selectinload(CodedAnswer.kinds))
    )
    if answer_ids is not None:
        stmt = stmt.where(CodedAnswer.answer_id.in_(answer_ids))
    result = {}
    for coded in db.session.scalars(stmt):
        limit = limits.get(coded.item_code)
        themes = tuple(
            FinalCode(c.theme.key, c.theme.label, c.source.value, c.probability, c.verified)
            for c in sorted(coded.codes, key=lambda c: c.theme.position)
            if is_final(c, coded, limit)
        )
        kinds = tuple(k.kind.value for k in coded.kinds if k.verified or not coded.verified)
        result[coded.answer_id] = FinalCoding(
            themes, coded.sentiment.value, coded.sentiment_source.value, kinds, coded.verified
        )
    return result


def themes_of_codebook(codebook_id: int) -> list[Theme]:
    return list(db.session.scalars(select(Theme).where(Theme.codebook_id == codebook_id).order_by(Theme.position)))
