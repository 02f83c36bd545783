"""Changing the programme: programme, principles, projects, targets and budget lines.

Every function flushes and writes an audit entry; none commits (the request commits once).
"""

import re
import unicodedata

from sqlalchemy import func, select

from analysis.programmes.targets import infer_direction
from survey.accounts.models import Membership, Region, Role, User
from survey.audit.services import record
from survey.extensions import db
from survey.programmes.models import (
    ACTION_LINES,
    Activity,
    BudgetLine,
    Principle,
    Programme,
    Project,
    ProjectActionLine,
    RegionalActionLine,
    Target,
)

PROGRAMME_FIELDS = ("name", "start_year", "end_year", "report_months", "gemeenten")
PROJECT_FIELDS = ("name", "ambition", "leader", "status", "next_year_goals")
TARGET_FIELDS = (
    "description",
    "indicator",
    "baseline",
    "target_value",
    "direction",
    "unit",
    "target_date",
    "cumulative",
)
BUDGET_FIELDS = ("year", "budgeted", "spent")


def assign_fields(obj, fields: dict, allowed: tuple[str, ...]) -> list[str]:
    """Set the allowed attributes that are given; returns the names that changed (for the audit log)."""
    changed = []
    for name in allowed:
        if name in fields and getattr(obj, name) != fields[name]:
            setattr(obj, name, fields[name])
            changed.append(name)
    return changed


def programmes_in(region: Region) -> list[Programme]:
    """The region's programmes, newest first."""
    stmt = (
        select(Programme).where(Programme.region_id == region.id).order_by(Programme.start_year.desc(), Programme.name)
    )
    return list(db.session.scalars(stmt))


def create_programme(region: Region, **fields) -> Programme:
    programme = Programme(region_id=region.id, report_months=[], gemeenten=[])
    assign_fields(programme, fields, PROGRAMME_FIELDS)
    db.session.add(programme)
    db.session.flush()
    record("programme.create", programme, region=region)
    return programme


def update_programme(programme: Programme, **fields) -> None:
    changed = assign_fields(programme, fields, PROGRAMME_FIELDS)
    db.session.flush()
    record("programme.update", programme, fields=changed)


def delete_programme(programme: Programme) -> None:
    """Remove a programme with everything in it (projects, indicators, values, reports, notes)."""
    record("programme.delete", programme, projects=len(programme.projects))
    db.session.delete(programme)
    db.session.flush()


def add_principle(programme: Programme, title: str, text: str) -> Principle:
    position = (
        db.session.scalar(
            select(func.coalesce(func.max(Principle.position), 0)).where(Principle.programme_id == programme.id)
        )
        + 1
    )
    principle = Principle(programme=programme, title=title, text=text, position=position)
    db.session.add(principle)
    db.session.flush()
    record("principle.create", principle)
    return principle


def update_principle(principle: Principle, **fields) -> None:
    changed = assign_fields(principle, fields, ("title", "text", "position"))
    db.session.flush()
    record("principle.update", principle, fields=changed)


def delete_principle(principle: Principle) -> None:
    record("principle.delete", principle)
    db.session.delete(principle)
    db.session.flush()


def add_regional_line(programme: Programme, title: str, description: str) -> RegionalActionLine:
    """An actielijn of the region's own, after the ones it already has."""
    position = max((line.position for line in programme.regional_lines), default=0) + 1
    line = RegionalActionLine(programme=programme, title=title, description=description, position=position)
    db.session.add(line)
    db.session.flush()
    record("regional_line.create", line)
    return line


def update_regional_line(line: RegionalActionLine, **fields) -> None:
    changed = assign_fields(line, fields, ("title", "description"))
    db.session.flush()
    record("regional_line.update", line, fields=changed)


def delete_regional_line(line: RegionalActionLine) -> None:
    """Remove the line; its projects keep existing, without it."""
    record("regional_line.delete", line)
    db.session.delete(line)
    db.session.flush()


def project_leaders(region: Region) -> list[User]:
    """Staff with the projectleider role in the region: the people who can lead a project."""
    stmt = (
        select(User)
        .join(Membership)
        .where(Membership.region_id == region.id, Membership.role == Role.PROJECTLEIDER, User.active)
        .order_by(User.name)
    )
    return list(db.session.scalars(stmt))


