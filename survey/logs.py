"""Request logs never name a respondent, an invitation or a survey's way in, and never hold a query string.

Every respondent-facing path is written without its key: ``/r/<token>`` (personal link or short code) as
``/r/…``, and the same for the open link ``/v/<key>``, the live poll ``/peiling/<key>`` and its short link
``/p/<code>``, and the opt-out link ``/afmelden/<invitation id>-<signature>`` (which names the invitation in
clear, and is typically followed right after a respondent's session); a staff member's set-password link
``/wachtwoord-instellen/<token>`` too. The query string of any request is left out (``/v/…/klaar?taal=ar`` told
the language a respondent answered in; ``/code?code=`` what was typed). Nor can a log be forged: a control
character in a request (``%0A`` in a path decodes to a line break) is written as an escape such as
``\\x0a``, so one request is always one log line.

The filter covers the development server, Flask's own logger and gunicorn's error log;
``RedactingGunicornLogger`` covers gunicorn's access log (``gunicorn --logger-class
survey.logs.RedactingGunicornLogger``).
"""

import logging
import re
from functools import lru_cache

#: a path segment that opens a way in (or a secret link), with the key that follows it
KEYED_PATH = re.compile(r"/(r|v|peiling|p|afmelden|wachtwoord-instellen)/[^/\s?#\"']+")
#: a query string after a path or an address (not after a word: "klaar?" in a sentence stays)
QUERY = re.compile(r"(?<!\w)(/[^\s?\"']*)\?[^\s\"']*")
#: what a log line may hold that ``redact`` changes
SENSITIVE = re.compile(r"/(?:r|v|peiling|p|afmelden|wachtwoord-instellen)/|\?")


#: line breaks and other control characters, including Unicode's own line and paragraph separators
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def redact(text: str) -> str:
    """``text`` with the key of every respondent-facing path replaced by "…" and every query string left out."""
    return QUERY.sub(r"\1", KEYED_PATH.sub(r"/\1/…", text))


def escape_controls(text: str) -> str:
    """A line break becomes the four characters \\x0a: what a client sent never starts a log line."""
    return CONTROL.sub(_escaped, text)


def _escaped(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 256 else f"\\u{code:04x}"


#: a terminal colour (SGR) sequence as the development server styles its own lines: "\x1b[33m", "\x1b[0m"
STYLE = re.compile(r"\x1b\[[0-9;]*m")


class RedactPersonalLinks(logging.Filter):
    """Rewrites a log record whose message contains a respondent-facing path, a query string or a control
    character (a forged line).
    The development server ends its own lines with a line break; that one is kept. Its start-up lines (a
    record without arguments: nothing of a request in it) and the colours it gives a request line are its
    own, not a client's (it escapes every control character of the request itself), so they stay as they
    are: no "\\x1b[31m" in the console."""

    def filter(self, record: logging.LogRecord) -> bool:
        own = record.name == "werkzeug"
        if own and not record.args:
            return True
        message = record.getMessage()
        body, end = (message[:-1], "\n") if message.endswith("\n") else (message, "")
        plain = STYLE.sub("", body) if own else body
        if SENSITIVE.search(body) or CONTROL.search(plain):
            parts = STYLE.split(body) if own else [body]
            styles = STYLE.findall(body) if own else []
            cleaned = [escape_controls(redact(part)) for part in parts]
            record.msg = "".join(a + b for a, b in zip(cleaned, [*styles, ""], strict=True)) + end
            record.args = ()
        return True


def install_log_redaction(app) -> None:
    for logger in (logging.getLogger("werkzeug"), app.logger):
        _add_filter(logger)


def _add_filter(logger: logging.Logger) -> None:
    if not any(isinstance(f, RedactPersonalLinks) for f in logger.filters):
        logger.addFilter(RedactPersonalLinks())


try:  # gunicorn is the production server; the platform itself does not need it
    from gunicorn.glogging import Logger as _GunicornLogger
except ImportError:  # pragma: no cover - gunicorn is in requirements.txt
    _GunicornLogger = object


@lru_cache(maxsize=8)
def format_atoms(log_format: str) -> tuple[str, ...]:
    """The atoms an access-log format prints ("%(t)s" -> t; a header atom in lower case, as gunicorn looks
    it up)."""
    return tuple(
        dict.fromkeys(key.lower() if key.startswith("{") else key for key in re.findall(r"%\(([^)]*)\)", log_format))
    )


class RedactingGunicornLogger(_GunicornLogger):
    """gunicorn's logger with the keys of respondent-facing paths and every query string left out of every atom
    the format prints (request line, path, referrer, headers, environ variables; the query string atom is
    empty), and control characters escaped. Only those atoms are kept: the others (every header and environ
    variable of the request) cannot reach the line, and were most of the log's cost per request. Its error
    log (a request that failed is logged with its address) is filtered as the application's logger is."""

    def setup(self, cfg):
        super().setup(cfg)
        _add_filter(self.error_log)

    def atoms(self, resp, req, environ, request_time):
        every = super().atoms(resp, req, environ, request_time)
        atoms = {key: every[key] for key in format_atoms(self.cfg.access_log_format) if key in every}
        if "q" in atoms:
            atoms["q"] = ""
        for key, value in list(atoms.items()):
            if isinstance(value, str):
                if SENSITIVE.search(value):
                    value = atoms[key] = redact(value)
                if not value.isprintable():  # printable text has no control character: no search needed
                    atoms[key] = escape_controls(value)
        return atoms
