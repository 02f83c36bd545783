"""Agreement between coders: a random sample of checked answers coded again, blind, by a second coder.

The first coder's themes are copied when the second coder finishes, so later corrections (resolving a
disagreement) do not change the agreement that was measured.
"""

import math
import random
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from analysis.agreement import agreement
from survey.accounts.models import ROLE_PERMISSIONS, Membership, Permission, User
from survey.coding.models import AnswerCode, CodedAnswer, SecondCoding
from survey.extensions import db


def possible_coders(region_id: int) -> list[User]:
    """Members of the region who may code answers."""
    rows = db.session.scalars(
        select(Membership).where(Membership.region_id == region_id).options(selectinload(Membership.user))
    )
    return sorted(
        (m.user for m in rows if Permission.CODE_ANSWERS in ROLE_PERMISSIONS[m.role] and m.user.active),
        key=lambda u: u.name,
    )


def _question(survey_id: int, item_code: str):
    return (CodedAnswer.survey_id == survey_id, CodedAnswer.item_code == item_code)


def draw_sample(survey_id: int, item_code: str, size: int, coder_id: int, seed: int | None = None) -> int:
    """Pick up to ``size`` checked answers the coder did not check and has not been given; returns how many."""
    taken = select(SecondCoding.answer_id).where(SecondCoding.coder_id == coder_id)
    candidates = list(
        db.session.scalars(
            select(CodedAnswer.answer_id)
            .where(
                *_question(survey_id, item_code),
                CodedAnswer.verified.is_(True),
                CodedAnswer.verified_by_id != coder_id,
                CodedAnswer.answer_id.not_in(taken),
            )
            .order_by(CodedAnswer.answer_id)
        )
    )
    chosen = random.Random(seed).sample(candidates, min(size, len(candidates)))  # noqa: S311 - not security
    db.session.add_all(SecondCoding(answer_id=a, coder_id=coder_id) for a in sorted(chosen))
    db.session.flush()
    return len(chosen)


def sample_rows(survey_id: int, item_code: str) -> list[SecondCoding]:
    return list(
        db.session.scalars(
            select(SecondCoding)
            .join(CodedAnswer, CodedAnswer.answer_id == SecondCoding.answer_id)
            .where(*_question(survey_id, item_code))
            .order_by(SecondCoding.answer_id, SecondCoding.id)
        )
    )


def pending_for(survey_id: int, item_code: str, coder_id: int) -> list[SecondCoding]:
    return [s for s in sample_rows(survey_id, item_code) if s.coder_id == coder_id and not s.done]


def blind_for(answer_id: int, coder_id: int) -> SecondCoding | None:
    """The coder's second coding of this answer, if they have it still to do (then they code it blind)."""
    return db.session.scalar(
        select(SecondCoding).where(
            SecondCoding.answer_id == answer_id, SecondCoding.coder_id == coder_id, SecondCoding.done.is_(False)
        )
    )


def blind_answer_ids(survey_id: int, item_code: str, coder_id: int) -> set[int]:
    return {s.answer_id for s in pending_for(survey_id, item_code, coder_id)}


def save_second(second: SecondCoding, theme_keys: list[str]) -> None:
    """Store the second coder's themes, with a copy of the first coder's themes at this moment."""
    coded = db.session.get(CodedAnswer, second.answer_id)
    first = sorted(c.theme.key for c in coded.codes if c.verified)
    second.theme_keys, second.first_theme_keys, second.done = sorted(set(theme_keys)), first, True
    db.session.flush()


@dataclass(frozen=True)
class Disagreement:
    second: SecondCoding
    only_first: tuple[str, ...]
    only_second: tuple[str, ...]


@dataclass(frozen=True)
class AgreementReport:
    n_sample: int
    n_done: int
    kappa: float | None
    alpha: float | None
    percent: float | None
    per_theme: list[dict]
    disagreements: list[Disagreement]


def report(survey_id: int, item_code: str, theme_keys: list[str]) -> AgreementReport:
    """Cohen's kappa and Krippendorff's alpha per theme and overall, and the answers coded differently."""
    rows = sample_rows(survey_id, item_code)
    done = [s for s in rows if s.done]
    if not done or not theme_keys:
        return AgreementReport(len(rows), len(done), None, None, None, [], [])
    first = [set(s.first_theme_keys or []) & set(theme_keys) for s in done]
    second = [set(s.theme_keys or []) & set(theme_keys) for s in done]
    result = agreement(first, second, themes=theme_keys)
    per_theme = [
        {
            "theme": key,
            "kappa": _number(r["kappa"]),
            "alpha": _number(r["alpha"]),
            "percent": _number(r["percent"]),
            "n_first": int(r["n_a"]),
            "n_second": int(r["n_b"]),
        }
        for key, r in result.per_theme.iterrows()
    ]
    differ = [
        Disagreement(s, tuple(sorted(a - b)), tuple(sorted(b - a)))
        for s, a, b in zip(done, first, second, strict=True)
        if a != b
    ]
    return AgreementReport(
        len(rows), len(done), _number(result.kappa), _number(result.alpha), _number(result.percent), per_theme, differ
    )


def _number(value) -> float | None:
    value = float(value)
    return None if math.isnan(value) else value


def coded_with_codes(answer_id: int) -> CodedAnswer | None:
    return db.session.scalar(
        select(CodedAnswer)
        .where(CodedAnswer.answer_id == answer_id)
        .options(selectinload(CodedAnswer.codes).selectinload(AnswerCode.theme))
    )
