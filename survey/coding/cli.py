"""``flask coding …``: scrub open answers in batch, retrain models (for cron), warm deduce's cache."""

import click
from flask.cli import AppGroup

from analysis.remarks import shipped_classifier
from survey.coding import jobs
from survey.coding.models import RunStatus
from survey.coding.questions import open_questions
from survey.coding.scrubbing import services as scrubbing
from survey.extensions import db
from survey.questionnaires.models import Survey

STATES = {
    RunStatus.QUEUED: "in de wachtrij",
    RunStatus.DONE: "klaar",
    RunStatus.TOO_FEW: "te weinig gecontroleerde antwoorden",
    RunStatus.FAILED: "mislukt",
}

coding_cli = AppGroup("coding", help="Open answers: scrubbing and theme models.")


def _survey(survey_id: int) -> Survey:
    survey = db.session.get(Survey, survey_id)
    if survey is None:
        raise click.ClickException(f"Vragenlijst {survey_id} bestaat niet.")
    return survey


@coding_cli.command("scrub")
@click.option("--survey", "survey_id", type=int, required=True, help="Id of the survey.")
@click.option("--all", "redo", is_flag=True, help="Scrub again answers that already have a scrubbed copy.")
def scrub_command(survey_id, redo):
    """Scrub the open answers of a survey (those without a scrubbed copy, or all with --all)."""
    survey = _survey(survey_id)
    count = scrubbing.scrub_survey(survey.id, redo=redo)
    db.session.commit()
    click.echo(f"{count} antwoorden geschoond.")


@coding_cli.command("retrain")
@click.option("--survey", "survey_id", type=int, required=True, help="Id of the survey.")
def retrain_command(survey_id):
    """Train the theme and sentiment models of every open question of a survey (for cron)."""
    from survey.audit.services import record

    survey = _survey(survey_id)
    for question in open_questions(survey):
        run = jobs.queue_training(survey.id, question.item_code, None)
        record("coding.retrain", survey, item_code=question.item_code)
        db.session.commit()  # the job runs after this commit (at once, or in the worker)
        db.session.refresh(run)
        click.echo(f"{question.item_code}: {STATES[run.status]}")


@coding_cli.command("warm")
def warm_command():
    """Build deduce's lookup cache once (about a minute the first time), e.g. at deploy; train the
    shipped kind-of-remark model so the first suggestion does not wait for it."""
    scrubbing.warm_cache()
    shipped_classifier()
    click.echo("deduce is klaar.")
