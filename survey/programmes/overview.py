"""Reading the programme: where each project and target stands. Read-only, no audit, no commit.

These are the figures the programme pages show and the tussenevaluatie reuses: per project the
targets with their latest value and % realised, the latest progress status, the budget, the notes;
per programme the projects grouped by actielijn and the budget totals.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from analysis.charts.target import TargetFigures, target_svg
from analysis.programmes.periods import period_of, period_start
from analysis.programmes.progress import Value, budget_totals, target_progress
from survey.extensions import db
from survey.programmes.models import ACTION_LINES, ActionLine, Programme, Project, Target
from survey.programmes.monitor.indicators import Measurement
from survey.programmes.progress_reports.models import Note, NoteKind, ProgressReport
from survey.programmes.target_words import target_sentence, target_words


@dataclass(frozen=True)
class TargetStatus:
    """A target with its latest figure: ``value`` is the running total when the target is cumulative."""

    target: Target
    period: str | None
    value: Decimal | None
    percent: float | None
    status: str = "no_data"
    series: tuple = ()
    conflicts: tuple = ()

    @property
    def figures(self) -> TargetFigures:
        """The figures the target chart and table show (``analysis.charts.target``)."""
        target = self.target
        return TargetFigures(
            target.baseline,
            target.target_value,
            target.direction,
            target.state(self.value),
            self.value,
            self.period,
            target.unit or target.indicator.unit,
            self.series,
        )

    def chart(self) -> str:
        sentence = target_sentence(self.figures)
        return target_svg(
            self.figures,
            title=self.target.description,
            desc=sentence,
            sentence=sentence,
            words=target_words(),
            chart_id=f"doel-{self.target.id}",
        )


@dataclass(frozen=True)
class BudgetRow:
    year: int
    budgeted: Decimal
    spent: Decimal | None
    line_id: int | None = None

    @property
    def remaining(self) -> Decimal:
        return self.budgeted - (self.spent or Decimal(0))


@dataclass(frozen=True)
class ProjectSummary:
    """Everything a page or report needs about one project."""

    project: Project
    latest_report: ProgressReport | None
    targets: list[TargetStatus]
    budget: list[BudgetRow]
    budgeted: Decimal
    spent: Decimal


@dataclass(frozen=True)
class ActionLineGroup:
    line: ActionLine
    projects: list[ProjectSummary]


@dataclass(frozen=True)
class ProgrammeOverview:
    """Projects by actielijn (a project on two lines appears under both) and totals counted once."""

    programme: Programme
    projects: list[ProjectSummary]
    groups: list[ActionLineGroup]
    without_line: list[ProjectSummary]
    budgeted: Decimal
    spent: Decimal
    status_counts: dict = field(default_factory=dict)
    #: the region's own actielijnen with their projects (line: RegionalActionLine)
    regional_groups: list = field(default_factory=list)


def indicator_values(indicator_id: int, until: date | None = None) -> list[Value]:
    """The stored values of an indicator as plain values for ``analysis.programmes.progress``."""
    stmt = select(Measurement.period, Measurement.value, Measurement.pseudonym, Measurement.gemeente).where(
        Measurement.indicator_id == indicator_id, Measurement.counted.is_(True)
    )
    values = [Value(p, v, ps, g) for p, v, ps, g in db.session.execute(stmt)]
    if until is not None:
        values = [v for v in values if period_start(v.period) <= until]
    return values


def target_status(target: Target) -> TargetStatus:
    """The latest figure for a target and how far it is realised (values after the target date ignored)."""
    indicator = target.indicator
    last = period_start(period_of(target.target_date, indicator.period_type.value))
    values = indicator_values(indicator.id, until=last)
    progress = target_progress(
        values, indicator.aggregation.value, target.target_value, target.baseline, target.cumulative, target.direction
    )
    return TargetStatus(
        target, progress.period, progress.value, progress.percent, progress.status, progress.series, progress.conflicts
    )


def latest_reports(project_ids: list[int]) -> dict[int, ProgressReport]:
    """The most recent progress report of each project."""
    if not project_ids:
        return {}
    stmt = (
        select(ProgressReport)
        .where(ProgressReport.project_id.in_(project_ids))
        .order_by(ProgressReport.project_id, ProgressReport.round)
    )
    return {report.project_id: report for report in db.session.scalars(stmt)}


def project_summary(
    project: Project, latest: ProgressReport | None = None, *, with_latest: bool = True
) -> ProjectSummary:
    if latest is None and with_latest:
        latest = latest_reports([project.id]).get(project.id)
    budget = [BudgetRow(line.year, line.budgeted, line.spent, line.id) for line in project.budget_lines]
    budgeted, spent = budget_totals((row.year, row.budgeted, row.spent) for row in budget)
    return ProjectSummary(project, latest, [target_status(t) for t in project.targets], budget, budgeted, spent)


def programme_overview(programme: Programme, projects: list[Project] | None = None) -> ProgrammeOverview:
    """The programme page: by actielijn, with status and budget; ``projects`` narrows it (own projects)."""
    projects = programme.projects if projects is None else projects
    latest = latest_reports([p.id for p in projects])
    summaries = [project_summary(p, latest.get(p.id), with_latest=False) for p in projects]
    groups = [
        ActionLineGroup(line, [s for s in summaries if line in s.project.action_lines])
        for line in ACTION_LINES.values()
    ]
    counts: dict = {}
    for summary in summaries:
        status = summary.latest_report.status if summary.latest_report else None
        counts[status] = counts.get(status, 0) + 1
    regional = [
        ActionLineGroup(line, [s for s in summaries if line in s.project.regional_lines])
        for line in programme.regional_lines
    ]
    return ProgrammeOverview(
        programme,
        summaries,
        [g for g in groups if g.projects],
        [s for s in summaries if not s.project.action_lines and not s.project.regional_lines],
        sum((s.budgeted for s in summaries), Decimal(0)),
        sum((s.spent for s in summaries), Decimal(0)),
        counts,
        regional,
    )


def progress_history(project: Project) -> list[ProgressReport]:
    """All reports of a project, newest round first."""
    stmt = select(ProgressReport).where(ProgressReport.project_id == project.id).order_by(ProgressReport.round.desc())
    return list(db.session.scalars(stmt))


def notes_of(programme: Programme, project: Project | None = None, *, programme_only: bool = False) -> list[Note]:
    """Statements about one project, about the programme as a whole, or all of them."""
    stmt = select(Note).where(Note.programme_id == programme.id)
    if project is not None:
        stmt = stmt.where(Note.project_id == project.id)
    elif programme_only:
        stmt = stmt.where(Note.project_id.is_(None))
    return list(db.session.scalars(stmt.order_by(Note.noted_on.desc(), Note.id)))


def notes_by_kind(notes: list[Note]) -> dict[NoteKind, list[Note]]:
    """Statements grouped as the tussenevaluatie shows them: proud of, works, attention, notable."""
    return {kind: [n for n in notes if n.kind == kind] for kind in NoteKind}
