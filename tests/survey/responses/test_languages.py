"""The respondent's language: survey content from the document (Dutch as fallback), the page chrome
from the catalogs (en, ar, tr, pl, uk, ti, fa, so; Dari reads Persian), lang and dir on <html>; staff pages
stay Dutch. A catalog that misses a respondent text, a placeholder or a plural form fails here."""

import re

import pytest
from sqlalchemy import select

from survey.catalogs import RESPONDENT_LOCALES, key_of, missing, po_path, problems, read_catalog, respondent_keys
from survey.i18n import DRAFT_LOCALES, UI_LOCALES
from survey.responses.models import Response
from tests.survey.responses.walk import fill

BASE = "/v/open-sleutel-1234"
NEW_LOCALES = ("tr", "pl", "uk", "ti", "fa", "so")


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


def test_the_organiser_reads_as_part_of_the_welcome_sentence(client, db, make_survey):
    survey = make_survey(public_key="regio")
    survey.organiser = {"nl": "De gemeenten in uw regio", "en": "The municipalities in your region", "ar": "البلديات"}
    db.session.commit()
    assert "Deze vragenlijst komt van de gemeenten in uw regio." in html(client.get("/v/regio"))
    assert "This questionnaire comes from the municipalities in your region." in html(client.get("/v/regio?taal=en"))
    survey.organiser = {"nl": "De Bilt"}  # a name keeps its capitals
    db.session.commit()
    assert "Deze vragenlijst komt van De Bilt." in html(client.get("/v/regio"))


def test_staff_pages_stay_dutch(client, db, make_survey):
    make_survey()
    client.get(BASE + "/vraag/1?taal=ar")
    page = html(client.get("/inloggen?taal=ar"))
    assert '<html lang="nl" dir="ltr">' in page and "Inloggen" in page


@pytest.mark.parametrize("locale", RESPONDENT_LOCALES)
def test_every_respondent_text_is_translated(locale):
    """Every respondent msgid has a translation, not fuzzy, with the msgid's placeholders, every plural form
    of the language, and the language's Plural-Forms header."""
    assert missing(locale) == {}
    assert problems(locale) == []
    assert len(respondent_keys()) > 80


def test_the_catalog_check_finds_what_a_respondent_would_notice():
    catalog = read_catalog("pl")
    by_id = {message.id if isinstance(message.id, str) else message.id[0]: message for message in catalog}
    by_id["Question %(n)s of %(total)s"].string = "Pytanie %(n)s"  # the total left out
    by_id["Choose at least %(num)s answer."].string = ("Wybierz co najmniej %(num)s odpowiedź.", "", "")
    by_id["Next"].flags.add("fuzzy")
    del catalog["Send"]
    found = problems("pl", catalog)
    assert "placeholders ['n'] instead of ['n', 'total'] (form 0): Question %(n)s of %(total)s" in found
    assert "untranslated: Choose at least %(num)s answer." in found
    assert "untranslated: Next" in found and "untranslated: Send" in found
    catalog.plural_forms  # noqa: B018 - read before the header changes
    catalog._num_plurals, catalog._plural_expr = 2, "(n != 1)"
    assert problems("pl", catalog)[0].startswith("Plural-Forms: 'nplurals=2")


def test_the_new_catalogs_hold_only_respondent_texts_and_say_they_are_drafts():
    for locale in NEW_LOCALES:
        text = po_path(locale).read_text(encoding="utf-8")
        assert "not yet checked by a native speaker" in text.split('msgid ""')[0]
        assert {key_of(m) for m in read_catalog(locale) if m.id} == respondent_keys()
        assert locale in DRAFT_LOCALES


#: Next, in the page chrome of each language
NEXT = {"tr": "İleri", "pl": "Dalej", "uk": "Далі", "ti": "ቀጺሉ", "fa": "بعدی", "so": "Xiga"}


def template_survey(make_survey, *extra):
    """The shipped CEO parents' template (nl, en, ar, tr, pl, uk), with languages it has no texts in."""
    from tests.survey.responses.documents import template_documents

    document = dict(template_documents())["sjabloon-ceo_ouders"]
    document["languages"] = [*document["languages"], *extra]
    return make_survey(document)


@pytest.mark.parametrize("locale", NEW_LOCALES)
def test_each_new_language_has_its_page_chrome_direction_and_a_place_in_the_switch(client, db, make_survey, locale):
    template_survey(make_survey, "ti", "fa", "so")
    page = html(client.get(BASE + f"/vraag/1?taal={locale}"))
    direction = "rtl" if locale == "fa" else "ltr"
    assert f'<html lang="{locale}" dir="{direction}">' in page
    assert NEXT[locale] in page and ">Volgende<" not in page
    welcome = html(client.get(BASE + f"?taal={locale}"))
    assert 'class="language-switch"' in welcome
    for other, name in (
        ("tr", "Türkçe"),
        ("pl", "Polski"),
        ("uk", "Українська"),
        ("ti", "ትግርኛ"),
        ("fa", "فارسی"),
        ("so", "Soomaali"),
    ):
        if other != locale:
            other_direction = "rtl" if other == "fa" else "ltr"
            assert f'lang="{other}" dir="{other_direction}" hreflang="{other}">{name}</a>' in welcome


