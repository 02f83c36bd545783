"""A reworded question is a new question for the trend; a spelling fix is not."""

import pytest

from analysis.questions.wording import spelling_only, wording_changed

BEFORE = "Ik wist waar ik terecht kon met mijn vraag."


@pytest.mark.parametrize(
    "after",
    [
        BEFORE,
        "ik wist waar ik terecht kon met mijn vraag",
        "Ik wist  waar ik terecht kon, met mijn vraag!",
        "Ik wist waar ik terrecht kon met mijn vraag.",  # a typo fixed the other way round
    ],
)
def test_case_punctuation_and_spelling_are_not_a_change(after):
    assert spelling_only(BEFORE, after) and not wording_changed(BEFORE, after)


@pytest.mark.parametrize(
    "after",
    [
        "Ik wist niet waar ik terecht kon met mijn vraag.",  # a word added
        "Ik wist snel bij wie ik terecht kon met mijn vraag.",  # a new sentence
        "Ik was tevreden over de hulp.",
    ],
)
def test_a_new_sentence_is_a_change(after):
    assert wording_changed(BEFORE, after)


def test_a_word_that_flips_the_meaning_is_a_change():
    assert wording_changed("Ik ben tevreden over de hulp.", "Ik ben ontevreden over de hulp.")
    assert wording_changed("Het gaat hoger.", "Het gaat lager.")
