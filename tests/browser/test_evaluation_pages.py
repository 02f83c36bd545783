"""The published tussenevaluatie on a lezer's phone: readable, no sideways scrolling, and passes axe."""

from playwright.sync_api import expect

from survey.evaluations.statements import notes
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll
from tests.helpers import TEST_PASSWORD
from tests.survey.evaluations.ceo import make_ceo_rounds
from tests.survey.evaluations.factories import load_demo_region
from tests.survey.evaluations.helpers import keep_every_statement, make_report, publish_report


def test_published_report_on_a_phone(live_server, phone, db, make_user):
    demo = load_demo_region()
    _previous, current = make_ceo_rounds(demo.region)
    evaluation = make_report(demo, [demo.survey, current])
    notes.add_notes(
        evaluation,
        "Wat werkt goed\n- “De korte lijnen werken.” — projectleider, gemeente Oost",
        project=None,
        source="Interviews",
    )
    db.session.commit()  # the pasted statement is checked for names once it is stored, before it can be quoted
    keep_every_statement(evaluation)
    for decision in evaluation.quotes:
        decision.attribution_public = True
    evaluation = publish_report(demo, evaluation)
    reader = demo.user("lezer")
    reader.password_hash = make_user().password_hash
    db.session.commit()

    phone.goto(live_server + "/inloggen")
    phone.fill("#email", reader.email)
    phone.fill("#password", TEST_PASSWORD)
    phone.get_by_role("button", name="Inloggen").click()
    phone.wait_for_url("**/beheer/demo/")
    phone.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Tussenevaluaties").click()
    phone.get_by_role("link", name="Tussenevaluatie", exact=True).click()
    phone.wait_for_url(f"**/rapporten/tussenevaluaties/{evaluation.id}/")
    assert phone.get_by_role("heading", level=1).inner_text() == "Tussenevaluatie"
    assert phone.get_by_role("img", name="40 kinderen van residentiële zorg naar een gezin of thuis").is_visible()
    assert phone.get_by_role("link", name="PDF voor de gemeenteraad").is_visible()
    assert phone.get_by_role("heading", name="Stakeholders aan het woord").is_visible()
    assert phone.get_by_role("table", name="Programmaoverzicht: projecten, doelen en waar ze staan").count() == 1
    assert_no_horizontal_scroll(phone)
    assert_accessible(phone, "evaluation-published-phone")


def test_evaluator_pages_pass_axe(live_server, desktop, db, make_user):
    demo = load_demo_region()
    evaluation = make_report(demo, [demo.survey])
    evaluator = demo.user("onderzoeker")
    evaluator.password_hash = make_user().password_hash
    db.session.commit()
    desktop.goto(live_server + "/inloggen")
    desktop.fill("#email", evaluator.email)
    desktop.fill("#password", TEST_PASSWORD)
    desktop.get_by_role("button", name="Inloggen").click()
    desktop.wait_for_url("**/beheer/demo/")
    base = f"{live_server}/beheer/demo/tussenevaluaties/{evaluation.id}"
    desktop.goto(base + "/uitspraken")
    notes = "Aandacht:\n- De wachttijd loopt op.\n- Vaker terugkoppelen aan ouders wat er met hun signaal gebeurt."
    desktop.get_by_label("Uitspraken", exact=True).fill(notes)
    with desktop.expect_navigation():
        desktop.get_by_role("button", name="Splitsen en sorteren").click()
    # the heading "Aandacht:" invites advice and decides the section of both statements
    table = desktop.get_by_role("table", name="Suggestie of wens (2)")
    expect(table).to_be_visible()
    expect(table.get_by_text("(uit de kop)")).to_have_count(2)
    assert_accessible(desktop, "evaluation-notes")
    for path, name in (
        ("/", "evaluation-draft"),
        ("/tekst/programma", "evaluation-texts"),
        ("/opzet", "evaluation-set-up"),
        ("/citaten/programma", "evaluation-quote-review"),
        ("/../bewaarlijst", "evaluation-keep-list"),
    ):
        desktop.goto(base + path)
        assert_accessible(desktop, name)