def test_turkish_questions_come_from_the_template_and_missing_texts_are_marked_dutch(client, db, make_survey):
    template_survey(make_survey, "so")
    turkish = html(client.get(BASE + "/vraag/1?taal=tr"))
    assert "Soru 1 / " in turkish and "Sorumla nereye başvuracağımı biliyordum." in turkish
    assert "Ik wist waar" not in turkish
    somali = html(client.get(BASE + "/vraag/1?taal=so"))
    assert '<html lang="so" dir="ltr">' in somali and "Su&#39;aasha 1 ee " in somali
    # the template has no Somali: the question is shown in Dutch and says so
    assert re.search(r'lang="nl"[^>]*>[^<]*(<[^>]*>[^<]*)?Ik wist waar ik terecht kon', somali)


def test_dari_reads_the_persian_chrome_right_to_left(client, db, make_survey):
    template_survey(make_survey, "prs")
    page = html(client.get(BASE + "/vraag/1?taal=prs"))
    assert 'dir="rtl"' in page.split(">")[1] and NEXT["fa"] in page
    welcome = html(client.get(BASE + "?taal=prs"))
    assert re.search(r'lang="prs" dir="rtl" hreflang="prs"[^>]*>دری</a>', welcome)


@pytest.mark.parametrize("locale", NEW_LOCALES)
def test_the_code_page_speaks_each_language(client, db, locale):
    page = html(client.get(f"/code?taal={locale}"))
    assert f'lang="{locale}"' in page.split(">")[1]
    assert ("rtl" if locale == "fa" else "ltr") in page.split(">")[1]
    assert "Typ uw code" not in page


def test_the_opt_out_page_speaks_the_invitees_language(client, db, make_survey, make_invitation):
    from survey.fieldwork.messages.composing import opt_out_token

    survey = make_survey()
    invitation, _token, _code = make_invitation(survey, language="tr")
    page = html(client.get(f"/afmelden/{opt_out_token(invitation)}"))
    assert '<html lang="tr" dir="ltr">' in page and "Evet, bana artık bir şey göndermeyin" in page
    arabic, _token, _code = make_invitation(survey, language="ar")
    page = html(client.get(f"/afmelden/{opt_out_token(arabic)}"))
    assert '<html lang="ar" dir="rtl">' in page and "نعم، لا ترسلوا لي شيئًا بعد الآن" in page
    assert "Ja, stuur mij niets meer" not in page


def test_the_accessibility_statement_follows_the_questionnaires_language(client, db, make_survey):
    template_survey(make_survey, "fa")
    page = html(client.get(BASE + "/vraag/1?taal=uk"))
    assert 'href="/toegankelijkheid?taal=uk"' in page
    statement = html(client.get("/toegankelijkheid?taal=uk"))
    assert '<html lang="uk" dir="ltr">' in statement and "Заява про доступність" in statement
    persian = html(client.get("/toegankelijkheid?taal=fa"))
    assert '<html lang="fa" dir="rtl">' in persian and "بیانیهٔ دسترس‌پذیری" in persian
    assert '<html lang="nl" dir="ltr">' in html(client.get("/toegankelijkheid"))


def test_error_pages_a_respondent_meets_speak_their_language(client, db):
    response = client.get("/bestaat-niet?taal=pl")
    page = html(response)
    assert response.status_code == 404
    assert '<html lang="pl" dir="ltr">' in page and "Nie znaleziono strony" in page
    assert 'href="/toegankelijkheid?taal=pl"' in page
    assert '<html lang="fa" dir="rtl">' in html(client.get("/bestaat-niet?taal=fa"))
    assert "Pagina niet gevonden" in html(client.get("/bestaat-niet"))
    staff = html(client.get("/beheer/bestaat-niet/?taal=pl", follow_redirects=True))
    assert '<html lang="nl"' in staff and "Nie znaleziono" not in staff


@pytest.mark.parametrize("locale", [*UI_LOCALES, "prs"])
def test_babel_knows_every_page_chrome_language_and_its_direction(locale):
    from babel import Locale

    from survey.i18n import chrome_language, text_direction
    from survey.responses.display.screens import language_name

    chrome = chrome_language(locale)
    assert chrome == ("fa" if locale == "prs" else locale)
    assert (
        Locale.parse(chrome).text_direction
        == text_direction(locale)
        == ("rtl" if locale in ("ar", "fa", "prs") else "ltr")
    )
    assert language_name(locale) != locale  # its own name, shown in the language switch
