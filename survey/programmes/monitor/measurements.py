"""Indicators and their values: sets, indicators, values by hand, and uploads (all or nothing).

Functions flush and write audit entries; they never commit. An upload is read and checked in
``analysis.files.uploads``; only a file without a single problem is stored. Pseudonyms are hashed here,
at once, and the original values are dropped.
"""

from decimal import Decimal

from sqlalchemy import insert, select

from analysis.files.uploads import IndicatorSpec, Problem, UploadResult, UploadSpec, pseudonymise, read_upload
from survey.accounts.models import User
from survey.audit.services import record
from survey.extensions import db
from survey.programmes.models import Programme, Target
from survey.programmes.monitor.indicators import (
    Indicator,
    IndicatorSet,
    Measurement,
    MeasurementUpload,
    PseudonymKey,
)
from survey.programmes.services import assign_fields

SET_FIELDS = ("name", "description", "pseudonym_column")
INDICATOR_FIELDS = ("indicator_set", "name", "unit", "description", "period_type", "per_gemeente", "aggregation")


class InUse(Exception):
    """The object is still used (e.g. an indicator by a target) and cannot be removed."""


def indicator_sets(programme: Programme) -> list[IndicatorSet]:
    stmt = select(IndicatorSet).where(IndicatorSet.programme_id == programme.id).order_by(IndicatorSet.name)
    return list(db.session.scalars(stmt))


def programme_indicators(programme: Programme) -> list[Indicator]:
    """Every indicator of the programme, by set and name."""
    stmt = (
        select(Indicator)
        .join(IndicatorSet)
        .where(IndicatorSet.programme_id == programme.id)
        .order_by(IndicatorSet.name, Indicator.name)
    )
    return list(db.session.scalars(stmt))


def create_indicator_set(programme: Programme, **fields) -> IndicatorSet:
    indicator_set = IndicatorSet(programme=programme)
    assign_fields(indicator_set, fields, SET_FIELDS)
    db.session.add(indicator_set)
    db.session.flush()
    record("indicator_set.create", indicator_set)
    return indicator_set


def update_indicator_set(indicator_set: IndicatorSet, **fields) -> None:
    changed = assign_fields(indicator_set, fields, SET_FIELDS)
    db.session.flush()
    record("indicator_set.update", indicator_set, fields=changed)


def delete_indicator_set(indicator_set: IndicatorSet) -> None:
    for indicator in indicator_set.indicators:
        _refuse_when_targeted(indicator)
    record("indicator_set.delete", indicator_set, indicators=len(indicator_set.indicators))
    db.session.delete(indicator_set)
    db.session.flush()


def create_indicator(indicator_set: IndicatorSet, **fields) -> Indicator:
    indicator = Indicator(indicator_set=indicator_set)
    assign_fields(indicator, fields, INDICATOR_FIELDS)
    db.session.add(indicator)
    db.session.flush()
    record("indicator.create", indicator)
    return indicator


def update_indicator(indicator: Indicator, **fields) -> None:
    changed = assign_fields(indicator, fields, INDICATOR_FIELDS)
    db.session.flush()
    record("indicator.update", indicator, fields=changed)


def delete_indicator(indicator: Indicator) -> None:
    _refuse_when_targeted(indicator)
    record("indicator.delete", indicator)
    db.session.delete(indicator)
    db.session.flush()


def _refuse_when_targeted(indicator: Indicator) -> None:
    if db.session.scalar(select(Target.id).where(Target.indicator_id == indicator.id).limit(1)):
        raise InUse(indicator.name)


def measurements_of(indicator: Indicator) -> list[Measurement]:
    """All values of an indicator, newest period first."""
    stmt = (
        select(Measurement)
        .where(Measurement.indicator_id == indicator.id)
        .order_by(Measurement.period.desc(), Measurement.gemeente, Measurement.source, Measurement.id)
    )
    return list(db.session.scalars(stmt))


def value_exists(indicator: Indicator, period: str, gemeente: str = "", source: str = "") -> bool:
    stmt = select(Measurement.id).where(
        Measurement.indicator_id == indicator.id,
        Measurement.period == period,
        Measurement.gemeente == gemeente,
        Measurement.source == source,
        Measurement.pseudonym == "",
    )
    return db.session.scalar(stmt.limit(1)) is not None


def add_measurement(
    indicator: Indicator,
    *,
    period: str,
    value: Decimal,
    user: User | None,
    gemeente: str = "",
    source: str = "",
    remark: str = "",
    progress_report_id: int | None = None,
    corrects: bool = False,
) -> Measurement:
    """Store one value entered by hand (the caller checked it is not a duplicate of its own source).
    With ``corrects`` it replaces the values already there for the period and gemeente; otherwise a
    value already there makes a conflict to resolve (``conflicts.py``)."""
    measurement = Measurement(
        indicator=indicator,
        period=period,
        value=value,
        gemeente=gemeente,
        source=source,
        remark=remark,
        entered_by_id=user.id if user else None,
        progress_report_id=progress_report_id,
    )
    db.session.add(measurement)
    db.session.flush()
    record("measurement.create", measurement, indicator_id=indicator.id, period=period)
    if corrects and values_there(indicator, period, gemeente, without=measurement):
        from survey.programmes.monitor.conflicts import resolve

        resolve(measurement, user, correction=True)
    return measurement


