"""The demo region gets open answers to code, once."""

from sqlalchemy import func, select

from survey.coding.models import AnswerCode, CodedAnswer, QuestionCodebook
from survey.demo import load_demo


def test_demo_answers_are_ready_to_code_and_loaded_once(db, scrubber):
    lines = load_demo()
    assert any("20 open antwoorden bij O2" in line for line in lines)
    load_demo()
    assert db.session.scalar(select(func.count()).select_from(CodedAnswer)) == 20
    assert db.session.scalar(select(func.count()).select_from(QuestionCodebook)) == 1
    assert db.session.scalar(select(func.count()).select_from(AnswerCode)) > 5  # the standard codebook's rules
    assert scrubber.calls == 0  # scrubbing is left to the job consumer
