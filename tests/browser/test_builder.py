"""The questionnaire builder in a real browser at desktop width: readable, operable without JavaScript,
and without axe violations, including taalcheck flags, missing translations and meaning-change warnings."""

from survey.accounts.models import Role
from survey.extensions import db
from survey.questionnaires import services, versions
from survey.questionnaires.content.document import Question
from tests.browser.conftest import assert_accessible
from tests.helpers import TEST_PASSWORD


def _survey_with_remarks(region):
    survey = services.create_from_template(region, "ceo_ouders", round_label="2026")
    versions.publish(survey, versions.lock_token(survey))
    document = versions.editable_document(survey)
    document.sections[0].questions.append(
        Question(
            code="T4",
            type="stelling",
            domain="toegang",
            text={
                "nl": "De beschikking werd door de gemeente pas na zes weken aan ons toegestuurd, "
                "zodat de zorgcontinuïteit niet gewaarborgd kon worden."
            },
        )
    )
    document.sections[0].questions[1].text["nl"] = "Ik kreeg snel de juiste hulp."
    versions.save_document(survey, document, versions.lock_token(survey))
    db.session.commit()
    return survey


def _log_in(page, live_server, email):
    page.goto(live_server + "/inloggen")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(TEST_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/beheer/**")


def test_builder_page_is_accessible_and_works_without_javascript(live_server, desktop, region, make_user):
    make_user(region, Role.ONDERZOEKER, email="els@example.org")
    survey = _survey_with_remarks(region)
    _log_in(desktop, live_server, "els@example.org")
    desktop.goto(f"{live_server}/beheer/{region.slug}/vragenlijsten/{survey.id}")
    assert desktop.get_by_role("heading", level=1).inner_text() == "Uw ervaring met de jeugdhulp"
    card = desktop.locator("#vraag-T4")
    assert "Zin van 20 woorden" in card.inner_text()
    assert 'Vakjargon: "beschikking"' in card.inner_text()
    assert "Lijdende vorm" in card.inner_text()
    assert "De tekst van T2 is anders dan in de gepubliceerde versie." in desktop.locator("#vraag-T2").inner_text()
    # the shipped template is translated throughout; the question added here is in Dutch only
    assert desktop.locator("#vraag-T4").get_by_text("Vertaling ontbreekt:").is_visible()
    assert_accessible(desktop, "questionnaire-builder-desktop")

    # move T4 up with the plain form button (POST, redirect, GET)
    with desktop.expect_navigation():
        desktop.locator("#vraag-T4").get_by_role("button", name="Omhoog vraag T4").click()
    assert "Vraag T4 is verplaatst." in desktop.get_by_role("status").first.inner_text()
    codes = desktop.locator("#sectie-S1 .question-card .code").all_inner_texts()
    assert codes[:4] == ["T1", "T2", "T4", "T3"]
