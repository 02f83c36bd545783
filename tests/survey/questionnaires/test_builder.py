"""The builder over HTTP (no JavaScript): sections and questions added, edited, moved, copied and deleted;
conditions only backwards; piping checked; repeated blocks; invalid combinations refused at the field."""

import pytest

from survey.questionnaires.content.registry import REGISTRY
from tests.survey.questionnaires.helpers import document, text_of, token, url


def codes_in(survey, section="S1"):
    doc = document(survey)
    return [q.code for q in next(s for s in doc.sections if s.key == section).questions]


def test_builder_page_shows_sections_questions_codes_and_languages(researcher, make_survey):
    survey = make_survey("ceo_ouders")
    page = text_of(researcher.get(url(survey)))
    assert "Sectie S1: Hulp krijgen" in page
    assert "T1 Ik wist waar ik terecht kon met mijn vraag." in page
    assert "Domein: toegang" in page and "Verplicht: ja" in page
    assert "Taalcheck: geen opmerkingen." in page
    assert "Gebaseerd op de thema's van de MCJO" in page
    assert "Vertaling ontbreekt" not in page  # the template is complete in all its languages


def test_new_survey_from_template_and_blank(researcher, region, db):
    response = researcher.post(
        f"/beheer/{region.slug}/vragenlijsten/nieuw",
        data={
            "source": "peo",
            "title": "PEO voorjaar",
            "round_label": "2026",
            "kind": "ceo",
            "audience": "ouders",
            "address_form": "u",
        },
    )
    assert response.status_code == 302
    page = text_of(researcher.get(response.headers["Location"]))
    assert "PEO voorjaar" in page and "PR1" in page and "Thema: werkdruk" in page
    response = researcher.post(
        f"/beheer/{region.slug}/vragenlijsten/nieuw",
        data={
            "source": "leeg",
            "title": "Eigen lijst",
            "kind": "overig",
            "audience": "professionals",
            "address_form": "je",
        },
    )
    page = text_of(researcher.get(response.headers["Location"]))
    assert "Eigen lijst" in page and "Deze sectie heeft nog geen vragen." in page
    listing = text_of(researcher.get(f"/beheer/{region.slug}/vragenlijsten/?soort=peo"))
    assert "PEO voorjaar" in listing and "Eigen lijst" not in listing


def question_data(survey, type_key, **fields):
    data = {
        "lock": token(survey),
        "type": type_key,
        "code": "N1",
        "text": "Hoe vond u het gesprek?",
        "required": "y",
        "condition_op": "is",
    }
    if REGISTRY[type_key].needs_options:
        data["options"] = "1=Goed\n2=Slecht"
    if REGISTRY[type_key].grouped:
        data["statements"] = "N1a=Het gesprek was kort.\nN1b=Het gesprek was fijn."
    data.update(fields)
    return data


@pytest.mark.parametrize("type_key", list(REGISTRY))
def test_every_question_type_can_be_added_and_shown(researcher, make_survey, type_key):
    survey = make_survey("peiling")
    response = researcher.post(
        url(survey, f"/secties/S1/vragen/nieuw?soort={type_key}"), data=question_data(survey, type_key)
    )
    assert response.status_code == 302, text_of(response)
    added = document(survey).question("N1")
    assert added.type == type_key
    assert added.text["nl"] == "Hoe vond u het gesprek?"
    if REGISTRY[type_key].grouped:
        assert [i.code for i in added.items] == ["N1a", "N1b"]
    page = text_of(researcher.get(url(survey)))
    assert "N1 Hoe vond u het gesprek?" in page and str(REGISTRY[type_key].label) not in ("",)


def test_type_form_shows_only_the_fields_of_the_type(researcher, make_survey):
    survey = make_survey("peiling")
    multi = researcher.get(url(survey, "/secties/S1/vragen/nieuw?soort=meerkeuze")).get_data(as_text=True)
    assert 'name="options"' in multi and 'name="min"' in multi and 'name="faces"' not in multi
    smiley = researcher.get(url(survey, "/secties/S1/vragen/nieuw?soort=smiley")).get_data(as_text=True)
    assert 'name="faces"' in smiley and 'name="options"' not in smiley
    open_text = researcher.get(url(survey, "/secties/S1/vragen/nieuw?soort=open_kort")).get_data(as_text=True)
    assert 'name="max_length"' in open_text
    # switching the type re-renders the form for the new type without saving anything
    response = researcher.post(
        url(survey, "/vragen/P1"), data={**question_data(survey, "keuze", code="P1"), "wijzig_soort": "1"}
    )
    assert response.status_code == 200 and 'name="options"' in response.get_data(as_text=True)
    assert document(survey).question("P1").type == "stelling"


