"""Commands for cron: reminders, closing fieldwork after the end date, deleting answers past retention."""

from __future__ import annotations

from datetime import date

import click
from flask.cli import AppGroup
from sqlalchemy import select

from survey import closing
from survey.database import truncate_wal
from survey.extensions import db
from survey.fieldwork import ledger, services
from survey.fieldwork.outreach import send_reminders
from survey.questionnaires.models import FieldworkStatus, Survey
from survey.timeutil import local_today

fieldwork_cli = AppGroup("fieldwork", help="Fieldwork: reminders and closing.")
retention_cli = AppGroup("retention", help="Deleting answers past their retention period.")

day_option = click.option("--date", "on", default=None, help="Act as if today is this day (JJJJ-MM-DD).")


def _today(on: str | None) -> date:
    if not on:
        return local_today()
    try:
        return date.fromisoformat(on)
    except ValueError as error:
        raise click.BadParameter("Gebruik de vorm JJJJ-MM-DD.", param_hint="--date") from error


def _open_surveys(survey_id: int | None) -> list[Survey]:
    stmt = select(Survey).where(Survey.status == FieldworkStatus.OPEN).order_by(Survey.id)
    if survey_id is not None:
        stmt = stmt.where(Survey.id == survey_id)
    return list(db.session.scalars(stmt))


@fieldwork_cli.command("remind")
@click.option("--survey", "survey_id", type=int, default=None, help="Only this survey (id).")
@day_option
def remind_command(survey_id, on):
    """Send the reminders that are due; running it again the same day sends nothing twice. Every run that
    sends something is in the audit log (as the daily task)."""
    today = _today(on)
    for survey in _open_surveys(survey_id):
        result = send_reminders(survey, today, via="cron")
        db.session.commit()
        truncate_wal(db.session)
        click.echo(f"Vragenlijst {survey.id}: {result.mails} e-mails, {result.letters} brieven.")


@fieldwork_cli.command("apply-ledger")
def apply_ledger_command():
    """Move pending starts and completions onto the invitations, per survey only when k invitees are pending."""
    applied = ledger.apply_all()
    truncate_wal(db.session)
    for survey_id, count in applied.items():
        click.echo(f"Vragenlijst {survey_id}: {count} genodigden bijgewerkt.")
    if not applied:
        click.echo("Niets bij te werken (nog geen k genodigden per vragenlijst).")


@fieldwork_cli.command("close-due")
@day_option
def close_due_command(on):
    """Close fieldwork of surveys whose end date has passed, deleting their contact data and what the ledger
    says per invitee; and complete the close of rounds closed before the close did all that."""
    today = _today(on)
    for survey in _open_surveys(None):
        if survey.closes_on is not None and survey.closes_on < today:
            done = closing.close_fieldwork(survey, today)
            db.session.commit()
            truncate_wal(db.session)  # the deleted addresses and cleared rows leave no copy in the write-ahead log
            click.echo(
                f"Vragenlijst {survey.id} gesloten; contactgegevens van {done.contacts_deleted} genodigden "
                f"verwijderd, {done.unfinished_deleted} onafgemaakte antwoordsets verwijderd."
            )
    for survey in closing.earlier_closes():
        done = closing.complete_earlier_close(survey, today)
        db.session.commit()
        truncate_wal(db.session)
        click.echo(
            f"Vragenlijst {survey.id} (al gesloten): genodigden gelijk gemaakt, "
            f"{done.unfinished_deleted} onafgemaakte antwoordsets verwijderd."
        )


@retention_cli.command("purge")
@day_option
def purge_command(on):
    """Delete the answers of closed surveys whose retention period has ended."""
    purged = services.purge_expired(_today(on))
    db.session.commit()
    for survey, count in purged:
        click.echo(f"Vragenlijst {survey.id}: {count} antwoordsets verwijderd.")
    if not purged:
        click.echo("Niets te verwijderen.")
