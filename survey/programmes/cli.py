"""`flask programmes remind`: e-mail project leaders whose progress report is missing (run from cron);
`flask programmes check-list-keys`: survey lists whose keys look like another project's id."""

from datetime import date

import click
from flask.cli import AppGroup

from survey.extensions import db

programmes_cli = AppGroup("programmes", help="Programme and projects.")


@programmes_cli.command("remind")
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Act as if it were this day (YYYY-MM-DD); default: today.",
)
def remind_command(today):
    """Remind each project leader once per round whose report for the current round is missing."""
    from survey.programmes.progress_reports.reporting import send_reminders

    day = today.date() if today else date.today()
    sent = send_reminders(day)
    db.session.commit()
    click.echo(f"{sent} herinnering(en) verstuurd.")


@programmes_cli.command("check-list-keys")
@click.option("--region", "region_slug", default=None, help="Only this region (slug).")
def check_list_keys_command(region_slug):
    """Report survey lists whose keys (p3, 3, project-3) look like the id of a project they do not name."""
    from sqlalchemy import select

    from survey.accounts.models import Region
    from survey.programmes.listkeys import collisions

    region_id = None
    if region_slug:
        region_id = db.session.scalar(select(Region.id).where(Region.slug == region_slug))
        if region_id is None:
            raise click.ClickException(f"Regio {region_slug!r} bestaat niet.")
    found = collisions(region_id)
    for collision in found:
        click.echo(collision.line())
    click.echo(
        f"{len(found)} lijstsleutel(s) die op de id van een ander project lijken."
        if found
        else "Geen lijstsleutels die op de id van een ander project lijken."
    )
