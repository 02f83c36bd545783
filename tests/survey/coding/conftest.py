"""Fixtures for the coding screens: a survey with an open question and completed answers, a stand-in
scrubber (deduce itself is exercised in one slow test), and coders."""

import json

import pytest

from survey.accounts.models import Role
from survey.questionnaires.models import (
    SurveyKind,
)
from survey.responses.models import ResponseStatus
from tests.factories import new_survey
from tests.survey.coding.helpers import DATA, FakeScrubber, add_answers, document


@pytest.fixture
def scrubber():
    return FakeScrubber()


@pytest.fixture
def app_config(scrubber):
    return {"CODING_SCRUBBER": scrubber}


@pytest.fixture
def make_survey(db):
    def factory(
        region,
        texts=(),
        item_code="O1",
        kind=SurveyKind.CEO,
        status=ResponseStatus.COMPLETED,
        series_key=None,
        round_label="",
    ):
        survey = new_survey(region, document(item_code), kind=kind, round_label=round_label, series_key=series_key)
        version = survey.versions[0]
        db.session.add(survey)
        db.session.flush()
        add_answers(db, survey, version, texts, item_code, status)
        db.session.commit()
        return survey

    return factory


@pytest.fixture
def gold():
    """Hand-written CEO answers with the themes and sentiment a person gave them."""
    return [
        json.loads(line) for line in (DATA / "ceo_answers_train.jsonl").read_text("utf-8").splitlines() if line.strip()
    ]


@pytest.fixture
def researcher(region, make_user):
    return make_user(region, Role.ONDERZOEKER, name="Els Onderzoek")


@pytest.fixture
def coder(region, make_user):
    return make_user(region, Role.CODEUR, name="Cor Codeer")


@pytest.fixture(scope="session")
def deduce():
    """One deduce instance for the whole run (analysis.privacy.scrub keeps it per process)."""
    from analysis.privacy.scrub import warm_cache

    return warm_cache()
