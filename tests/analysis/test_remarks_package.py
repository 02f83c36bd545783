"""The remark classifier as one package: word lists are data files, one text normalisation serves it all."""

import re
from pathlib import Path

import pytest

import analysis.remarks as remarks
from analysis import text
from analysis.coding import CodebookMatcher, default_codebook
from analysis.remarks import lexicon as lex
from analysis.remarks import words
from analysis.remarks.cues import find_cues
from analysis.remarks.prompts import PROMPT_PATTERNS, prompt_kind

DATA = Path(remarks.__file__).parent / "data"


def test_a_word_list_file_is_read_without_comments_or_blank_lines(tmp_path):
    listed = tmp_path / "lijst.txt"
    listed.write_text("# wat deze lijst is\nfijn\n\n  top  \n# nog een opmerking\nprima\n", encoding="utf-8")
    assert text.read_list(listed) == ("fijn", "top", "prima")
    assert text.read_set(listed) == frozenset({"fijn", "top", "prima"})


def test_every_word_list_of_the_remark_classifier_is_a_data_file_that_loads():
    files = sorted(DATA.glob("*.txt"))
    assert len(files) >= 20
    for path in files:
        entries = words.entries(path.stem)
        assert entries, f"{path.name} is empty"
        assert len(set(entries)) == len(entries), f"{path.name} repeats an entry"
    for name in ("praise", "praise_idioms", "worry", "advice", "findings"):
        for entry in words.entries(name):
            re.compile(entry)  # every entry is a valid pattern on its own


def test_the_classifier_reads_its_cues_from_the_data_files():
    assert lex.PRAISE == words.entries("praise")
    assert lex.WORRY == words.entries("worry")
    assert lex.NEGATORS == words.words("negators")
    assert [kind for kind, _ in PROMPT_PATTERNS] == list(words.mapping("headings"))
    # an entry of praise.txt fires the praise cue, one of worry.txt the worry cue
    assert any(c.key == "lof" for c in find_cues("De lijnen zijn kort en het contact is laagdrempelig"))
    assert any(c.key == "zorgwoord" for c in find_cues("Er is een lange wachtlijst voor de specialistische hulp"))


def test_the_text_word_lists_are_data_files_too():
    assert text.NEGATORS == text.read_set(text.WORDS / "negators.txt")
    assert "niet" in text.NEGATORS and "te" in text.INTENSIFIERS
    assert text.lemma("kinderen") == "kind"  # lemma_fixes.json
    assert "als moeder vind ik" in text.read_list(text.WORDS / "boilerplate.txt")


def test_one_folding_and_tokenising_for_themes_and_for_sentence_form():
    assert text.fold("Cliënt’s") == "client's"
    assert text.tokenize("Jeugd-GGZ: 7,5 en 40%") == ["jeugd-ggz", "7", "5", "en", "40"]
    assert text.tokens("Jeugd-GGZ: 7,5 en 40%") == ["jeugd", "ggz", "7,5", "en", "40%"]
    # verb forms meet at one lemma; the sentence-form reader joins separable verbs, theme lemmas keep them apart
    assert text.dictionary_lemma("teruggebeld") == text.dictionary_lemma("terugbellen") == "terugbellen"
    assert text.lemma("teruggebeld") == "terug_bellen"


def test_the_old_module_names_are_gone():
    folder = Path(text.__file__).parent
    assert not list(folder.glob("remark_*.py"))
    assert not (folder / "remarks.py").exists()


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Successen", "compliment"),
        ("Waar wij heel trots op zijn", "compliment"),
        ("Knelpunten", "zorg"),
        ("Een traject met hobbels", "zorg"),
        ("Aanbevelingen", "suggestie"),
        ("Wat heeft het programma nodig om alsnog een succes te worden?", "suggestie"),
        ("Opvallend", "observatie"),
        ("Resultaten", None),
        ("Inleiding", None),
        ("Tips en tops", None),
    ],
)
def test_a_heading_invites_a_kind_only_when_it_names_one(heading, kind):
    assert prompt_kind(heading) == kind


def test_under_a_heading_that_names_no_kind_the_words_decide():
    model = remarks.shipped_classifier()
    text_ = "De wachtlijst voor specialistische hulp is veel te lang"
    assert model.classify_one(text_, "Resultaten").kind == model.classify_one(text_).kind == "zorg"


def test_a_verbless_answer_keeps_the_kind_its_heading_invites():
    model = remarks.shipped_classifier()
    phrase = "Een gezamenlijke inkoop van specialistische jeugdhulp"
    assert remarks.is_short(phrase)
    assert model.classify_one(phrase, "Successen").kind == "compliment"
    assert model.classify_one(phrase, "Knelpunten").kind == "zorg"
    assert model.classify_one(phrase, "Aanbevelingen").kind == "suggestie"


def test_theme_seeds_match_lemmas_at_word_boundaries_not_substrings():
    matcher = CodebookMatcher(default_codebook("stakeholder")).fit()
    shared = matcher.predict(["We delen kennis met de scholen"])[0]
    assert shared, "'delen' should find the theme whose seed is 'delen'"
    assert not (matcher.predict(["We handelen snel"])[0] & shared)


def test_real_statements_train_with_their_own_weight():
    """A real statement weighs more than a remark written to order when ``real_weight`` says so."""
    statement = {"text": "Kwartaalcijfers wachtlijst jeugdteams gedeeld", "heading": "Resultaten", "kind": "vraag"}
    light = remarks.train(real=[statement], public=[], real_weight=1.0)
    heavy = remarks.train(real=[statement], public=[], real_weight=200.0)
    column = list(remarks.KINDS).index("vraag")
    assert heavy.n_labels_ == light.n_labels_ == len(remarks.shipped_examples(real=False)) + 1
    p_light = light.predict_proba([statement["text"]])[0, column]
    p_heavy = heavy.predict_proba([statement["text"]])[0, column]
    assert p_heavy > p_light + 0.1


def test_the_heading_words_reach_the_model_when_asked_for():
    """With heading words as features, two headings that invite no kind can still move a statement."""
    real = [
        {"text": t, "heading": h, "kind": k}
        for t, h, k in [
            ("De wijkteams en de huisartsen", "Verslag werkgroep oost", "zorg"),
            ("De scholen en de jeugdteams", "Verslag werkgroep oost", "zorg"),
            ("De ouders en de wijkteams", "Verslag werkgroep west", "compliment"),
            ("De huisartsen en de scholen", "Verslag werkgroep west", "compliment"),
        ]
    ]
    model = remarks.train(real=real, real_weight=50.0, heading_words=True)
    text_ = "De jeugdteams en de ouders"
    column = list(remarks.KINDS).index("zorg")
    assert prompt_kind("Verslag werkgroep oost") is prompt_kind("Verslag werkgroep west") is None
    under_problems = model.predict_proba([text_], ["Verslag werkgroep oost"])[0, column]
    under_pride = model.predict_proba([text_], ["Verslag werkgroep west"])[0, column]
    assert under_problems > under_pride
