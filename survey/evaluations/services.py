"""Composing a tussenevaluatie and moving it through *concept → goedgekeurd → gepubliceerd*.

Every function flushes and writes an audit entry; none commits (the request commits once).
Only a concept can be changed; approving needs a beheerder and freezes the report as the snapshot
(figures, scores, statements, texts); publishing publishes exactly that snapshot with its files, which
nothing changes afterwards. Going back to concept drops the snapshot, so a new approval takes the live data.
"""

import hashlib
import re
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from survey.accounts.models import Region, User
from survey.audit.services import record
from survey.evaluations.models import (
    Evaluation,
    EvaluationFile,
    EvaluationProject,
    EvaluationStatus,
    EvaluationSurvey,
    EvaluationText,
)
from survey.extensions import db
from survey.programmes.models import Programme, Project
from survey.questionnaires.models import Survey, SurveyKind
from survey.timeutil import utcnow

#: the kinds of survey a report can draw on
SOURCE_KINDS = (SurveyKind.STAKEHOLDER, SurveyKind.CEO, SurveyKind.PEO)
MAX_TEXT = 20_000
LOCKED = _l("This report has been approved or published and can no longer be changed.")
NOT_APPROVED = _l("A report must be approved before it is published.")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class WorkflowError(Exception):
    """A step that is not possible in the report's current state; ``message`` is a lazy Dutch text."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def evaluations_in(region: Region, *, published_only: bool = False) -> list[Evaluation]:
    """The region's reports, newest first."""
    stmt = select(Evaluation).where(Evaluation.region_id == region.id)
    if published_only:
        stmt = stmt.where(Evaluation.status == EvaluationStatus.PUBLISHED)
    return list(db.session.scalars(stmt.order_by(Evaluation.period_end.desc(), Evaluation.id.desc())))


def source_surveys(region: Region) -> list[Survey]:
    """Stakeholder-enquêtes and CEO/PEO rounds of the region that respondents have answered."""
    stmt = (
        select(Survey)
        .where(Survey.region_id == region.id, Survey.kind.in_(SOURCE_KINDS))
        .order_by(Survey.kind, Survey.id.desc())
    )
    return [s for s in db.session.scalars(stmt) if s.published_version is not None]


def create_evaluation(
    region: Region,
    programme: Programme,
    user: User | None,
    *,
    title: str,
    period_start: date,
    period_end: date,
    surveys: list[Survey],
    projects: list[Project],
    group_by_theme: bool = True,
) -> Evaluation:
    evaluation = Evaluation(
        region_id=region.id,
        programme=programme,
        title=title.strip(),
        period_start=period_start,
        period_end=period_end,
        item_lines={},
        group_by_theme=group_by_theme,
        created_by_id=user.id if user else None,
    )
    db.session.add(evaluation)
    _set_sources(evaluation, surveys, projects)
    db.session.flush()
    record("evaluation.create", evaluation, surveys=len(surveys), projects=len(projects))
    return evaluation


def update_sources(
    evaluation: Evaluation,
    *,
    title: str,
    period_start: date,
    period_end: date,
    surveys: list[Survey],
    projects: list[Project],
    group_by_theme: bool | None = None,
) -> None:
    """Change the title, the period, the chosen surveys and projects and the grouping of a concept."""
    _require_concept(evaluation)
    evaluation.title = title.strip()
    if group_by_theme is not None:
        evaluation.group_by_theme = group_by_theme
    evaluation.period_start, evaluation.period_end = period_start, period_end
    _set_sources(evaluation, surveys, projects)
    evaluation.updated_at = utcnow()
    db.session.flush()
    record("evaluation.update", evaluation, surveys=len(surveys), projects=len(projects))


def _set_sources(evaluation: Evaluation, surveys: list[Survey], projects: list[Project]) -> None:
    evaluation.survey_links = [EvaluationSurvey(survey=s) for s in surveys]
    # the programme's own order (Project.position), not the alphabet; Evaluation.projects follows it
    ordered = sorted(projects, key=lambda p: (p.position, p.id))
    evaluation.project_links = [EvaluationProject(project=p, position=i) for i, p in enumerate(ordered)]