def project_key(programme: Programme, name: str) -> str:
    """A readable key from the name, unique in the programme: "thuis-opgroeien", "thuis-opgroeien-2"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    # answers store the key as their instance (40 characters): 30 for the name, room for "-99"
    base = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:30].strip("-") or "project"
    with db.session.no_autoflush:
        taken = set(db.session.scalars(select(Project.key).where(Project.programme_id == programme.id)))
    taken |= {p.key for p in programme.projects if p.key}
    key, n = base, 1
    while key in taken:
        n += 1
        key = f"{base}-{n}"
    return key


def create_project(
    programme: Programme, *, action_lines=(), activities=(), principles=(), regional_lines=(), **fields
) -> Project:
    """A new project, last in the programme's order."""
    key = project_key(programme, fields.get("name") or "")
    position = max((p.position for p in programme.projects), default=0) + 1
    project = Project(programme=programme, key=key, position=position)
    assign_fields(project, fields, PROJECT_FIELDS)
    db.session.add(project)
    _set_action_lines(project, action_lines)
    _set_activities(project, activities)
    _set_links(project, "principles", principles)
    _set_links(project, "regional_lines", regional_lines)
    db.session.flush()
    record("project.create", project, action_lines=sorted(action_lines))
    return project


def update_project(
    project: Project, *, action_lines=None, activities=None, principles=None, regional_lines=None, **fields
) -> None:
    changed = assign_fields(project, fields, PROJECT_FIELDS)
    if action_lines is not None and _set_action_lines(project, action_lines):
        changed.append("action_lines")
    if activities is not None and _set_activities(project, activities):
        changed.append("activities")
    for name, wanted in (("principles", principles), ("regional_lines", regional_lines)):
        if wanted is not None and _set_links(project, name, wanted):
            changed.append(name)
    db.session.flush()
    record("project.update", project, fields=changed)


def move_project(project: Project, steps: int) -> bool:
    """Move a project up (negative) or down (positive) in the programme's order; every page, report and
    export follows that order. Returns False when it is already first or last."""
    order = list(project.programme.projects)
    at = order.index(project)
    to = min(max(at + steps, 0), len(order) - 1)
    if to == at:
        return False
    order.insert(to, order.pop(at))
    for position, item in enumerate(order, start=1):
        item.position = position
    db.session.flush()
    project.programme.projects.sort(key=lambda p: p.position)
    record("project.move", project, position=to + 1)
    return True


def _set_links(project: Project, name: str, wanted) -> bool:
    """Set a many-to-many list (principles, regional actielijnen) of the project's own programme."""
    wanted = [item for item in dict.fromkeys(wanted) if item.programme_id == project.programme.id]
    current = getattr(project, name)
    if {item.id for item in current} == {item.id for item in wanted}:
        return False
    setattr(project, name, sorted(wanted, key=lambda item: (item.position, item.id or 0)))
    return True


def delete_project(project: Project) -> None:
    record("project.delete", project)
    db.session.delete(project)
    db.session.flush()


def _set_action_lines(project: Project, numbers) -> bool:
    wanted = sorted({int(n) for n in numbers if int(n) in ACTION_LINES})
    if [link.number for link in project.action_line_links] == wanted:
        return False
    project.action_line_links = [ProjectActionLine(number=n) for n in wanted]
    return True


def _set_activities(project: Project, lines) -> bool:
    wanted = [" ".join(line.split())[:500] for line in lines if line and line.strip()]
    if [a.text for a in project.activities] == wanted:
        return False
    project.activities = [Activity(text=text, position=i) for i, text in enumerate(wanted, start=1)]
    return True


def add_target(project: Project, **fields) -> Target:
    target = Target(project=project)
    assign_fields(target, fields, TARGET_FIELDS)
    if fields.get("direction") is None:
        target.direction = infer_direction(target.baseline, target.target_value)
    if not target.unit and target.indicator is not None:
        target.unit = target.indicator.unit
    db.session.add(target)
    db.session.flush()
    record("target.create", target, indicator_id=target.indicator_id)
    return target


def update_target(target: Target, **fields) -> None:
    changed = assign_fields(target, fields, TARGET_FIELDS)
    db.session.flush()
    record("target.update", target, fields=changed)


def delete_target(target: Target) -> None:
    record("target.delete", target)
    db.session.delete(target)
    db.session.flush()


def budget_year_taken(project: Project, year: int, line: BudgetLine | None = None) -> bool:
    """Whether another budget line of the project already covers this year."""
    return any(other.year == year and other is not line for other in project.budget_lines)


def add_budget_line(project: Project, **fields) -> BudgetLine:
    line = BudgetLine(project=project)
    assign_fields(line, fields, BUDGET_FIELDS)
    db.session.add(line)
    db.session.flush()
    record("budget.create", line, year=line.year)
    return line


def update_budget_line(line: BudgetLine, **fields) -> None:
    changed = assign_fields(line, fields, BUDGET_FIELDS)
    db.session.flush()
    record("budget.update", line, year=line.year, fields=changed)


def delete_budget_line(line: BudgetLine) -> None:
    record("budget.delete", line, year=line.year)
    db.session.delete(line)
    db.session.flush()
