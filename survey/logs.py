"""Request logs never hold a personal link token or short code: ``/r/<token>`` is written as ``/r/…``.
They cannot be forged either: a control character in a request (``%0A`` in a path decodes to a line
break) is written as an escape such as ``\\x0a``, so one request is always one log line.

The filter covers the development server and Flask's own logger; ``RedactingGunicornLogger`` covers
gunicorn's access log (``gunicorn --logger-class survey.logs.RedactingGunicornLogger``).
"""

import logging
import re
from functools import lru_cache

PERSONAL_LINK = re.compile(r"/r/[^/\s?\"']+")
REDACTED = "/r/…"


#: line breaks and other control characters, including Unicode's own line and paragraph separators
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def redact(text: str) -> str:
    return PERSONAL_LINK.sub(REDACTED, text)


def escape_controls(text: str) -> str:
    """A line break becomes the four characters \\x0a: what a client sent never starts a log line."""
    return CONTROL.sub(_escaped, text)


def _escaped(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 256 else f"\\u{code:04x}"


#: a terminal colour (SGR) sequence as the development server styles its own lines: "\x1b[33m", "\x1b[0m"
STYLE = re.compile(r"\x1b\[[0-9;]*m")


class RedactPersonalLinks(logging.Filter):
    """Rewrites a log record whose message contains a personal link or a control character (a forged line).
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
        if "/r/" in body or CONTROL.search(plain):
            parts = STYLE.split(body) if own else [body]
            styles = STYLE.findall(body) if own else []
            cleaned = [escape_controls(redact(part)) for part in parts]
            record.msg = "".join(a + b for a, b in zip(cleaned, [*styles, ""], strict=True)) + end
            record.args = ()
        return True


def install_log_redaction(app) -> None:
    for logger in (logging.getLogger("werkzeug"), app.logger):
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
    """gunicorn's logger with personal links redacted from every atom the format prints (request line, path,
    referrer, headers, environ variables) and control characters escaped. Only those atoms are kept: the
    others (every header and environ variable of the request) cannot reach the line, and were most of the
    log's cost per request."""

    def atoms(self, resp, req, environ, request_time):
        every = super().atoms(resp, req, environ, request_time)
        atoms = {key: every[key] for key in format_atoms(self.cfg.access_log_format) if key in every}
        for key, value in list(atoms.items()):
            if isinstance(value, str):
                if "/r/" in value:
                    value = atoms[key] = redact(value)
                if not value.isprintable():  # printable text has no control character: no search needed
                    atoms[key] = escape_controls(value)
        return atoms
