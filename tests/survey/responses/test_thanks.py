"""The thank-you page thanks only a respondent who finished: in this browser for an open link or a poll, on
their own personal link. Anyone else who opens ``…/klaar`` is sent to the start of the survey, and learns
nothing about whether someone else answered."""

from datetime import date, timedelta

import pytest

from survey.questionnaires.models import FieldworkStatus
from tests.survey.responses.documents import small_poll_document
from tests.survey.responses.walk import walk

THANKS = "Bedankt voor het meedoen!"
BASE = "/v/open-sleutel-1234"
POLL = "/peiling/WEB42"


def text(response) -> str:
    return response.get_data(as_text=True)


def fresh(client):
    return client.application.test_client()


@pytest.fixture
def open_link(make_survey):
    make_survey()
    return BASE


@pytest.fixture
def poll(make_survey):
    make_survey(small_poll_document(), public_key=None, poll_code="WEB42", kind="peiling")
    return POLL


@pytest.fixture
def personal_link(make_survey, make_invitation):
    survey = make_survey()
    _invitation, token, _code = make_invitation(survey)
    return f"/r/{token}"


@pytest.mark.parametrize("way", ["open_link", "poll", "personal_link"])
def test_a_visitor_who_never_started_is_sent_to_the_start_not_thanked(client, request, way):
    base = request.getfixturevalue(way)
    page = client.get(base + "/klaar")
    assert page.status_code == 302 and page.headers["Location"] == base
    assert THANKS not in text(client.get(base + "/klaar", follow_redirects=True))
    with_language = client.get(base + "/klaar?taal=nl")
    assert with_language.status_code == 302 and with_language.headers["Location"] == base + "?taal=nl"


@pytest.mark.parametrize("way", ["open_link", "poll", "personal_link"])
def test_the_respondent_who_finished_is_thanked_and_a_stranger_is_not(client, request, way):
    base = request.getfixturevalue(way)
    stranger = fresh(client)
    end = walk(client, base)
    assert end.status_code == 302 and "/klaar" in end.headers["Location"]
    thanks = client.get(end.headers["Location"])
    assert thanks.status_code == 200 and THANKS in text(thanks)
    assert THANKS in text(client.get(base + "/klaar"))  # again later, in the same browser
    if way != "personal_link":  # an open link or poll: someone else's browser is not told anyone answered
        after = stranger.get(base + "/klaar")
        assert after.status_code == 302 and after.headers["Location"] == base


def test_a_respondent_halfway_is_sent_back_to_the_survey_not_thanked(client, open_link):
    walk(client, BASE, stop_after=3)
    page = client.get(BASE + "/klaar")
    assert page.status_code == 302 and page.headers["Location"] == BASE
    resumed = client.get(page.headers["Location"])
    assert resumed.status_code == 302 and resumed.headers["Location"].endswith("/vraag/4")


@pytest.mark.parametrize(
    "options", [{"status": FieldworkStatus.CLOSED}, {"closes_on": date.today() - timedelta(days=1)}]
)
def test_after_closing_a_stranger_learns_it_is_closed_and_the_respondent_is_still_thanked(
    client, db, make_survey, make_invitation, options
):
    survey = make_survey()
    _invitation, token, _code = make_invitation(survey)
    walk(client, BASE)
    for option, value in options.items():
        setattr(survey, option, value)
    db.session.commit()
    assert THANKS in text(client.get(BASE + "/klaar"))
    for base in (BASE, f"/r/{token}"):
        page = fresh(client).get(base + "/klaar", follow_redirects=True)
        assert page.status_code == 410 and "Deze vragenlijst is gesloten" in text(page) and THANKS not in text(page)
