"""The respondent's way through a survey in a real browser at phone size (360×740): by keyboard only,
in Arabic (right to left), without JavaScript, interrupted and resumed; every page type passes axe;
no horizontal scroll at 320 px or with text at 200 %."""

import pytest
from playwright.sync_api import expect

from survey.extensions import db as _db
from tests.browser.conftest import PHONE, assert_accessible, assert_no_horizontal_scroll
from tests.browser.respondent_steps import answer_by_pointer, finish, widget
from tests.survey.responses.documents import create_invitation, create_survey

BASE = "/v/open-sleutel-1234"
HELP = {
    "nl": "Wil je nu met iemand praten? Bel de Kindertelefoon: 0800-0432.",
    "ar": "هل تريد التحدث مع شخص الآن؟ اتصل بـ 0800-0432.",
}


@pytest.fixture
def survey(app, region):
    return create_survey(_db, region, help_text=HELP, check_page=True)


def focused(page) -> dict:
    return page.evaluate("""() => { const e = document.activeElement;
        return {tag: e.tagName, type: e.type || '', name: e.name || '', value: e.value || '',
                text: e.textContent.trim()}; }""")


def tab_until(page, wanted, limit=60):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if wanted(focused(page)):
            return focused(page)
    raise AssertionError(f"keyboard focus never reached the element on {page.url}")


def answer_by_keyboard(page):
    kind = widget(page)
    url = page.url
    if kind in ("radio", "checkbox"):
        tab_until(page, lambda f: f["type"] == kind)
        page.keyboard.press("Space")
        if kind == "radio":
            page.keyboard.press("ArrowDown")  # moving within the group also chooses; it must not send
        page.wait_for_timeout(500)
        assert page.url == url, "a keyboard choice must never move on by itself"
    elif kind == "text":
        field = tab_until(page, lambda f: f["tag"] in ("INPUT", "TEXTAREA") and f["type"] != "radio")
        page.keyboard.type("12" if "Q1" in field["name"] or "N1" in field["name"] else "Goed geholpen")
    tab_until(page, lambda f: f["tag"] == "BUTTON" and f["value"] == "volgende")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_complete_by_keyboard_only(live_server, phone, survey):
    phone.goto(live_server + BASE)
    first = tab_until(phone, lambda f: f["text"] in ("Beginnen",))
    assert first["tag"] == "A"
    with phone.expect_navigation():
        phone.keyboard.press("Enter")
    finish(phone, answer_by_keyboard)
    assert phone.get_by_role("heading", level=1).inner_text() == "Bedankt voor het meedoen!"
    assert "Kindertelefoon" in phone.content()


def test_complete_in_arabic_right_to_left(live_server, phone, survey):
    phone.goto(live_server + BASE + "?taal=ar")
    assert phone.evaluate("() => [document.documentElement.lang, document.documentElement.dir]") == ["ar", "rtl"]
    with phone.expect_navigation():
        phone.get_by_role("link", name="ابدأ").click()
    with phone.expect_navigation():
        phone.get_by_role("button", name="التالي").click()  # the information screen
    mirrored = phone.evaluate("""() => {
        const input = document.querySelector('.option-input'), text = document.querySelector('.option-text');
        return input.getBoundingClientRect().left > text.getBoundingClientRect().right;
    }""")
    assert mirrored, "in Arabic the radio button stands right of its text"
    assert phone.locator(".progress-text").inner_text() == "السؤال 1 من 15"
    assert_accessible(phone, "respondent-question-arabic")
    finish(phone, answer_by_pointer)
    assert phone.evaluate("() => document.documentElement.dir") == "rtl"
    assert "0800-0432" in phone.content()
    assert_accessible(phone, "respondent-thanks-arabic")


def test_complete_without_javascript(browser, live_server, survey):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, locale="nl-NL")
    page = context.new_page()
    try:
        page.goto(live_server + BASE)
        with page.expect_navigation():
            page.get_by_role("link", name="Beginnen").click()
        assert page.locator("#vl-auto-advance").count() == 0  # nothing JavaScript-only on the page
        finish(page, answer_by_pointer)
        assert page.get_by_role("heading", level=1).inner_text() == "Bedankt voor het meedoen!"
    finally:
        context.close()


