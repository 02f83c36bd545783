"""New-theme suggestions from the uncoded remainder of a question: top terms and five example answers.

The uncoded answers of all questions of the survey that share the question's codebook are pooled (the
six questions of a tussenevaluatie each have only a handful), so a theme that runs through several
questions is found once. Each proposal is named by its most typical answers. Runs as a background job.
Only scrubbed answers are used, and the run stores answer ids, never text, so examples are read from the
scrubbed copies when shown (and disappear when answers are purged).
"""

from flask_babel import gettext
from sqlalchemy import exists, select

from analysis.topics import ThemeSuggester
from survey.coding.codebooks import services as codebooks
from survey.coding.models import AnalysisRun, AnswerCode, CodedAnswer, QuestionCodebook, RunStatus, Theme
from survey.coding.suggestions.runs import finish_run
from survey.extensions import db
from survey.responses.models import Answer

MIN_ANSWERS = 6


def pooled_questions(survey_id: int, item_code: str) -> list[str]:
    """The item codes of this survey's questions that share the question's codebook (itself first)."""
    link = codebooks.question_codebook(survey_id, item_code)
    if link is None:
        return [item_code]
    others = db.session.scalars(
        select(QuestionCodebook.item_code)
        .where(
            QuestionCodebook.survey_id == survey_id,
            QuestionCodebook.codebook_id == link.codebook_id,
            QuestionCodebook.item_code != item_code,
        )
        .order_by(QuestionCodebook.item_code)
    )
    return [item_code, *others]


def uncoded_answers(survey_id: int, item_code: str | list[str]) -> list[Answer]:
    """Scrubbed answers nobody checked that have no theme and no suggestion, to one or more questions."""
    codes = [item_code] if isinstance(item_code, str) else list(item_code)
    stmt = (
        select(Answer)
        .join(CodedAnswer, CodedAnswer.answer_id == Answer.id)
        .where(
            CodedAnswer.survey_id == survey_id,
            CodedAnswer.item_code.in_(codes),
            CodedAnswer.verified.is_(False),
            Answer.scrubbed_text.is_not(None),
            ~exists().where(AnswerCode.answer_id == CodedAnswer.answer_id),
        )
        .order_by(Answer.id)
    )
    return list(db.session.scalars(stmt))


def find_new_themes(run: AnalysisRun) -> None:
    """Fit topics on the uncoded remainder of the questions sharing the codebook; store terms, sizes, the
    pooled questions and example answer ids (most typical first)."""
    questions = pooled_questions(run.survey_id, run.item_code)
    answers = uncoded_answers(run.survey_id, questions)
    if len(answers) < MIN_ANSWERS:
        finish_run(run, RunStatus.TOO_FEW, {"n": len(answers), "minimum": MIN_ANSWERS, "questions": questions})
        return
    link = codebooks.question_codebook(run.survey_id, run.item_code)
    known = [w for t in (link.codebook.themes if link else []) for w in (t.seed_words or [])]
    texts = [a.scrubbed_text for a in answers]
    ids_by_text: dict[str, int] = {}
    for answer in answers:
        ids_by_text.setdefault(answer.scrubbed_text, answer.id)
    candidates = ThemeSuggester(random_state=0, exclude_terms=known).suggest(texts)
    finish_run(
        run,
        RunStatus.DONE,
        {
            "n": len(answers),
            "questions": questions,
            "candidates": [
                {
                    "terms": list(c.terms),
                    "example_ids": [ids_by_text[e] for e in c.examples if e in ids_by_text],
                    "size": c.size,
                    "share": round(c.share, 4),
                }
                for c in candidates
            ],
        },
    )


def candidate(run: AnalysisRun, index: int) -> dict | None:
    candidates = (run.result or {}).get("candidates") or []
    return candidates[index] if 0 <= index < len(candidates) else None


def example_texts(survey_id: int, ids: list[int]) -> dict[int, str]:
    """Scrubbed text of example answers that still exist."""
    rows = db.session.execute(
        select(Answer.id, Answer.scrubbed_text)
        .join(CodedAnswer, CodedAnswer.answer_id == Answer.id)
        .where(Answer.id.in_(ids), CodedAnswer.survey_id == survey_id, Answer.scrubbed_text.is_not(None))
    )
    return {answer_id: text for answer_id, text in rows}


def add_candidate_as_theme(link, run: AnalysisRun, index: int) -> Theme | None:
    """Turn a suggestion into a theme: its terms become seed words, its examples the theme's examples."""
    found = candidate(run, index)
    if found is None or link is None:
        return None
    terms = found["terms"]
    examples = list(example_texts(run.survey_id, found["example_ids"]).values())[:3]
    label = ", ".join(terms[:3]).capitalize() or gettext("New theme")
    return codebooks.add_theme(link.codebook, label, seeds=terms[:8], examples=examples)
