"""The project page and the progress form work for a project leader on a phone, and pass axe."""

from datetime import date
from decimal import Decimal

from playwright.sync_api import expect

from survey.accounts.models import Role
from survey.extensions import db
from survey.programmes.models import BudgetLine
from survey.programmes.monitor.indicators import Measurement
from survey.programmes.progress_reports.models import Note, NoteKind, NoteSource, ProgressReport, ProgressStatus
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll
from tests.helpers import TEST_PASSWORD
from tests.survey.programmes.factories import make_project, make_target

YEAR = date.today().year


def _fatimas_project(region, make_user):
    leader = make_user(region, Role.PROJECTLEIDER, email="fatima@example.org", name="Fatima")
    project = make_project(
        region,
        leader=leader,
        name="Thuis opgroeien",
        ambition="Eind volgend jaar wonen 40 kinderen in een gezin of weer thuis.",
    )
    target = make_target(region, project=project)
    db.session.add_all(
        [
            Measurement(indicator_id=target.indicator_id, period=f"{YEAR}-K1", value=Decimal(12)),
            BudgetLine(project_id=project.id, year=YEAR, budgeted=Decimal(450000), spent=Decimal(120500)),
            ProgressReport(
                project_id=project.id,
                round=f"{YEAR}-04",
                status=ProgressStatus.ATTENTION,
                results="Twee kinderen thuis.",
                obstacles="Te weinig gezinshuizen.",
            ),
            Note(
                programme_id=project.programme_id,
                project_id=project.id,
                kind=NoteKind.PROUD,
                text="Ouders voelen zich gehoord.",
                source_type=NoteSource.AFTERNOON,
                noted_on=date(YEAR, 3, 12),
            ),
        ]
    )
    db.session.commit()
    return project


def _log_in(page, live_server):
    page.goto(live_server + "/inloggen")
    page.fill("#email", "fatima@example.org")
    page.fill("#password", TEST_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/beheer/rijnmond/")


def test_project_page_and_progress_form_on_a_phone(live_server, phone, region, make_user):
    project = _fatimas_project(region, make_user)
    _log_in(phone, live_server)
    phone.goto(f"{live_server}/beheer/rijnmond/programma/project/{project.id}/")
    assert phone.get_by_role("heading", level=1).inner_text() == "Thuis opgroeien"
    assert phone.get_by_text("Aandacht nodig").first.is_visible()
    assert phone.get_by_text("30 %").first.is_visible()  # 12 of 40 children
    assert_no_horizontal_scroll(phone)
    assert_accessible(phone, "programme-project-phone")

    phone.get_by_role("link", name="Voortgang rapporteren").click()
    phone.wait_for_url("**/voortgang")
    assert phone.title().startswith("Voortgangsrapportage")
    assert_no_horizontal_scroll(phone)
    assert_accessible(phone, "programme-progress-form-phone")

    phone.get_by_label("Risico").check()
    phone.get_by_role("button", name="Rapportage versturen").click()
    summary = phone.get_by_role("alert")
    expect(summary.get_by_text("Beschrijf de resultaten sinds de vorige rapportage.")).to_be_visible()
    expect(summary.get_by_text("Zeg waarom het project aandacht nodig heeft of risico loopt.")).to_be_visible()
    assert_accessible(phone, "programme-progress-errors-phone")
