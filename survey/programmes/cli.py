"""`flask programmes remind`: e-mail project leaders whose progress report is missing (run from cron)."""

from datetime import date

import click
from flask.cli import AppGroup

from survey.extensions import db

programmes_cli = AppGroup("programmes", help="Programme and projects.")


@programmes_cli.command("remind")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Act as if it were this day (YYYY-MM-DD); default: today.")
def remind_command(today):
    """Remind each project leader once per round whose report for the current round is missing."""
    from survey.programmes.reporting import send_reminders

    day = today.date() if today else date.today()
    sent = send_reminders(day)
    db.session.commit()
    click.echo(f"{sent} herinnering(en) verstuurd.")
