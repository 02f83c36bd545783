"""Demo questionnaires: published, open, with an open link (and a poll code for the peiling); loading twice
changes nothing."""

import pytest
from sqlalchemy import func, select

from survey.demo import load_demo
from survey.questionnaires.models import FieldworkStatus, Survey, SurveyVersion, VersionStatus


@pytest.mark.slow
def test_demo_loads_published_open_surveys_once(db):
    lines = load_demo()
    # the questionnaire demo's surveys come from templates (other demo modules add surveys of their own)
    surveys = list(db.session.scalars(select(Survey).where(Survey.template_key.is_not(None)).order_by(Survey.id)))
    assert [s.template_key for s in surveys] == [
        "ceo_ouders",
        "ceo_jongeren",
        "ceo_kind",
        "peo",
        "peiling",
        "stakeholder",
    ]
    assert all(s.status == FieldworkStatus.OPEN and s.public_key for s in surveys)
    assert all(s.published_version is not None and s.published_version.number == 1 for s in surveys)
    assert [s.poll_code is not None for s in surveys] == [False, False, False, False, True, False]
    stakeholder = surveys[-1].published_version.document
    assert [i["label"]["nl"] for i in stakeholder["lists"]["projecten"]][0] == "Thuis opgroeien"
    assert any(f"/v/{surveys[0].public_key}" in line for line in lines)

    load_demo()
    assert db.session.scalar(select(func.count()).select_from(Survey).where(Survey.template_key.is_not(None))) == 6
    assert (
        db.session.scalar(
            select(func.count())
            .select_from(SurveyVersion)
            .join(Survey)
            .where(SurveyVersion.status == VersionStatus.PUBLISHED, Survey.template_key.is_not(None))
        )
        == 6
    )
