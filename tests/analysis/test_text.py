from analysis.text import STOP_WORDS, content_lemmas, lemma_text, lemmas, tokenize


def test_tokens_are_lower_case_and_accent_folded():
    assert tokenize("Cliënt: 'Té LANG' gewacht, 3 mnd!") == ["client", "te", "lang", "gewacht", "3", "mnd"]


def test_lemmas_join_inflections_and_keep_negators_and_intensifiers():
    assert lemmas("De wachttijden waren veel te lang en ik werd niet gehoord") == [
        "de",
        "wachttijd",
        "zijn",
        "veel",
        "te",
        "lang",
        "en",
        "ik",
        "worden",
        "niet",
        "horen",
    ]


def test_comparatives_keep_their_meaning():
    assert lemma_text("het gaat beter") == "het gaan beter"


def test_stop_words_never_hold_negators_or_intensifiers():
    assert {"niet", "geen", "nooit", "te", "veel"}.isdisjoint(STOP_WORDS)
    assert {"de", "het", "een", "zijn"} <= STOP_WORDS


def test_content_lemmas_drop_filler_for_topic_display():
    assert content_lemmas("Ik vind dat de wachtlijsten bij de gemeentes te lang waren") == [
        "wachtlijst",
        "gemeente",
        "te",
        "lang",
    ]
