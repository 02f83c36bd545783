"""Fixtures for fieldwork: surveys with a published questionnaire, contact files, a local SMTP server."""

import socket

import pytest
from aiosmtpd.controller import Controller

from survey.accounts.models import Role
from survey.questionnaires.content.document import Document, Option, Section
from survey.questionnaires.content.registry import new_question
from survey.questionnaires.models import (
    FieldworkStatus,
    SurveyKind,
)
from tests.factories import save_survey
from tests.helpers import MailCollector as Collector


def poll_document(languages=("nl",)) -> dict:
    """Two closed questions and one open question."""
    questions = [
        new_question("P1", "stelling", {"nl": "Ik heb genoeg professionele ruimte.", "en": "I have enough room."}),
        new_question(
            "P2",
            "keuze",
            {"nl": "Waar werkt u?"},
            options=[
                Option("gemeente", {"nl": "Lokaal team"}),
                Option("aanbieder", {"nl": "Specialistische aanbieder"}),
                Option("gi", {"nl": "Gecertificeerde instelling"}),
            ],
        ),
        new_question("O1", "open_lang", {"nl": "Wat zou u veranderen?"}, required=False),
    ]
    return Document(languages=list(languages), sections=[Section(key="S1", questions=questions)]).to_dict()


@pytest.fixture
def make_survey(db, region):
    def factory(
        status=FieldworkStatus.OPEN, min_cell=10, kind=SurveyKind.CEO, languages=("nl",), target_region=None, **fields
    ):
        return save_survey(
            db,
            target_region or region,
            poll_document(languages),
            kind=kind,
            title={"nl": "Cliëntervaringsonderzoek 2026", "en": "Client survey 2026"},
            organiser={"nl": "Jeugdhulpregio Rijnmond"},
            min_cell=min_cell,
            status=status,
            **fields,
        )

    return factory


@pytest.fixture
def researcher(login, region, make_user):
    user = make_user(region, Role.ONDERZOEKER)
    login(user)
    return user


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_port():
    return free_port()


@pytest.fixture
def app_config(request, smtp_port):
    if request.node.get_closest_marker("smtp"):
        return {"MAIL_BACKEND": "smtp", "MAIL_SERVER": "127.0.0.1", "MAIL_PORT": smtp_port}
    return getattr(request, "param", {})


@pytest.fixture
def smtp_server(smtp_port):
    handler = Collector()
    controller = Controller(handler, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    yield handler
    controller.stop()