def test_interrupted_and_resumed_keeps_every_answer(browser, live_server, survey):
    _invitation, token, _code = create_invitation(_db, survey)
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{live_server}/r/{token}")
    with page.expect_navigation():
        page.get_by_role("link", name="Beginnen").click()
    for _ in range(5):
        answer_by_pointer(page)
    stopped_at = page.url
    context.close()  # the phone is locked, the tab is gone

    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="nl-NL")
    page = context.new_page()
    page.goto(f"{live_server}/r/{token}")
    assert page.url == stopped_at
    assert "Welkom terug" in page.content()
    with page.expect_navigation():
        page.get_by_role("button", name="Vorige").click()
    expect(page.locator(".option-input:checked")).to_have_count(1)  # the earlier answer is still there
    finish(page, answer_by_pointer)
    assert page.get_by_role("heading", level=1).inner_text() == "Bedankt voor het meedoen!"
    context.close()


def test_with_javascript_a_screen_is_one_request_and_back_still_shows_the_screen_before(live_server, phone, survey):
    """On a phone with JavaScript each step is sent by fetch and its answer is the next screen, shown in place:
    one request per screen, the address, title and language links of the new screen, focus on its question;
    the browser's back button shows the screen before with its answer."""
    phone.goto(live_server + BASE)
    with phone.expect_navigation():
        phone.get_by_role("link", name="Beginnen").click()
    sent = []
    phone.on("request", lambda request: sent.append((request.method, request.resource_type, request.url)))
    for _ in range(4):
        answer_by_pointer(phone)
    screen = int(phone.url.rsplit("/", 1)[1])
    assert screen == 5
    assert [(method, kind) for method, kind, _url in sent] == [("POST", "fetch")] * 4  # no page load at all
    assert phone.title().startswith("Vraag 4 van 15")
    assert phone.evaluate("() => document.activeElement.tagName") == "H1"
    assert phone.locator(".language-switch a[hreflang=en]").get_attribute("href").endswith("/vraag/5?taal=en")
    assert_accessible(phone, "respondent-in-place")
    phone.go_back()
    expect(phone.locator(".progress-text")).to_have_text("Vraag 3 van 15")  # loaded again from its address
    assert phone.url.endswith("/vraag/4")
    expect(phone.locator(".option-input:checked")).to_have_count(1)
    finish(phone, answer_by_pointer)
    assert phone.get_by_role("heading", level=1).inner_text() == "Bedankt voor het meedoen!"


WIDGET_JS = """() => {
    const el = document.querySelector(
        '.question [class^=options], .question textarea, .question input.input, .info-text');
    return el ? el.className : 'none';
}"""


def test_every_page_type_is_accessible(live_server, phone, app, region, survey):
    phone.goto(live_server + BASE)
    assert_accessible(phone, "respondent-welcome")
    with phone.expect_navigation():
        phone.get_by_role("link", name="Beginnen").click()
    seen: dict[str, str] = {}
    for _ in range(40):
        kind = phone.evaluate(WIDGET_JS)
        if kind not in seen and "/vraag/" in phone.url:
            seen[kind] = phone.url
            assert_accessible(phone, f"respondent-{len(seen)}-{kind.split()[-1]}")
        if "/controle" in phone.url:
            break
        answer_by_pointer(phone)
    assert {
        "options options-radio",
        "options options-scale",
        "options options-smiley",
        "options options-checkbox",
        "input",
        "input input-number",
        "info-text",
    } <= set(seen)
    assert_accessible(phone, "respondent-check")
    phone.goto(live_server + BASE + "/vraag/6")  # the grade: a low one shows the open question "Wat kan beter?"
    toggle = phone.locator("#vl-auto-advance")
    assert not toggle.is_checked()  # a grid of many choices moves on only when the respondent wants that
    toggle.check()
    with phone.expect_navigation():
        phone.locator("label[for=v-R1-2]").click()
    phone.locator("textarea").fill("Sneller " * 20)
    assert phone.locator("#v-O2-limit").inner_text() == "Nog 4.840 tekens over"
    assert_accessible(phone, "respondent-long-text")
    phone.goto(live_server + BASE + "/vraag/2")
    phone.locator("#vl-auto-advance").uncheck()
    phone.locator("label[for=v-T1-0]").click()
    phone.wait_for_timeout(600)
    assert phone.url.endswith("/vraag/2"), "auto-advance can be switched off"
    phone.goto(live_server + BASE + "/vraag/1")
    with phone.expect_navigation():
        phone.get_by_role("button", name="Volgende").click()
    phone.evaluate("() => document.querySelectorAll('input[type=radio]').forEach(r => { r.checked = false; })")
    with phone.expect_navigation():
        phone.locator("button[value=volgende]").click()  # nothing chosen
    assert phone.locator(".error-summary").is_visible()
    assert phone.evaluate("() => document.activeElement.id") == "foutmeldingen"
    assert_accessible(phone, "respondent-error")
    phone.goto(live_server + BASE + "/controle")  # the low grade added a question: the way leads past it again
    finish(phone, answer_by_pointer)
    assert_accessible(phone, "respondent-thanks")
    phone.goto(live_server + "/v/bestaat-niet")
    assert_accessible(phone, "respondent-unknown-link")
    create_survey(_db, region, public_key="gesloten", status="closed")
    phone.goto(live_server + "/v/gesloten")
    assert_accessible(phone, "respondent-closed")
    phone.goto(live_server + "/code")
    assert_accessible(phone, "respondent-code")


