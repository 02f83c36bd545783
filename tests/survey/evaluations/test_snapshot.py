"""A published tussenevaluatie is frozen: new answers, changed codes or a renamed project change the
draft of a new report, never the published page, its snapshot or its files."""

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import delete, select

from survey.coding.models import AnswerCode, QuestionCodebook, Source, Theme
from survey.evaluations.demo import add_response
from survey.evaluations.draft.report import build_report
from survey.evaluations.models import Evaluation
from survey.programmes.models import Project
from survey.questionnaires.models import SurveyVersion
from tests.survey.evaluations.helpers import article, make_report, publish_report


def _downloads(client, base, evaluation_id):
    reader = f"{base}/rapporten/tussenevaluaties/{evaluation_id}"
    page = client.get(reader + "/").get_data(as_text=True)
    return article(page), {fmt: client.get(f"{reader}/{fmt}").data for fmt in ("pdf", "docx", "xlsx")}


@pytest.mark.slow
def test_published_report_is_unchanged_after_new_answers_and_recoding(client, login, db, demo):
    evaluation = publish_report(demo, make_report(demo, [demo.survey]))
    frozen = json.dumps(evaluation.snapshot, sort_keys=True)
    login(demo.user("lezer"))
    page_before, files_before = _downloads(client, demo.base, evaluation.id)
    assert "Samenwerking" in page_before and "7,4" in page_before

    books = select(QuestionCodebook.codebook_id).where(QuestionCodebook.survey_id == demo.survey.id)
    themes = {t.key: t for t in db.session.scalars(select(Theme).where(Theme.codebook_id.in_(books)))}
    version = db.session.scalar(select(SurveyVersion).where(SurveyVersion.survey_id == demo.survey.id))
    for index in range(3):  # three late answers arrive
        add_response(demo.survey, version, index, demo.programme.projects, themes, date.today() - timedelta(days=5))
    recoded = db.session.scalars(select(AnswerCode).where(AnswerCode.theme_id == themes["samenwerking"].id)).all()
    db.session.execute(delete(AnswerCode).where(AnswerCode.theme_id == themes["samenwerking"].id))
    db.session.add_all(
        AnswerCode(answer_id=c.answer_id, theme_id=themes["borging"].id, source=Source.HUMAN, verified=True)
        for c in recoded
    )
    thuis = db.session.scalar(select(Project).where(Project.name == "Thuis opgroeien"))
    thuis.name = "Thuis opgroeien 2.0"
    db.session.commit()

    live = build_report(make_report(demo, [demo.survey], title="Nieuwe versie"))
    assert live["grades"][0]["n"] == 23
    assert "Samenwerking" not in json.dumps(live["sections"], ensure_ascii=False)

    page_after, files_after = _downloads(client, demo.base, evaluation.id)
    assert page_after == page_before
    assert files_after == files_before
    db.session.expire_all()
    stored = db.session.get(Evaluation, evaluation.id)
    assert json.dumps(stored.snapshot, sort_keys=True) == frozen
    assert "Thuis opgroeien 2.0" not in page_after and "Project: Thuis opgroeien" in page_after
    with pytest.raises(ValueError):
        stored.snapshot = live