def clean_text(text: str) -> str:
    """Plain text as stored: newlines normalised, control characters dropped, trailing space trimmed."""
    text = _CONTROL.sub("", (text or "").replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))[:MAX_TEXT]


def save_texts(evaluation: Evaluation, scope: str, texts: dict[str, str]) -> list[str]:
    """Store the evaluator's texts of one scope (programme or a project); returns the changed sections."""
    _require_concept(evaluation)
    existing = {(t.scope, t.section): t for t in evaluation.texts}
    changed = []
    for section, text in texts.items():
        text = clean_text(text)
        row = existing.get((scope, section))
        if row is None and text:
            evaluation.texts.append(EvaluationText(scope=scope, section=section, text=text))
        elif row is not None and row.text != text:
            row.text = text
        else:
            continue
        changed.append(section)
    if changed:
        evaluation.updated_at = utcnow()
        db.session.flush()
        record("evaluation.text", evaluation, scope=scope, sections=changed)
    return changed


def set_item_lines(evaluation: Evaluation, lines: dict[str, int | None]) -> None:
    """The evaluator's actielijn per CEO/PEO item code (None: back to the default)."""
    _require_concept(evaluation)
    evaluation.item_lines = {code: line for code, line in lines.items() if line}
    evaluation.updated_at = utcnow()
    db.session.flush()
    record("evaluation.item_lines", evaluation, items=len(evaluation.item_lines))


def approve(evaluation: Evaluation, user: User, report: dict) -> None:
    """A beheerder approves the concept after the stuurgroep: from then on it cannot be edited, and
    ``report`` (the report as it stood, ``outputs.frozen``) is what the approved page shows and what
    publishing publishes, whatever the live data do meanwhile."""
    _require_concept(evaluation)
    evaluation.status = EvaluationStatus.APPROVED
    evaluation.approved_by_id, evaluation.approved_at = user.id, utcnow()
    evaluation.snapshot = report
    db.session.flush()
    record("evaluation.approve", evaluation)


def reopen(evaluation: Evaluation) -> None:
    """Back to concept: the approval lapses with the report it froze, so the texts can be changed again
    and a new approval takes the live figures."""
    if evaluation.status != EvaluationStatus.APPROVED:
        raise WorkflowError(_l("Only an approved report can go back to draft."))
    evaluation.status = EvaluationStatus.CONCEPT
    evaluation.approved_by_id = evaluation.approved_at = None
    evaluation.snapshot = None
    db.session.flush()
    record("evaluation.reopen", evaluation)


def publish(evaluation: Evaluation, user: User, report: dict, files: list[tuple[str, str, str, bytes]]) -> None:
    """Publish the report approval froze (``report``, stamped as published) with its generated files;
    never undone."""
    if evaluation.status != EvaluationStatus.APPROVED:
        raise WorkflowError(NOT_APPROVED)
    evaluation.snapshot = report
    evaluation.files = [
        EvaluationFile(
            format=fmt,
            filename=name,
            mimetype=mimetype,
            size=len(content),
            sha256=hashlib.sha256(content).hexdigest(),
            content=content,
        )
        for fmt, name, mimetype, content in files
    ]
    evaluation.status = EvaluationStatus.PUBLISHED
    evaluation.published_by_id, evaluation.published_at = user.id, utcnow()
    db.session.flush()
    record("evaluation.publish", evaluation, files=len(files))


def delete_evaluation(evaluation: Evaluation) -> None:
    """Delete a concept (a published report stays)."""
    _require_concept(evaluation)
    record("evaluation.delete", evaluation)
    db.session.delete(evaluation)
    db.session.flush()


def _require_concept(evaluation: Evaluation) -> None:
    if not evaluation.is_editable:
        raise WorkflowError(LOCKED)
