"""Every registered question type renders, validates (Dutch messages, error summary linked to the
field) and stores its answer. A new type in the registry fails here until it has an entry below."""

import json

import pytest
from sqlalchemy import select

from survey.questionnaires.content.registry import REGISTRY
from survey.responses.models import Answer

BASE = "/v/open-sleutel-1234"
OPTIONS = [
    {"code": "a", "label": {"nl": "Eerste keuze"}},
    {"code": "b", "label": {"nl": "Tweede keuze"}},
    {"code": "c", "label": {"nl": "Derde keuze"}},
]

#: per type: form data of a valid answer, the stored value, and the message when left empty (None: no answer)
CASES = {
    "stelling": ({"v-Q1": "4"}, "4", "Kies een antwoord."),
    "stellingen": ({"v-G1": "2"}, "2", "Kies een antwoord."),
    "frequentie": ({"v-Q1": "vaak"}, "vaak", "Kies een antwoord."),
    "rapportcijfer": ({"v-Q1": "8"}, "8", "Kies een antwoord."),
    "smiley": ({"v-Q1": "4"}, "4", "Kies een antwoord."),
    "schaal_0_10": ({"v-Q1": "0"}, "0", "Kies een antwoord."),
    "keuze": ({"v-Q1": "b"}, "b", "Kies een antwoord."),
    "meerkeuze": ({"v-Q1": ["a", "c"]}, json.dumps(["a", "c"]), "Kies minstens één antwoord."),
    "open_kort": ({"v-Q1": "  Prima  "}, "Prima", "Vul een antwoord in."),
    "open_lang": ({"v-Q1": "Regel een\nRegel twee"}, "Regel een\nRegel twee", "Vul een antwoord in."),
    "getal": ({"v-Q1": "12,5"}, "12.5", "Vul een getal in."),
    "informatie": ({}, None, None),
}


def single_question(type_key):
    qtype = REGISTRY[type_key]
    question = {"code": "Q1", "type": type_key, "text": {"nl": f"Vraag van het type {type_key}"}}
    if qtype.needs_options:
        question["options"] = OPTIONS
    if qtype.grouped:
        question["items"] = [{"code": "G1", "text": {"nl": "Een stelling in de groep"}}]
    return {"languages": ["nl"], "sections": [{"key": "S1", "questions": [question]}]}


def test_every_registered_type_has_a_case():
    assert set(CASES) == set(REGISTRY)


@pytest.mark.parametrize("type_key", sorted(REGISTRY))
def test_type_renders_validates_and_stores(client, db, make_survey, type_key):
    valid, stored, empty_message = CASES[type_key]
    make_survey(single_question(type_key))
    page = client.get(BASE + "/vraag/1")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Vraag van het type" in html or "Een stelling in de groep" in html
    assert "Vraag 1 van 1" in html or type_key == "informatie"
    if empty_message:
        empty = client.post(BASE + "/vraag/1", data={"actie": "volgende"})
        errors = empty.get_data(as_text=True)
        assert empty.status_code == 200
        assert 'class="error-summary"' in errors and errors.count(empty_message) == 2  # summary and field
        target = next(iter(valid))
        assert f'href="#{target}' in errors and f'id="{target}' in errors
        assert "<title>Fout – Vraag 1 van 1" in errors
    sent = client.post(BASE + "/vraag/1", data={**valid, "actie": "volgende"})
    assert sent.status_code == 302 and "/klaar" in sent.headers["Location"]
    values = db.session.scalars(select(Answer.value)).all()
    assert values == ([stored] if stored is not None else [])


@pytest.mark.parametrize("type_key", [k for k, t in REGISTRY.items() if t.has_answer])
def test_optional_question_says_optional_and_may_stay_empty(client, db, make_survey, type_key):
    document = single_question(type_key)
    document["sections"][0]["questions"][0]["required"] = False
    make_survey(document)
    assert "(optioneel)" in client.get(BASE + "/vraag/1").get_data(as_text=True)
    sent = client.post(BASE + "/vraag/1", data={"actie": "volgende"})
    assert sent.status_code == 302
    assert db.session.scalars(select(Answer)).all() == []


def test_choice_types_render_fieldset_legend_and_big_labels(client, db, make_survey):
    make_survey(single_question("rapportcijfer"))
    html = client.get(BASE + "/vraag/1").get_data(as_text=True)
    assert '<fieldset class="choices"' in html and '<legend class="question-legend">' in html
    assert '<h1 class="question-title" data-read>Vraag van het type rapportcijfer' in html
    assert html.count('type="radio"') == 10 and 'class="options options-scale"' in html


def test_smileys_have_visible_text_labels(client, db, make_survey):
    make_survey(single_question("smiley"))
    html = client.get(BASE + "/vraag/1").get_data(as_text=True)
    assert html.count("<svg") == 5 and 'aria-hidden="true"' in html
    for label in ("Heel verdrietig", "Verdrietig", "Gewoon", "Blij", "Heel blij"):
        assert f'<span class="option-text">{label}</span>' in html


def test_error_summary_names_the_question_when_a_page_has_several(client, db, make_survey):
    make_survey(mode="section_per_page")
    page = client.post(BASE + "/vraag/1", data={"actie": "volgende"}).get_data(as_text=True)
    assert '<a href="#v-T1-0">Ik wist waar ik terecht kon met mijn vraag: Kies een antwoord.</a>' in page
    assert '<a href="#v-K2-0">De hulpverleners werkten goed samen: Kies een antwoord.</a>' in page
