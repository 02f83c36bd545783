"""Every link that cannot be used gets its own clear Dutch page with a fitting status; never a stack
trace, never a hint whether a token exists for someone else. Code guessing is throttled."""

from datetime import date, timedelta

import pytest

from survey.fieldwork.models import Invitation
from survey.questionnaires.models import FieldworkStatus
from survey.tokens import new_token

TODAY = date.today()


def text(response):
    return response.get_data(as_text=True)


def test_unknown_personal_link_open_link_and_poll(client, db, make_survey):
    make_survey()
    for url in (
        f"/r/{new_token()}",
        "/r/AAAAA-BBBBB",
        "/v/bestaat-niet",
        "/peiling/XYZ99",
        f"/r/{new_token()}/vraag/3",
        "/v/bestaat-niet/controle",
    ):
        page = client.get(url)
        assert page.status_code == 404, url
        assert "Deze link werkt niet" in text(page) and "Traceback" not in text(page)


def test_a_near_miss_of_a_real_token_looks_exactly_like_any_unknown_link(client, db, make_survey, make_invitation):
    survey = make_survey()
    _invitation, token, _code = make_invitation(survey)
    near_miss = client.get(f"/r/{token[:-1]}{'A' if token[-1] != 'A' else 'B'}")
    unknown = client.get(f"/r/{new_token()}")
    assert near_miss.status_code == unknown.status_code == 404
    assert text(near_miss) == text(unknown)


def test_survey_not_open_yet_shows_the_opening_date(client, db, make_survey, make_invitation):
    survey = make_survey(opens_on=TODAY + timedelta(days=10))
    _invitation, token, _code = make_invitation(survey)
    for url in (f"/r/{token}", "/v/open-sleutel-1234", "/v/open-sleutel-1234/vraag/1"):
        page = client.get(url)
        assert page.status_code == 403, url
        assert "Deze vragenlijst is nog niet open" in text(page)
    assert str((TODAY + timedelta(days=10)).year) in text(page)


def test_draft_survey_is_not_open(client, db, make_survey):
    make_survey(status=FieldworkStatus.DRAFT)
    assert client.get("/v/open-sleutel-1234").status_code == 403


@pytest.mark.parametrize("options", [{"status": FieldworkStatus.CLOSED}, {"closes_on": TODAY - timedelta(days=1)}])
def test_closed_survey(client, db, make_survey, make_invitation, options):
    survey = make_survey(**options)
    _invitation, token, _code = make_invitation(survey)
    for url in (f"/r/{token}", "/v/open-sleutel-1234", "/v/open-sleutel-1234/vraag/2"):
        page = client.get(url)
        assert page.status_code == 410, url
        assert "Deze vragenlijst is gesloten" in text(page)


def test_expired_personal_link_after_fieldwork_deleted_the_contact(client, db, make_survey, make_invitation):
    survey = make_survey()
    invitation, token, _code = make_invitation(survey)
    invitation.contact_deleted_on = TODAY
    db.session.commit()
    page = client.get(f"/r/{token}")
    assert page.status_code == 410 and "Deze link is verlopen" in text(page)


def test_used_personal_link(client, db, make_survey, make_invitation):
    survey = make_survey()
    invitation, token, _code = make_invitation(survey)
    invitation.completed = True
    db.session.commit()
    page = client.get(f"/r/{token}")
    assert page.status_code == 410 and "U heeft deze vragenlijst al ingevuld" in text(page)


def test_youth_survey_speaks_in_je_form(client, db, make_survey, make_invitation):
    survey = make_survey(audience="jongeren", address="je")
    invitation, token, _code = make_invitation(survey)
    invitation.completed = True
    db.session.commit()
    assert "Je hebt deze vragenlijst al ingevuld" in text(client.get(f"/r/{token}"))


