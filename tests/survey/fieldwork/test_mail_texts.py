"""The built-in invitation, reminder and letter texts exist in every language of the page chrome, with the
same placeholders as the Dutch text, and every language has its line for a questionnaire that lacks it."""

import pytest

from survey.fieldwork.messages import placeholders as messages
from survey.fieldwork.messages import texts
from survey.i18n import DRAFT_LOCALES, UI_LOCALES


@pytest.mark.parametrize("language", UI_LOCALES)
def test_every_kind_of_text_is_built_in_with_the_dutch_placeholders(language):
    for kind in messages.KINDS:
        for form in ("u", "je"):
            dutch = messages.default_text(kind, "nl", form)
            text = messages.default_text(kind, language, form)
            assert text is not None, (kind, form)
            for part in ("subject", "body"):
                wanted = sorted(messages.PLACEHOLDER.findall(getattr(dutch, part)))
                assert sorted(messages.PLACEHOLDER.findall(getattr(text, part))) == wanted, (kind, form, part)
        assert messages.continue_sentence(language, "u") != messages.continue_sentence("nl", "u") or language == "nl"
        assert messages.letter_sentence(language, "je") != messages.letter_sentence("nl", "je") or language == "nl"


@pytest.mark.parametrize("language", [language for language in UI_LOCALES if language != "nl"])
def test_every_language_has_its_own_line_when_the_questionnaire_lacks_it(language):
    line = messages.language_note(language, ["nl"])
    assert line and (line == texts.LANGUAGE_NOTE["en"]) == (language == "en")
    assert messages.language_note(language, ["nl", language]) == ""


def test_the_built_in_translations_are_marked_as_drafts():
    assert set(texts.DRAFT_LANGUAGES) == set(DRAFT_LOCALES)


def test_the_text_page_says_the_standard_text_is_a_draft(client, db, researcher, make_survey):
    survey = make_survey(languages=("nl", "uk"))
    url = f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/teksten?soort=reminder&taal="
    page = client.get(url + "uk").get_data(as_text=True)
    assert "Нагадування: {titel}" in page and "conceptvertaling" in page
    assert "conceptvertaling" not in client.get(url + "nl").get_data(as_text=True)


def test_dari_reads_the_persian_texts():
    assert messages.default_text("invitation", "prs", "u") == messages.default_text("invitation", "fa", "u")
    assert messages.continue_sentence("prs", "je") == messages.continue_sentence("fa", "je")
