"""Audit entries."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from survey.database import Base
from survey.timeutil import utcnow


class AuditEntry(Base):
    """One staff action on data. Holds identifiers and labels only, never answer content."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: when it happened (*tijdstip*)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow, index=True)
    #: the region whose data was touched; empty for site-wide actions
    region_id: Mapped[int | None] = mapped_column(sa.ForeignKey("region.id", ondelete="SET NULL"), index=True)
    #: the staff user who acted; empty for the system or an anonymous visitor
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    #: the actor's e-mail address at the time, kept when the account is deleted (*door*)
    actor_label: Mapped[str] = mapped_column(sa.String(254), default="")
    #: what was done, a dotted code such as ``user.create`` (*actie*)
    action: Mapped[str] = mapped_column(sa.String(60))
    #: kind of object, such as ``user`` or ``survey`` (*object*)
    object_type: Mapped[str] = mapped_column(sa.String(40), default="")
    #: the object's id
    object_id: Mapped[str] = mapped_column(sa.String(40), default="")
    #: short machine-readable details (ids, field names, counts); never answer text
    details: Mapped[dict] = mapped_column(sa.JSON, default=dict)

    def __repr__(self) -> str:
        return f"<AuditEntry {self.action} {self.object_type}:{self.object_id}>"