def test_edit_question_keeps_translations_and_renames_references(researcher, make_survey):
    survey = make_survey("ceo_ouders")
    before = document(survey).question("T1").text
    response = researcher.post(
        url(survey, "/vragen/T1"),
        data={
            "lock": token(survey),
            "type": "stelling",
            "code": "T1x",
            "text": "Ik wist waar ik met mijn vraag heen kon.",
            "domain": "toegang",
            "required": "y",
            "condition_op": "is",
        },
    )
    assert response.status_code == 302
    doc = document(survey)
    assert doc.question("T1x").text == {**before, "nl": "Ik wist waar ik met mijn vraag heen kon."}
    assert doc.question("T1x").text["ar"] == "كنت أعرف إلى أين أذهب بسؤالي."
    assert doc.question("T1") is None


def test_condition_is_checked_backwards_only(researcher, make_survey):
    survey = make_survey("peiling")
    page = researcher.get(url(survey, "/vragen/P2")).get_data(as_text=True)
    assert '<option value="P1">' in page and '<option value="P3">' not in page  # only earlier items offered
    response = researcher.post(
        url(survey, "/vragen/P2"),
        data={
            **question_data(survey, "frequentie", code="P2"),
            "condition_item": "P3",
            "condition_op": "is",
            "condition_value": "5",
        },
    )
    assert response.status_code == 200
    assert "De voorwaarde verwijst naar P3, maar dat is geen eerdere vraag." in text_of(response)
    assert document(survey).question("P2").condition is None
    response = researcher.post(
        url(survey, "/vragen/P2"),
        data={
            **question_data(survey, "frequentie", code="P2"),
            "condition_item": "P1",
            "condition_op": "in",
            "condition_value": "4, 5",
        },
    )
    assert response.status_code == 302
    condition = document(survey).question("P2").condition
    assert (condition.item, condition.op, condition.value) == ("P1", "in", ["4", "5"])
    assert "Alleen getoond als: P1 is een van 4, 5" in text_of(researcher.get(url(survey)))


@pytest.mark.parametrize("op,value", [("gte", "6"), ("lte", "5"), ("is", "4"), ("answered", "")])
def test_every_condition_operator_can_be_saved(researcher, make_survey, op, value):
    survey = make_survey("peiling")
    response = researcher.post(
        url(survey, "/vragen/P3"),
        data={
            **question_data(survey, "stelling", code="P3"),
            "condition_item": "P1",
            "condition_op": op,
            "condition_value": value,
        },
    )
    assert response.status_code == 302
    assert document(survey).question("P3").condition.op == op


def test_moving_a_condition_target_below_its_user_is_refused(researcher, make_survey):
    survey = make_survey("peo")
    response = researcher.post(
        url(survey, "/vragen/RG1/verplaatsen"), data={"lock": token(survey), "richting": "omlaag"}
    )
    assert response.status_code == 302
    page = text_of(researcher.get(response.headers["Location"]))
    assert "Deze wijziging is niet opgeslagen." in page and "RG1" in page
    assert codes_in(survey, "S2") == ["RG1", "RG2"]


def test_piping_must_refer_to_earlier_items(researcher, make_survey):
    survey = make_survey("peiling")
    bad = researcher.post(
        url(survey, "/vragen/P1"),
        data={**question_data(survey, "stelling", code="P1", text="Je gaf {P3} als antwoord.")},
    )
    assert bad.status_code == 200
    assert "De tekst toont het antwoord op P3, maar dat is geen eerdere vraag." in text_of(bad)
    good = researcher.post(
        url(survey, "/vragen/P3"),
        data={
            **question_data(survey, "stelling", code="P3", text="Je gaf {P1} bij de eerste vraag in {var:gemeente}.")
        },
    )
    assert good.status_code == 302
    item = researcher.post(
        url(survey, "/vragen/P2"), data={**question_data(survey, "frequentie", code="P2", text="Hoe vaak bij {item}?")}
    )
    assert "{item} werkt alleen in een sectie die herhaalt over een lijst." in text_of(item)


