"""Personal link tokens never reach a log: the development server, Flask's logger and gunicorn.

See also ``test_respondent_paths_in_logs.py``: no key of any respondent-facing path and no query string."""

import logging
from datetime import timedelta

from survey.logs import RedactingGunicornLogger, RedactPersonalLinks, redact
from survey.tokens import new_token
from tests.survey.responses.test_respondent_paths_in_logs import GunicornConfig


def test_request_lines_are_redacted(app, caplog):
    token = new_token()
    caplog.set_level(logging.INFO, logger="werkzeug")
    logging.getLogger("werkzeug").info('127.0.0.1 - - "%s %s HTTP/1.1" %s -', "GET", f"/r/{token}/vraag/3", 200)
    assert token not in caplog.text and "/r/…/vraag/3" in caplog.text
    assert any(isinstance(f, RedactPersonalLinks) for f in logging.getLogger("werkzeug").filters)


def _filtered(name: str, msg: str, *args) -> str:
    record = logging.LogRecord(name, logging.INFO, __file__, 1, msg, args, None)
    assert RedactPersonalLinks().filter(record)
    return record.getMessage()


def test_the_development_servers_own_lines_reach_the_console_as_written():
    # `make run`: the start-up banner, in colour and over two lines, is the server's own text
    banner = "\x1b[31m\x1b[1mWARNING: This is a development server.\x1b[0m\n * Running on http://127.0.0.1:5000"
    assert _filtered("werkzeug", banner) == banner
    # a request line keeps the colour the server gives a 404, but a line break a client sent is escaped
    line = _filtered("werkzeug", '127.0.0.1 - - [x] "%s" %s %s\n', "\x1b[33mGET /a\nb HTTP/1.1\x1b[0m", "404", "-")
    assert line == '127.0.0.1 - - [x] "\x1b[33mGET /a\\x0ab HTTP/1.1\x1b[0m" 404 -\n'
    # anywhere else a colour code is a client's and is escaped
    assert _filtered("survey", "pad %s", "/a\x1b[31mb") == "pad /a\\x1b[31mb"


def test_gunicorn_access_log_atoms_are_redacted():
    class Config(GunicornConfig):
        access_log_format = '%(h)s "%(r)s" %(U)s %(f)s %({Referer}i)s %(s)s'

    token = new_token()

    class Request:
        method, path, query, uri, version = "GET", f"/r/{token}", "", f"/r/{token}", (1, 1)
        headers = [("REFERER", f"/r/{token}")]

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
    line = Config.access_log_format % logger.atoms_wrapper_class(atoms)
    assert line == '127.0.0.1 "GET /r/…/vraag/2 HTTP/1.1" /r/…/vraag/2 /r/… /r/… 200'
    # only what the format prints is kept (every other header and environ variable is never looked at)
    assert sorted(atoms) == sorted(["h", "r", "U", "f", "{referer}i", "s"])
    assert redact(f"/v/open/vraag/1 and /r/{token}?x=1") == "/v/…/vraag/1 and /r/…"
