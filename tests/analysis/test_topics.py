import itertools

import pytest

from analysis.topics import ThemeSuggester

OPENINGS = ["Als moeder vind ik dat", "Ik vind dat", "Als vader vind ik dat", "Als moeder vind ik", ""]
CLOSINGS = [", dat is niet goed", ", duurde te lang", ", heel slecht", ", prima", ""]
TOPICS = {
    "vervoer": [
        "de taxi naar de dagbehandeling kwam vaak te laat",
        "het taxivervoer naar school was slecht geregeld",
        "de chauffeur van de taxi was steeds een ander",
        "het vervoer naar de dagbehandeling liep prima",
    ],
    "kosten": [
        "de eigen bijdrage was veel te hoog",
        "we moesten de reiskosten zelf betalen",
        "de rekening voor de eigen bijdrage kwam als verrassing",
        "de kosten werden niet vergoed",
    ],
    "vakantie": [
        "in de zomervakantie stopte de begeleiding",
        "tijdens de vakantie was er geen opvang",
        "in de schoolvakantie viel alle begeleiding weg",
        "de vakantie was zonder opvang een ramp",
    ],
}


@pytest.fixture(scope="module")
def answers():
    texts = []
    for i, (opening, closing) in enumerate(itertools.product(OPENINGS, CLOSINGS)):
        for sentences in TOPICS.values():
            texts.append(f"{opening} {sentences[i % 4]}{closing}".strip())
    return texts


@pytest.fixture(scope="module")
def candidates(answers):
    return ThemeSuggester(n_topics=3, random_state=0).suggest(answers)


def test_boilerplate_and_polarity_words_never_make_the_top_terms(candidates):
    banned = {"moeder", "vader", "vinden", "vind", "goed", "slecht", "lang", "te", "prima", "niet", "duren", "ik"}
    for candidate in candidates:
        assert banned.isdisjoint(w for term in candidate.terms for w in term.split()), candidate.terms


def test_each_new_theme_surfaces_with_its_own_words(candidates):
    tops = [set(" ".join(c.terms[:4]).split()) for c in candidates]
    assert any(t & {"taxi", "vervoer", "taxivervoer", "chauffeur", "dagbehandeling"} for t in tops)
    assert any(t & {"bijdrage", "kost", "kosten", "reiskosten", "rekening"} for t in tops)
    assert any(t & {"vakantie", "zomervakantie", "schoolvakantie", "opvang"} for t in tops)


def test_candidates_come_with_five_distinct_example_answers(candidates, answers):
    assert len(candidates) == 3
    for candidate in candidates:
        assert len(candidate.examples) == 5 and len(set(candidate.examples)) == 5
        assert set(candidate.examples) <= set(answers)
    assert sum(c.size for c in candidates) == len(answers)
    assert candidates[0].size >= candidates[-1].size


def test_same_input_same_topics(answers, candidates):
    assert ThemeSuggester(n_topics=3, random_state=0).suggest(answers) == candidates


def test_frequent_openings_are_detected_as_boilerplate(answers):
    suggester = ThemeSuggester(n_topics=3, boilerplate=()).fit(answers)
    assert ("als", "moeder", "vind", "ik") in suggester.boilerplate_


def test_known_theme_words_can_be_excluded(answers):
    candidates = ThemeSuggester(n_topics=3, exclude_terms=["eigen bijdrage", "taxi"]).suggest(answers)
    terms = {w for c in candidates for term in c.terms for w in term.split()}
    assert terms and {"taxi", "bijdrage", "eigen"}.isdisjoint(terms)


def test_too_little_text_gives_no_candidates():
    assert ThemeSuggester().suggest(["goed", "slecht", "nvt"]) == []


def test_scrub_placeholders_and_question_echoes_are_never_proposed_as_terms():
    texts = [
        "Ik ben trots op de crisisdienst van [NAAM]",
        "[NAAM] van de crisisdienst kwam snel",
        "De crisisdienst en [PERSOON-1] hielpen",
        "Trots op naam en de crisisdienst",
        "Thuis wonen bleef mogelijk voor <naam>",
        "Het kind van [NAAM] kon thuis blijven wonen",
        "Thuis wonen met hulp van [PLAATS]",
    ]
    candidates = ThemeSuggester(n_topics=2).suggest(texts)
    terms = {t for c in candidates for term in c.terms for t in term.split()}
    assert {"crisisdienst", "thuis"} <= terms
    assert not terms & {"naam", "persoon", "plaats", "trots"}
