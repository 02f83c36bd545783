import pytest

from analysis.codebook import Codebook
from analysis.coding import CodebookMatcher, default_codebook, micro_f1


@pytest.fixture(scope="module")
def matcher():
    return CodebookMatcher(default_codebook("ceo")).fit()


@pytest.mark.parametrize(
    ("text", "theme", "word"),
    [
        ("De wachttijden waren veel te lang", "wachttijd", "wachttijden"),  # plural → lemma
        ("We stonden maandenlang op een wachtlijst", "wachttijd", "wachtlijst"),
        ("ze belde nooit terug", "bereikbaarheid", "belde"),  # past tense of a seed verb
        ("Terugbellen werd nooit gedaan", "bereikbaarheid", "terugbellen"),
        ("Alles werd goed uitgelegd", "informatie", "uitgelegd"),  # separable verb
        ("Hij is veel rustiger geworden", "resultaat", "rustiger"),
        ("Mijn dochter voelt zich weer veilig", "veiligheid", "veilig"),
        ("we werden van het kastje naar de muur gestuurd", "samenwerking", "kastje naar de muur"),  # phrase
        ("steeds weer een nieuwe hulpverlener", "wisselingen", "nieuwe hulpverlener"),
    ],
)
def test_matcher_finds_themes_on_lemma_variants_and_phrases(matcher, text, theme, word):
    hits = {h.theme: h for h in matcher.match_one(text)}
    assert theme in hits
    assert word in hits[theme].words
    assert hits[theme].provenance == "regel"


def test_compound_match_needs_a_long_seed():
    codebook = Codebook.from_dict(
        {
            "key": "k",
            "themes": [
                {"key": "wacht", "label": "Wachten", "seeds": ["wacht"]},
                {"key": "bel", "label": "Bellen", "seeds": ["bel"]},
            ],
        }
    )
    matcher = CodebookMatcher(codebook).fit()
    assert matcher.predict(["de wachtkamer", "dat is belangrijk"]) == [frozenset({"wacht"}), frozenset()]


def test_unrelated_answers_get_no_theme(matcher):
    assert matcher.predict(["Geen opmerkingen", "nvt", "Dikke tien!"]) == [frozenset()] * 3


def test_codebook_alone_codes_the_training_phrasings_well(matcher, train):
    predicted = matcher.predict([r["text"] for r in train])
    assert micro_f1(predicted, [r["themes"] for r in train]) > 0.7


def test_matching_ten_thousand_answers_is_fast(matcher, train):
    import time

    texts = [r["text"] for r in train] * 17
    start = time.process_time()
    matcher.match(texts)
    assert time.process_time() - start < 1.0


def test_a_seed_matches_whole_words_and_compounds_never_a_substring():
    codebook = Codebook.from_dict(
        {
            "key": "k",
            "themes": [
                {"key": "delen", "label": "Delen", "seeds": ["delen"]},
                {"key": "wonen", "label": "Wonen", "seeds": ["gezinsvorm", "crisis"]},
            ],
        }
    )
    matcher = CodebookMatcher(codebook).fit()
    assert matcher.predict(["We handelen snel", "Een groot deel van de uitgaven"]) == [frozenset()] * 2
    assert (
        matcher.predict(
            ["Successen delen", "Kennis wordt gedeeld", "Het team deelt cijfers", "Kennisdelen tussen teams"]
        )
        == [frozenset({"delen"})] * 4
    )
    assert matcher.predict(["Taskforce gezinsvormen", "De crisisopvang", "Crisisdienst"]) == [frozenset({"wonen"})] * 3


def test_the_stakeholder_codebook_knows_the_themes_of_real_evaluations():
    matcher = CodebookMatcher(default_codebook("stakeholder")).fit()
    found = matcher.predict(
        [
            "De crisisdienst is 's nachts bereikbaar",
            "Te weinig plekken voor jongeren die niet thuis kunnen wonen",
            "Een pilot om te experimenteren",
            "Goede data definities",
            "Afstemming met scholen",
            "De gemeenten in de regio",
        ]
    )
    assert [sorted(f) for f in found][:4] == [["crisis"], ["ouders_jongeren", "verblijf"], ["vernieuwing"], ["data"]]
    assert "onderwijs" in found[4] and "lokaal_regionaal" in found[5]


def test_an_inflected_adjective_the_dictionary_does_not_know_matches_its_seed():
    """simplemma knows 'financiële' but not 'residentiële' or 'ambulante', nor 'geëscaleerd' once folded to
    'geescaleerd': the matcher undoes the -e by Dutch spelling rules and reads a participle in -eerd as its verb,
    so real statements about residential care and escalation reach their themes."""
    codebook = Codebook.from_dict(
        {
            "key": "k",
            "themes": [
                {"key": "verblijf", "label": "Verblijf", "seeds": ["residentieel"]},
                {"key": "ambulant", "label": "Ambulant", "seeds": ["ambulant", "gespecialiseerd"]},
                {"key": "deel", "label": "Deel", "seeds": ["residentie"]},
                {"key": "crisis", "label": "Crisis", "seeds": ["escaleren"]},
            ],
        }
    )
    matcher = CodebookMatcher(codebook).fit()
    found = matcher.predict(
        [
            "Voor jeugdigen blijkt residentiële hulp moeizaam tot stand te komen",  # a real statement (Haaglanden)
            "De residentiele zorg",
            "Ambulante en gespecialiseerde hulp",
            "Een residentieel verblijf",
            "Wordt er te vroeg of te snel geëscaleerd?",  # a real statement (Rijnmond): folded 'geescaleerd'
        ]
    )
    assert found == [frozenset({"verblijf"})] * 2 + [frozenset({"ambulant"}), frozenset({"verblijf"}), {"crisis"}]


def test_the_stakeholder_codebook_knows_the_words_evaluations_use_for_waiting_staff_and_closed_care():
    """Checked on real statements that are not in this repository (python -m bench.remarks_external): waiting
    lists, the labour market and administrative burden, closed youth care and the council's information were
    the themes missed most often. These sentences are written for the test in the same words."""
    expected = {
        "De wachtlijsten voor specialistische hulp worden langer": {"toegang"},
        "Het verzuim en het verloop onder medewerkers nemen toe": {"werkdruk"},
        "De administratieve lasten kosten te veel tijd van de zorg": {"werkdruk"},
        "Te veel jongeren komen in de gesloten jeugdzorg terecht": {"verblijf"},
        "De informatievoorziening aan de raad schiet tekort": {"communicatie"},
        "De jeugdhulpregio doet de inkoop gezamenlijk": {"lokaal_regionaal", "aanbieders"},
    }
    matcher = CodebookMatcher(default_codebook("stakeholder")).fit()
    for sentence, found in zip(expected, matcher.predict(list(expected)), strict=True):
        assert expected[sentence] <= found, sentence
