import json

import pytest

from analysis.codebook import Codebook, CodebookError, Theme, default_codebook


@pytest.mark.parametrize("kind", ["ceo", "stakeholder"])
def test_default_codebooks_have_described_themes_with_seeds_and_examples(kind):
    codebook = default_codebook(kind)
    assert len(codebook.themes) >= 10
    for theme in codebook.themes:
        assert theme.label and theme.description
        # enough words to find a theme in real statements (python -m bench.remarks_external), few enough to read
        assert 7 <= len(theme.seeds) <= 25, theme.key
        assert len(theme.examples) >= 2


def test_stakeholder_codebook_has_the_themes_real_evaluations_use():
    keys = set(default_codebook("stakeholder").keys)
    assert {"crisis", "verblijf", "vernieuwing", "data", "onderwijs", "lokaal_regionaal"} <= keys


def test_ceo_codebook_holds_the_agreed_themes():
    labels = {t.label for t in default_codebook("ceo").themes}
    assert {"Wachttijd en snelheid", "Wisselingen van hulpverlener", "Regels en bureaucratie", "Veiligheid"} <= labels


def test_codebook_round_trips_through_json():
    codebook = default_codebook("stakeholder")
    again = Codebook.from_json(json.dumps(codebook.to_dict()))
    assert again == codebook
    assert again.theme("werkdruk").seeds == codebook.theme("werkdruk").seeds


def test_spreadsheet_cells_become_lists_and_parents_link_up():
    codebook = Codebook.from_dict(
        {
            "key": "o3",
            "label": "Wat kan beter",
            "themes": [
                {"key": "Contact", "label": "Contact", "seeds": "bellen; mail;\nterugbellen; bellen"},
                {"key": "voicemail", "label": "Voicemail", "parent": "contact", "examples": "Altijd de voicemail\n"},
            ],
        }
    )
    assert codebook.theme("contact").seeds == ("bellen", "mail", "terugbellen")
    assert codebook.children("contact") == (codebook.theme("voicemail"),)
    assert codebook.theme("voicemail").examples == ("Altijd de voicemail",)


def test_database_field_name_seed_words_is_understood():
    codebook = Codebook.from_dict({"themes": [{"key": "a", "label": "A", "seed_words": ["bellen"]}]})
    assert codebook.theme("a").seeds == ("bellen",)


@pytest.mark.parametrize(
    ("themes", "position", "field"),
    [
        ([{"key": "a", "label": "A"}, {"key": "a", "label": "B"}], 2, "key"),
        ([{"key": "a", "label": ""}], 1, "label"),
        ([{"key": "a b", "label": "A"}], 1, "key"),
        ([{"key": "a", "label": "A", "parent": "x"}], 1, "parent"),
        ([{"key": "a", "label": "A", "parent": "b"}, {"key": "b", "label": "B", "parent": "a"}], 1, "parent"),
        ([{"key": "a", "label": "A", "seeds": 3}], 1, "seeds"),
    ],
)
def test_bad_codebooks_name_the_theme_and_field(themes, position, field):
    """The place as numbers and keys, the problem as an English msgid the caller translates (in Dutch:
    tests/survey/coding/test_codebooks.py)."""
    with pytest.raises(CodebookError) as error:
        Codebook.from_dict({"key": "x", "themes": themes})
    assert (error.value.theme, error.value.field) == (position, field)
    assert str(error.value) == error.value.msgid % error.value.params


def test_spreadsheet_rows_round_trip():
    codebook = default_codebook("ceo")
    rows = codebook.to_rows()
    assert rows[0]["seeds"].startswith("wachttijd; wachtlijst")
    assert all(isinstance(v, str) for row in rows for v in row.values())
    again = Codebook.from_rows([*rows, {"key": None, "label": ""}], key="ceo", label=codebook.label)
    assert again.themes == codebook.themes


def test_invalid_json_is_a_codebook_error():
    with pytest.raises(CodebookError, match=r"not valid JSON \(line 1\)"):
        Codebook.from_json("{themes: [")


def test_theme_dict_is_plain_json():
    theme = Theme("a", "A", seeds=("x",))
    assert json.loads(json.dumps(theme.to_dict()))["seeds"] == ["x"]
