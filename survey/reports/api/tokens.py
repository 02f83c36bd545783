"""Making, revoking and checking API tokens (services: they flush and audit, the view commits)."""

from __future__ import annotations

import secrets
from datetime import date

from sqlalchemy import select

from survey.accounts.models import Region, User
from survey.audit.services import record
from survey.extensions import db
from survey.reports.api.models import ApiScope, ApiToken
from survey.timeutil import utcnow
from survey.tokens import token_hash

PREFIX = "ceo_"
SHOWN_PREFIX = 10


def create_token(region: Region, name: str, scope: ApiScope, user: User | None) -> tuple[ApiToken, str]:
    """A new token of a region; returns the row and the token text (shown once, never stored)."""
    text = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        region_id=region.id,
        name=name.strip(),
        scope=ApiScope(scope),
        token_hash=token_hash(text),
        prefix=text[:SHOWN_PREFIX],
        created_by_id=user.id if user else None,
    )
    db.session.add(token)
    db.session.flush()
    record("api_token.create", token, scope=str(token.scope))
    return token, text


def revoke_token(token: ApiToken) -> None:
    """Stop a token from working (it stays listed)."""
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        record("api_token.revoke", token)
    db.session.flush()


def tokens_of(region: Region) -> list[ApiToken]:
    return list(
        db.session.scalars(
            select(ApiToken)
            .where(ApiToken.region_id == region.id)
            .order_by(ApiToken.revoked_at.is_not(None), ApiToken.created_at.desc())
        )
    )


def token_for(text: str | None) -> ApiToken | None:
    """The working token with this text, or None (unknown, malformed and revoked tokens look alike)."""
    if not text or len(text) > 200 or not text.startswith(PREFIX):
        return None
    token = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == token_hash(text)))
    if token is None or not token.active:
        return None
    return token


def mark_used(token: ApiToken, today: date) -> None:
    """Remember the day of use (only written when the day changes)."""
    if token.last_used_on != today:
        token.last_used_on = today
