"""Text shown in another language than the page's carries its own lang and dir; the help line can be
tapped to call; a grid of many choices does not move on by itself unless the respondent wants it."""

import re

from survey.responses.display.phones import phone_links
from tests.survey.responses.documents import all_types_document, template_documents
from tests.survey.responses.walk import fill, walk

BASE = "/v/open-sleutel-1234"


def test_dutch_fallback_inside_an_arabic_page_is_marked_dutch(client, make_survey):
    document = dict(template_documents())["sjabloon-ceo_ouders"]
    t3 = next(q for s in document["sections"] for q in s["questions"] if q["code"] == "T3")
    del t3["text"]["ar"]  # a questionnaire whose Arabic is not complete yet
    del document["sections"][4]["title"]["ar"]
    make_survey(document, mode="all_on_one_page")
    page = client.get(BASE + "/vraag/1?taal=ar").get_data(as_text=True)
    assert '<html lang="ar" dir="rtl"' in page
    # shown in Dutch, marked as Dutch
    assert f'<span lang="nl" dir="ltr">{t3["text"]["nl"]}</span>' in page
    assert '<h2 class="section-title section-break"><span lang="nl" dir="ltr">Over u en uw kind</span></h2>' in page
    english = client.get(BASE + "/vraag/1?taal=en").get_data(as_text=True)
    assert f'<span lang="nl" dir="ltr">{t3["text"]["nl"]}</span>' not in english


def test_a_text_in_the_page_language_is_not_wrapped(client, make_survey):
    make_survey(all_types_document())
    page = client.get(BASE + "/vraag/1?taal=ar").get_data(as_text=True)
    assert "هذه الأسئلة عن المساعدة" in page and '<span lang="nl"' not in page
    assert "<title>" in page and "<span" not in page.split("<title>")[1].split("</title>")[0]


def test_help_line_is_a_link_to_call(client, make_survey):
    make_survey(
        document={
            "languages": ["nl", "ar"],
            "sections": [
                {
                    "key": "S1",
                    "questions": [
                        {
                            "code": "T1",
                            "type": "stelling",
                            "text": {"nl": "Ik kreeg snel hulp.", "ar": "حصلت على المساعدة بسرعة."},
                        }
                    ],
                }
            ],
        },
        help_text={"nl": "Wil je nu met iemand praten? Bel de Kindertelefoon: 0800-0432."},
    )
    end = walk(client, BASE, {"T1": "4"})
    thanks = client.get(end.headers["Location"]).get_data(as_text=True)
    assert '<a href="tel:08000432" dir="ltr">0800-0432</a>' in thanks
    arabic = client.get(end.headers["Location"].split("?")[0] + "?taal=ar").get_data(as_text=True)
    assert '<div lang="nl" dir="ltr"><p>Wil je nu met iemand praten?' in arabic  # the Dutch help, marked


def test_phone_links_leave_dates_and_markup_alone():
    assert str(phone_links("Op 06-12-2026 <b>")) == "Op 06-12-2026 &lt;b&gt;"
    assert 'href="tel:+31101234567"' in str(phone_links("Bel +31 10 123 4567."))


def test_grids_of_many_choices_do_not_move_on_by_default(client, make_survey):
    make_survey(all_types_document())
    walk(client, BASE, {"T1": "4"}, stop_after=1)
    defaults = {}
    url = BASE + "/vraag/2"
    for _ in range(8):
        page = client.get(url).get_data(as_text=True)
        field = re.search(r'name="(v-[A-Z0-9]+)"', page)
        advance = re.search(r'data-auto-advance="(on|off)"', page)
        if field:
            defaults[field.group(1)] = advance.group(1) if advance else None
        sent = client.post(url, data=fill(page, {"R1": "8"}))
        url = sent.headers.get("Location", "")
        if "/vraag/" not in url:
            break
    assert defaults["v-R1"] == "off" and defaults["v-N1"] == "off"  # grade and 0–10
    assert defaults["v-T1"] == "on" and defaults["v-F1"] == "on" and defaults["v-C1"] == "on"  # smileys too


def test_a_survey_language_without_page_chrome_marks_the_survey_texts(client, make_survey):
    document = dict(template_documents())["sjabloon-ceo_ouders"]
    document["languages"].append("de")  # German: survey texts, but no page chrome
    document["sections"][0]["questions"][0]["text"]["de"] = "Ich wusste, wohin ich mit meiner Frage gehen konnte."
    make_survey(document)
    page = client.get(BASE + "/vraag/1?taal=de").get_data(as_text=True)
    assert '<html lang="nl" dir="ltr"' in page  # buttons and headings are Dutch: so is the page
    assert '<span lang="de" dir="ltr">Ich wusste, wohin ich mit meiner Frage gehen konnte.</span>' in page
    assert 'hreflang="de"' in page and "Deutsch" in page
    dutch = client.get(BASE + "/vraag/1?taal=nl").get_data(as_text=True)
    assert "Ik wist waar ik terecht kon met mijn vraag." in dutch and '<span lang="de"' not in dutch


def with_german(document: dict) -> dict:
    """``document`` with a German text ("Duits: " + the Dutch) beside every Dutch one: a survey language
    without page chrome, so its pages are Dutch."""

    def visit(value):
        if isinstance(value, dict):
            if isinstance(value.get("nl"), str):
                value["de"] = "Duits: " + value["nl"]
            for child in list(value.values()):
                visit(child)
        elif isinstance(value, list):
            for child in value:
                visit(child)

    visit(document)
    document["languages"].append("de")
    return document


def test_the_previous_answer_an_information_text_and_the_language_names_keep_their_own_language(client, make_survey):
    make_survey(with_german(dict(template_documents())["sjabloon-ceo_kind"]))
    info = client.get(BASE + "/vraag/1?taal=de").get_data(as_text=True)  # no German page chrome: a Dutch page
    assert '<div class="info-text" data-read lang="de" dir="ltr">' in info
    sent = walk(client, BASE, {"KH": "hulpverlener"}, stop_after=2)  # the information, then who helps
    after = client.get(sent.headers["Location"].split("?")[0] + "?taal=de").get_data(as_text=True)
    assert '<span lang="de" dir="ltr">Duits: Mijn hulpverlener</span>' in after  # the previous answer, in German
    assert 'lang="ar" dir="rtl" hreflang="ar"' in after  # العربية in the language switch of a left-to-right page
