"""Request logs never hold a personal link token or short code: ``/r/<token>`` is written as ``/r/…``.

The filter covers the development server and Flask's own logger; ``RedactingGunicornLogger`` covers
gunicorn's access log (``gunicorn --logger-class survey.logs.RedactingGunicornLogger``).
"""

import logging
import re

PERSONAL_LINK = re.compile(r"/r/[^/\s?\"']+")
REDACTED = "/r/…"


def redact(text: str) -> str:
    return PERSONAL_LINK.sub(REDACTED, text)


class RedactPersonalLinks(logging.Filter):
    """Rewrites a log record whose message contains a personal link."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "/r/" in message:
            record.msg, record.args = redact(message), ()
        return True


def install_log_redaction(app) -> None:
    for logger in (logging.getLogger("werkzeug"), app.logger):
        if not any(isinstance(f, RedactPersonalLinks) for f in logger.filters):
            logger.addFilter(RedactPersonalLinks())


try:  # gunicorn is the production server; the platform itself does not need it
    from gunicorn.glogging import Logger as _GunicornLogger
except ImportError:  # pragma: no cover - gunicorn is in requirements.txt
    _GunicornLogger = object


class RedactingGunicornLogger(_GunicornLogger):
    """gunicorn's logger with personal links redacted from every atom (request line, path, referrer,
    environ variables)."""

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        for key, value in list(atoms.items()):
            if isinstance(value, str) and "/r/" in value:
                atoms[key] = redact(value)
        return atoms
