"""Random tokens and their hashes: personal links, short codes, resume secrets.

Personal tokens have 192 bits and are stored only as a SHA-256 hash in the ledger. Secrets that let
a respondent resume are stored on the response only as an HMAC keyed with the app's secret key, so
the ledger's hash and the response's hash of the same token cannot be matched in a database dump.
"""

import hashlib
import hmac
import re
import secrets

from flask import current_app

#: letters and digits that cannot be mistaken for each other when typed from a letter
SHORT_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
SHORT_CODE_LENGTH = 10  # 50 bits; guessing is throttled


def new_token() -> str:
    """A personal link token (192 bits, URL-safe)."""
    return secrets.token_urlsafe(24)


def token_hash(token: str) -> str:
    """What the ledger stores for a token or short code."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_short_code(length: int = SHORT_CODE_LENGTH) -> str:
    """A code to type by hand, shown in groups of five: 'K7M4P-9QXRT'."""
    code = "".join(secrets.choice(SHORT_CODE_ALPHABET) for _ in range(length))
    return "-".join(code[i : i + 5] for i in range(0, length, 5))


def normalise_short_code(typed: str) -> str:
    """Accept lower case, spaces and dashes as typed from a letter."""
    code = re.sub(r"[^A-Za-z0-9]", "", typed or "").upper()
    return "-".join(code[i : i + 5] for i in range(0, len(code), 5))


def short_code_hash(code: str) -> str:
    """What the ledger stores for a short code: keyed with the app's secret key, because a code of 50 bits
    could be found again from a plain SHA-256 by trying every code."""
    return keyed_hash("short-code", code)


def keyed_hash(purpose: str, secret: str) -> str:
    """HMAC-SHA-256 of a respondent-held secret, keyed with the app's secret key."""
    key = current_app.config["SECRET_KEY"].encode("utf-8")
    return hmac.new(key, f"{purpose}:{secret}".encode(), hashlib.sha256).hexdigest()
