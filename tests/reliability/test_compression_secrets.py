"""Compressed pages and secrets (BREACH, docs/security.md "Compression and secrets"): a compressed page
leaks a secret only when it also echoes what an attacker put in the request, and the secret stays the same
over many requests. A page with a personal link echoes nothing of the request; the only part of a form
token that stays the same is useless without the signature, which changes every second."""

import gzip
import re

import pytest
from itsdangerous.timed import TimestampSigner

from tests.survey.responses.documents import create_invitation, create_survey

MARKER = "qzx7echo"
#: every query parameter the application reads somewhere, and one it reads nowhere
PARAMETERS = ("taal", "terug", "intro", "stap", "code", "next", "page", "pagina", "programma", "onbekend")
TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"')


def gunzipped(reply) -> str:
    """The page's text; a page (status 200) must have come compressed."""
    if reply.status_code != 200 and reply.headers.get("Content-Encoding") != "gzip":
        return reply.get_data(as_text=True)
    assert reply.headers.get("Content-Encoding") == "gzip", reply.request.path
    return gzip.decompress(reply.get_data()).decode()


def form_token(html: str) -> str:
    match = re.search(r'<input[^>]*name="csrf_token"[^>]*>', html)
    assert match, "the page has a form token"
    return re.search(r'value="([^"]+)"', match.group(0)).group(1)


def test_pages_with_a_personal_link_echo_nothing_of_the_request(app, client, db, region):
    survey = create_survey(db, region, check_page=True)
    _invitation, token, _code = create_invitation(db, survey)
    query = "&".join(f"{name}={MARKER}" for name in PARAMETERS)
    carrying = 0
    for path in ("", "/vraag/1", "/vraag/2", "/privacy", "/controle", "/klaar"):
        reply = client.get(f"/r/{token}{path}?{query}", headers={"Accept-Encoding": "gzip"})
        if reply.status_code in (301, 302, 303):
            reply = client.get(reply.headers["Location"], headers={"Accept-Encoding": "gzip"})
        html = gunzipped(reply)  # compression stays on: it is what keeps a question screen small
        assert MARKER not in html, path  # nothing an attacker could vary next to the secret ...
        carrying += token in html  # ... that these pages carry
    assert carrying >= 4


def test_the_code_page_echoes_the_typed_code_but_carries_no_personal_secret(app, client, db, region):
    survey = create_survey(db, region)
    _invitation, token, code = create_invitation(db, survey)
    html = gunzipped(client.get(f"/code?code={MARKER}", headers={"Accept-Encoding": "gzip"}))
    assert MARKER in html  # reflected: so no personal link or code may ever be on this page
    assert token not in html and code not in html


@pytest.mark.parametrize("app_config", [{"WTF_CSRF_ENABLED": True}])
def test_the_constant_part_of_a_form_token_is_useless_and_the_rest_changes_every_second(app, client, db, monkeypatch):
    now = [1_800_000_000]
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: now[0])
    first = form_token(gunzipped(client.get("/inloggen", headers={"Accept-Encoding": "gzip"})))
    same_second = form_token(client.get("/inloggen").get_data(as_text=True))
    now[0] += 1
    next_second = form_token(client.get("/inloggen").get_data(as_text=True))
    assert first == same_second and next_second != first
    constant = first.split(".")[0]
    assert next_second.split(".")[0] == constant  # what BREACH could learn: the same for the whole session ...
    assert next_second.split(".", 1)[1] != first.split(".", 1)[1]  # ... the signature it would need is not
    for forged in (constant, f"{constant}.{first.split('.')[1]}.{'A' * 27}"):
        refused = client.post("/inloggen", data={"csrf_token": forged, "email": "a@example.org", "password": "x"})
        assert refused.status_code == 400 and "Deze pagina is verlopen" in refused.get_data(as_text=True)
    accepted = client.post("/inloggen", data={"csrf_token": next_second, "email": "a@example.org", "password": "x"})
    assert accepted.status_code != 400  # the whole signed token passes the check (the login itself fails)
