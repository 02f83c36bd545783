"""Regions, staff users and their role per region."""

import enum
import secrets
from datetime import datetime

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey.database import Base, enum_column
from survey.timeutil import utcnow


class Role(enum.StrEnum):
    """A staff user's role in one region."""

    BEHEERDER = "beheerder"
    ONDERZOEKER = "onderzoeker"
    CODEUR = "codeur"
    PROJECTLEIDER = "projectleider"
    LEZER = "lezer"


class Permission(enum.StrEnum):
    MANAGE_USERS = "manage_users"
    MANAGE_REGION = "manage_region"
    VIEW_AUDIT = "view_audit"
    APPROVE_REPORTS = "approve_reports"
    BUILD_SURVEYS = "build_surveys"
    RUN_FIELDWORK = "run_fieldwork"
    VIEW_RESULTS = "view_results"
    VIEW_RAW_TEXT = "view_raw_text"
    EXPORT = "export"
    CODE_ANSWERS = "code_answers"
    MANAGE_PROGRAMMES = "manage_programmes"
    REPORT_PROGRESS = "report_progress"
    READ_REPORTS = "read_reports"


_RESEARCH = {
    Permission.BUILD_SURVEYS,
    Permission.RUN_FIELDWORK,
    Permission.VIEW_RESULTS,
    Permission.EXPORT,
    Permission.CODE_ANSWERS,
    Permission.MANAGE_PROGRAMMES,
    Permission.READ_REPORTS,
}

#: what each role may do; raw open-answer text is for the onderzoeker alone
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.BEHEERDER: frozenset(set(Permission) - {Permission.VIEW_RAW_TEXT}),
    Role.ONDERZOEKER: frozenset(_RESEARCH | {Permission.VIEW_RAW_TEXT, Permission.REPORT_PROGRESS}),
    Role.CODEUR: frozenset({Permission.CODE_ANSWERS, Permission.READ_REPORTS}),
    Role.PROJECTLEIDER: frozenset({Permission.REPORT_PROGRESS, Permission.READ_REPORTS}),
    Role.LEZER: frozenset({Permission.READ_REPORTS}),
}


class Region(Base):
    """A jeugdhulpregio: owns every survey, programme and report."""

    __tablename__ = "region"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: short name used in URLs (*regiocode*)
    slug: Mapped[str] = mapped_column(sa.String(40), unique=True)
    #: display name (*regio*)
    name: Mapped[str] = mapped_column(sa.String(120))
    #: main colour of the region's house style, as #rrggbb (*huisstijlkleur*)
    main_colour: Mapped[str] = mapped_column(sa.String(7), default="#154273")
    #: logo image (PNG or JPEG), shown in the header (*logo*)
    logo: Mapped[bytes | None] = mapped_column(sa.LargeBinary, deferred=True)
    #: MIME type of the logo
    logo_mimetype: Mapped[str | None] = mapped_column(sa.String(40))
    #: when the region was created
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    memberships: Mapped[list["Membership"]] = relationship(back_populates="region", cascade="all, delete-orphan")

    def __repr__(self) -> str:
        return f"<Region {self.slug}>"


class User(UserMixin, Base):
    """A staff member (never a respondent)."""

    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: login e-mail address, stored in lower case (*e-mailadres*)
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)
    #: full name (*naam*)
    name: Mapped[str] = mapped_column(sa.String(120))
    #: scrypt hash of the password; empty until the user sets one
    password_hash: Mapped[str] = mapped_column(sa.String(255), default="")
    #: site-wide superuser, created only through the CLI
    is_superuser: Mapped[bool] = mapped_column(default=False)
    #: a disabled account cannot log in (*actief*)
    active: Mapped[bool] = mapped_column(default=True)
    #: identifier kept in the session; rotated on password change so old sessions end
    session_token: Mapped[str] = mapped_column(sa.String(64), default=lambda: secrets.token_urlsafe(32))
    #: when the account was created
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    #: last successful login (*laatst ingelogd*)
    last_login_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))

    memberships: Mapped[list["Membership"]] = relationship(back_populates="user", cascade="all, delete-orphan")

    def __repr__(self) -> str:
        return f"<User {self.id}>"

    @property
    def is_active(self) -> bool:  # used by Flask-Login
        return self.active

    def get_id(self) -> str:
        return self.session_token

    def role_in(self, region: Region) -> Role | None:
        """The user's role in a region, or None."""
        for membership in self.memberships:
            if membership.region_id == region.id:
                return membership.role
        return None

    def can(self, permission: Permission, region: Region) -> bool:
        """Whether the user may do this in this region."""
        if self.is_superuser:
            return True
        role = self.role_in(region)
        return role is not None and permission in ROLE_PERMISSIONS[role]


class Membership(Base):
    """A user's role in one region (one role per region)."""

    __tablename__ = "membership"
    __table_args__ = (sa.UniqueConstraint("user_id", "region_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    region_id: Mapped[int] = mapped_column(sa.ForeignKey("region.id", ondelete="CASCADE"), index=True)
    #: the role in this region (*rol*)
    role: Mapped[Role] = mapped_column(enum_column(Role))

    user: Mapped[User] = relationship(back_populates="memberships")
    region: Mapped[Region] = relationship(back_populates="memberships")

    def __repr__(self) -> str:
        return f"<Membership user={self.user_id} region={self.region_id} {self.role}>"
