"""Flask commands: users, regions, demo data, translations. Later stages add their own groups."""

import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import click
from flask.cli import AppGroup
from sqlalchemy import select

from survey.accounts import services
from survey.accounts.models import Membership, Region, Role
from survey.config import PROJECT_ROOT
from survey.extensions import db

users_cli = AppGroup("users", help="Staff accounts.")
regions_cli = AppGroup("regions", help="Regions (tenants).")
demo_cli = AppGroup("demo", help="Demo data.")
translate_cli = AppGroup(
    "translate", help="The catalogs (survey.i18n.UI_LOCALES): extract, update, compile, missing, fill."
)


@users_cli.command("create")
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option("--region", "region_slug", help="Region slug to give the user a role in.")
@click.option("--role", type=click.Choice([r.value for r in Role]), default=None)
@click.option("--superuser", is_flag=True, help="Site-wide superuser (only possible here).")
def create_user_command(email, name, password, region_slug, role, superuser):
    """Create a staff user, optionally with a role in a region."""
    if len(password) < services.MIN_PASSWORD_LENGTH:
        raise click.ClickException("Het wachtwoord moet minstens 12 tekens hebben.")
    if services.find_user(email):
        raise click.ClickException(f"Er is al een gebruiker met e-mailadres {email}.")
    user = services.create_user(email, name, password, superuser=superuser)
    if region_slug:
        region = db.session.scalar(select(Region).where(Region.slug == region_slug))
        if region is None:
            raise click.ClickException(f"Regio {region_slug!r} bestaat niet.")
        db.session.add(Membership(user=user, region=region, role=Role(role or "lezer")))
    db.session.commit()
    click.echo(f"Gebruiker {user.email} aangemaakt.")


@regions_cli.command("create")
@click.option("--slug", required=True, help="Short name used in URLs, e.g. rijnmond.")
@click.option("--name", required=True)
def create_region_command(slug, name):
    """Create a region."""
    if db.session.scalar(select(Region).where(Region.slug == slug.lower())):
        raise click.ClickException(f"Regio {slug!r} bestaat al.")
    region = services.create_region(slug, name)
    db.session.commit()
    click.echo(f"Regio {region.slug} aangemaakt.")


@regions_cli.command("export")
@click.option("--slug", required=True, help="The region to export.")
@click.argument("path", type=click.Path(dir_okay=False, writable=True))
def export_region_command(slug, path):
    """Write one region (surveys, answers, codes, programmes …) to an archive file."""
    from survey.archive import ArchiveError, export_region

    try:
        counts = export_region(slug.lower(), path)
    except ArchiveError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Regio {slug} geschreven naar {path}: {sum(counts.values())} rijen in {len(counts)} tabellen.")


@regions_cli.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def import_region_command(path):
    """Add a region from an archive made with `regions export` (new ids; accounts without password)."""
    from survey.archive import ArchiveError, import_region

    try:
        counts = import_region(path)
        db.session.commit()
    except ArchiveError as error:
        db.session.rollback()
        raise click.ClickException(str(error)) from None
    click.echo(
        f"Regio ingelezen: {sum(counts.values())} rijen in {len(counts)} tabellen. "
        "Medewerkers stellen hun wachtwoord opnieuw in via 'Wachtwoord vergeten'."
    )


@demo_cli.command("load")
@click.option("--save", "save_to", type=click.Path(dir_okay=False), help="Write the lines to this file instead.")
def load_demo_command(save_to):
    """Load (or refresh) the demo region with users and, per stage, demo content."""
    from survey.demo import load_demo

    lines = load_demo()
    if save_to:
        Path(save_to).write_text("\n".join(lines) + "\n", encoding="utf-8")
        return
    for line in lines:
        click.echo(line)


@demo_cli.command("show-when-up", with_appcontext=False)
@click.argument("address")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--within", default=120.0, help="Give up after this many seconds.")
def show_when_up(address, path, within):
    """Print the demo's lines (``demo load --save``) once the server at ADDRESS answers: ``make run`` shows
    the demo accounts last, below the server's own start-up lines, not buried above them."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{address}/health", timeout=2) as answer:  # noqa: S310 - our own server
                if answer.status == 200:
                    break
        except urllib.error.HTTPError as refused:  # up, but not yet healthy
            refused.close()
        except OSError:
            pass
        time.sleep(0.3)  # polled until it answers, not a fixed wait
    else:
        return
    click.echo(Path(path).read_text(encoding="utf-8"), nl=False)


def _pybabel(*args: str) -> None:
    cmd = [sys.executable, "-m", "babel.messages.frontend", *args]
    subprocess.run(cmd, check=True, cwd=PROJECT_ROOT)  # noqa: S603 - fixed arguments


POT = "translations/messages.pot"
#: pybabel extract arguments: lazy_gettext as _l, and flag(where, msgid) for import/validation problems.
#: --ignore-dirs: Babel skips folders starting with "_" by default, which would miss _macros/.
EXTRACT_ARGS = ["-F", "translations/babel.cfg", "-k", "_l", "-k", "lazy_gettext", "-k", "flag:2", "--ignore-dirs", ".*"]


@translate_cli.command("extract")
def extract_command():
    """Extract msgids from code and templates into translations/messages.pot."""
    _pybabel("extract", *EXTRACT_ARGS, "--no-location", "--sort-output", "-o", POT, ".")


@translate_cli.command("update")
def update_command():
    """Extract, then merge new msgids into every catalog; a missing catalog is created."""
    from survey.catalogs import FULL_CATALOGS, po_path, refresh_respondent_catalog
    from survey.i18n import UI_LOCALES

    extract_command.callback()
    for locale in UI_LOCALES:
        if locale not in FULL_CATALOGS:
            refresh_respondent_catalog(locale)
        elif po_path(locale).exists():
            _pybabel(
                "update", "-i", POT, "-d", "translations", "-l", locale, "--no-fuzzy-matching", "--ignore-obsolete"
            )
        else:
            _pybabel("init", "-i", POT, "-d", "translations", "-l", locale)


@translate_cli.command("compile")
def compile_command():
    """Compile the catalogs to .mo files."""
    _pybabel("compile", "-d", "translations", "--statistics")


def register_cli(app) -> None:
    from survey.coding.cli import coding_cli
    from survey.fieldwork.cli import fieldwork_cli, retention_cli
    from survey.programmes.cli import programmes_cli

    for group in (
        users_cli,
        regions_cli,
        demo_cli,
        translate_cli,
        programmes_cli,
        fieldwork_cli,
        retention_cli,
        coding_cli,
    ):
        app.cli.add_command(group)


@translate_cli.command("missing")
@click.option("--locale", default="nl", show_default=True, help="nl or a respondent language (tr, pl …).")
@click.option("--all-texts", is_flag=True, help="Other than nl: also staff texts (normally only the respondent's).")
def missing_command(locale, all_texts):
    """Print the untranslated msgids of a catalog as a JSON object to fill in.

    Keys are msgids, or "context|msgid" for texts with a context (u-form and je-form)."""
    import json

    from survey.catalogs import missing

    click.echo(json.dumps(missing(locale, respondent_only=False if all_texts else None), ensure_ascii=False, indent=1))


@translate_cli.command("fill")
@click.argument("source", type=click.File("r", encoding="utf-8"))
@click.option("--locale", default="nl", show_default=True, help="nl or a respondent language (tr, pl …).")
def fill_command(source, locale):
    """Write translations from a JSON object {key: msgstr} (plural msgstrs as a list) into a catalog."""
    import json

    from survey.catalogs import fill

    click.echo(f"{fill(locale, json.load(source))} vertalingen ingevuld.")