def test_no_horizontal_scroll_at_320_px_or_with_text_at_200_percent(browser, live_server, survey):
    for viewport, text_zoom in (({"width": 320, "height": 640}, None), (PHONE, "200%")):
        context = browser.new_context(viewport=viewport, locale="nl-NL")
        page = context.new_page()
        page.goto(live_server + BASE)
        for step in range(14):
            if text_zoom:
                page.evaluate("(size) => { document.documentElement.style.fontSize = size; }", text_zoom)
            assert_no_horizontal_scroll(page)
            if step == 0:
                with page.expect_navigation():
                    page.get_by_role("link", name="Beginnen").click()
                continue
            answer_by_pointer(page)
        context.close()


def test_staff_preview_shows_a_phone_and_is_accessible(live_server, desktop, region, make_user, survey):
    from survey.accounts.models import Role
    from tests.helpers import TEST_PASSWORD

    make_user(region, Role.ONDERZOEKER, email="els@example.org")
    desktop.goto(live_server + "/inloggen")
    desktop.get_by_label("E-mailadres").fill("els@example.org")
    desktop.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    with desktop.expect_navigation():
        desktop.get_by_role("button", name="Inloggen").click()
    desktop.goto(f"{live_server}/beheer/rijnmond/vragenlijsten/{survey.id}/voorbeeld?taal=ar")
    frame = desktop.locator(".phone-frame")
    assert frame.get_attribute("dir") == "rtl" and frame.bounding_box()["width"] <= 380
    with desktop.expect_navigation():
        desktop.get_by_role("button", name="التالي").click()
    assert desktop.locator(".phone-frame .progress-text").inner_text() == "السؤال 1 من 15"
    assert_accessible(desktop, "staff-preview-arabic")


def test_read_aloud_button_on_the_childrens_questionnaire(live_server, phone, app, region):
    create_survey(_db, region, public_key="kinderen", audience="kind", address="je")
    phone.goto(live_server + "/v/kinderen/vraag/1")
    with phone.expect_navigation():
        phone.get_by_role("button", name="Volgende").click()
    button = phone.get_by_role("button", name="Lees voor")
    expect(button).to_be_visible()
    button.click()
    assert phone.get_by_role("heading", level=1).is_visible()  # the text stays on the screen
    assert_accessible(phone, "respondent-read-aloud")
    create_survey(_db, region, public_key="ouders")
    phone.goto(live_server + "/v/ouders/vraag/1")
    assert phone.get_by_role("button", name="Lees voor").count() == 0  # only for children


def test_section_per_page_with_a_group_of_statements_is_accessible(live_server, phone, app, region):
    create_survey(_db, region, public_key="per-deel", mode="section_per_page")
    phone.goto(live_server + "/v/per-deel/vraag/1")
    assert phone.locator(".statement-group fieldset").count() == 2
    assert phone.locator(".progress-text").inner_text() == "Stap 1 van 5"
    assert_no_horizontal_scroll(phone)
    assert_accessible(phone, "respondent-section-page")
    with phone.expect_navigation():
        phone.locator("button[value=volgende]").click()
    assert phone.locator(".error-summary li").count() >= 5
    assert_accessible(phone, "respondent-section-page-errors")
