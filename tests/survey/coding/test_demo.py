"""The demo region gets open answers to code, once."""

from sqlalchemy import func, select

from survey.coding.models import AnswerCode, CodedAnswer, QuestionCodebook
from survey.demo import load_demo
from survey.questionnaires.models import Survey


def test_demo_answers_are_ready_to_code_and_loaded_once(db, scrubber):
    lines = load_demo()
    assert any("20 open antwoorden bij O2" in line for line in lines)
    load_demo()
    ceo = db.session.scalar(select(Survey).where(Survey.public_key == "demo-ouders"))
    # other demo modules code answers of their own surveys; this one adds 20 to the demo CEO
    assert db.session.scalar(select(func.count()).select_from(CodedAnswer).where(CodedAnswer.survey_id == ceo.id)) == 20
    assert (
        db.session.scalar(
            select(func.count()).select_from(QuestionCodebook).where(QuestionCodebook.survey_id == ceo.id)
        )
        == 1
    )
    assert db.session.scalar(select(func.count()).select_from(AnswerCode)) > 5  # the standard codebook's rules
    assert scrubber.calls == 0  # scrubbing is left to the job consumer
