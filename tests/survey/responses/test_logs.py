"""Personal link tokens never reach a log: the development server, Flask's logger and gunicorn."""

import logging
from datetime import timedelta

from survey.logs import RedactingGunicornLogger, RedactPersonalLinks, redact
from survey.tokens import new_token


def test_request_lines_are_redacted(app, caplog):
    token = new_token()
    caplog.set_level(logging.INFO, logger="werkzeug")
    logging.getLogger("werkzeug").info('127.0.0.1 - - "%s %s HTTP/1.1" %s -', "GET", f"/r/{token}/vraag/3", 200)
    assert token not in caplog.text and "/r/…/vraag/3" in caplog.text
    assert any(isinstance(f, RedactPersonalLinks) for f in logging.getLogger("werkzeug").filters)


def test_gunicorn_access_log_atoms_are_redacted():
    class Config:
        access_log_format = '%(h)s "%(r)s" %(s)s'
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

    token = new_token()

    class Request:
        method, path, query, uri, version = "GET", f"/r/{token}", "", f"/r/{token}", (1, 1)
        headers = []

    class Response:
        status, sent, response_length, headers = "200 OK", 10, 10, []

    logger = RedactingGunicornLogger(Config())
    environ = {
        "REMOTE_ADDR": "127.0.0.1",
        "REQUEST_METHOD": "GET",
        "RAW_URI": f"/r/{token}/vraag/2",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "PATH_INFO": f"/r/{token}/vraag/2",
        "HTTP_REFERER": f"/r/{token}",
    }
    atoms = logger.atoms(Response(), Request(), environ, timedelta(seconds=1))
    assert token not in str(atoms) and atoms["U"] == "/r/…/vraag/2" and atoms["r"] == "GET /r/…/vraag/2 HTTP/1.1"
    assert redact(f"/v/open/vraag/1 and /r/{token}?x=1") == "/v/open/vraag/1 and /r/…?x=1"
