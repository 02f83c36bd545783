"""Progress reports on the programme's schedule, and reminders for the ones that are missing.

A round is a scheduled month ("2026-04"); a report for that round asks for the figures of the last
full month or quarter before it. Reminders go once per project per round (recorded), after commit.
"""

from datetime import date
from decimal import Decimal

from flask import current_app, render_template, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from analysis.programmes.periods import measured_period_for_round, period_start, schedule_period
from survey.accounts.models import Permission, Region, User
from survey.accounts.services import send_mail_job
from survey.audit.services import record
from survey.extensions import db
from survey.jobs import enqueue_after_commit
from survey.programmes.models import Programme, Project, ProjectStatus
from survey.programmes.monitor.indicators import Aggregation, Indicator, Measurement
from survey.programmes.progress_reports.models import ProgressReminder, ProgressReport
from survey.timeutil import utcnow

REPORT_FIELDS = ("status", "results", "successes", "obstacles", "next_steps")
#: the source recorded for figures entered with a progress report
PROGRESS_SOURCE = "voortgangsrapportage"
ACTIVE = (ProjectStatus.PREPARING, ProjectStatus.RUNNING)


def current_round(programme: Programme, today: date) -> str | None:
    """The round a report filled in today belongs to, or None outside the programme's years."""
    found = schedule_period(today, programme.report_months or [])
    if found is None or not programme.runs_in(period_start(found).year):
        return None
    return found


def rounds_so_far(programme: Programme, today: date) -> list[str]:
    """Every scheduled round from the programme's start up to today, newest first."""
    current = current_round(programme, today)
    if current is None:
        return []
    months = sorted({m for m in programme.report_months if 1 <= m <= 12})
    rounds = [f"{year:04d}-{m:02d}" for year in range(programme.start_year, programme.end_year + 1) for m in months]
    return sorted((r for r in rounds if r <= current), reverse=True)


def report_for(project: Project, round_: str) -> ProgressReport | None:
    stmt = select(ProgressReport).where(ProgressReport.project_id == project.id, ProgressReport.round == round_)
    return db.session.scalar(stmt)


def reportable_indicators(project: Project) -> list[Indicator]:
    """Indicators of the project's targets that a leader can fill in as one region-wide figure."""
    seen, result = set(), []
    for target in project.targets:
        indicator = target.indicator
        if indicator.id not in seen and not indicator.per_gemeente and indicator.aggregation != Aggregation.DISTINCT:
            seen.add(indicator.id)
            result.append(indicator)
    return result


def figure_for(indicator: Indicator, round_: str) -> tuple[str, Measurement | None]:
    """(the period a round asks about, the value given with a progress report for it, if any)."""
    period = measured_period_for_round(round_, indicator.period_type.value)
    stmt = select(Measurement).where(
        Measurement.indicator_id == indicator.id,
        Measurement.period == period,
        Measurement.gemeente == "",
        Measurement.source == PROGRESS_SOURCE,
        Measurement.pseudonym == "",
    )
    return period, db.session.scalar(stmt)


def submit_report(
    project: Project, round_: str, user: User, figures: dict[int, Decimal | None], **fields
) -> ProgressReport:
    """Create or update the project's report for a round, with its figures."""
    report = report_for(project, round_)
    created = report is None
    if created:
        report = ProgressReport(project=project, round=round_, author_id=user.id)
        db.session.add(report)
    for name in REPORT_FIELDS:
        if name in fields:
            setattr(report, name, fields[name])
    report.updated_at = utcnow()
    db.session.flush()
    _store_figures(project, report, user, figures)
    record("progress.submit" if created else "progress.update", report, round=round_, status=report.status.value)
    return report


def _store_figures(project: Project, report: ProgressReport, user: User, figures: dict) -> None:
    for indicator in reportable_indicators(project):
        if indicator.id not in figures:
            continue
        value = figures[indicator.id]
        period, existing = figure_for(indicator, report.round)
        if existing is not None and value is None:
            db.session.delete(existing)
        elif existing is not None:
            existing.value, existing.progress_report_id = value, report.id
        elif value is not None:
            db.session.add(
                Measurement(
                    indicator_id=indicator.id,
                    period=period,
                    value=value,
                    source=PROGRESS_SOURCE,
                    progress_report_id=report.id,
                    entered_by_id=user.id,
                )
            )
    db.session.flush()


def missing_reports(today: date) -> list[tuple[Project, str]]:
    """Active projects with a leader whose report for the current round is missing."""
    result = []
    for programme in db.session.scalars(select(Programme).order_by(Programme.id)):
        round_ = current_round(programme, today)
        if round_ is None:
            continue
        for project in programme.projects:
            if project.status in ACTIVE and project.leader is not None and report_for(project, round_) is None:
                result.append((project, round_))
    return result


def send_reminders(today: date) -> int:
    """E-mail each leader whose report is missing, never twice for the same project and round."""
    sent = 0
    for project, round_ in missing_reports(today):
        leader = project.leader
        region = db.session.get(Region, project.region_id)
        if not leader.active or not leader.can(Permission.REPORT_PROGRESS, region):
            continue
        if db.session.scalar(
            select(ProgressReminder.id).where(
                ProgressReminder.project_id == project.id, ProgressReminder.round == round_
            )
        ):
            continue
        db.session.add(ProgressReminder(project_id=project.id, round=round_, user_id=leader.id))
        db.session.flush()
        _queue_reminder(project, region, round_, leader)
        record("progress.reminder", project, region=region, round=round_, user_id=leader.id)
        sent += 1
    return sent


def _queue_reminder(project: Project, region: Region, round_: str, leader: User) -> None:
    base = current_app.config["BASE_URL"].rstrip("/")
    with current_app.test_request_context(base_url=base):
        link = url_for("programmes.report_progress", region=region.slug, project_id=project.id, _external=True)
        body = render_template("emails/progress_reminder.txt", user=leader, project=project, round=round_, link=link)
    subject = _("Progress report for %(project)s", project=project.name)
    enqueue_after_commit(db.session(), send_mail_job, leader.email, subject, body)
