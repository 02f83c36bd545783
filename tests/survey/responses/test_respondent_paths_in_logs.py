"""No request log line holds the key of a respondent-facing path or a query string, and gunicorn's access log
holds no response size.

A log that holds ``/afmelden/<invitation id>-…`` right after a respondent's session names the invitee; one that
holds ``/v/<key>/klaar?taal=ar`` tells the language that session answered in; the size of a page differs with its
language and with the length of the open answers it shows. Every respondent-facing route is requested through
the development server (werkzeug, as ``make run`` serves) and logged through gunicorn's access log with the
format of ``gunicorn.conf.py``.
"""

import http.client
import logging
import runpy
import threading
from datetime import timedelta

import pytest
from werkzeug.serving import make_server

from survey.fieldwork.messages.composing import opt_out_token
from survey.logs import RedactingGunicornLogger
from survey.tokens import new_short_code, new_token
from tests.reliability.server import free_port
from tests.survey.responses.documents import create_invitation

ROOT_CONFIG = runpy.run_path("gunicorn.conf.py")
LANGUAGE_QUERY = "taal=ar"


def _requests(invitation, token: str, code: str, survey) -> list[tuple[str, str, list[str]]]:
    """(method, path with query string, what must not be in its log line) for every respondent-facing route."""
    poll = "K7M2QX"
    opt_out = opt_out_token(invitation)
    reset = new_token()
    key = survey.public_key
    return [
        ("GET", f"/r/{token}?{LANGUAGE_QUERY}", [token]),
        ("GET", f"/r/{token}/vraag/1?{LANGUAGE_QUERY}", [token]),
        ("POST", f"/r/{token}/vraag/1/bewaar?{LANGUAGE_QUERY}", [token]),
        ("GET", f"/r/{code}/klaar?{LANGUAGE_QUERY}", [code]),
        ("GET", f"/v/{key}/klaar?{LANGUAGE_QUERY}", [key]),
        ("GET", f"/v/{key}/privacy?{LANGUAGE_QUERY}", [key]),
        ("POST", f"/v/{key}/herstel?{LANGUAGE_QUERY}", [key]),
        ("GET", f"/v/{key}/controle?{LANGUAGE_QUERY}", [key]),
        ("POST", f"/v/{key}/opnieuw?{LANGUAGE_QUERY}", [key]),
        ("GET", f"/peiling/{key}/vraag/1?{LANGUAGE_QUERY}", [key]),
        ("GET", f"/p/{poll}?{LANGUAGE_QUERY}", [poll]),
        ("GET", f"/afmelden/{opt_out}?{LANGUAGE_QUERY}", [opt_out, str(invitation.id)]),
        ("POST", f"/afmelden/{opt_out}", [opt_out, str(invitation.id)]),
        ("GET", f"/code?code={code}&{LANGUAGE_QUERY}", [code]),
        ("GET", f"/wachtwoord-instellen/{reset}?{LANGUAGE_QUERY}", [reset]),
    ]


@pytest.fixture
def respondent_requests(app, db, make_survey):
    survey = make_survey(public_key="open-sleutel-geheim-9876")
    invitation, token, code = create_invitation(db, survey)
    invitation.id = 7351  # a number that appears nowhere else in a log line
    db.session.commit()
    return _requests(invitation, token, code, survey)


def test_the_development_server_logs_no_key_and_no_query_string(app, respondent_requests, caplog):
    server = make_server("127.0.0.1", free_port(), app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    caplog.set_level(logging.INFO, logger="werkzeug")
    try:
        for method, path, _secrets in respondent_requests:  # one request each, a redirect not followed
            connection = http.client.HTTPConnection("127.0.0.1", server.server_port, timeout=30)
            connection.request(method, path, body=b"" if method == "POST" else None)
            connection.getresponse().read()
            connection.close()
    finally:
        server.shutdown()
    lines = [r.getMessage() for r in caplog.records if r.name == "werkzeug" and " HTTP/1.1" in r.getMessage()]
    assert len(lines) == len(respondent_requests)
    for (method, path, secrets), line in zip(respondent_requests, lines, strict=True):
        assert f"{method} /{path.split('/')[1].split('?')[0]}" in line
        assert not [s for s in secrets if s in line], line
        assert "?" not in line and LANGUAGE_QUERY not in line and "code=" not in line, line


class GunicornConfig:
    access_log_format = ROOT_CONFIG["access_log_format"]
    errorlog = "-"
    loglevel = "info"
    accesslog = None
    syslog = False
    logconfig = None
    logconfig_dict = {}
    logconfig_json = None
    capture_output = False
    disable_redirect_access_to_syslog = False
    user = 0
    group = 0
    umask = 0


def _gunicorn_line(logger, method: str, path: str, size: int) -> str:
    route, _, query = path.partition("?")

    class Request:
        headers = [("REFERER", f"http://localhost{path}")]
        uri, version = path, (1, 1)

    Request.method, Request.path, Request.query = method, route, query

    class Response:
        status, sent, response_length, headers = "200 OK", size, size, []

    environ = {
        "REQUEST_METHOD": method,
        "RAW_URI": path,
        "PATH_INFO": route,
        "QUERY_STRING": query,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": f"http://localhost{path}",
    }
    atoms = logger.atoms(Response(), Request(), environ, timedelta(seconds=1))
    return logger.cfg.access_log_format % logger.atoms_wrapper_class(atoms)


def test_gunicorns_access_log_holds_no_key_no_query_string_and_no_size(respondent_requests):
    assert "%(b)s" not in GunicornConfig.access_log_format and "%(B)s" not in GunicornConfig.access_log_format
    logger = RedactingGunicornLogger(GunicornConfig())
    size = 48_217  # the size of a page in one language, with one respondent's open answers
    for method, path, secrets in respondent_requests:
        line = _gunicorn_line(logger, method, path, size)
        assert f'"{method} /{path.split("/")[1].split("?")[0]}' in line
        assert not [s for s in secrets if s in line], line
        assert "?" not in line and LANGUAGE_QUERY not in line and str(size) not in line, line


def test_every_atom_gunicorn_may_print_holds_no_key_and_no_query_string(respondent_requests):
    """Whatever format a deployment chooses: the request line, path, query, referrer and raw address."""

    class Everything(GunicornConfig):
        access_log_format = '"%(r)s" %(U)s %(q)s %(f)s %({Referer}i)s %({RAW_URI}e)s'

    logger = RedactingGunicornLogger(Everything())
    for method, path, secrets in respondent_requests:
        line = _gunicorn_line(logger, method, path, 100)
        assert not [s for s in secrets if s in line], line
        assert "?" not in line and LANGUAGE_QUERY not in line, line


def test_gunicorns_error_log_holds_no_key(app, respondent_requests, caplog):
    logger = RedactingGunicornLogger(GunicornConfig())
    logger.error_log.propagate = True
    caplog.set_level(logging.INFO, logger="gunicorn.error")
    try:
        for _method, path, _secrets in respondent_requests:
            logger.error("Error handling request %s", path)
    finally:
        logger.error_log.propagate = False
    text = caplog.text
    assert "Error handling request /r/…" in text
    assert not [s for _m, _p, secrets in respondent_requests for s in secrets if s in text]
    assert LANGUAGE_QUERY not in text


def test_a_short_code_and_a_key_are_kept_out_of_the_applications_own_log(app, caplog):
    code, token = new_short_code(), new_token()
    app.logger.warning("Exception on /r/%s/vraag/2 [POST] from /afmelden/12-%s", code, token)
    assert code not in caplog.text and token not in caplog.text and "/afmelden/…" in caplog.text
