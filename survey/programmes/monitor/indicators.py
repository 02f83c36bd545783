"""Indicators of the monitor and their measured values, grouped per *data-uitvraag* (indicator set).

Providers and gemeenten deliver figures per month or quarter, by hand or as an uploaded sheet. A set
may name a pseudonym column: its values are hashed on upload with the region's secret key
(HMAC-SHA-256), so unique children can be counted across sources while the original never reaches
the database. A BSN never does either: such files are refused.
"""

import enum
import secrets
from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from survey.accounts.models import User
from survey.database import Base, enum_column
from survey.programmes.models import Programme
from survey.timeutil import utcnow


class PeriodType(enum.StrEnum):
    """How often an indicator is measured (*periode*)."""

    MONTH = "month"
    QUARTER = "quarter"


class Aggregation(enum.StrEnum):
    """How the values of one period combine across gemeenten and sources (*optellen*)."""

    SUM = "sum"
    MEAN = "mean"
    DISTINCT = "distinct"


class IndicatorSet(Base):
    """A *data-uitvraag*: the indicators one template asks providers and gemeenten to fill in."""

    __tablename__ = "indicator_set"
    __table_args__ = (sa.UniqueConstraint("programme_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(sa.ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    #: name, e.g. "Monitor Thuis opgroeien" (*naam*)
    name: Mapped[str] = mapped_column(sa.String(200))
    #: what is asked and of whom (*toelichting*)
    description: Mapped[str] = mapped_column(sa.Text, default="")
    #: column with a client number or pseudonym that is hashed on upload (*pseudoniemkolom*); empty: none
    pseudonym_column: Mapped[str | None] = mapped_column(sa.String(60))
    #: when it was created
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    programme: Mapped[Programme] = relationship()
    indicators: Mapped[list["Indicator"]] = relationship(
        back_populates="indicator_set", order_by="Indicator.name", cascade="all, delete-orphan", passive_deletes=True
    )

    def __repr__(self) -> str:
        return f"<IndicatorSet {self.id} {self.name!r}>"

    @property
    def region_id(self) -> int:
        return self.programme.region_id


class Indicator(Base):
    """A figure the programme follows, e.g. "kinderen van residentieel naar gezin" per quarter."""

    __tablename__ = "indicator"
    __table_args__ = (sa.UniqueConstraint("indicator_set_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_set_id: Mapped[int] = mapped_column(sa.ForeignKey("indicator_set.id", ondelete="CASCADE"), index=True)
    #: name as it appears in the template (*indicator*)
    name: Mapped[str] = mapped_column(sa.String(200))
    #: unit, e.g. "kinderen", "dagen", "%" (*eenheid*)
    unit: Mapped[str] = mapped_column(sa.String(40), default="")
    #: definition: what counts and what does not (*definitie*)
    description: Mapped[str] = mapped_column(sa.Text, default="")
    #: measured per month or per quarter (*periode*)
    period_type: Mapped[PeriodType] = mapped_column(enum_column(PeriodType), default=PeriodType.QUARTER)
    #: delivered per gemeente (*per gemeente*)
    per_gemeente: Mapped[bool] = mapped_column(default=False)
    #: how values of one period combine (*optellen*)
    aggregation: Mapped[Aggregation] = mapped_column(enum_column(Aggregation), default=Aggregation.SUM)

    indicator_set: Mapped[IndicatorSet] = relationship(back_populates="indicators")

    def __repr__(self) -> str:
        return f"<Indicator {self.id} {self.name!r}>"

    @property
    def region_id(self) -> int:
        return self.indicator_set.region_id


class MeasurementUpload(Base):
    """One uploaded file of a data-uitvraag; deleting it removes exactly the values it brought."""

    __tablename__ = "measurement_upload"

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_set_id: Mapped[int] = mapped_column(sa.ForeignKey("indicator_set.id", ondelete="CASCADE"), index=True)
    #: the file's name (*bestand*)
    filename: Mapped[str] = mapped_column(sa.String(200))
    #: who delivered the figures, e.g. a provider or gemeente (*bron*)
    source: Mapped[str] = mapped_column(sa.String(120))
    #: number of values imported (*aantal waarden*)
    row_count: Mapped[int] = mapped_column(default=0)
    #: the staff member who uploaded it
    uploaded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    #: when (*geüpload op*)
    uploaded_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    indicator_set: Mapped[IndicatorSet] = relationship()

    def __repr__(self) -> str:
        return f"<MeasurementUpload {self.id}>"

    @property
    def region_id(self) -> int:
        return self.indicator_set.region_id


class Measurement(Base):
    """One value of an indicator for a period, gemeente and source (*meetwaarde*)."""

    __tablename__ = "measurement"
    __table_args__ = (
        sa.UniqueConstraint("indicator_id", "period", "gemeente", "source", "pseudonym"),
        sa.CheckConstraint("length(period) = 7", name="period_format"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(sa.ForeignKey("indicator.id", ondelete="CASCADE"), index=True)
    #: the period, "2026-K1" or "2026-03" (*periode*)
    period: Mapped[str] = mapped_column(sa.String(7))
    #: the gemeente, empty for the region as a whole (*gemeente*)
    gemeente: Mapped[str] = mapped_column(sa.String(80), default="")
    #: who delivered it, empty when entered by staff (*bron*)
    source: Mapped[str] = mapped_column(sa.String(120), default="")
    #: keyed hash of a client number or pseudonym, empty when none (*pseudoniem*)
    pseudonym: Mapped[str] = mapped_column(sa.String(64), default="")
    #: the figure (*waarde*)
    value: Mapped[Decimal] = mapped_column(sa.Numeric(14, 4))
    #: remark from the supplier (*opmerking*)
    remark: Mapped[str] = mapped_column(sa.String(500), default="")
    #: the upload it came from, if any
    upload_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("measurement_upload.id", ondelete="CASCADE"), index=True
    )
    #: the progress report it was entered with, if any
    progress_report_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("progress_report.id", ondelete="SET NULL"), index=True
    )
    #: the row of the uploaded file it came from (*rij*), if any
    upload_row: Mapped[int | None]
    #: the staff member who entered or uploaded it
    entered_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    #: when it was stored
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)
    #: False when another value for the same indicator, period and gemeente was chosen (*niet meegeteld*)
    counted: Mapped[bool] = mapped_column(default=True, server_default=sa.true())
    #: the value this one corrects (*correctie op*), if it was marked as a correction
    corrects_id: Mapped[int | None] = mapped_column(sa.ForeignKey("measurement.id", ondelete="SET NULL"))
    #: who chose between conflicting values, and when
    resolved_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user_account.id", ondelete="SET NULL"))
    resolved_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))

    indicator: Mapped[Indicator] = relationship()
    upload: Mapped[MeasurementUpload | None] = relationship()
    entered_by: Mapped["User | None"] = relationship(foreign_keys=[entered_by_id])
    resolved_by: Mapped["User | None"] = relationship(foreign_keys=[resolved_by_id])

    def __repr__(self) -> str:
        return f"<Measurement {self.id} {self.period}>"

    @property
    def region_id(self) -> int:
        return self.indicator.region_id


class PseudonymKey(Base):
    """The region's secret key for hashing pseudonyms; made at random on first use, never shown."""

    __tablename__ = "pseudonym_key"

    region_id: Mapped[int] = mapped_column(sa.ForeignKey("region.id", ondelete="CASCADE"), primary_key=True)
    #: 32 random bytes (*sleutel*)
    key: Mapped[bytes] = mapped_column(sa.LargeBinary(64), default=lambda: secrets.token_bytes(32))
    #: when it was made
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), default=utcnow)

    def __repr__(self) -> str:
        return f"<PseudonymKey region={self.region_id}>"
