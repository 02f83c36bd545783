"""Where each figure comes from, and two figures for one period: a conflict a person resolves.

A value keeps its origin: the uploaded file and row, the progress report, or the hand entry, with who
and when. Two counted values without pseudonym for the same indicator, period and gemeente are a
conflict: neither counts (``analysis.programmes.progress.split_conflicts``) until someone chooses one, or marks
one as the correction of the other. The value not chosen stays, marked as not counted, so the choice
can be read back and undone by choosing again.
"""

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import select

from survey.accounts.models import User
from survey.audit.services import record
from survey.extensions import db
from survey.i18n import long_date
from survey.programmes.monitor.indicators import Indicator, Measurement
from survey.programmes.progress_reports.models import ProgressReport
from survey.timeutil import utcnow


@dataclass(frozen=True)
class Conflict:
    """Two or more values for one indicator, period and gemeente."""

    indicator: Indicator
    period: str
    gemeente: str
    values: list[Measurement]


def conflicts_of(indicator: Indicator) -> list[Conflict]:
    """The indicator's unresolved conflicts, newest period first."""
    stmt = (
        select(Measurement)
        .where(Measurement.indicator_id == indicator.id, Measurement.pseudonym == "", Measurement.counted.is_(True))
        .order_by(Measurement.period.desc(), Measurement.gemeente, Measurement.id)
    )
    groups: dict[tuple[str, str], list[Measurement]] = {}
    for measurement in db.session.scalars(stmt):
        groups.setdefault((measurement.period, measurement.gemeente), []).append(measurement)
    return [
        Conflict(indicator, period, gemeente, values)
        for (period, gemeente), values in groups.items()
        if len(values) > 1
    ]


def resolve(chosen: Measurement, user: User | None, *, correction: bool = False) -> list[Measurement]:
    """Count ``chosen`` and set the other values of its period and gemeente aside; with ``correction``
    it is recorded as the correction of the value it replaces. Returns the values set aside."""
    stmt = select(Measurement).where(
        Measurement.indicator_id == chosen.indicator_id,
        Measurement.period == chosen.period,
        Measurement.gemeente == chosen.gemeente,
        Measurement.pseudonym == "",
        Measurement.id != chosen.id,
    )
    others = list(db.session.scalars(stmt.order_by(Measurement.id)))
    now, user_id = utcnow(), user.id if user else None
    for other in others:
        other.counted, other.resolved_by_id, other.resolved_at = False, user_id, now
    chosen.counted, chosen.resolved_by_id, chosen.resolved_at = True, user_id, now
    if correction and others:
        chosen.corrects_id = others[-1].id
    db.session.flush()
    record(
        "measurement.resolve",
        chosen,
        indicator_id=chosen.indicator_id,
        period=chosen.period,
        set_aside=[o.id for o in others],
        correction=correction,
    )
    return others


def origin(measurement: Measurement, *, who: bool = True) -> str:
    """Where a value comes from, in words: file and row, progress report, or hand entry, and when; with
    ``who`` also the staff member (staff pages only: published files name no one)."""
    person = (measurement.entered_by.name if measurement.entered_by else _("unknown")) if who else ""
    upload = measurement.upload
    when = long_date(upload.uploaded_at if upload is not None else measurement.created_at) or "–"
    stamp = f"{person}, {when}" if person else when
    if upload is not None:
        row = measurement.upload_row if measurement.upload_row is not None else "–"
        return _(
            "Upload %(file)s, row %(row)s (%(source)s; %(when)s)",
            file=upload.filename,
            row=row,
            source=upload.source,
            when=stamp,
        )
    if measurement.progress_report_id is not None:
        report = db.session.get(ProgressReport, measurement.progress_report_id)
        return _("Progress report %(round)s (%(when)s)", round=report.round if report else "–", when=stamp)
    source = f"{measurement.source}; " if measurement.source else ""
    return _("Entered by hand (%(source)s%(when)s)", source=source, when=stamp)


def sources_of(indicator: Indicator, until) -> list[dict]:
    """Every value of an indicator up to a date with its origin, for the report's appendix."""
    from analysis.programmes.periods import period_start

    stmt = (
        select(Measurement)
        .where(Measurement.indicator_id == indicator.id)
        .order_by(Measurement.period, Measurement.gemeente, Measurement.id)
    )
    return [
        {
            "period": m.period,
            "gemeente": m.gemeente,
            "value": float(m.value),
            "counted": m.counted,
            "correction": m.corrects_id is not None,
            "pseudonymised": bool(m.pseudonym),
            "origin": origin(m, who=False),
        }
        for m in db.session.scalars(stmt)
        if until is None or period_start(m.period) <= until
    ]