def test_malformed_requests_never_give_a_server_error(client, db, make_survey):
    make_survey()
    for url in (
        "/v/open-sleutel-1234/vraag/0",
        "/v/open-sleutel-1234/vraag/99999",
        "/r/" + "x" * 500,
        "/v/open-sleutel-1234/vraag/1?taal=xx",
        "/v/open-sleutel-1234/klaar?taal=zz",
    ):
        assert client.get(url).status_code < 500, url
    odd = client.post(
        "/v/open-sleutel-1234/vraag/1", data={"v-I0": "x", "lock": "abc", "start": "s" * 500, "actie": "bestaat-niet"}
    )
    assert odd.status_code < 500
    tampered = client.post("/v/open-sleutel-1234/vraag/2", data={"v-T1": "<script>"})
    assert tampered.status_code < 500


@pytest.mark.parametrize("app_config", [{"RATELIMIT_ENABLED": True, "CODE_RATE_LIMIT": "3 per minute"}])
def test_guessing_codes_is_throttled_but_good_codes_are_not_counted(client, db, make_survey, make_invitation):
    survey = make_survey()
    for _ in range(5):
        _invitation, _token, code = make_invitation(survey)
        assert client.post("/code", data={"code": code}).status_code == 302
    for _ in range(3):
        assert client.post("/code", data={"code": "ZZZZZ-ZZZZZ"}).status_code == 200
    blocked = client.post("/code", data={"code": "ZZZZZ-ZZZZY"})
    assert blocked.status_code == 429 and "Te veel pogingen" in text(blocked)
    assert client.get(f"/r/{new_token()}").status_code == 429


def test_invitation_count_is_unchanged_by_visits(client, db, make_survey, make_invitation):
    survey = make_survey()
    make_invitation(survey)
    client.get(f"/r/{new_token()}")
    assert db.session.query(Invitation).count() == 1


@pytest.mark.parametrize("app_config", [{"RATELIMIT_ENABLED": True, "CODE_RATE_LIMIT": "3 per minute"}])
def test_guessed_links_of_questions_count_and_a_blocked_address_gets_no_screen(client, db, make_survey):
    make_survey()
    for _ in range(10):  # a good link's screens are never counted
        assert client.get("/v/open-sleutel-1234/vraag/1").status_code == 200
    for guess in range(3):
        assert client.get(f"/v/geraden-{guess}/vraag/1").status_code == 404
    blocked = client.get("/v/open-sleutel-1234/vraag/1")
    assert blocked.status_code == 429 and "Te veel pogingen" in text(blocked)
    assert client.post("/code", data={"code": "ZZZZZ-ZZZZZ"}).status_code == 429


def test_closing_a_survey_stops_the_next_screen(client, db, make_survey):
    """Closed by staff in another process while a respondent is halfway: the very next screen says it is
    closed (the survey is read afresh on every request, nothing of it is kept between requests)."""
    from sqlalchemy import update

    from survey.questionnaires.models import Survey

    survey = make_survey()
    first = client.get("/v/open-sleutel-1234/vraag/1")
    assert first.status_code == 200
    assert client.get("/v/open-sleutel-1234/vraag/1").status_code == 200
    with db.engine.connect() as other:  # another connection, as another worker process would use
        other.execute(update(Survey).where(Survey.id == survey.id).values(status=FieldworkStatus.CLOSED))
        other.commit()
    page = client.get("/v/open-sleutel-1234/vraag/1")
    assert page.status_code == 410
    assert "Deze vragenlijst is gesloten" in text(page)


def test_urls_kept_per_process_are_the_urls_flask_builds(app):
    """A respondent's page URLs are built once per process with the key put in afterwards: the same text as
    url_for, for another key, another screen and a key that is not plain."""
    from flask import url_for

    from survey.responses.visits import visit_url

    with app.test_request_context("/"):
        for key, values in [
            ("abc-DEF_123", {"number": 3}),
            ("xyz", {"number": 3}),
            ("xyz", {"number": 4, "terug": "controle"}),
            ("a b/ç", {"number": 1}),
            ("xyz", {"taal": None}),
        ]:
            wanted = url_for(
                "responses.question" if "number" in values else "responses.welcome", way="v", key=key, **values
            )
            assert visit_url("question" if "number" in values else "welcome", "v", key, **values) == wanted
