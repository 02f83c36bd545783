"""Background jobs of the coding stage: scrubbing answers, training models, looking for new themes.

The respondent flow calls ``queue_scrub(survey_id, at_least=k)`` when a response is completed: a batch job
for the survey runs after that commit once k completed responses wait, and an hourly task takes the rest.
A failing job is retried and never touches the raw answer, so an answer is never lost;
``flask coding scrub --survey ID`` scrubs whatever is still missing.
"""

from flask import current_app
from huey import crontab
from sqlalchemy import func, select

from analysis.coding import shipped_theme_examples
from survey.coding.answers import listing
from survey.coding.answers import services as answers
from survey.coding.codebooks import services as codebooks
from survey.coding.models import AnalysisRun, CodedAnswer, RunKind, RunStatus
from survey.coding.questions import open_questions
from survey.coding.scrubbing import services as scrubbing
from survey.coding.suggestions import proposals, runs, training
from survey.coding.suggestions.runs import finish_run, start_run
from survey.extensions import db
from survey.jobs import enqueue_after_commit, huey, task
from survey.questionnaires.models import Survey


@task(retries=3, retry_delay=60)
def scrub_survey_job(survey_id: int, redo: bool = False) -> int:
    """Scrub every completed open answer of a survey still without a scrubbed copy, and give them coding rows.
    The job names the survey only: no response id, no completion time."""
    scrubbing.start_batch(survey_id)
    db.session.commit()  # completions from now on may queue the next batch
    done = scrubbing.scrub_survey(survey_id, redo=redo)
    if done:
        queue_first_suggestions_of_survey(survey_id)
    return done


def code_answers(survey: Survey, item_code: str, answer_ids: list[int] | None = None) -> int:
    """Give answers without a coding row one (``answers.ensure_coded``) and, when there were any, queue the
    first suggestions of the question's model; returns how many rows were made."""
    made = answers.ensure_coded(survey, item_code, answer_ids)
    if made:
        queue_first_suggestions(survey.id, item_code, codebooks.question_codebook(survey.id, item_code))
    return made


def queue_first_suggestions_of_survey(survey_id: int) -> None:
    """``queue_first_suggestions`` for each open question of a survey (after a scrubbing batch coded them)."""
    survey = db.session.get(Survey, survey_id)
    for question in open_questions(survey):
        link = codebooks.question_codebook(survey_id, question.item_code)
        queue_first_suggestions(survey_id, question.item_code, link)


def queue_scrub(survey_id: int, *, at_least: int = 1, survey=None, answers=None) -> bool:
    """Scrub a survey's waiting answers in one batch once the current transaction commits, when at least
    ``at_least`` completed responses wait (the respondent flow asks for k, so no job stands for one
    response) and no batch of the survey is queued already (one that has not started will read this
    response's answers too); the hourly ``scrub_waiting`` and ``flask coding scrub`` take the rest. ``answers``:
    the just completed response's (item code, value) pairs; without a text to wait among them, it cannot have
    brought the count to ``at_least``, so nothing is counted."""
    survey = survey if survey is not None else db.session.get(Survey, survey_id)
    codes = scrubbing.open_codes(survey) if survey is not None else set()
    if answers is not None and not scrubbing.holds_waiting_text(codes, answers):
        return False
    if not scrubbing.batch_due(survey_id, at_least, codes) or not scrubbing.claim_batch(survey_id):
        return False
    enqueue_after_commit(db.session(), scrub_survey_job, survey_id)
    return True


@huey.periodic_task(crontab(minute="7"))
def scrub_waiting() -> None:
    """Once an hour: every survey with completed answers still waiting to be scrubbed, however few."""
    from survey.jobs import _application

    with _application().app_context():
        for survey_id in scrubbing.surveys_waiting():
            scrubbing.start_batch(survey_id)  # a batch queued but lost (a job store emptied) queues none again
            db.session.commit()
            if scrubbing.scrub_survey(survey_id):
                queue_first_suggestions_of_survey(survey_id)
            db.session.commit()


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


def queue_first_suggestions(survey_id: int, item_code: str, link) -> AnalysisRun | None:
    """Train when new answers got coding rows and the question's codebook learns from the shipped real
    statements (the stakeholder codebook or one derived from it), until the round has
    ``training.MIN_TRAINING_ANSWERS`` checked answers of its own (then retraining follows the checking):
    the model suggests from the first answers on, before anyone checked one."""
    if link is None or runs.pending(survey_id, item_code, RunKind.MODEL):
        return None
    if not shipped_theme_examples([t.key for t in link.codebook.themes])[0]:
        return None
    checked = db.session.scalar(
        select(func.count())
        .select_from(CodedAnswer)
        .where(CodedAnswer.survey_id == survey_id, CodedAnswer.item_code == item_code, CodedAnswer.verified)
    )
    if checked >= training.MIN_TRAINING_ANSWERS:
        return None
    return queue_training(survey_id, item_code, None)


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
    if (
        progress.verified - learnt < every
        or max(counts.values(), default=0) < current_app.config["CODING_MIN_PER_THEME"]
    ):
        return None
    return queue_training(survey_id, item_code, user_id)
