"""Translations of survey content: languages added and removed, a side-by-side page per language, missing
translations flagged, right-to-left languages marked, item codes the same in every language."""

from survey.questionnaires.languages import services as languages
from survey.questionnaires.templates import TEMPLATE_LANGUAGES, load_template
from tests.survey.questionnaires.helpers import document, text_of, token, url

#: the languages every shipped template comes in (test_template_translations.py)
SHIPPED = list(TEMPLATE_LANGUAGES)


def test_add_a_language_and_translate_side_by_side(researcher, make_survey):
    survey = make_survey("peiling")
    response = researcher.post(url(survey, "/talen"), data={"lock": token(survey), "language": "fa"})
    assert response.headers["Location"].endswith("/vertalingen/fa")
    page = researcher.get(url(survey, "/vertalingen/fa"))
    html = page.get_data(as_text=True)
    assert 'name="q:P1:text"' in html and 'dir="rtl"' in html and 'lang="fa"' in html
    assert "Vertalen naar het Perzisch" in text_of(page) or "Vertalen naar het Farsi" in text_of(page)
    assert "Ik heb genoeg ruimte om te doen wat nodig is." in text_of(page)
    response = researcher.post(
        url(survey, "/vertalingen/fa"),
        data={
            "lock": token(survey),
            "q:P1:text": "من فضای کافی برای انجام کارهای لازم دارم.",
            "scale:stelling::4": "موافقم",
            "survey:title": "نظرسنجی",
        },
    )
    assert response.status_code == 302
    doc = document(survey)
    assert doc.languages == [*SHIPPED, "fa"]
    assert doc.question("P1").text["fa"] == "من فضای کافی برای انجام کارهای لازم دارم."
    # one field fills the label of a fixed scale for every question using it
    assert [
        o.label.get("fa") for q in (doc.question("P1"), doc.question("P3")) for o in q.options if o.code == "4"
    ] == ["موافقم", "موافقم"]
    assert doc.item_codes() == ["P1", "P2", "P3"]
    builder = researcher.get(url(survey))
    assert 'lang="fa" dir="rtl"' in builder.get_data(as_text=True)
    assert "Vertaling ontbreekt:" in text_of(builder) and "(van rechts naar links)" in text_of(builder)


def test_missing_translations_are_counted_and_flagged_per_question(make_survey):
    document_ = load_template("ceo_ouders").document
    del document_.question("T3").text["ar"]  # the shipped template is complete: make one text missing
    missing = languages.missing_by_question(document_)
    assert "en" not in missing.get("T1", []) and "ar" in missing["T3"]
    done, total = languages.completeness(document_)["en"]
    assert 0 < done <= total
    assert languages.is_rtl("ar") and languages.is_rtl("fa") and not languages.is_rtl("tr")


def test_adding_a_known_language_fills_the_fixed_scale_labels(researcher, make_survey):
    survey = make_survey("peiling")
    researcher.post(url(survey, "/talen"), data={"lock": token(survey), "language": "pl"})
    options = document(survey).question("P2").options
    assert [o.label.get("pl") for o in options] == ["Zawsze", "Często", "Czasami", "Nigdy"]


def test_remove_a_language_and_its_texts(researcher, make_survey, db):
    survey = make_survey("ceo_ouders")
    response = researcher.post(url(survey, "/talen/ar/verwijderen"), data={"lock": token(survey)})
    assert response.status_code == 302
    doc = document(survey)
    assert doc.languages == [lang for lang in SHIPPED if lang != "ar"] and "ar" not in doc.question("T1").text
    db.session.refresh(survey)
    assert "ar" not in survey.title
    assert researcher.post(url(survey, "/talen/nl/verwijderen"), data={"lock": token(survey)}).status_code == 404


def test_bad_language_codes_are_refused(researcher, make_survey):
    survey = make_survey("peiling")
    response = researcher.post(url(survey, "/talen"), data={"lock": token(survey), "language": "x1"})
    assert "Vul een taalcode van twee of drie letters in" in text_of(researcher.get(response.headers["Location"]))
    assert document(survey).languages == SHIPPED
    assert researcher.get(url(survey, "/vertalingen/de")).status_code == 404


def test_the_languages_page_says_which_page_texts_are_drafts_or_dutch(researcher, make_survey):
    survey = make_survey("peiling")
    researcher.post(url(survey, "/talen"), data={"lock": token(survey), "language": "de"})
    page = text_of(researcher.get(url(survey, "/vertalingen")))
    assert page.count("Paginateksten (knoppen, meldingen): conceptvertaling") == 4  # ar, tr, pl, uk
    assert page.count("zijn er niet in deze taal") == 1  # German
    assert page.index("Duits (de)") < page.index("zijn er niet in deze taal")
