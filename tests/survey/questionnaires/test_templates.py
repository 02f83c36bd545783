"""The shipped templates: they load, validate, carry the item codes of docs/domain.md, pass the taalcheck,
and survive export → import as JSON and as a spreadsheet unchanged."""

import json

import pytest

from analysis.questions import readability
from survey.questionnaires import services, versions
from survey.questionnaires.builder.feedback import texts_of
from survey.questionnaires.exchange import spreadsheet
from survey.questionnaires.exchange.json_file import export_json, survey_settings
from survey.questionnaires.exchange.uploads import read_upload
from survey.questionnaires.templates import TEMPLATE_DIR, UnknownTemplate, list_templates, load_template

KEYS = [t.key for t in list_templates()]
CEO_CODES = ["T1", "T2", "T3", "K1", "K2", "K3", "K4", "E1", "E2", "E3", "E4", "E5", "E6", "R1", "O1", "O2", "O3"]


def test_all_six_templates_are_offered():
    assert KEYS == ["ceo_ouders", "ceo_jongeren", "ceo_kind", "peo", "peiling", "stakeholder"]


@pytest.mark.parametrize("key", KEYS)
def test_template_loads_and_every_question_has_dutch_text(key):
    exchange = load_template(key)
    assert exchange.document.questions()
    assert all(q.text.get("nl") for q in exchange.document.questions())
    assert exchange.settings["title"]["nl"]


def test_ceo_parents_and_youth_share_item_codes_but_not_wording():
    parents, youth = load_template("ceo_ouders").document, load_template("ceo_jongeren").document
    assert [c for c in parents.item_codes() if c in CEO_CODES] == CEO_CODES
    assert parents.item_codes() == youth.item_codes()
    assert parents.question("T3").text["nl"] == "Mijn kind en ik kregen de hulp die nodig was."
    assert youth.question("T3").text["nl"] == "Ik kreeg de hulp die ik nodig had."
    assert parents.question("R1").text["nl"] == "Welk rapportcijfer geeft u de hulp?"
    assert youth.question("R1").text["nl"] == "Welk cijfer geef je de hulp?"
    assert load_template("ceo_ouders").settings["address_form"].value == "u"
    assert load_template("ceo_jongeren").settings["address_form"].value == "je"


def test_background_questions_are_coarse():
    youth = load_template("ceo_jongeren").document
    assert [o.code for o in youth.question("A1").options] == ["12_15", "16_17", "18_23"]
    peo = load_template("peo").document
    types = [o.label["nl"] for o in peo.question("OT1").options]
    assert "Gecertificeerde instelling" in types and "Specialistische aanbieder" in types
    assert not any(q.type.startswith("open") and "organisatie" in q.text["nl"].lower() for q in peo.questions())


def test_ceo_templates_are_labelled_as_based_on_mcjo_never_as_mandatory():
    infos = {t.key: t for t in list_templates()}
    for key in ("ceo_ouders", "ceo_jongeren", "ceo_kind"):
        assert infos[key].basis.startswith("Gebaseerd op de thema's van de MCJO")
    for path in TEMPLATE_DIR.glob("*.json"):
        assert "verplichte lijst" not in path.read_text(encoding="utf-8").lower()


def test_child_template_has_five_to_eight_smileys_with_own_codes():
    document = load_template("ceo_kind").document
    smileys = [q for q in document.questions() if q.type == "smiley"]
    assert 5 <= len(smileys) <= 8
    assert not set(q.code for q in smileys) & set(CEO_CODES)


def test_peo_core_theme_block_and_condition():
    document = load_template("peo").document
    assert document.question("PR").type == "stellingen" and len(document.question("PR").items) == 4
    assert document.question("BL1").text["nl"] == "Verwacht je over een jaar nog in de jeugdhulp te werken?"
    assert document.question("RG2").condition.item == "RG1"
    assert any("werkdruk" in s.title["nl"] for s in document.sections)


def test_poll_has_one_to_three_questions_on_one_page():
    exchange = load_template("peiling")
    assert 1 <= len(exchange.document.questions()) <= 3
    assert exchange.settings["display_mode"].value == "all_on_one_page"


def test_stakeholder_survey_repeats_three_questions_per_project_and_for_the_programme():
    document = load_template("stakeholder").document
    repeated = [s for s in document.sections if s.repeat]
    assert [s.repeat for s in repeated] == ["projecten"]
    assert [q.text["nl"] for q in repeated[0].questions] == [
        "Waar bent u trots op bij {item}?",
        "Wat werkt goed bij {item}?",
        "Waar vraagt u aandacht voor bij {item}?",
    ]
    assert document.question("ROL").type == "keuze" and document.question("PG1").type == "rapportcijfer"
    assert {"PRG_TROTS", "PRG_WERKT", "PRG_AANDACHT"} <= set(document.item_codes())


def test_parents_template_is_translated_into_the_languages_of_the_region():
    document = load_template("ceo_ouders").document
    assert document.languages == ["nl", "en", "ar", "tr", "pl", "uk"]  # complete: test_template_translations.py
    assert all(q.text.get("en") for q in document.questions())
    assert document.question("T1").text["ar"] and document.question("R1").text["ar"]


@pytest.mark.parametrize("key", KEYS)
def test_every_template_text_passes_the_taalcheck(key):
    exchange = load_template(key)
    texts = [t for q in exchange.document.questions() for t in texts_of(q)]
    texts += [s.title.get("nl", "") for s in exchange.document.sections]
    texts += [s.intro.get("nl", "") for s in exchange.document.sections]
    texts += [v.get("nl", "") for name, v in exchange.settings.items() if isinstance(v, dict)]
    flagged = {text: readability.check(text) for text in texts if readability.check(text)}
    assert flagged == {}


def test_unknown_or_unsafe_template_key_is_refused():
    for key in ("bestaat_niet", "../models", "CEO"):
        with pytest.raises(UnknownTemplate):
            load_template(key)


@pytest.mark.parametrize("key", KEYS)
def test_template_survives_json_export_and_import_unchanged(db, region, key):
    survey = services.create_from_template(region, key)
    db.session.commit()
    before = versions.document_of(survey.versions[0])
    exchange, kind = read_upload(export_json(survey, before), "vragenlijst.json")
    assert kind == "json"
    assert exchange.document.to_dict() == before.to_dict()
    settings = survey_settings(survey)
    assert {k: getattr(v, "value", v) for k, v in exchange.settings.items()} == settings


@pytest.mark.parametrize("key", KEYS)
def test_template_survives_spreadsheet_export_and_import_unchanged(db, region, key):
    survey = services.create_from_template(region, key)
    db.session.commit()
    before = versions.document_of(survey.versions[0])
    data = spreadsheet.export_xlsx(survey_settings(survey), before)
    exchange, kind = read_upload(data, "vragenlijst.xlsx")
    assert kind == "xlsx"
    assert json.dumps(exchange.document.to_dict(), sort_keys=True) == json.dumps(before.to_dict(), sort_keys=True)
    assert {k: getattr(v, "value", v) for k, v in exchange.settings.items()} == survey_settings(survey)
