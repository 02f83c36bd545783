"""Security headers, CSRF, cookie flags, request size and the health check."""

import time

import pytest

from tests.helpers import TEST_PASSWORD

PAGES = ["/", "/inloggen", "/wachtwoord-vergeten", "/toegankelijkheid", "/health", "/bestaat-niet"]


@pytest.mark.parametrize("path", PAGES)
def test_security_headers_on_every_response(client, path):
    response = client.get(path)
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_no_inline_script_in_pages(client):
    page = client.get("/inloggen").get_data(as_text=True)
    assert "<script>" not in page and " style=" not in page and "onclick" not in page


@pytest.mark.parametrize("app_config", [{"WTF_CSRF_ENABLED": True}])
def test_forms_without_csrf_token_are_refused_in_dutch(client, region, make_user):
    make_user(region, email="els@example.org")
    response = client.post("/inloggen", data={"email": "els@example.org", "password": TEST_PASSWORD})
    assert response.status_code == 400
    assert "Deze pagina is verlopen" in response.get_data(as_text=True)


@pytest.mark.parametrize("app_config", [{"WTF_CSRF_ENABLED": True}])
def test_forms_with_csrf_token_work(client, region, make_user):
    import re

    make_user(region, email="els@example.org")
    page = client.get("/inloggen").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    response = client.post(
        "/inloggen", data={"email": "els@example.org", "password": TEST_PASSWORD, "csrf_token": token}
    )
    assert response.status_code == 302


def test_session_cookie_is_httponly_and_samesite(client, region, make_user):
    make_user(region, email="els@example.org")
    response = client.post("/inloggen", data={"email": "els@example.org", "password": TEST_PASSWORD})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie


def test_session_cookie_is_secure_behind_https(client, region, make_user):
    make_user(region, email="els@example.org")
    response = client.post(
        "/inloggen", data={"email": "els@example.org", "password": TEST_PASSWORD}, base_url="https://localhost"
    )
    assert "Secure" in response.headers["Set-Cookie"]


def test_too_large_body_gets_dutch_page(client):
    response = client.post("/inloggen", data={"email": "x" * (21 * 1024 * 1024), "password": "x"})
    assert response.status_code == 413
    assert "te groot" in response.get_data(as_text=True)


def test_unknown_page_is_dutch_404(client):
    response = client.get("/bestaat-niet")
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.get_data(as_text=True)


def test_health_checks_the_database(client, app, db, monkeypatch):
    assert client.get("/health").get_json() == {"status": "ok", "database": "ok"}


def test_health_reports_a_broken_database(tmp_path, database_template):
    from tests.conftest import make_test_app

    app = make_test_app(f"sqlite:///{tmp_path}/missing/dir/db.sqlite3")
    response = app.test_client().get("/health")
    assert response.status_code == 503


def test_region_style_sets_the_brand_colour(client, db, region):
    region.main_colour = "#7a1f5c"
    db.session.commit()
    response = client.get("/huisstijl/rijnmond.css")
    assert response.mimetype == "text/css" and "--brand: #7a1f5c" in response.get_data(as_text=True)


def test_a_session_cookie_checked_once_is_still_refused_when_altered_or_too_old(app, monkeypatch):
    """The signature of a session cookie is checked once per process; a cookie changed by one character is
    still refused, and the same cookie stops counting once it is older than the session lifetime."""
    from survey import security

    interface = app.session_interface
    cookie = interface.get_signing_serializer(app).dumps({"csrf_token": "abc"})
    name = app.config["SESSION_COOKIE_NAME"]

    def opened(value):
        with app.test_request_context(headers={"Cookie": f"{name}={value}"}) as context:
            return dict(interface.open_session(app, context.request))

    assert opened(cookie) == opened(cookie) == {"csrf_token": "abc"}
    # the signature's first character: all its bits are signature (the last one's low bits are padding, so
    # changing only those leaves the same signature)
    at = cookie.rindex(".") + 1
    altered = cookie[:at] + ("A" if cookie[at] != "A" else "B") + cookie[at + 1 :]
    assert opened(altered) == {}
    later = security.time.time() + app.permanent_session_lifetime.total_seconds() + 60
    monkeypatch.setattr(security.time, "time", lambda: later)
    assert opened(cookie) == {}


def _responses(app):
    from flask import make_response, redirect

    Response = app.response_class
    streamed = Response(iter([b"a", b"b"]))
    moved = Response("elders")
    moved.headers["Content-Location"] = "/stukken/café"
    return [
        make_response("<p>Een pagina</p>"),
        redirect("/v/sleutel/vraag/2?terug=controle"),
        redirect("/v/sleutel/vraag/café"),
        Response(status=204),
        Response("niet gewijzigd", status=304),
        streamed,
        moved,
    ]


def test_the_headers_handed_to_the_server_are_werkzeugs_own(app):
    """The response's lines copied as they are give what Werkzeug's own copy gives, line for line."""
    from werkzeug.wrappers import Response as WerkzeugResponse

    with app.test_request_context("/v/sleutel/vraag/1"):
        from flask import request

        for response in _responses(app):
            assert isinstance(response, app.response_class)
            response = app.process_response(response)
            expected = list(WerkzeugResponse.get_wsgi_headers(response, request.environ))
            assert list(response.get_wsgi_headers(request.environ)) == expected


@pytest.mark.parametrize("vary", ["", "Accept-Encoding", "Accept-Encoding, Cookie", "cookie", 'Accept, "x"'])
@pytest.mark.parametrize("state", ["read", "unread", "changed", "emptied", "permanent"])
def test_a_session_is_saved_as_flask_saves_it(app, state, vary):
    """Cookie and Vary lines as Flask's own session saving writes them, whether the session was read,
    changed, emptied or is permanent (refreshed on every request)."""
    from flask import make_response
    from flask.sessions import SecureCookieSessionInterface

    def saved(interface):
        with app.test_request_context("/v/sleutel/vraag/1"):
            session = interface.session_class({"csrf_token": "abc"})
            session.accessed = state != "unread"  # as reading it through ``flask.session`` marks it
            if state == "changed":
                session["taal"] = "nl"
            elif state == "emptied":
                session.clear()
            elif state == "permanent":
                session.permanent = True
                session.modified = False
            response = make_response("pagina")
            if vary:
                response.headers["Vary"] = vary
            interface.save_session(app, session, response)
            return [(name, value) for name, value in response.headers if name in ("Vary", "Set-Cookie")]

    # both within one second: a signed cookie carries the second it was made, and its expiry follows from it
    for _ in range(5):
        second = int(time.time())
        lines = [saved(SecureCookieSessionInterface()), saved(app.session_interface)]
        if int(time.time()) == second:
            break
    assert lines[0] == lines[1]
    assert any(name == "Vary" for name, _ in lines[1]) is (state != "unread" or bool(vary))
