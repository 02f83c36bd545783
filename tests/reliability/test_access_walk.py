"""The whole URL map again, now for what protects every route: CSRF on every state change, the security
headers on every page, only GET and POST, and tokens that cannot be guessed and work once."""

import json

import pytest
from sqlalchemy import func, select

from survey.accounts.models import Role
from survey.extensions import limiter
from survey.fieldwork import services as fieldwork_services
from survey.responses.models import Response
from survey.security import HEADERS
from tests.survey.test_access_map import build_url

#: a value for each URL parameter of the public routes
PUBLIC_VALUES = {
    "way": "v",
    "number": 1,
    "token": "1-" + "0" * 32,
    "slug": "rijnmond",
    "poll_code": "ABCDEF",
    "filename": "css/site.css",
    "entity_set": "Rondes",
}
#: the respondent's blueprint checks its forms' own CSRF token and shows the step again when it is missing
OWN_TOKEN_ENDPOINTS = {"responses."}


def public_url(app, rule, survey):
    own = {"key": survey.public_key, "survey_id": survey.id}  # the read-only API names the survey by id
    values = {arg: own[arg] if arg in own else PUBLIC_VALUES[arg] for arg in rule.arguments}
    with app.test_request_context():
        from flask import url_for

        return url_for(rule.endpoint, **values)


def every_route(app, region, make_user, survey):
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        if rule.rule.startswith("/beheer/<region>"):
            yield rule, build_url(app, rule, region, make_user)
        else:
            yield rule, public_url(app, rule, survey)


@pytest.fixture
def open_survey(db, region):
    from tests.survey.test_access_map import _survey_in

    survey = _survey_in(region, None)  # published
    fieldwork_services.open_fieldwork(survey)
    fieldwork_services.create_open_link(survey)
    db.session.commit()
    return survey


def test_only_get_and_post_are_routed(app):
    for rule in app.url_map.iter_rules():
        assert rule.methods <= {"GET", "HEAD", "OPTIONS", "POST"}, rule.rule


@pytest.mark.slow
@pytest.mark.parametrize("app_config", [{"WTF_CSRF_ENABLED": True}])
def test_every_state_change_without_a_csrf_token_is_refused(app, client, db, login, region, make_user, open_survey):
    login(make_user(None, superuser=True))
    checked = 0
    for rule, url in every_route(app, region, make_user, open_survey):
        if "POST" not in rule.methods:
            continue
        responses_before = db.session.scalar(select(func.count()).select_from(Response))
        answer = client.post(url, data={"actie": "later"})
        page = answer.get_data(as_text=True)
        if rule.endpoint.startswith(tuple(OWN_TOKEN_ENDPOINTS)):
            assert answer.status_code < 500, (rule.rule, answer.status_code)  # and nothing stored: see below
            assert db.session.scalar(select(func.count()).select_from(Response)) == responses_before, rule.rule
        else:
            assert answer.status_code == 400, (rule.rule, answer.status_code)
            assert "Deze pagina is verlopen" in page, rule.rule
        checked += 1
    assert checked >= 70


@pytest.mark.slow
def test_every_page_carries_the_security_headers(app, client, login, region, make_user, open_survey):
    login(make_user(region, Role.BEHEERDER))
    pages = 0
    for rule, url in every_route(app, region, make_user, open_survey):
        if "GET" not in rule.methods:
            continue
        with client.get(url) as answer:
            assert answer.status_code < 500, (rule.rule, answer.status_code)
            for name, value in HEADERS.items():
                assert answer.headers.get(name) == value, (rule.rule, name)
            if answer.mimetype == "text/html":
                assert answer.headers["Cache-Control"] == "no-store", rule.rule
        pages += 1
    assert pages >= 80
    for url in ("/bestaat-niet", "/r/onbekend"):  # error pages too
        answer = client.get(url)
        assert (
            answer.status_code == 404
            and answer.headers["Content-Security-Policy"] == HEADERS["Content-Security-Policy"]
        )


