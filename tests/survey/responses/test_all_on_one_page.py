"""All on one page shows every section title and every section's introduction, and is named after the survey;
a section per page shows a second section on the same page with its own title."""

import re

from tests.survey.responses.documents import template_documents

BASE = "/v/open-sleutel-1234"


def template(name: str) -> dict:
    return dict(template_documents())[f"sjabloon-{name}"]


def test_all_on_one_page_shows_every_section_and_its_introduction(client, make_survey):
    document = template("ceo_ouders")
    make_survey(document, mode="all_on_one_page")
    page = client.get(BASE + "/vraag/1").get_data(as_text=True)
    assert re.search(r"<title>\s*Ervaringen met de jeugdhulp", page)
    assert '<h1 class="section-title">Ervaringen met de jeugdhulp</h1>' in page
    for section in document["sections"]:
        assert f'<h2 class="section-title section-break">{section["title"]["nl"]}</h2>' in page
    assert "Niemand kan zien wie u bent." in page
    positions = [page.index(section["title"]["nl"]) for section in document["sections"]]
    assert positions == sorted(positions)  # each title above its own questions
    assert page.index("Niemand kan zien wie u bent.") < page.index('name="v-A1"')


def test_all_on_one_page_in_english_names_the_survey(client, make_survey):
    make_survey(template("ceo_ouders"), mode="all_on_one_page")
    page = client.get(BASE + "/vraag/1?taal=en").get_data(as_text=True)
    assert re.search(r"<title>\s*Experiences with youth care", page)
    assert "About you and your child" in page and "Nobody can see who you are." in page


def test_section_per_page_keeps_one_title_per_page(client, make_survey):
    make_survey(template("ceo_ouders"), mode="section_per_page")
    page = client.get(BASE + "/vraag/1").get_data(as_text=True)
    assert '<h1 class="section-title">Hulp krijgen</h1>' in page and "section-break" not in page


def test_all_on_one_page_shows_the_information_texts(client, make_survey):
    from tests.survey.responses.documents import all_types_document

    make_survey(all_types_document(), mode="all_on_one_page")
    page = client.get(BASE + "/vraag/1").get_data(as_text=True)
    assert "Deze vragen gaan over de hulp in" in page
    assert '<h2 class="section-title section-break">Over de hulp</h2>' in page
