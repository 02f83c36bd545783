"""Final codes: human-verified answers keep only verified codes; model codes need the threshold."""

from sqlalchemy import select

from survey.coding.models import AnswerCode, Codebook, CodedAnswer, QuestionCodebook, Source, Theme
from survey.coding.queries import final_codings
from survey.questionnaires.models import VersionStatus
from survey.responses.models import Answer, Channel, Response
from tests.factories import new_survey


def setup_answers(db, region, threshold):
    from datetime import date

    survey = new_survey(region, {}, version_status=VersionStatus.DRAFT, title={"nl": "CEO"})
    version = survey.versions[0]
    book = Codebook(region_id=region.id, name="CEO")
    wait = Theme(codebook=book, key="wachttijd", label="Wachttijd en snelheid", position=1)
    heard = Theme(codebook=book, key="serieus", label="Serieus genomen", position=2)
    db.session.add_all([survey, version, book, wait, heard])
    db.session.flush()
    db.session.add(QuestionCodebook(survey_id=survey.id, item_code="O2", codebook_id=book.id, auto_threshold=threshold))
    answers = []
    for text in ["Lang wachten", "Niet gehoord"]:
        response = Response(
            survey_id=survey.id, version_id=version.id, channel=Channel.OPEN_LINK, week=date(2026, 11, 23)
        )
        answer = Answer(response=response, item_code="O2", value=text)
        db.session.add_all([response, answer])
        answers.append(answer)
    db.session.flush()
    return survey, answers, wait, heard


def test_unverified_answer_counts_rules_and_confident_model_codes(db, region):
    survey, (a1, a2), wait, heard = setup_answers(db, region, threshold=0.8)
    db.session.add_all(
        [
            CodedAnswer(answer_id=a1.id, survey_id=survey.id, item_code="O2"),
            AnswerCode(answer_id=a1.id, theme_id=wait.id, source=Source.RULE),
            AnswerCode(answer_id=a1.id, theme_id=heard.id, source=Source.MODEL, probability=0.6),
            CodedAnswer(answer_id=a2.id, survey_id=survey.id, item_code="O2"),
            AnswerCode(answer_id=a2.id, theme_id=heard.id, source=Source.MODEL, probability=0.9),
        ]
    )
    db.session.commit()
    result = final_codings(survey.id)
    assert [c.theme_key for c in result[a1.id].themes] == ["wachttijd"]
    assert [c.theme_key for c in result[a2.id].themes] == ["serieus"]


def test_human_verification_wins(db, region):
    survey, (a1, _), wait, heard = setup_answers(db, region, threshold=0.5)
    db.session.add_all(
        [
            CodedAnswer(answer_id=a1.id, survey_id=survey.id, item_code="O2", verified=True),
            AnswerCode(answer_id=a1.id, theme_id=wait.id, source=Source.RULE, verified=False),
            AnswerCode(answer_id=a1.id, theme_id=heard.id, source=Source.MODEL, probability=0.7, verified=True),
        ]
    )
    db.session.commit()
    codes = final_codings(survey.id)[a1.id].themes
    assert [(c.theme_key, c.source, c.verified) for c in codes] == [("serieus", "model", True)]
    assert db.session.scalar(select(CodedAnswer).where(CodedAnswer.answer_id == a1.id)).verified
