"""Factories for respondent-flow tests: surveys with a published test document, invitations."""

import pytest

from tests.survey.responses.documents import create_invitation, create_survey


@pytest.fixture
def make_survey(db, region):
    def factory(document=None, **options):
        return create_survey(db, options.pop("in_region", region), document, **options)

    return factory


@pytest.fixture
def make_invitation(db):
    def factory(survey, **options):
        return create_invitation(db, survey, **options)

    return factory


@pytest.fixture
def documents():
    """Every questionnaire the flow is tested with, as (name, document); shipped templates join later."""
    from tests.survey.responses.documents import flow_documents

    return flow_documents()
