"""A coder's decisions: confirming an answer's themes, sentiment and kind of remark, or one theme for many.

Human work wins: a confirmed answer keeps exactly the themes the coder chose. Suggestions the coder
turned down stay as unverified rows, so the quality page can tell how good rules and model were.
Two coders on one answer: the second save is refused (``StaleCoding``), never silently merged.
"""

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from sqlalchemy.orm.attributes import flag_modified

from survey.coding.models import AnswerCode, AnswerKind, CodedAnswer, RemarkKind, Sentiment, Source, Theme


class StaleCoding(Exception):
    """Someone else saved this answer after the coder opened it."""


def confirm_coding(
    coded: CodedAnswer,
    *,
    lock_version: int,
    coder_id: int,
    theme_ids: Iterable[int],
    sentiment: Sentiment | None,
    kinds: Iterable[RemarkKind],
) -> None:
    """Save a coder's decision for one answer and mark it verified (flushes; the view commits)."""
    if coded.lock_version != lock_version:
        raise StaleCoding()
    _choose_themes(coded, set(theme_ids), coder_id)
    _choose_kinds(coded, set(kinds))
    if sentiment is not None:
        coded.sentiment, coded.sentiment_source, coded.sentiment_probability = sentiment, Source.HUMAN, None
    coded.verified = True
    coded.verified_by_id = coder_id
    flag_modified(coded, "verified")  # always an UPDATE, so the version check runs in the database


def _choose_themes(coded: CodedAnswer, chosen: set[int], coder_id: int) -> None:
    for code in list(coded.codes):
        if code.theme_id in chosen:
            code.verified, code.coder_id = True, coder_id
        elif code.source == Source.HUMAN:
            coded.codes.remove(code)
        else:
            code.verified, code.coder_id = False, coder_id  # a turned-down suggestion, kept for quality figures
    present = {c.theme_id for c in coded.codes}
    coded.codes.extend(
        AnswerCode(theme_id=t, source=Source.HUMAN, verified=True, coder_id=coder_id) for t in sorted(chosen - present)
    )


def _choose_kinds(coded: CodedAnswer, chosen: set[RemarkKind]) -> None:
    for row in list(coded.kinds):
        if row.kind in chosen:
            row.verified = True
        elif row.source == Source.HUMAN:
            coded.kinds.remove(row)
        else:
            row.verified = False
    present = {r.kind for r in coded.kinds}
    coded.kinds.extend(
        AnswerKind(kind=k, source=Source.HUMAN, verified=True)
        for k in sorted(chosen - present, key=list(RemarkKind).index)
    )


@dataclass(frozen=True)
class ThemeGiven:
    #: answers that gained the theme
    added: int
    #: answers left out because their text is not scrubbed yet (nobody could read them)
    waiting: int


def apply_theme(rows: Iterable[CodedAnswer], theme: Theme, coder_id: int, waiting: Collection[int]) -> ThemeGiven:
    """Give one theme to many answers at once (a human code), except those in ``waiting`` (answer ids not
    scrubbed yet); returns how many gained it and how many were left out."""
    added = left_out = 0
    for coded in rows:
        if coded.answer_id in waiting:
            left_out += 1
            continue
        existing = next((c for c in coded.codes if c.theme_id == theme.id), None)
        if existing is not None and existing.verified:
            continue
        if existing is None:
            coded.codes.append(AnswerCode(theme_id=theme.id, source=Source.HUMAN, verified=True, coder_id=coder_id))
        else:
            existing.verified, existing.coder_id = True, coder_id
        flag_modified(coded, "verified")  # a coder who has this answer open gets the concurrency message
        added += 1
    return ThemeGiven(added, left_out)
