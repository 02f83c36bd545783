"""API tokens: read-only access for Power BI, R and Excel to one region's results.

The token itself is shown once when it is made; only its SHA-256 hash is stored, with a short prefix
so the beheerder can tell tokens apart. A revoked token stays listed (who made it, when it was revoked)
but no longer works.
"""

import enum
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from survey.database import Base, enum_column
from survey.timeutil import utcnow


class ApiScope(enum.StrEnum):
    AGGREGATES = "aggregates"  # aggregated, protected results only
    RESPONSES = "responses"  # also the response export (scrubbed open answers)


class ApiToken(Base):
    """A token that reads one region's results through /api/v1."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(sa.ForeignKey("region.id", ondelete="CASCADE"), index=True)
    #: what the token is for (*naam*)
    name: Mapped[str] = mapped_column(sa.String(120))
    #: what it may read (*toegang*): aggregates or responses
    scope: Mapped[ApiScope] = mapped_column(enum_column(ApiScope))
    #: SHA-256 of the token (the token itself is never stored)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    #: the first characters of the token, to recognise it (*begint met*)
    prefix: Mapped[str] = mapped_column(sa.String(16))
    #: who made it
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    #: when it was made (*aangemaakt op*)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    #: the last day it was used (*laatst gebruikt*); a day, not a time
    last_used_on: Mapped[date | None]
    #: when it was revoked (*ingetrokken op*); empty while it works
    revoked_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))

    def __repr__(self) -> str:
        return f"<ApiToken {self.id} {self.prefix}… {self.scope}>"

    @property
    def active(self) -> bool:
        return self.revoked_at is None

    def allows(self, scope: ApiScope) -> bool:
        """Aggregates are readable with either scope; responses only with the responses scope."""
        return self.active and (scope == ApiScope.AGGREGATES or self.scope == ApiScope.RESPONSES)