def values_there(
    indicator: Indicator, period: str, gemeente: str = "", without: Measurement | None = None
) -> list[Measurement]:
    """The counted values (without pseudonym) already stored for this indicator, period and gemeente."""
    stmt = select(Measurement).where(
        Measurement.indicator_id == indicator.id,
        Measurement.period == period,
        Measurement.gemeente == gemeente,
        Measurement.pseudonym == "",
        Measurement.counted.is_(True),
    )
    if without is not None:
        stmt = stmt.where(Measurement.id != without.id)
    return list(db.session.scalars(stmt.order_by(Measurement.id)))


def delete_measurement(measurement: Measurement) -> None:
    record("measurement.delete", measurement, indicator_id=measurement.indicator_id, period=measurement.period)
    db.session.delete(measurement)
    db.session.flush()


def region_key(region_id: int) -> bytes:
    """The region's pseudonym key, made at random the first time it is needed."""
    key = db.session.get(PseudonymKey, region_id)
    if key is None:
        key = PseudonymKey(region_id=region_id)
        db.session.add(key)
        db.session.flush()
    return key.key


def upload_spec(indicator_set: IndicatorSet) -> UploadSpec:
    """What the set's uploads may contain."""
    indicators = tuple(
        IndicatorSpec(i.id, i.name, i.period_type.value, i.per_gemeente) for i in indicator_set.indicators
    )
    return UploadSpec(
        indicators, tuple(indicator_set.programme.gemeenten or ()), indicator_set.pseudonym_column or None
    )


def uploads_of(indicator_set: IndicatorSet) -> list[MeasurementUpload]:
    stmt = (
        select(MeasurementUpload)
        .where(MeasurementUpload.indicator_set_id == indicator_set.id)
        .order_by(MeasurementUpload.uploaded_at.desc(), MeasurementUpload.id.desc())
    )
    return list(db.session.scalars(stmt))


def import_upload(
    indicator_set: IndicatorSet, data: bytes, filename: str, source: str, user: User | None
) -> tuple[UploadResult, MeasurementUpload | None]:
    """Check a file and store all its values, or none: (result with problems, None) on any problem."""
    result = read_upload(data, filename, upload_spec(indicator_set))
    if not result.ok:
        return result, None
    key = region_key(indicator_set.programme.region_id) if indicator_set.pseudonym_column else b""
    rows = [_row_values(row, source, key) for row in result.rows]
    clashes = _existing_clashes(indicator_set, source, rows)
    if clashes:
        return UploadResult((), tuple(clashes), result.skipped_without_value), None
    upload = MeasurementUpload(
        indicator_set=indicator_set,
        filename=filename[:200],
        source=source,
        row_count=len(rows),
        uploaded_by_id=user.id if user else None,
    )
    db.session.add(upload)
    db.session.flush()
    for values in rows:
        values.update(upload_id=upload.id, entered_by_id=upload.uploaded_by_id, upload_row=values.pop("row"))
    db.session.execute(insert(Measurement), rows)
    record("measurements.upload", upload, rows=len(rows), skipped=result.skipped_without_value)
    return result, upload


def _row_values(row, source: str, key: bytes) -> dict:
    """A row ready for the database; the raw pseudonym is replaced by its keyed hash here."""
    return {
        "row": row.row,
        "indicator_id": row.indicator,
        "period": row.period,
        "gemeente": row.gemeente,
        "source": source,
        "pseudonym": pseudonymise(row.pseudonym, key) if row.pseudonym else "",
        "value": row.value,
        "remark": row.remark,
    }


def _existing_clashes(indicator_set: IndicatorSet, source: str, rows: list[dict]) -> list[Problem]:
    """Rows whose indicator, period, gemeente and pseudonym already have a value from this source."""
    ids = [i.id for i in indicator_set.indicators]
    stmt = select(Measurement.indicator_id, Measurement.period, Measurement.gemeente, Measurement.pseudonym)
    found = db.session.execute(stmt.where(Measurement.indicator_id.in_(ids), Measurement.source == source))
    existing = {tuple(row) for row in found}
    return [
        Problem("already_stored", row["row"], "periode", row["period"])
        for row in rows
        if (row["indicator_id"], row["period"], row["gemeente"], row["pseudonym"]) in existing
    ]


def delete_upload(upload: MeasurementUpload) -> None:
    """Remove an upload and exactly the values it brought."""
    record("measurements.upload_delete", upload, rows=upload.row_count)
    db.session.execute(Measurement.__table__.delete().where(Measurement.upload_id == upload.id))
    db.session.delete(upload)
    db.session.flush()