def test_personal_tokens_and_reset_links_carry_at_least_128_random_bits():
    import math

    from survey.tokens import SHORT_CODE_ALPHABET, SHORT_CODE_LENGTH, new_token

    tokens = {new_token() for _ in range(2000)}
    assert len(tokens) == 2000
    alphabet = set("".join(tokens))
    assert alphabet <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert min(len(t) for t in tokens) * math.log2(64) >= 128
    # short codes are short on purpose (typed from paper): 50 bits, and guessing them is throttled
    assert SHORT_CODE_LENGTH * math.log2(len(SHORT_CODE_ALPHABET)) >= 50


def test_a_reset_link_has_128_bits_and_works_once(client, outbox, region, make_user):
    import math
    import re

    user = make_user(region, Role.LEZER)
    client.post("/wachtwoord-vergeten", data={"email": user.email})
    link = re.search(r"/wachtwoord-instellen/(\S+)", outbox[-1].get_content()).group(1)
    signature = link.rsplit(".", 1)[1]  # a keyed signature: guessing a link means forging it
    assert len(signature) * math.log2(64) >= 128
    new = "een nieuw en lang wachtwoord 2026"
    assert client.post(f"/wachtwoord-instellen/{link}", data={"password": new, "confirm": new}).status_code == 302
    again = client.get(f"/wachtwoord-instellen/{link}")
    assert again.status_code in (200, 400, 404, 410) and "wachtwoord" in again.get_data(as_text=True).lower()
    assert (
        client.post(f"/wachtwoord-instellen/{link}", data={"password": new + "!", "confirm": new + "!"}).status_code
        != 302
    )


@pytest.mark.parametrize(
    "app_config", [{"RATELIMIT_ENABLED": True, "CODE_RATE_LIMIT": "5 per minute", "LOGIN_RATE_LIMIT": "5 per minute"}]
)
def test_guessing_tokens_codes_and_passwords_is_throttled_in_dutch(app, client, region, make_user):
    from survey.tokens import new_short_code, new_token

    user = make_user(region, Role.LEZER)
    guesses = {
        "personal link": lambda: client.get(f"/r/{new_token()}"),
        "short code": lambda: client.post("/code", data={"code": new_short_code()}),
        "password": lambda: client.post("/inloggen", data={"email": user.email, "password": new_token()}),
    }
    for kind, guess in guesses.items():
        statuses = [guess().status_code for _ in range(8)]
        assert 429 in statuses, (kind, statuses)
        blocked = guess()
        assert blocked.status_code == 429 and "Te veel pogingen" in blocked.get_data(as_text=True), kind
        limiter.reset()


def test_the_presenter_screen_shows_no_open_text_and_no_small_bars(client, db, login, region, make_user):
    """The screen on the wall during a live poll: counts below k hidden, open answers never shown."""
    from survey.questionnaires.models import SurveyKind
    from tests.survey.fieldwork.conftest import poll_document
    from tests.survey.fieldwork.test_polls import answer
    from tests.survey.responses.documents import create_survey

    survey = create_survey(db, region, document=poll_document(), kind=SurveyKind.PEILING, poll_code="ABC123")
    survey.min_cell = 10
    db.session.commit()
    for n in range(11):
        answer(db, survey, P1="5" if n < 10 else "1", P2="gemeente", O1=f"Juf Petra van groep {n} is lief")
    login(make_user(region, Role.ONDERZOEKER))
    base = f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/peiling"
    page = client.get(base + "/scherm").get_data(as_text=True)
    data = client.get(base + "/uitslag.json").get_data(as_text=True)
    for shown in (page, data):
        assert "Petra" not in shown and "lief" not in shown
    bars = {b["code"]: b["count"] for item in json.loads(data)["items"] if item["code"] == "P1" for b in item["bars"]}
    assert bars["5"] is None and bars["1"] is None  # 10 and 1: the 1 is small, the 10 would give it away
