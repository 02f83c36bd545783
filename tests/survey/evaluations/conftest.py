"""Fixtures: the demo region (users per role, programme, stakeholder-enquête) and two CEO rounds."""

import pytest

from tests.survey.evaluations.ceo import make_ceo_rounds
from tests.survey.evaluations.factories import load_demo_region


@pytest.fixture
def demo(db):
    return load_demo_region()


@pytest.fixture
def ceo(demo):
    return make_ceo_rounds(demo.region)
