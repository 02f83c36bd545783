"""Coding state for open answers: rows for new answers, rule codes from the codebook, a first sentiment.

Every completed open answer gets a ``CodedAnswer`` when scrubbing finishes or when someone opens the
coding screen, whichever comes first. Rules (codebook seed words) and the sentiment signal run at once;
a human later confirms or corrects them, and human work is never overwritten by a machine.
"""

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from analysis import sentiment as sentiment_signal
from analysis.coding import CodebookMatcher
from survey.coding.codebooks import services as codebooks
from survey.coding.models import AnswerCode, CodedAnswer, QuestionCodebook, Sentiment, Source, Theme
from survey.coding.questions import completed_answers, machine_text, open_question
from survey.coding.suggestions.remarks import suggest_kinds
from survey.extensions import db
from survey.questionnaires.models import Survey
from survey.responses.models import Answer


def ensure_coded(survey: Survey, item_code: str, answer_ids: list[int] | None = None) -> int:
    """Create coding rows (with rule codes and sentiment) for answers that have none; returns how many.

    ``answer_ids`` limits it to those answers (a scrubbing job codes the answers it scrubbed).
    """
    known = select(CodedAnswer.answer_id).where(CodedAnswer.survey_id == survey.id, CodedAnswer.item_code == item_code)
    stmt = completed_answers(survey.id, item_code).where(Answer.id.not_in(known))
    if answer_ids is not None:
        stmt = stmt.where(Answer.id.in_(answer_ids))
    new = list(db.session.scalars(stmt))
    if not new:
        return 0
    link = codebooks.ensure_question_codebook(survey, item_code)
    question = open_question(survey, item_code)
    try:
        with db.session.begin_nested():
            code_new_answers(survey.id, item_code, new, link, question.text if question else "")
    except IntegrityError:
        return 0  # a job or another coder created these rows at the same moment; they exist now
    return len(new)


def code_new_answers(
    survey_id: int, item_code: str, answers: list[Answer], link: QuestionCodebook | None, question: str = ""
) -> None:
    """Coding rows for answers that have none yet: sentiment signal, kind of remark, and rule codes if
    there is a codebook."""
    rows = []
    for answer in answers:
        label = sentiment_signal.label(machine_text(answer))
        rows.append(
            CodedAnswer(
                answer_id=answer.id,
                survey_id=survey_id,
                item_code=item_code,
                sentiment=Sentiment(label),
                sentiment_source=Source.RULE,
            )
        )
    db.session.add_all(rows)
    suggest_kinds([(row, machine_text(a)) for row, a in zip(rows, answers, strict=True)], question)
    db.session.flush()
    if link is not None:
        apply_rules(link, {a.id: machine_text(a) for a in answers})


def apply_rules(link: QuestionCodebook, texts: dict[int, str]) -> int:
    """Rule codes for unverified answers (answer id → text); returns the number of rule codes added."""
    themes = {t.key: t for t in link.codebook.themes}
    if not themes or not texts:
        return 0
    matcher = CodebookMatcher(codebooks.to_data(link.codebook)).fit()
    hits = dict(zip(texts, matcher.match(list(texts.values())), strict=True))
    rows = db.session.scalars(
        select(CodedAnswer).where(CodedAnswer.answer_id.in_(list(texts))).options(selectinload(CodedAnswer.codes))
    )
    added = 0
    for coded in rows:
        if coded.verified:
            continue  # a human decided; rules only suggest for answers nobody checked yet
        found = {themes[h.theme].id for h in hits[coded.answer_id]}
        added += _replace_rule_codes(coded, found)
    db.session.flush()
    return added


def _replace_rule_codes(coded: CodedAnswer, theme_ids: set[int]) -> int:
    for code in list(coded.codes):
        if code.source == Source.RULE and not code.verified and code.theme_id not in theme_ids:
            coded.codes.remove(code)
    present = {c.theme_id for c in coded.codes}
    new = [AnswerCode(theme_id=t, source=Source.RULE) for t in sorted(theme_ids - present)]
    coded.codes.extend(new)
    return len(new)


def recode_question(link: QuestionCodebook) -> int:
    """Run the rules again for every unverified answer of a question (after the codebook changed)."""
    _drop_foreign_suggestions(link)
    answers = db.session.scalars(
        select(Answer)
        .join(CodedAnswer, CodedAnswer.answer_id == Answer.id)
        .where(
            CodedAnswer.survey_id == link.survey_id,
            CodedAnswer.item_code == link.item_code,
            CodedAnswer.verified.is_(False),
        )
    )
    return apply_rules(link, {a.id: machine_text(a) for a in answers})


def recode_codebook(book) -> int:
    """Run the rules again for every question this codebook codes."""
    return sum(recode_question(link) for link in codebooks.questions_using(book))


def _drop_foreign_suggestions(link: QuestionCodebook) -> None:
    """Unverified codes of themes from another codebook go when a question changes codebook."""
    own = select(Theme.id).where(Theme.codebook_id == link.codebook_id)
    coded = select(CodedAnswer.answer_id).where(
        CodedAnswer.survey_id == link.survey_id, CodedAnswer.item_code == link.item_code
    )
    db.session.execute(
        delete(AnswerCode).where(
            AnswerCode.answer_id.in_(coded), AnswerCode.theme_id.not_in(own), AnswerCode.verified.is_(False)
        )
    )
    db.session.expire_all()


def coded_for_answers(answer_ids: list[int]) -> dict[int, CodedAnswer]:
    rows = db.session.scalars(select(CodedAnswer).where(CodedAnswer.answer_id.in_(answer_ids)))
    return {row.answer_id: row for row in rows}


def answer_of(answer_id: int) -> Answer | None:
    """The answer a coding screen shows (its scrubbed text; the raw text only on explicit request)."""
    return db.session.get(Answer, answer_id)


def waits_for_scrubbing(answer: Answer) -> bool:
    """Whether the answer's text is not scrubbed yet: nobody may read it, so nobody codes it until it is."""
    return answer.scrubbed_text is None


def waiting_ids(answer_ids: list[int]) -> set[int]:
    """The answers among these that wait for scrubbing (``waits_for_scrubbing``)."""
    if not answer_ids:
        return set()
    return set(db.session.scalars(select(Answer.id).where(Answer.id.in_(answer_ids), Answer.scrubbed_text.is_(None))))


def scrubbed_texts(answer_ids: list[int]) -> dict[int, str | None]:
    """Scrubbed text per answer; None while it is not scrubbed yet (coders never see the raw text)."""
    if not answer_ids:
        return {}
    return dict(db.session.execute(select(Answer.id, Answer.scrubbed_text).where(Answer.id.in_(answer_ids))).all())
