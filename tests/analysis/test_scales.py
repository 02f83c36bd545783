"""Scales as data: codes, Dutch labels and order that the questionnaire and the results pages share."""

import pytest

from analysis.scores.scales import (
    AGREEMENT,
    FREQUENCY,
    GRADE,
    SCALES,
    SMILEY_3,
    SMILEY_5,
    ZERO_TEN,
    get_scale,
    respondent_options,
)


def test_agreement_scale_order_labels_and_escapes():
    assert AGREEMENT.codes == ("5", "4", "3", "2", "1", "weet_niet", "nvt")
    assert [o.label for o in AGREEMENT.options] == [
        "helemaal mee eens",
        "mee eens",
        "niet mee eens, niet mee oneens",
        "niet mee eens",
        "helemaal niet mee eens",
        "weet ik niet",
        "niet van toepassing",
    ]
    assert AGREEMENT.substantive_codes == ("5", "4", "3", "2", "1")
    assert AGREEMENT.escape_codes == ("weet_niet", "nvt")
    assert AGREEMENT.positive_codes == {"5", "4"}


def test_other_scales():
    assert FREQUENCY.codes == ("altijd", "vaak", "soms", "nooit")
    assert FREQUENCY.positive_codes == {"altijd", "vaak"}
    assert GRADE.codes == tuple(str(n) for n in range(10, 0, -1))
    assert ZERO_TEN.codes[-1] == "0" and len(ZERO_TEN.codes) == 11
    assert len(SMILEY_3.options) == 3 and len(SMILEY_5.options) == 5
    assert all(o.label for s in SCALES.values() for o in s.options)  # a text for screen readers too


def test_lookup():
    assert get_scale("frequency") is FREQUENCY
    assert AGREEMENT.label_for("nvt") == "niet van toepassing" and AGREEMENT.label_for("x") == "x"
    with pytest.raises(ValueError, match="known: agreement"):
        get_scale("likert7")


def test_respondents_read_the_same_codes_that_are_scored():
    for key, scale in SCALES.items():
        wording = respondent_options(key)
        assert {code for code, _ in wording} == set(scale.codes), key
        assert all(labels["nl"] for _, labels in wording)
    assert [code for code, _ in respondent_options("smiley5")] == ["1", "2", "3", "4", "5"]  # saddest first
    assert respondent_options("grade")[0] == ("1", {"nl": "1"})
    assert respondent_options("agreement")[0][1]["en"] == "Strongly agree"
