"""Fixtures for the questionnaire builder: a logged-in researcher and surveys made from templates."""

import pytest

from survey.accounts.models import Role
from survey.questionnaires import services


@pytest.fixture
def researcher(region, make_user, login, client):
    """The test client, logged in as an onderzoeker of the region."""
    login(make_user(region, Role.ONDERZOEKER))
    return client


@pytest.fixture
def make_survey(db, region):
    def factory(template="ceo_ouders", in_region=None, round_label="2026"):
        survey = services.create_from_template(in_region or region, template, round_label=round_label)
        db.session.commit()
        return survey

    return factory
