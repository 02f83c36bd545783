"""Every public page reflows: at 320 px wide and at 360 px with text at 200 % nothing scrolls sideways,
and the content keeps its distance from the header."""

import pytest

from survey.extensions import db as _db
from survey.fieldwork.messages.composing import opt_out_token
from tests.browser.conftest import PHONE, assert_accessible, assert_no_horizontal_scroll
from tests.survey.responses.documents import all_types_document, create_invitation, create_survey

WIDE_TEXT = "(size) => { document.documentElement.style.fontSize = size; }"
OVERFLOW = """() => {
    const doc = document.documentElement;
    const wide = [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > doc.clientWidth + 1)
        .map((e) => e.tagName + '.' + e.className).slice(0, 5);
    return {scroll: doc.scrollWidth, client: doc.clientWidth, wide: wide};
}"""
GAP = """() => {
    const header = document.querySelector('header').getBoundingClientRect();
    const first = document.querySelector('main h1, main p, main form');
    return first.getBoundingClientRect().top - header.bottom;
}"""


@pytest.fixture
def public_pages(app, region):
    survey = create_survey(_db, region, help_text={"nl": "Bel 0800-0432."})
    invitation, _token, _code = create_invitation(_db, survey)
    turkish, _token, _code = create_invitation(_db, survey, language="tr")
    return {
        "toegankelijkheid": "/toegankelijkheid",
        "404": "/bestaat-niet",
        "privacy": "/v/open-sleutel-1234/privacy",
        "code": "/code",
        "code-ar": "/code?taal=ar",
        "afmelden": f"/afmelden/{opt_out_token(invitation)}",
        "afmelden-ongeldig": "/afmelden/1-abc",
        "welkom": "/v/open-sleutel-1234",
        "onbekende-link": "/v/onbekend-0000",
        "code-uk": "/code?taal=uk",
        "code-ti": "/code?taal=ti",
        "toegankelijkheid-pl": "/toegankelijkheid?taal=pl",
        "404-so": "/bestaat-niet?taal=so",
        "afmelden-tr": f"/afmelden/{opt_out_token(turkish)}",
    }


@pytest.mark.parametrize("viewport,text_size", [({"width": 320, "height": 640}, None), (PHONE, "200%")])
def test_public_pages_reflow_without_sideways_scrolling(browser, live_server, public_pages, viewport, text_size):
    context = browser.new_context(viewport=viewport, locale="nl-NL")
    page = context.new_page()
    problems = {}
    try:
        for name, path in public_pages.items():
            page.goto(live_server + path)
            if text_size:
                page.evaluate(WIDE_TEXT, text_size)
            found = page.evaluate(OVERFLOW)
            if found["scroll"] > found["client"]:
                problems[name] = found
            gap = page.evaluate(GAP)
            if gap < 12:
                problems[f"{name}-header"] = gap
    finally:
        context.close()
    assert problems == {}


ROWS = """(name) => [...document.querySelectorAll(`input[name=${name}] + label`)]
    .map((label) => Math.round(label.getBoundingClientRect().top))"""


def test_scales_fit_one_row_on_a_phone_and_stack_with_large_text(live_server, phone, region):
    document = all_types_document()
    scales = [q for q in document["sections"][0]["questions"] if q["code"] in ("C1", "R1", "N1")]
    document["sections"] = [{**document["sections"][0], "questions": scales}]
    create_survey(_db, region, document, mode="all_on_one_page", audience="kind", address="je")
    phone.goto(live_server + "/v/open-sleutel-1234/vraag/1")
    for name, count in (("v-C1", 5), ("v-R1", 10), ("v-N1", 11)):  # smileys, grade, 0–10
        tops = phone.evaluate(ROWS, name)
        assert len(tops) == count and len(set(tops)) == 1, (name, tops)
    assert_no_horizontal_scroll(phone)
    phone.locator(".options-smiley").scroll_into_view_if_needed()
    phone.locator(".options-smiley").evaluate("(e) => e.closest('.question').scrollIntoView()")
    phone.screenshot(path="/work/shots/respondent/smiley-question-360px.png")
    assert_accessible(phone, "respondent-scales-one-row")
    phone.evaluate(WIDE_TEXT, "200%")
    tops = phone.evaluate(ROWS, "v-C1")
    assert len(set(tops)) == 5  # one below the other, face beside its text
    assert_no_horizontal_scroll(phone)


def test_arabic_welcome_is_right_to_left_and_accessible(live_server, phone, region):
    create_survey(_db, region, help_text={"nl": "Bel 0800-0432."})
    phone.goto(live_server + "/v/open-sleutel-1234?taal=ar")
    assert phone.evaluate("() => [document.documentElement.lang, document.documentElement.dir]") == ["ar", "rtl"]
    phone.screenshot(path="/work/shots/respondent/arabic-welcome.png", full_page=True)
    assert_accessible(phone, "respondent-welcome-arabic")


@pytest.mark.parametrize(
    "language,direction", [("tr", "ltr"), ("pl", "ltr"), ("uk", "ltr"), ("ti", "ltr"), ("fa", "rtl"), ("so", "ltr")]
)
def test_the_code_page_in_each_new_language_is_accessible(live_server, phone, region, language, direction):
    phone.goto(live_server + f"/code?taal={language}")
    html = phone.evaluate("() => [document.documentElement.lang, document.documentElement.dir]")
    assert html == [language, direction]
    assert_accessible(phone, f"code-{language}")
    assert_no_horizontal_scroll(phone)
