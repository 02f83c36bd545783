"""The presenter screen of a live poll in a real browser: accessible, and the bars grow as answers come in."""

from survey.accounts.models import Role
from survey.questionnaires.models import SurveyKind
from tests.browser.conftest import assert_accessible
from tests.helpers import TEST_PASSWORD
from tests.survey.fieldwork.conftest import make_survey  # noqa: F401 - fixture
from tests.survey.fieldwork.test_polls import answer


def test_presenter_screen_shows_new_answers_within_seconds(live_server, desktop, db, region, make_user, make_survey):  # noqa: F811 - fixture
    make_user(region, Role.ONDERZOEKER, email="els@example.org")
    survey = make_survey(kind=SurveyKind.PEILING, min_cell=5)
    for _ in range(4):
        answer(db, survey, P1="5", P2="gemeente")
    desktop.goto(live_server + "/inloggen")
    desktop.get_by_label("E-mailadres").fill("els@example.org")
    desktop.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    desktop.get_by_role("button", name="Inloggen").click()
    desktop.wait_for_url("**/beheer/rijnmond/")
    desktop.goto(f"{live_server}/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/")
    assert_accessible(desktop, "fieldwork-overview")
    with desktop.expect_navigation():
        desktop.get_by_role("button", name="Live peiling starten").click()
    with desktop.expect_navigation():
        desktop.get_by_role("link", name="Presentatiescherm openen").click()

    item = desktop.locator('[data-item="P1"]')
    assert item.get_by_text("Wachten op minstens 5 antwoorden.").is_visible()
    assert desktop.get_by_role("img", name="QR-code om mee te doen aan de peiling").is_visible()
    assert_accessible(desktop, "poll-presenter-waiting")

    answer(db, survey, P1="5", P2="aanbieder")
    item.get_by_text("100 % (5)").wait_for(timeout=6000)  # the script polls every two seconds
    assert item.locator("[data-answered]").inner_text() == "5"
    assert not item.get_by_text("Wachten op minstens 5 antwoorden.").is_visible()
    meters = item.get_by_role("meter")
    assert meters.count() == 5  # one per answer option; the escape answers are left out
    assert meters.first.get_attribute("aria-labelledby") and meters.first.evaluate("m => m.value") == 100
    assert_accessible(desktop, "poll-presenter-results")


def test_import_report_is_accessible_on_a_phone(
    live_server,
    phone,
    region,
    make_user,
    make_survey,  # noqa: F811
    tmp_path,
):
    make_user(region, Role.ONDERZOEKER, email="els@example.org")
    survey = make_survey()
    phone.goto(live_server + "/inloggen")
    phone.get_by_label("E-mailadres").fill("els@example.org")
    phone.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    phone.get_by_role("button", name="Inloggen").click()
    phone.wait_for_url("**/beheer/rijnmond/")
    phone.goto(f"{live_server}/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/genodigden/importeren")
    contacts = tmp_path / "genodigden.csv"
    contacts.write_bytes("E-mailadres;Gemeente\nanouk@example.nl;Schiedam\nfout;Delft\n".encode("cp1252"))
    phone.get_by_label("Bestand met genodigden").set_input_files(str(contacts))
    with phone.expect_navigation():
        phone.get_by_role("button", name="Inlezen").click()
    assert phone.get_by_text("1 genodigde is toegevoegd.").is_visible()
    assert phone.get_by_role("cell", name="fout is geen geldig e-mailadres.").is_visible()
    assert_accessible(phone, "fieldwork-import-report")


def test_fieldwork_pages_are_accessible(live_server, desktop, db, region, make_user, make_survey):  # noqa: F811 - fixture
    from tests.survey.fieldwork.test_tracking import invite_groups

    make_user(region, Role.ONDERZOEKER, email="els@example.org")
    survey = make_survey(min_cell=5)
    invite_groups(db, survey)
    desktop.goto(live_server + "/inloggen")
    desktop.get_by_label("E-mailadres").fill("els@example.org")
    desktop.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    desktop.get_by_role("button", name="Inloggen").click()
    desktop.wait_for_url("**/beheer/rijnmond/")
    base = f"{live_server}/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk"
    for path, name in (
        ("/voortgang", "tracking"),
        ("/teksten?soort=reminder&taal=nl", "texts"),
        ("/instellingen", "settings"),
        ("/sluiten", "close"),
    ):
        desktop.goto(base + path)
        assert_accessible(desktop, f"fieldwork-{name}")
    desktop.goto(base + "/instellingen")
    desktop.get_by_label("Maximaal aantal herinneringen").fill("8")
    with desktop.expect_navigation():
        desktop.get_by_role("button", name="Opslaan").click()
    assert desktop.get_by_role("alert").get_by_text("Vul een getal van 0 tot en met 5 in.").is_visible()
    assert_accessible(desktop, "fieldwork-settings-error")
