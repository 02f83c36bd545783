"""Surveys and their versions. A version's questions live in one JSON document (see document.py)."""

import enum
import secrets
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey.database import Base, enum_column
from survey.timeutil import utcnow


class SurveyKind(enum.StrEnum):
    CEO = "ceo"
    PEO = "peo"
    PEILING = "peiling"
    STAKEHOLDER = "stakeholder"
    OVERIG = "overig"


class Audience(enum.StrEnum):
    OUDERS = "ouders"
    JONGEREN = "jongeren"
    KIND = "kind"
    PROFESSIONALS = "professionals"
    STAKEHOLDERS = "stakeholders"


class AddressForm(enum.StrEnum):
    U = "u"
    JE = "je"


class DisplayMode(enum.StrEnum):
    ONE_PER_SCREEN = "one_per_screen"
    SECTION_PER_PAGE = "section_per_page"
    ALL_ON_ONE_PAGE = "all_on_one_page"


class FieldworkStatus(enum.StrEnum):
    DRAFT = "draft"  # being built, not open to respondents
    OPEN = "open"  # fieldwork running
    CLOSED = "closed"  # fieldwork closed; contacts deleted


class VersionStatus(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"


MIN_CELL_FLOOR = 5


class Survey(Base):
    """A questionnaire of one region for one round (*meting*); rounds of a series share item codes."""

    __tablename__ = "survey"
    __table_args__ = (sa.CheckConstraint("min_cell >= 5", name="min_cell_at_least_5"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(sa.ForeignKey("region.id", ondelete="CASCADE"), index=True)
    #: kind of research (*soort*: CEO, PEO, peiling, stakeholder-enquête, overig)
    kind: Mapped[SurveyKind] = mapped_column(enum_column(SurveyKind))
    #: title per language (*titel*)
    title: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    #: introduction on the welcome page, per language (*inleiding*)
    introduction: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    #: who runs the research, per language (*uitvoerder*)
    organiser: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    #: privacy statement, per language (*privacyverklaring*)
    privacy_statement: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    #: where to find help, shown on the thank-you page, per language (*hulp nodig?*)
    help_text: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    #: estimated minutes to complete (*geschatte duur*)
    estimated_minutes: Mapped[int] = mapped_column(default=5)
    #: who answers (*doelgroep*)
    audience: Mapped[Audience] = mapped_column(enum_column(Audience))
    #: form of address (*aanspreekvorm*: u or je)
    address_form: Mapped[AddressForm] = mapped_column(enum_column(AddressForm, 2))
    #: first day respondents can answer (*opent op*)
    opens_on: Mapped[date | None]
    #: last day respondents can answer (*sluit op*)
    closes_on: Mapped[date | None]
    #: months after closing before the answers are purged (*bewaartermijn*)
    retention_months: Mapped[int] = mapped_column(default=24)
    #: smallest group shown in a breakdown, never below 5 (*minimale celgrootte*)
    min_cell: Mapped[int] = mapped_column(default=10)
    #: the background variable dropped first when a combination is shared by fewer than min_cell people;
    #: empty: kind of help, then age band, respondent type, gemeente, language (*volgorde generaliseren*)
    generalise_order: Mapped[str] = mapped_column(sa.String(40), default="", server_default="")
    #: how questions are shown (*weergave*)
    display_mode: Mapped[DisplayMode] = mapped_column(enum_column(DisplayMode, 24))
    #: show a check page before sending (*controlepagina*)
    show_check_page: Mapped[bool] = mapped_column(default=False)
    #: fieldwork state (*status veldwerk*)
    status: Mapped[FieldworkStatus] = mapped_column(enum_column(FieldworkStatus), default=FieldworkStatus.DRAFT)
    #: rounds of the same survey share this key, so trends compare like with like (*reeks*)
    series_key: Mapped[str] = mapped_column(sa.String(32), default=lambda: secrets.token_hex(16), index=True)
    #: label of this round, e.g. "2026" (*meting*)
    round_label: Mapped[str] = mapped_column(sa.String(40), default="")
    #: the round this one was copied from (*vorige meting*)
    previous_round_id: Mapped[int | None] = mapped_column(sa.ForeignKey("survey.id", ondelete="SET NULL"))
    #: random key of the open link /v/<key>; empty when there is no open link (*open link*)
    public_key: Mapped[str | None] = mapped_column(sa.String(40), unique=True)
    #: short code people type to join a live poll (*pollcode*)
    poll_code: Mapped[str | None] = mapped_column(sa.String(12), unique=True)
    #: when the survey was created
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    #: optimistic lock: two staff saving the same survey never overwrite each other silently
    lock_version: Mapped[int] = mapped_column(default=1)
    #: the shipped template this survey was made from, e.g. "ceo_ouders" (*sjabloon*)
    template_key: Mapped[str | None] = mapped_column(sa.String(40))

    versions: Mapped[list["SurveyVersion"]] = relationship(
        back_populates="survey", cascade="all, delete-orphan", order_by="SurveyVersion.number"
    )

    __mapper_args__ = {"version_id_col": lock_version}

    def __repr__(self) -> str:
        return f"<Survey {self.id} {self.kind}>"

    def text(self, attribute: str, language: str = "nl") -> str:
        """A multilingual attribute in a language, falling back to Dutch."""
        values = getattr(self, attribute) or {}
        return values.get(language) or values.get("nl") or ""

    @property
    def published_version(self) -> "SurveyVersion | None":
        """The newest published version (what respondents answer)."""
        published = [v for v in self.versions if v.status == VersionStatus.PUBLISHED]
        return published[-1] if published else None

    @property
    def draft_version(self) -> "SurveyVersion | None":
        drafts = [v for v in self.versions if v.status == VersionStatus.DRAFT]
        return drafts[-1] if drafts else None

    def is_open(self, today: date) -> bool:
        """Open to respondents today: fieldwork running, within the dates, a published version."""
        return (
            self.status == FieldworkStatus.OPEN
            and self.published_version is not None
            and (self.opens_on is None or self.opens_on <= today)
            and (self.closes_on is None or today <= self.closes_on)
        )


class SurveyVersion(Base):
    """One version of a survey's questions. Publishing freezes it; answers keep pointing at it."""

    __tablename__ = "survey_version"
    __table_args__ = (sa.UniqueConstraint("survey_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(sa.ForeignKey("survey.id", ondelete="CASCADE"), index=True)
    #: 1, 2, 3 … (*versie*)
    number: Mapped[int]
    #: draft or published (*status*)
    status: Mapped[VersionStatus] = mapped_column(enum_column(VersionStatus), default=VersionStatus.DRAFT)
    #: the questionnaire document (sections, questions, options, conditions, translations)
    document: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    #: when it was published (*gepubliceerd op*)
    published_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    #: optimistic lock for concurrent edits of a draft
    lock_version: Mapped[int] = mapped_column(default=1)

    survey: Mapped[Survey] = relationship(back_populates="versions")

    __mapper_args__ = {"version_id_col": lock_version}

    def __repr__(self) -> str:
        return f"<SurveyVersion {self.survey_id}.{self.number} {self.status}>"

    @property
    def region_id(self) -> int:
        return self.survey.region_id


def frozen_key(version) -> tuple | None:
    """What names a published version's document for as long as a process lives (it never changes: see
    ``_published_documents_never_change``), so what is made of it can be kept per process; None for a draft."""
    if version.status != VersionStatus.PUBLISHED or version.published_at is None:
        return None
    return (version.id, version.survey_id, version.published_at)


def made_once_if_published(version, store: dict, limit: int, make):
    """``make(version.document)``; for a published version made once per process and kept in ``store`` (at
    most ``limit`` entries, the oldest dropped first), since its document never changes (``frozen_key``)."""
    key = frozen_key(version)
    if key is None:
        return make(version.document)
    if key not in store:
        if len(store) >= limit:
            store.pop(next(iter(store)), None)
        store[key] = make(version.document)
    return store[key]


class FrozenVersionError(RuntimeError):
    """Raised when code tries to change the document of a published version."""


@sa.event.listens_for(SurveyVersion, "before_update")
def _published_documents_never_change(mapper, connection, target: SurveyVersion) -> None:
    """A published version is frozen: its answers must keep meaning what they meant."""
    state = sa.inspect(target)
    if not state.attrs.document.history.has_changes():
        return
    stored = connection.scalar(
        sa.select(SurveyVersion.__table__.c.status).where(SurveyVersion.__table__.c.id == target.id)
    )
    if stored == VersionStatus.PUBLISHED.value:
        raise FrozenVersionError(f"version {target.id} is published; its document cannot change")
