"""Finding answers to code: search and filters, progress figures, and the next answer in a filtered list.

Searching looks in the scrubbed text only, so a search can never reveal what scrubbing removed.
"""

from dataclasses import asdict, dataclass

from sqlalchemy import Select, and_, exists, func, or_, select

from survey.coding.models import AnswerCode, CodedAnswer, QuestionCodebook, Sentiment, Source
from survey.extensions import db
from survey.responses.models import Answer

STATUSES = ("uncoded", "unverified", "verified", "auto")
PAGE_SIZE = 25


@dataclass(frozen=True)
class AnswerFilter:
    q: str = ""
    theme: int | None = None
    status: str = ""
    sentiment: str = ""
    source: str = ""

    @classmethod
    def from_args(cls, args) -> "AnswerFilter":
        """Read the filter from query or form arguments; unknown values are ignored, never an error."""
        theme = args.get("theme", "")
        return cls(
            q=(args.get("q") or "").strip()[:200],
            theme=int(theme) if theme.isdigit() else None,
            status=_one_of(args.get("status"), STATUSES),
            sentiment=_one_of(args.get("sentiment"), [s.value for s in Sentiment]),
            source=_one_of(args.get("source"), [s.value for s in Source]),
        )

    def as_args(self) -> dict:
        """The filter as URL arguments (empty ones left out)."""
        return {k: v for k, v in asdict(self).items() if v not in ("", None)}

    @property
    def active(self) -> bool:
        return bool(self.as_args())


def _one_of(value, allowed) -> str:
    return value if value in allowed else ""


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def filtered(survey_id: int, item_code: str, f: AnswerFilter, threshold: float | None) -> Select:
    """Coding rows of a question matching the filter, in the order of the answers' ids: a fixed order that, the
    ids being random, says nothing about when an answer came."""
    stmt = (
        select(CodedAnswer)
        .join(Answer, Answer.id == CodedAnswer.answer_id)
        .where(CodedAnswer.survey_id == survey_id, CodedAnswer.item_code == item_code)
        .order_by(CodedAnswer.answer_id)
    )
    if f.q:
        stmt = stmt.where(Answer.scrubbed_text.ilike(f"%{_escape_like(f.q)}%", escape="\\"))
    if f.theme is not None:
        counts = or_(AnswerCode.verified.is_(True), CodedAnswer.verified.is_(False))
        stmt = stmt.where(
            exists().where(AnswerCode.answer_id == CodedAnswer.answer_id, AnswerCode.theme_id == f.theme, counts)
        )
    if f.sentiment:
        stmt = stmt.where(CodedAnswer.sentiment == Sentiment(f.sentiment))
    if f.source:
        stmt = stmt.where(
            exists().where(AnswerCode.answer_id == CodedAnswer.answer_id, AnswerCode.source == Source(f.source))
        )
    return stmt.where(_status_clause(f.status, threshold)) if f.status else stmt


def _status_clause(status: str, threshold: float | None):
    if status == "verified":
        return CodedAnswer.verified.is_(True)
    if status == "unverified":
        return CodedAnswer.verified.is_(False)
    if status == "auto":
        return and_(CodedAnswer.verified.is_(False), _auto(threshold))
    return and_(CodedAnswer.verified.is_(False), ~exists().where(AnswerCode.answer_id == CodedAnswer.answer_id))


def _auto(threshold: float | None):
    if threshold is None:
        return CodedAnswer.answer_id.is_(None)  # nothing is coded automatically without a threshold
    return CodedAnswer.model_confidence >= threshold


def page_of(stmt: Select, page: int) -> tuple[list[CodedAnswer], int]:
    """One page of rows and the number of pages."""
    total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(1, page), pages)
    rows = list(db.session.scalars(stmt.limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)))
    return rows, pages


def neighbours(stmt: Select, answer_id: int) -> tuple[int | None, int | None]:
    """The previous and next answer ids around this one in a filtered list."""
    ids = stmt.order_by(None).with_only_columns(CodedAnswer.answer_id).subquery()
    before = db.session.scalar(select(func.max(ids.c.answer_id)).where(ids.c.answer_id < answer_id))
    after = db.session.scalar(select(func.min(ids.c.answer_id)).where(ids.c.answer_id > answer_id))
    return before, after


def first_id(stmt: Select) -> int | None:
    return db.session.scalar(stmt.with_only_columns(CodedAnswer.answer_id).limit(1))


@dataclass(frozen=True)
class Progress:
    total: int
    verified: int
    auto: int
    suggested: int

    @property
    def open(self) -> int:
        return self.total - self.verified - self.auto


def progress(survey_id: int, item_code: str, link: QuestionCodebook | None) -> Progress:
    """How far a question is: checked by a person, coded automatically, with any suggestion."""
    threshold = link.auto_threshold if link is not None else None
    base = (
        select(func.count())
        .select_from(CodedAnswer)
        .where(CodedAnswer.survey_id == survey_id, CodedAnswer.item_code == item_code)
    )
    has_code = exists().where(AnswerCode.answer_id == CodedAnswer.answer_id)
    return Progress(
        total=db.session.scalar(base) or 0,
        verified=db.session.scalar(base.where(CodedAnswer.verified.is_(True))) or 0,
        auto=db.session.scalar(base.where(CodedAnswer.verified.is_(False), _auto(threshold))) or 0,
        suggested=db.session.scalar(base.where(CodedAnswer.verified.is_(False), has_code)) or 0,
    )


def human_counts(survey_id: int, item_code: str) -> dict[int, int]:
    """Checked answers per theme id (what the classifier learns from)."""
    rows = db.session.execute(
        select(AnswerCode.theme_id, func.count())
        .join(CodedAnswer, CodedAnswer.answer_id == AnswerCode.answer_id)
        .where(
            CodedAnswer.survey_id == survey_id,
            CodedAnswer.item_code == item_code,
            CodedAnswer.verified.is_(True),
            AnswerCode.verified.is_(True),
        )
        .group_by(AnswerCode.theme_id)
    )
    return dict(rows.all())
