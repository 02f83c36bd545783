"""Background jobs of the coding stage: scrubbing answers, training models, looking for new themes.

The respondent flow calls ``queue_scrub(response_id)`` in the request that completes a response; the
job runs after that commit. A failing job is retried and never touches the raw answer, so an answer is
never lost; ``flask coding scrub --survey ID`` scrubs whatever is still missing.
"""

from flask import current_app

from survey.coding import listing, proposals, runs, scrubbing, training
from survey.coding.models import AnalysisRun, RunKind, RunStatus
from survey.coding.runs import finish_run, start_run
from survey.extensions import db
from survey.jobs import enqueue_after_commit, task


@task(retries=3, retry_delay=60)
def scrub_response_job(response_id: str) -> int:
    """Scrub one completed response's open answers and give them coding rows."""
    return scrubbing.scrub_response(response_id)


def queue_scrub(response_id: str) -> None:
    """Scrub a response's open answers in the background once the current transaction commits."""
    enqueue_after_commit(db.session(), scrub_response_job, response_id)


@task(retries=2, retry_delay=60)
def scrub_survey_job(survey_id: int, redo: bool = False) -> int:
    return scrubbing.scrub_survey(survey_id, redo=redo)


@task(retries=1, retry_delay=30, context=True)
def train_job(run_id: int, task=None) -> None:
    """Train the theme and sentiment models of a question and store their suggestions."""
    _run(run_id, training.train, last_try=task is None or not task.retries)


@task(retries=1, retry_delay=30, context=True)
def new_themes_job(run_id: int, task=None) -> None:
    """Look for new themes in the uncoded remainder of a question."""
    _run(run_id, proposals.find_new_themes, last_try=task is None or not task.retries)


def _run(run_id: int, work, last_try: bool) -> None:
    run = db.session.get(AnalysisRun, run_id)
    if run is None or run.status != RunStatus.QUEUED:
        return
    try:
        work(run)
    except Exception:
        if last_try:  # say so on the page instead of "busy" for ever
            db.session.rollback()
            finish_run(db.session.get(AnalysisRun, run_id), RunStatus.FAILED, {})
            db.session.commit()
        raise


def queue_training(survey_id: int, item_code: str, user_id: int | None) -> AnalysisRun:
    run = start_run(survey_id, item_code, RunKind.MODEL, user_id)
    enqueue_after_commit(db.session(), train_job, run.id)
    return run


def queue_new_themes(survey_id: int, item_code: str, user_id: int | None) -> AnalysisRun:
    run = start_run(survey_id, item_code, RunKind.TOPICS, user_id)
    enqueue_after_commit(db.session(), new_themes_job, run.id)
    return run


def maybe_queue_training(survey_id: int, item_code: str, user_id: int | None) -> AnalysisRun | None:
    """Train again once ``CODING_RETRAIN_EVERY`` more answers were checked than the last run learnt from,
    and some theme has enough human codes; nothing while a run is still waiting."""
    every = current_app.config["CODING_RETRAIN_EVERY"]
    if not every or runs.pending(survey_id, item_code, RunKind.MODEL):
        return None
    progress = listing.progress(survey_id, item_code, None)
    last = runs.latest_run(survey_id, item_code, RunKind.MODEL, finished=True)
    learnt = (last.result or {}).get("n_verified", 0) if last is not None else 0
    counts = listing.human_counts(survey_id, item_code)
    if progress.verified - learnt < every or max(counts.values(), default=0) < current_app.config[
            "CODING_MIN_PER_THEME"]:
        return None
    return queue_training(survey_id, item_code, user_id)
