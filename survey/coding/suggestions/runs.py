"""Background runs for one open question (model training, new-theme search): queue, finish, latest."""

from sqlalchemy import select

from survey.coding.models import AnalysisRun, RunKind, RunStatus
from survey.extensions import db
from survey.timeutil import utcnow


def start_run(survey_id: int, item_code: str, kind: RunKind, user_id: int | None) -> AnalysisRun:
    run = AnalysisRun(survey_id=survey_id, item_code=item_code, kind=kind, requested_by_id=user_id)
    db.session.add(run)
    db.session.flush()
    return run


def finish_run(run: AnalysisRun, status: RunStatus, result: dict) -> None:
    run.status, run.result, run.finished_at = status, result, utcnow()
    db.session.flush()


def latest_run(survey_id: int, item_code: str, kind: RunKind, finished: bool = False) -> AnalysisRun | None:
    """The newest run of a kind (only finished ones when asked)."""
    stmt = (
        select(AnalysisRun)
        .where(AnalysisRun.survey_id == survey_id, AnalysisRun.item_code == item_code, AnalysisRun.kind == kind)
        .order_by(AnalysisRun.id.desc())
        .limit(1)
    )
    if finished:
        stmt = stmt.where(AnalysisRun.status != RunStatus.QUEUED)
    return db.session.scalar(stmt)


def pending(survey_id: int, item_code: str, kind: RunKind) -> bool:
    run = latest_run(survey_id, item_code, kind)
    return run is not None and run.status == RunStatus.QUEUED
