"""The respondent's language: survey content from the document (Dutch as fallback), the page chrome
from the en/ar catalogs, lang and dir on <html>; staff pages stay Dutch."""

import pytest
from sqlalchemy import select

from survey.catalogs import RESPONDENT_LOCALES, missing, respondent_keys
from survey.responses.models import Response
from tests.survey.responses.walk import fill

BASE = "/v/open-sleutel-1234"


def html(response):
    return response.get_data(as_text=True)


def test_arabic_is_right_to_left_with_arabic_content_and_chrome(client, db, make_survey):
    make_survey()
    page = html(client.get(BASE + "/vraag/1?taal=ar"))
    assert '<html lang="ar" dir="rtl">' in page
    assert "هذه الأسئلة عن المساعدة في" in page
    assert "التالي" in page and "Volgende" not in page  # Next
    sent = client.post(BASE + "/vraag/1", data=fill(page))
    second = html(client.get(sent.headers["Location"]))
    assert '<html lang="ar" dir="rtl">' in second and "السؤال 1 من 15" in second
    assert db.session.scalars(select(Response)).one().language == "ar"


def test_english_chrome_and_switching_back_to_dutch_keeps_the_answers(client, db, make_survey):
    make_survey()
    first = html(client.get(BASE + "/vraag/1?taal=en"))
    assert '<html lang="en" dir="ltr">' in first and ">Next<" in first
    sent = client.post(BASE + "/vraag/1", data=fill(first))
    page = html(client.get(sent.headers["Location"]))
    assert "Question 1 of 15" in page and "I knew where to go with my question." in page
    client.post(BASE + "/vraag/2", data=fill(page, {"T1": "2"}))
    dutch = html(client.get(BASE + "/vraag/2?taal=nl"))
    assert '<html lang="nl" dir="ltr">' in dutch and "Vraag 1 van 15" in dutch and 'value="2" checked' in dutch


def test_error_messages_are_in_the_respondents_language(client, db, make_survey):
    make_survey()
    client.post(BASE + "/vraag/1?taal=ar", data=fill(html(client.get(BASE + "/vraag/1?taal=ar"))))
    errors = html(client.post(BASE + "/vraag/2", data={"actie": "volgende", "taal": "ar"}))
    assert "اختر إجابة." in errors and "هناك شيء لم يُملأ بشكل صحيح" in errors


def test_language_switch_is_offered_only_when_there_are_translations(client, db, make_survey):
    from tests.survey.responses.documents import small_poll_document

    make_survey(small_poll_document(), public_key="alleen-nl")
    assert 'class="language-switch"' not in html(client.get("/v/alleen-nl/vraag/1"))
    make_survey(public_key="meertalig")
    page = html(client.get("/v/meertalig"))
    assert 'lang="ar" dir="rtl" hreflang="ar">العربية</a>' in page
    assert 'lang="en" dir="ltr" hreflang="en">English</a>' in page


def test_invitees_preferred_language_opens_the_welcome_page(client, db, make_survey, make_invitation):
    survey = make_survey()
    _invitation, token, _code = make_invitation(survey, language="ar")
    page = html(client.get(f"/r/{token}"))
    assert '<html lang="ar" dir="rtl">' in page and "ابدأ" in page


def test_staff_pages_stay_dutch(client, db, make_survey):
    make_survey()
    client.get(BASE + "/vraag/1?taal=ar")
    page = html(client.get("/inloggen?taal=ar"))
    assert '<html lang="nl" dir="ltr">' in page and "Inloggen" in page


@pytest.mark.parametrize("locale", RESPONDENT_LOCALES)
def test_every_respondent_text_is_translated(locale):
    assert missing(locale) == {}
    assert len(respondent_keys()) > 80
