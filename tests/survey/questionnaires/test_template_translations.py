"""Every shipped template is complete in every supported language: questions, options, section titles,
background options, the privacy statement and the help text, and the answer scales its question types
bring; item codes, placeholders and phone numbers survive translation; translations not yet checked by a
native speaker are marked as drafts."""

import json
import re

import pytest

from survey.i18n import UI_LOCALES
from survey.questionnaires.content.registry import REGISTRY
from survey.questionnaires.templates import TEMPLATE_DIR, TEMPLATE_LANGUAGES, list_templates, load_template

SUPPORTED = TEMPLATE_LANGUAGES
KEEP = re.compile(r"\{[^}]+\}|\d{3,4}-\d{4}|\b11[23]\b")
TEMPLATES = [info.key for info in list_templates()]


def texts(node, path=""):
    """Every multilingual text (a dict with a Dutch text) in a template, with where it is."""
    if isinstance(node, dict):
        if isinstance(node.get("nl"), str):
            yield path, node
            return
        for key, value in node.items():
            yield from texts(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            name = value.get("code") or value.get("key") if isinstance(value, dict) else None
            yield from texts(value, f"{path}[{name or index}]")


def raw(key: str) -> dict:
    return json.loads((TEMPLATE_DIR / f"{key}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("key", TEMPLATES)
def test_every_text_of_a_shipped_template_is_in_every_language_it_claims(key):
    template = raw(key)
    claimed = template["document"]["languages"]
    assert set(claimed) >= set(SUPPORTED)
    assert set(claimed) <= set(UI_LOCALES)  # the page around the questions speaks each language too
    missing = [
        f"{path} ({language})"
        for part in ("survey", "document")
        for path, text in texts(template[part], part)
        for language in claimed
        if not (text.get(language) or "").strip()
    ]
    assert missing == []
    for part in ("survey", "document"):
        for path, text in texts(template[part], part):
            for language in claimed:
                assert sorted(KEEP.findall(text[language])) == sorted(KEEP.findall(text["nl"])), (path, language)


@pytest.mark.parametrize("key", TEMPLATES)
def test_the_scales_of_a_template_are_in_every_supported_language(key):
    document = load_template(key).document
    for section in document.sections:
        for question in section.questions:
            for option in REGISTRY[question.type].new_options(question.settings):
                if any(char.isalpha() for char in option.label["nl"]):
                    assert all(option.label.get(language) for language in document.languages), (
                        key,
                        question.code,
                        option.code,
                    )


@pytest.mark.parametrize("key", TEMPLATES)
def test_translations_not_checked_by_a_native_speaker_are_marked_as_drafts(key):
    info = next(info for info in list_templates() if info.key == key)
    assert {"ar", "tr", "pl", "uk"} <= set(info.draft_languages)
    assert set(info.draft_languages) <= set(SUPPORTED) - {"nl"}
    assert info.item_codes == tuple(load_template(key).document.item_codes())


def test_the_template_choice_says_which_translations_are_drafts(researcher, region):
    page = researcher.get(f"/beheer/{region.slug}/vragenlijsten/nieuw").get_data(as_text=True)
    assert "Conceptvertaling in het Arabisch, Turks, Pools, Oekraïens" in page
