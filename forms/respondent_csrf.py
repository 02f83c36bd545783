"""The form token of the respondent's question screens, signed and checked once per process where that
gives the same answer.

Flask-WTF signs the session's random token with the current second on every page and checks the
signature on every POST. Here a signature made by this process is reused for the same session token within
the same second (the very token Flask-WTF would make again: the signature still changes every second, as
docs/security.md "Compression and secrets" relies on), and a token this process signed is accepted
without checking the signature again while it is within its time limit and belongs to this session.
Anything else (a token from another process, a wrong or expired one) goes through Flask-WTF's own check,
with its messages.
"""

from __future__ import annotations

import hmac
import time

from flask import g, session
from flask_wtf.csrf import _FlaskFormCSRF, generate_csrf

KEPT = 4096
#: (secret, session token) -> (second of the signature, signed token)
_SIGNED: dict[tuple, tuple[int, str]] = {}
#: (secret, signed token) -> (second of the signature, session token)
_MADE_HERE: dict[tuple, tuple[int, str]] = {}


def kept_csrf_token(secret_key, field_name: str) -> str:
    """``flask_wtf.csrf.generate_csrf``, reusing this process's signature of the same session token made in
    the same second."""
    if field_name in g:
        return g.get(field_name)
    raw = session.get(field_name)
    now = int(time.time())
    kept = _SIGNED.get((secret_key, raw)) if isinstance(raw, str) else None
    if kept is not None and kept[0] == now:
        setattr(g, field_name, kept[1])
        return kept[1]
    token = generate_csrf(secret_key=secret_key, token_key=field_name)
    raw = session.get(field_name)
    if isinstance(raw, str) and int(time.time()) == now:  # signed within this second: its timestamp is now
        if len(_SIGNED) >= KEPT:
            _SIGNED.clear()
            _MADE_HERE.clear()
        _SIGNED[(secret_key, raw)] = (now, token)
        _MADE_HERE[(secret_key, token)] = (now, raw)
    return token


class KeptCSRF(_FlaskFormCSRF):
    """Flask-WTF's form token with the signing and checking above."""

    def generate_csrf_token(self, csrf_token_field):
        return kept_csrf_token(self.meta.csrf_secret, self.meta.csrf_field_name)

    def validate_csrf_token(self, form, field):
        if not g.get("csrf_valid", False) and made_here(self.meta, field.data):
            return
        super().validate_csrf_token(form, field)


def made_here(meta, token) -> bool:
    """The form token was signed by this process for this session and is within its time limit (``meta``:
    the form's Meta, for the secret, field name and limit); False means: check it the long way."""
    made = _MADE_HERE.get((meta.csrf_secret, token)) if isinstance(token, str) else None
    if made is None:
        return False
    limit, raw = meta.csrf_time_limit, session.get(meta.csrf_field_name)
    age = int(time.time()) - made[0]
    return (limit is None or 0 <= age <= limit) and isinstance(raw, str) and hmac.compare_digest(raw, made[1])
