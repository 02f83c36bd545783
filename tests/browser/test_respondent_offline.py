"""Nothing lost on a bad connection, in every display mode: the connection drops in the middle of a
page, the respondent answers on, the connection comes back; every answer arrives once, and the
answers that waited are gone from the browser once sent."""

import pytest
from playwright.sync_api import expect
from sqlalchemy import func, select

from survey.extensions import db as _db
from survey.responses.models import Answer, Response, ResponseStatus
from tests.browser.conftest import PHONE, assert_accessible
from tests.browser.respondent_steps import answer_by_pointer, finish
from tests.survey.responses.documents import create_survey

BASE = "/v/open-sleutel-1234"
SHOTS = "/work/shots/respondent"
OFFLINE = "Er is nu geen internetverbinding."
BACK = "De verbinding is er weer. De antwoorden zijn bewaard."


def stored() -> dict:
    _db.session.rollback()  # see what the server thread committed
    return {(a.item_code, a.instance): a.value for a in _db.session.scalars(select(Answer))}


def answer_rest_of_page(page):
    """Answer every question on the page still open: the middle choice, the first box, a short text."""
    page.evaluate("""() => {
        const form = document.querySelector('form.step-form');
        const groups = {};
        form.querySelectorAll('.options:not(.options-escape) input[type=radio], .options input[type=checkbox]')
            .forEach((input) => { (groups[input.name] = groups[input.name] || []).push(input); });
        Object.values(groups).forEach((inputs) => {
            if (inputs.some((input) => input.checked)) return;
            const pick = inputs[0].type === 'radio' ? inputs[Math.floor(inputs.length / 2)] : inputs[0];
            pick.click();
        });
        form.querySelectorAll('.question input.input, .question textarea').forEach((field) => {
            if (field.value || field.name.endsWith('-anders')) return;
            field.value = field.getAttribute('inputmode') === 'decimal' ? '12' : 'Goed geholpen';
            field.dispatchEvent(new Event('change', {bubbles: true}));
        });
    }""")


def answer_pages(page, limit=12):
    for _ in range(limit):
        if "/klaar" in page.url:
            return
        answer_rest_of_page(page)
        with page.expect_navigation():
            page.locator("button[value=volgende]").click()
    raise AssertionError("the questionnaire did not end")


@pytest.fixture
def phone_context(browser):
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="nl-NL", bypass_csp=True
    )
    yield context
    context.close()


@pytest.mark.parametrize("mode", ["section_per_page", "all_on_one_page"])
def test_a_page_of_questions_loses_nothing_when_the_connection_drops(live_server, phone_context, region, mode):
    create_survey(_db, region, mode=mode)
    page = phone_context.new_page()
    page.goto(live_server + BASE + "/vraag/1")
    t1, r1 = (page.locator(f"#{id}").get_attribute("value") for id in ("v-T1-3", "v-R1-6"))
    with page.expect_response(lambda r: r.url.endswith("/bewaar") and r.ok):
        page.locator("label[for=v-T1-3]").click()  # saved as it is given, before any button
    assert stored() == {("T1", ""): t1}

    phone_context.set_offline(True)
    page.locator("label[for=v-R1-6]").click()
    note = page.locator("#verbinding")
    expect(note).to_contain_text(OFFLINE)
    note.scroll_into_view_if_needed()
    page.screenshot(path=f"{SHOTS}/offline-message-{mode}.png")
    assert page.evaluate("() => sessionStorage.length") == 1  # waiting in this tab only
    assert ("R1", "") not in stored()

    phone_context.set_offline(False)
    expect(note).to_have_text(BACK)
    assert stored() == {("T1", ""): t1, ("R1", ""): r1}
    assert page.evaluate("() => sessionStorage.length") == 0  # sent, so gone from the phone
    assert_accessible(page, f"respondent-connection-back-{mode}")

    page.reload()  # what the server has is on the page again
    expect(page.locator("#v-R1-6")).to_be_checked()
    expect(page.locator("#v-T1-3")).to_be_checked()

    phone_context.set_offline(True)  # "Next" without a connection waits, and goes on by itself
    answer_rest_of_page(page)
    page.locator("button[value=volgende]").click()
    expect(note).to_contain_text(OFFLINE)
    with page.expect_navigation():
        phone_context.set_offline(False)
    assert "/vraag/2" in page.url or "/klaar" in page.url
    answer_pages(page)

    _db.session.rollback()
    response = _db.session.scalars(select(Response)).one()
    assert response.status == ResponseStatus.COMPLETED
    answers = stored()
    assert answers[("T1", "")] == t1 and answers[("R1", "")] == r1
    rows = _db.session.scalar(select(func.count()).select_from(Answer))
    assert rows == len(answers)  # nothing doubled
    assert page.evaluate("() => sessionStorage.length") == 0


def test_one_question_per_screen_waits_for_the_connection_and_goes_on(live_server, phone_context, region):
    create_survey(_db, region)
    page = phone_context.new_page()
    page.goto(live_server + BASE + "/vraag/1")
    with page.expect_navigation():
        page.locator("button[value=volgende]").click()  # the information screen
    t1 = page.locator("#v-T1-3").get_attribute("value")
    phone_context.set_offline(True)
    page.locator("label[for=v-T1-3]").click()  # a tap with auto-advance on: sends, but there is no connection
    note = page.locator("#verbinding")
    expect(note).to_contain_text(OFFLINE)
    page.screenshot(path=f"{SHOTS}/offline-message-one-per-screen.png")
    assert "/vraag/2" in page.url
    with page.expect_navigation():
        phone_context.set_offline(False)
    assert "/vraag/3" in page.url and stored() == {("T1", ""): t1}
    finish(page, answer_by_pointer)
    _db.session.rollback()
    assert _db.session.scalars(select(Response)).one().status == ResponseStatus.COMPLETED
    assert stored()[("T1", "")] == t1 and page.evaluate("() => sessionStorage.length") == 0