def test_invalid_combinations_are_refused_at_the_field(researcher, make_survey):
    survey = make_survey("peiling")
    response = researcher.post(
        url(survey, "/secties/S1/vragen/nieuw?soort=meerkeuze"),
        data={**question_data(survey, "meerkeuze", code="M1"), "options": "1=A\n2=B\n3=C", "min": "3", "max": "1"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="max-error"' in page and "Het maximum is lager dan het minimum." in page
    response = researcher.post(
        url(survey, "/secties/S1/vragen/nieuw?soort=keuze"),
        data={**question_data(survey, "keuze", code="K9"), "options": "Alleen deze"},
    )
    page = response.get_data(as_text=True)
    assert 'id="options-error"' in page and "Vul minstens twee antwoordopties in." in page
    response = researcher.post(
        url(survey, "/secties/S1/vragen/nieuw?soort=getal"),
        data={**question_data(survey, "getal", code="G9"), "min": "10", "max": "2"},
    )
    assert "Het maximum is lager dan het minimum." in text_of(response)
    response = researcher.post(
        url(survey, "/secties/S1/vragen/nieuw?soort=stelling"), data={**question_data(survey, "stelling", code="P1")}
    )
    assert "Itemcode P1 wordt al gebruikt in deze vragenlijst." in text_of(response)
    assert document(survey).item_codes() == ["P1", "P2", "P3"]


def test_move_up_and_down_within_and_across_sections(researcher, make_survey):
    survey = make_survey("ceo_ouders")
    researcher.post(url(survey, "/vragen/T2/verplaatsen"), data={"lock": token(survey), "richting": "omhoog"})
    assert codes_in(survey) == ["T2", "T1", "T3"]
    researcher.post(url(survey, "/vragen/T3/verplaatsen"), data={"lock": token(survey), "richting": "omlaag"})
    assert codes_in(survey) == ["T2", "T1"] and codes_in(survey, "S2")[0] == "T3"
    researcher.post(url(survey, "/secties/S2/verplaatsen"), data={"lock": token(survey), "richting": "omhoog"})
    assert [s.key for s in document(survey).sections][:2] == ["S2", "S1"]


def test_duplicate_and_delete_questions_and_sections(researcher, make_survey):
    survey = make_survey("ceo_ouders")
    researcher.post(url(survey, "/vragen/T1/dupliceren"), data={"lock": token(survey)})
    assert codes_in(survey) == ["T1", "T1_2", "T2", "T3"]
    researcher.post(url(survey, "/vragen/T1_2/verwijderen"), data={"lock": token(survey)})
    assert codes_in(survey) == ["T1", "T2", "T3"]
    researcher.post(url(survey, "/secties/S1/dupliceren"), data={"lock": token(survey)})
    doc = document(survey)
    assert [s.key for s in doc.sections][:2] == ["S1", "S6"]
    assert [q.code for q in doc.sections[1].questions] == ["T1_2", "T2_2", "T3_2"]
    researcher.post(url(survey, "/secties/S6/verwijderen"), data={"lock": token(survey)})
    assert "S6" not in [s.key for s in document(survey).sections]


def test_add_and_edit_section_with_condition(researcher, make_survey):
    survey = make_survey("peiling")
    response = researcher.post(
        url(survey, "/secties/nieuw"),
        data={
            "lock": token(survey),
            "title": "Vervolg",
            "intro": "Nog twee vragen.",
            "condition_item": "P1",
            "condition_op": "gte",
            "condition_value": "4",
        },
    )
    assert response.status_code == 302
    section = document(survey).sections[-1]
    assert (section.key, section.title["nl"], section.condition.value) == ("S2", "Vervolg", 4)
    researcher.post(url(survey, "/secties/S2"), data={"lock": token(survey), "title": "Daarna", "condition_op": "is"})
    assert document(survey).sections[-1].title["nl"] == "Daarna"
    assert document(survey).sections[-1].condition is None


def test_repeated_block_over_an_author_list(researcher, make_survey):
    survey = make_survey("peiling")
    response = researcher.post(
        url(survey, "/lijsten"),
        data={"nieuw-lock": token(survey), "nieuw-name": "projecten", "nieuw-items": "p1=Thuis opgroeien\nSterke wijk"},
    )
    assert response.status_code == 302
    assert [(i.key, i.label["nl"]) for i in document(survey).lists["projecten"]] == [
        ("p1", "Thuis opgroeien"),
        ("i1", "Sterke wijk"),
    ]
    researcher.post(
        url(survey, "/secties/nieuw"),
        data={"lock": token(survey), "title": "Project: {item}", "repeat": "projecten", "condition_op": "is"},
    )
    response = researcher.post(
        url(survey, "/secties/S2/vragen/nieuw?soort=open_lang"),
        data={**question_data(survey, "open_lang", code="PRJ1", text="Wat werkt goed bij {item}?")},
    )
    assert response.status_code == 302
    page = text_of(researcher.get(url(survey)))
    assert "Herhaald voor elk item van lijst projecten (2 items)" in page
    # a list in use cannot be deleted
    researcher.post(url(survey, "/lijsten/projecten/verwijderen"), data={"lock": token(survey)})
    assert "projecten" in document(survey).lists


def test_builder_is_scoped_to_the_region(client, login, make_user, make_survey, region, other_region):
    from survey.accounts.models import Role

    survey = make_survey("peiling")
    login(make_user(other_region, Role.ONDERZOEKER))
    assert client.get(f"/beheer/{other_region.slug}/vragenlijsten/{survey.id}").status_code == 404
    assert (
        client.post(
            f"/beheer/{other_region.slug}/vragenlijsten/{survey.id}/vragen/P1/verwijderen", data={"lock": token(survey)}
        ).status_code
        == 404
    )
    assert document(survey).item_codes() == ["P1", "P2", "P3"]
    listing = text_of(client.get(f"/beheer/{other_region.slug}/vragenlijsten/"))
    assert "Peiling: ruimte in je werk" not in listing and "Er zijn nog geen vragenlijsten." in listing


def test_settings_are_saved_and_min_cell_never_below_five(researcher, make_survey):
    survey = make_survey("peiling")
    data = {
        "lock": str(survey.lock_version),
        "title": "Peiling webinar",
        "kind": "peiling",
        "audience": "professionals",
        "address_form": "je",
        "estimated_minutes": "2",
        "display_mode": "all_on_one_page",
        "retention_months": "12",
        "min_cell": "4",
    }
    response = researcher.post(url(survey, "/instellingen"), data=data)
    assert response.status_code == 200 and "Vul een getal van 5 tot en met 1000 in." in text_of(response)
    response = researcher.post(url(survey, "/instellingen"), data={**data, "min_cell": "10"})
    assert response.status_code == 302
    assert "Peiling webinar" in text_of(researcher.get(url(survey)))


def test_move_buttons_only_where_a_move_is_possible(researcher, make_survey):
    survey = make_survey("peiling")
    html = researcher.get(url(survey)).get_data(as_text=True)

    def card(code):
        start = html.index(f'id="vraag-{code}"')
        return html[start : html.index("</li>", html.index("action-row", start))]

    assert 'value="omhoog"' not in card("P1") and 'value="omlaag"' in card("P1")
    assert 'value="omhoog"' in card("P2") and 'value="omlaag"' in card("P2")
    assert 'value="omhoog"' in card("P3") and 'value="omlaag"' not in card("P3")


def test_phone_preview_link_appears_once_the_preview_page_exists(app, researcher, make_survey):
    survey = make_survey("peiling")
    if "responses.preview_survey" not in app.view_functions:  # the respondent stage registers it
        app.add_url_rule(
            "/beheer/<region>/voorbeeld/<int:survey_id>",
            endpoint="responses.preview_survey",
            view_func=lambda region, survey_id: "",
        )
    from survey.accounts.models import Region
    from survey.extensions import db

    region = db.session.get(Region, survey.region_id)
    with app.test_request_context():
        from flask import url_for

        preview = url_for("responses.preview_survey", region=region.slug, survey_id=survey.id)
    html = researcher.get(url(survey)).get_data(as_text=True)
    assert f'href="{preview}">Voorbeeld (telefoon)</a>' in html


def test_no_preview_link_without_the_preview_page(app, researcher, make_survey, monkeypatch):
    survey = make_survey("peiling")
    monkeypatch.delitem(app.view_functions, "responses.preview_survey", raising=False)
    assert "Voorbeeld (telefoon)" not in text_of(researcher.get(url(survey)))


def test_an_unknown_type_in_the_form_does_not_break_the_page(researcher, make_survey):
    survey = make_survey("peiling")
    response = researcher.post(
        url(survey, "/vragen/P1"), data={**question_data(survey, "stelling", code="P1"), "type": "schuifregelaar"}
    )
    assert response.status_code == 200
    assert document(survey).question("P1").type == "stelling"
