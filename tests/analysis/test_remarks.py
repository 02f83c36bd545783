"""Kind of remark: what an evaluator sees when notes and open answers are sorted by the classifier."""

import copy
import json
import re
from pathlib import Path

import numpy as np
import pytest
from sklearn.base import clone

from analysis.remarks import (
    KINDS,
    RemarkClassifier,
    prompt_kind,
    remark_sentiment,
    shipped_classifier,
    shipped_examples,
    split_notes,
    split_remarks,
)
from analysis.remarks import lexicon as lex
from analysis.text import dictionary_lemma as lemma
from analysis.text import fold, tokens
from bench.textblob_baseline import textblob_kind

DATA = Path(__file__).parent / "data"
AANDACHT, TROTS, OPVALT = "Waar vraagt u aandacht voor?", "Waar bent u trots op?", "Wat valt op?"


def load(name):
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line]


def fit(rows, **params):
    return RemarkClassifier(**params).fit(
        [r["text"] for r in rows], [r["kinds"] for r in rows], [r.get("prompt") for r in rows]
    )


def accuracy(model, rows):
    predicted = model.predict([r["text"] for r in rows], [r.get("prompt") for r in rows])
    return float(np.mean(predicted == np.array([r["kinds"][0] for r in rows])))


@pytest.fixture(scope="module")
def dev():
    return shipped_examples(real=False)


@pytest.fixture(scope="module")
def heldout():
    return load("remarks_heldout.jsonl")


@pytest.fixture(scope="module")
def trained(dev):
    return fit(dev)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("De werkafspraken met de scholen vaker samen evalueren", "suggestie"),
        ("Betrek jongeren eerder bij hun plan", "suggestie"),
        ("Vaker terugkoppelen wat er met signalen van ouders gebeurt", "suggestie"),
        ("Enthousiaste collega's in het wijkteam", "compliment"),
        ("Korte lijnen met de huisarts", "compliment"),
    ],
)
def test_advice_without_negative_words_and_praise_as_noun_phrase_are_recognised(text, kind):
    prediction = RemarkClassifier().classify_one(text)
    assert prediction.kind == kind
    assert prediction.provenance == "regel"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Een superfijne groepstraining", "compliment"),  # intensified compound
        ("Zeer vriendelijke medewerkers", "compliment"),  # "zeer" intensifies, it is not "pain"
        ("Het loket is onbereikbaar", "zorg"),  # "on-" before an adjective of praise
        ("Casusoverleggen duren eindeloos", "zorg"),  # "-loos"
        ("Het contact wordt steeds trager", "zorg"),  # comparative of a complaint
        ("Het nieuwe systeem werkt niet", "zorg"),  # negation after the verb
        ("Nooit het gevoel gehad dat ik lastig was", "compliment"),  # denied feeling
        ("Niets dan goede ervaringen met de gezinscoach", "compliment"),
    ],
)
def test_judgement_is_found_in_word_forms_and_negations_the_word_lists_do_not_name(text, kind):
    prediction = RemarkClassifier().classify_one(text)
    assert prediction.kind == kind
    assert not any(c.words == "zeer" for c in prediction.cues)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Het lijkt me nuttig om vaker samen te oefenen", "suggestie"),
        ("Het zou heel fijn zijn als er een vaste dag komt", "suggestie"),
        ("Het was heel fijn", "compliment"),
        ("Verken de mogelijkheden voor een regionaal fonds", "suggestie"),
        ("Professionals en ouders beoordelen de veiligheid verschillend", "observatie"),
        ("Ik vraag me af wie de kosten van de taxi draagt", "vraag"),
    ],
)
def test_sentence_form_separates_advice_from_praise_and_statements_from_advice(text, kind):
    assert RemarkClassifier().classify_one(text).kind == kind


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Signalen van scholen blijven op de plank liggen", "infinitiefzin zonder persoonsvorm"),  # plural verb
        ("Dossiers van het loket komen onvolledig binnen", "infinitiefzin zonder persoonsvorm"),
        ("Onze zoon kan nu zelf zijn emoties benoemen", "modaal werkwoord"),  # an ability, not advice
        ("waar moet ik heen als het thuis fout gaat", "modaal werkwoord"),  # a modal after a question word asks
        ("Mijn partner werkt in ploegendienst", "lovend woord"),  # "werkt" before a place or time
    ],
)
def test_statements_with_plural_verbs_abilities_and_plain_facts_fire_no_advice_or_praise_cue(text, absent):
    assert absent not in RemarkClassifier().classify_one(text).cue_labels


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Hij haalde zijn rapport zonder onvoldoendes", "compliment"),  # "zonder" turns the complaint
        ("waar moet ik heen als het thuis fout gaat", "vraag"),
        ("Ik kan iedereen deze hulp aanraden", "compliment"),
        ("Minpunt: de begeleider was vaak ziek", "zorg"),
    ],
)
def test_turned_judgements_questions_and_recommendations_get_their_kind_from_the_rules(text, kind):
    assert RemarkClassifier().classify_one(text).kind == kind


def test_a_noun_after_an_article_is_not_read_as_an_infinitive():
    cues = RemarkClassifier().classify_one("Weinig draagvlak bij de scholen voor de nieuwe aanpak").cue_labels
    assert "infinitiefzin zonder persoonsvorm" not in cues


def test_nothing_to_improve_is_a_compliment_although_the_question_asks_for_attention():
    prediction = RemarkClassifier().classify_one("Niets, het loopt prima", AANDACHT)
    assert prediction.kind == "compliment"
    assert "antwoord 'niets'" in prediction.cue_labels


def test_the_cues_that_fired_are_named_in_dutch_for_the_coder():
    imperative = RemarkClassifier().classify_one("Betrek jongeren eerder bij hun plan")
    infinitive = RemarkClassifier().classify_one("De werkafspraken met de scholen vaker samen evalueren")
    modal = RemarkClassifier().classify_one("De samenwerking met het onderwijs moet steviger")
    assert "gebiedende wijs" in imperative.cue_labels
    assert "infinitiefzin zonder persoonsvorm" in infinitive.cue_labels
    assert {"modaal werkwoord", "vergrotende trap"} <= set(modal.cue_labels)
    assert modal.kind == "suggestie"


def test_a_bare_noun_phrase_takes_the_kind_the_question_invites():
    model = RemarkClassifier()
    assert model.classify_one("De jeugdconsulent", AANDACHT).kind == "suggestie"
    assert model.classify_one("De jeugdconsulent", TROTS).kind == "compliment"
    assert model.classify_one("De jeugdconsulent", OPVALT).kind == "observatie"
    assert model.classify_one("De jeugdconsulent", "Wat gaat niet goed?").kind == "zorg"
    assert model.classify_one("De jeugdconsulent").kind == "observatie"


def test_a_clear_complaint_overrides_a_praise_question_and_vice_versa():
    model = RemarkClassifier()
    assert model.classify_one("De huisartsen doen nog steeds niet mee", TROTS).kind == "zorg"
    assert model.classify_one("Te weinig om op te noemen", "Wat gaat goed?").kind == "zorg"
    assert model.classify_one("De intake was echt fijn", "Wat kan beter?").kind == "compliment"


def test_the_prior_can_be_switched_off():
    assert RemarkClassifier(use_prior=False).classify_one("De jeugdconsulent", TROTS).kind == "observatie"


def test_mixed_remarks_get_a_primary_and_a_second_kind():
    model = RemarkClassifier()
    mixed = model.classify_one("De begeleiding was goed, maar de wachttijd was veel te lang")
    assert mixed.kinds[0] == "zorg" and "compliment" in mixed.kinds
    rhetorical = model.classify_one("Waarom duurt het zo lang voordat er iets gebeurt?")
    assert rhetorical.kind == "zorg" and "vraag" in rhetorical.kinds
    request = model.classify_one("Kunnen jullie voortaan ook op woensdagmiddag afspraken inplannen?")
    assert request.kind == "suggestie" and "vraag" in request.kinds
    assert model.classify_one("Wanneer hoor ik de uitslag van het onderzoek?").kinds == ("vraag",)


def test_probabilities_cover_the_five_kinds_and_prompts_can_be_given_once_or_per_remark():
    model = RemarkClassifier()
    texts = ["De jeugdconsulent", "Betrek jongeren eerder bij hun plan"]
    proba = model.predict_proba(texts, TROTS)
    assert proba.shape == (2, len(KINDS))
    assert np.allclose(proba.sum(axis=1), 1.0)
    assert list(model.predict(texts, [TROTS, None])) == ["compliment", "suggestie"]
    with pytest.raises(ValueError):
        model.predict(texts, [TROTS])
    with pytest.raises(ValueError):
        model.fit(texts, ["compliment", "klacht"])


def test_the_classifier_is_a_scikit_learn_estimator_that_can_be_cloned(dev):
    model = fit(dev[::3], C=2.0)
    copy = clone(model)
    assert copy.get_params()["C"] == 2.0
    assert not hasattr(copy, "model_")


def test_with_few_labels_the_rules_decide_alone(dev):
    few = fit(dev[:10])
    assert few.model_ is None and few.model_weight_ == 0.0
    texts = [r["text"] for r in dev[:40]]
    assert np.allclose(few.predict_proba(texts), RemarkClassifier().predict_proba(texts))


@pytest.mark.slow
def test_the_model_weight_and_held_out_accuracy_grow_with_labels(dev, heldout):
    order = np.random.default_rng(0).permutation(len(dev))
    small = fit([dev[i] for i in order[:40]])
    assert 0 < small.model_weight_ < fit(dev).model_weight_
    assert accuracy(fit(dev), heldout) >= accuracy(small, heldout) + 0.05


def test_the_model_learns_a_convention_the_cues_do_not_know(dev):
    local = [
        {"text": f"De {name}regeling van de gemeente", "kinds": ["compliment"]}
        for name in (
            "sport",
            "cultuur",
            "vervoer",
            "kleding",
            "laptop",
            "zwem",
            "muziek",
            "fiets",
            "bril",
            "computer",
            "schoolreis",
            "verjaardag",
            "uitstapjes",
            "dans",
            "theater",
        )
    ]
    unseen = "De kampregeling van de gemeente"
    assert RemarkClassifier().classify_one(unseen).kind == "observatie"
    prediction = fit(dev + local).classify_one(unseen)
    assert prediction.kind == "compliment"
    assert prediction.provenance == "model"


#: Measured floors (bench.remarks, docs/benchmarks.md). The target of 0.85 on the held-out remarks is NOT
#: reached: h4 (the batch never run before this round's changes) 0.82, all held-out 0.78 (h1 0.81, h2 0.74,
#: h3 0.75). Each floor sits about one remark under the measured figure, so a change that loses held-out
#: accuracy fails here.
HELD_OUT_FLOORS = {"h1": 0.80, "h2": 0.72, "h3": 0.74, "h4": 0.81, "all": 0.77}


def test_held_out_accuracy_trained_on_dev_only(trained, heldout):
    """Measured honestly: the held-out remarks are never used for training or tuning (see bench.remarks)."""
    for batch, floor in HELD_OUT_FLOORS.items():
        rows = [r for r in heldout if batch in ("all", r["batch"])]
        assert accuracy(trained, rows) >= floor, batch
    combined = accuracy(trained, heldout)
    rules = accuracy(RemarkClassifier(), heldout)
    polarity = float(np.mean([textblob_kind(r["text"]) == r["kinds"][0] for r in heldout]))
    assert combined >= rules + 0.1
    assert combined >= polarity + 0.3


def lemmas(text):
    return {lemma(w) for w in tokens(text)}


#: The order in which batches were written (the first 517 development remarks, without a batch, came first).
WRITING_ORDER = ("h1", "h2", "h3", "d2", "d3", "d4", "h4", "d5", "d6", "d7", "d8", "d9", "d10")


def test_development_remarks_share_no_new_word_with_held_out_remarks_written_before_them(dev, heldout):
    """A development batch may not use a lemma of an earlier held-out batch unless a development remark
    written before that held-out batch already used it (for h1-h3: the original 517)."""
    later = [r for r in dev if r.get("batch")]
    assert later
    leaks = []
    for held_batch in sorted({r["batch"] for r in heldout}, key=WRITING_ORDER.index):
        position = WRITING_ORDER.index(held_batch)
        known = set().union(
            *(lemmas(r["text"]) for r in dev if "batch" not in r or WRITING_ORDER.index(r["batch"]) < position)
        )
        held_only = set().union(*(lemmas(r["text"]) for r in heldout if r["batch"] == held_batch)) - known
        leaks += [
            (r["text"], lemmas(r["text"]) & held_only)
            for r in later
            if WRITING_ORDER.index(r["batch"]) > position and lemmas(r["text"]) & held_only
        ]
    assert not leaks


#: Cue entries that match held-out but no original development remark; all were in the lists before the
#: held-out batch concerned was written (docs/benchmarks.md names them). No other entry may do so.
KNOWN_HELD_OUT_ENTRIES = {
    "dankbaar",
    "helpt",
    "boos",
    "stress",
    "onduidelijke?",
    "aanbeveling",
    "zou mooi zijn",
    "een kwart",
}
#: For h4 (written after d4): entries matching h4 but no development remark; in the lists before h4.
KNOWN_H4_ENTRIES = {"onduidelijkheid"}


def drawn_entries(held, dev_texts):
    entries = lex.PRAISE + lex.PRAISE_IDIOM + lex.WORRY + lex.ADVICE + lex.FINDING + tuple(lex.INTENSIFIERS)
    drawn = set()
    for entry in entries:
        pattern = re.compile(r"(?<![\w'])(?:" + entry + r")(?![\w'])")
        if any(pattern.search(t) for t in held) and not any(pattern.search(t) for t in dev_texts):
            drawn.add(entry)
    return drawn


def test_hand_written_cue_entries_were_not_drawn_from_held_out_remarks(dev, heldout):
    original = [fold(r["text"]) for r in dev if "batch" not in r]
    early = [fold(r["text"]) for r in heldout if r["batch"] in ("h1", "h2", "h3")]
    assert drawn_entries(early, original) == KNOWN_HELD_OUT_ENTRIES
    h4 = [fold(r["text"]) for r in heldout if r["batch"] == "h4"]
    assert drawn_entries(h4, [fold(r["text"]) for r in dev]) <= KNOWN_H4_ENTRIES


def test_textblob_baseline_maps_polarity_to_kinds_and_cannot_see_advice():
    assert textblob_kind("Het was een slechte ervaring") == "zorg"
    assert textblob_kind("Een heel mooie en fijne plek") == "compliment"
    assert textblob_kind("De werkafspraken met de scholen vaker samen evalueren") == "observatie"


@pytest.mark.parametrize(
    ("prompt", "kind"),
    [
        ("Waar bent u trots op?", "compliment"),
        ("Wat werkt goed?", "compliment"),
        ("Tops", "compliment"),
        ("Waar vraagt u aandacht voor?", "suggestie"),
        ("Wat kan beter?", "suggestie"),
        ("Tips", "suggestie"),
        ("Wat valt op?", "observatie"),
        ("Opvallend:", "observatie"),
        ("Wat gaat niet goed?", "zorg"),
        ("Knelpunten", "zorg"),
        ("Heeft u nog vragen?", "vraag"),
        ("Heeft u nog opmerkingen?", None),
        ("Tips en tops", None),
        ("Wat gaat goed en wat kan beter?", None),
        ("suggestie", "suggestie"),
    ],
)
def test_questions_and_headings_map_to_the_kind_they_invite(prompt, kind):
    assert prompt_kind(prompt) == kind


NOTES = """Heimiddag wijkteams

Trots op:
- Enthousiaste collega's in het wijkteam
- Korte lijnen met de huisarts, bijv. bij verwijzingen
  en bij de terugkoppeling
\u2022 Ouders geven gemiddeld een 7,5.

Aandacht:
1. De werkafspraken met de scholen vaker samen evalueren
2) Betrek jongeren eerder bij hun plan (o.a. bij de evaluatie)
a) Afspraken m.b.t. de overdracht t/m 18 jaar vastleggen
* Opvallend: vaders reageren nauwelijks.
"""


def test_a_pasted_block_of_notes_becomes_separate_remarks():
    assert split_remarks(NOTES) == [
        "Heimiddag wijkteams",
        "Enthousiaste collega's in het wijkteam",
        "Korte lijnen met de huisarts, bijv. bij verwijzingen en bij de terugkoppeling",
        "Ouders geven gemiddeld een 7,5.",
        "De werkafspraken met de scholen vaker samen evalueren",
        "Betrek jongeren eerder bij hun plan (o.a. bij de evaluatie)",
        "Afspraken m.b.t. de overdracht t/m 18 jaar vastleggen",
        "Vaders reageren nauwelijks.",  # the label is its heading, not part of it
    ]


def test_headings_are_dropped_but_kept_as_context_for_the_prior():
    notes = split_notes(NOTES)
    by_text = {n.text: n for n in notes}
    wrapped = "Korte lijnen met de huisarts, bijv. bij verwijzingen en bij de terugkoppeling"
    assert by_text[wrapped].heading == "Trots op"
    assert by_text["Betrek jongeren eerder bij hun plan (o.a. bij de evaluatie)"].prompt_kind == "suggestie"
    assert by_text["Vaders reageren nauwelijks."].prompt_kind == "observatie"
    assert by_text["Heimiddag wijkteams"].heading is None
    assert not any(n.text.endswith(":") for n in notes)


def test_running_sentences_split_but_abbreviations_and_numbers_stay_whole():
    answer = (
        "De begeleiding was fijn. Wel duurde het lang, bijv. drie mnd. voordat we konden starten. "
        "Het cijfer is een 7,5 en de respons 2.5 keer zo hoog! Kunnen jullie o.a. eerder bellen? "
        "Dank aan mw. Jansen."
    )
    assert split_remarks(answer) == [
        "De begeleiding was fijn.",
        "Wel duurde het lang, bijv. drie mnd. voordat we konden starten.",
        "Het cijfer is een 7,5 en de respons 2.5 keer zo hoog!",
        "Kunnen jullie o.a. eerder bellen?",
        "Dank aan mw. Jansen.",
    ]


def test_empty_input_and_blank_lines_give_no_remarks():
    assert split_remarks("") == []
    assert split_remarks("\n\n   \n") == []
    assert split_remarks("Aandacht:\n\n\n") == []


def test_split_remarks_feed_the_classifier_with_their_heading_as_prior():
    notes = split_notes("Trots op:\n- De gezinscoach\n\nAandacht:\n- De bereikbaarheid in de vakantie\n")
    kinds = RemarkClassifier().predict([n.text for n in notes], [n.heading for n in notes])
    assert list(kinds) == ["compliment", "suggestie"]


# The question rule on real statements (bench/data/real_statements.jsonl): the heading decides for short,
# verbless statements; only strong words of their own move them.
def test_a_verbless_statement_under_a_praise_heading_is_a_compliment():
    model = shipped_classifier()
    assert (
        model.classify_one("Consultatie- en diagnosefunctie dichtbij de lokale teams", "Trots op").kind == "compliment"
    )
    assert (
        model.classify_one(
            "Consultatie- en diagnosefunctie dichtbij de lokale teams",
            "Wat heeft het programma nodig om een succes te worden?",
        ).kind
        == "suggestie"
    )


def test_headings_of_pasted_notes_count_as_questions():
    from analysis.remarks import kind_of

    assert kind_of("Integrale teams in drie gemeenten", "Knelpunten").kind == "zorg"
    assert kind_of("Integrale teams in drie gemeenten", "Successen").kind == "compliment"
    # words of concern of its own ("onderbesteding", "stagnatie") are strong enough to move it
    assert kind_of("Onderbesteding door stagnatie integrale teams", "Successen").kind == "zorg"


def test_strong_words_of_its_own_move_a_remark_away_from_the_question():
    model = shipped_classifier()
    assert (
        model.classify_one("De wachttijd is veel te lang en niemand belt terug", "Waar bent u trots op?").kind == "zorg"
    )


def test_sentiment_follows_the_kind_of_an_evaluative_remark():
    assert remark_sentiment("Een gedeelde aanpak met de scholen", "compliment") == "positief"
    assert remark_sentiment("Vaker de huisartsen betrekken", "suggestie") == "neutraal"
    assert remark_sentiment("Vaker de huisartsen betrekken, het gaat nu slecht", "suggestie") == "negatief"
    assert remark_sentiment("Weinig zicht op de wachtlijsten", "zorg") == "negatief"
    assert remark_sentiment("Fijne gesprekken, maar veel te lang gewacht", "compliment") == "gemengd"


def test_a_suggestion_that_answers_what_needs_attention_is_a_concern():
    # stakeholders answer "Waar vraagt u aandacht voor?" with advice, seldom with a negative word
    advice = "Vaker de huisartsen betrekken"
    assert remark_sentiment(advice, "suggestie", prompt="Waar vraagt u aandacht voor?") == "negatief"
    assert remark_sentiment(advice, "suggestie", prompt="Wat kan het programma beter doen?") == "negatief"
    assert remark_sentiment(advice, "suggestie", prompt="Verbeterpunten") == "negatief"
    # a question that only asks for ideas leaves advice neutral
    for prompt in ("Heeft u nog tips?", "Aanbevelingen", "Wat is er nodig?", None):
        assert remark_sentiment(advice, "suggestie", prompt=prompt) == "neutraal"
    both = "Vaker de huisartsen betrekken, dat werkt heel goed"
    assert remark_sentiment(both, "suggestie", prompt="Waar vraagt u aandacht voor?") == "gemengd"
    # praise given to that question stays praise
    assert remark_sentiment("Korte lijnen met de huisarts", "compliment", prompt="Wat kan beter?") == "positief"


def test_a_verbless_answer_to_what_people_are_proud_of_stays_praise():
    # "Meer ... in plaats van ..." reads as advice on its own words; under "trots op" it is a result to be proud of
    model = shipped_classifier()
    text = "Meer jongeren thuis in plaats van in een instelling"
    assert model.classify_one(text).kind == "suggestie"
    praise = model.classify_one(text, "Waar bent u trots op?")
    assert praise.kind == "compliment"
    assert remark_sentiment(text, praise.kind, prompt="Waar bent u trots op?") == "positief"


def test_praise_with_only_a_negative_lexicon_word_stays_positive():
    # the lexicon reads "complexe" and "niet hoeven" as negative; in praise that is no complaint
    for text in ("Samen leren van complexe casussen.", "Voordeel is dat ouders niet steeds opnieuw hoeven te bellen."):
        assert remark_sentiment(text, "compliment") == "positief"
        assert remark_sentiment(text, None) == "negatief"


def test_a_shortfall_under_an_advice_or_praise_heading_is_a_concern_unless_its_words_advise_or_praise():
    import copy

    from analysis.remarks.shortfall import contradiction

    model = shipped_classifier()
    shortfall = "Te weinig pleeggezinnen voor jongeren met een zware zorgvraag."
    for heading in ("Aanbevelingen", "Voortgang en successen"):
        assert model.classify_one(shortfall, heading).kind == "zorg"
        assert contradiction(shortfall, prompt_kind(heading)) == "zorg"
    # the same words with advice of their own, or praise of their own, keep the heading's kind
    assert contradiction("Zorg voor meer pleeggezinnen, er zijn er te weinig.", "suggestie") is None
    assert contradiction("Mooi dat er ondanks te weinig plekken toch een gezinshuis kwam.", "compliment") is None
    assert (
        model.classify_one("Zorg voor meer pleeggezinnen, er zijn er te weinig.", "Aanbevelingen").kind == "suggestie"
    )
    # a heading that invites a concern or nothing is left alone, and the rule can be switched off
    assert contradiction(shortfall, "zorg") is None and contradiction(shortfall, None) is None
    plain = copy.deepcopy(model).set_params(words_contradict=False, words_against_praise=False)
    assert [plain.classify_one(shortfall, h).kind for h in ("Aanbevelingen", "Voortgang en successen")] == [
        "suggestie",
        "compliment",
    ]
    # without the heading rule, the words still contradict the compliment, not the suggestion
    plain.set_params(words_against_praise=True)
    assert [plain.classify_one(shortfall, h).kind for h in ("Aanbevelingen", "Voortgang en successen")] == [
        "suggestie",
        "zorg",
    ]


def test_praise_of_its_own_under_an_advice_heading_is_a_compliment():
    import copy

    from analysis.remarks.shortfall import contradiction

    model = shipped_classifier()
    praise = "Een aantal projecten loopt goed."
    heading = "Wat heeft het programma nodig?"
    assert contradiction(praise, "suggestie") == "compliment"
    assert model.classify_one(praise, heading).kind == "compliment"
    assert copy.deepcopy(model).set_params(words_contradict=False).classify_one(praise, heading).kind == "suggestie"
    # advice that uses a praise word stays advice
    assert contradiction("Blijf investeren in wat goed gaat, zoals de pilots.", "suggestie") is None


def test_words_that_say_what_falls_short_contradict_a_compliment():
    from analysis.remarks.shortfall import falls_short, praise_contradicted

    for text in (
        "Beperkte beschikbaarheid van gekwalificeerde medewerkers.",  # a negative participle of the lexicon
        "De coronacrisis was belemmerend voor gezamenlijk ervarend leren.",  # a worry word
        "Onderbesteding door stagnatie integrale teams.",
    ):
        assert falls_short(text)
        assert praise_contradicted(text) == "zorg"


@pytest.mark.parametrize(
    "text",
    [
        "Beperkte beschikbaarheid van gekwalificeerde medewerkers.",
        "De coronacrisis was belemmerend voor gezamenlijk ervarend leren.",
    ],
)
def test_the_switch_makes_a_compliment_whose_words_fall_short_a_concern(text):
    import copy

    # under a praise heading, with the heading rule off, the question makes it a compliment; the switch makes it a
    # concern, and sentiment follows the kind
    model = copy.deepcopy(shipped_classifier()).set_params(words_contradict=False, words_against_praise=False)
    assert model.classify_one(text, "Trots op").kind == "compliment"
    assert remark_sentiment(text, "compliment") == "positief"
    against = model.set_params(words_against_praise=True).classify_one(text, "Trots op").kind
    assert against == "zorg"
    assert remark_sentiment(text, against) == "negatief"


def test_a_compliment_with_praise_words_of_its_own_stays_a_compliment():
    import copy

    from analysis.remarks.shortfall import praise_contradicted

    model = copy.deepcopy(shipped_classifier()).set_params(words_against_praise=True)
    for text in ("Korte lijnen met de huisarts werken goed", "Ondanks de beperkte middelen gaat het steeds beter."):
        assert praise_contradicted(text) is None
        assert model.classify_one(text, "Trots op").kind == "compliment"
    # the general adjective lexicon counts on neither side: "zeker" is no praise, "landelijke" no shortfall
    assert praise_contradicted("Zeker in het begin was de samenwerking belemmerd door de regels.") == "zorg"
    assert praise_contradicted("Het draagt bij aan de lijnen van de landelijke transformatie.") is None


def test_negative_participle_adjectives_come_from_the_general_lexicon_and_can_be_denied():
    from analysis.remarks.polarity import general_polarity, negative_participles
    from analysis.remarks.shortfall import falls_short

    found = negative_participles()
    assert {"beperkt", "beperkte"} <= found
    assert all(general_polarity()[w if w in general_polarity() else w[:-1]] < 0 for w in found)
    assert falls_short("De middelen zijn beperkt.")
    assert not falls_short("De jongeren worden niet beperkt in hun keuzes.")


def test_a_suggestion_or_observation_that_says_what_falls_short_is_negative():
    # "kan beter" reads as positive to the word lexicon ("beter"); said of the present it is a shortfall
    text = "De aansluiting tussen de wijkteams en het onderwijs kan nog beter."
    assert remark_sentiment(text, "suggestie") == "negatief"
    assert remark_sentiment(text, "suggestie", shortfall=False) == "neutraal"
    assert remark_sentiment("De registratie van crisismeldingen is nog niet optimaal.", "observatie") == "negatief"
    assert remark_sentiment("Vaker de huisartsen betrekken", "suggestie") == "neutraal"
    assert remark_sentiment("De medewerker sluit twee keer per week aan bij het overleg.", "observatie") == "neutraal"


# Statements of one document classified together take that document's mix of kinds (adapt_to_document).
@pytest.mark.slow
def test_documents_classified_as_one_get_more_of_their_kinds_right_and_a_report_its_descriptions():
    from analysis.remarks import real_statements, train

    # each seed document left out of training in turn, as in bench.remarks (the public pages' statements train
    # too). Measured: 163 of 233 kinds right together against 159 one by one; the Haaglanden report, which mostly
    # describes, has 37 of its 48 observations found together against 32 one by one
    rows = real_statements()
    right_together = right_alone = invited_kept = 0
    for doc in sorted({r["doc"] for r in rows}):
        model = train(real=[r for r in rows if r["doc"] != doc])
        report = [r for r in rows if r["doc"] == doc]
        texts, headings = [r["text"] for r in report], [r["heading"] for r in report]
        truth = np.array([r["kind"] for r in report])
        together = model.predict(texts, headings, document=True)
        alone = model.predict(texts, headings)
        right_together += int((together == truth).sum())
        right_alone += int((alone == truth).sum())
        if doc == "haaglanden-2022":
            described = truth == "observatie"
            assert (together[described] == "observatie").sum() >= (alone[described] == "observatie").sum() + 4
        # a statement under a heading that invites a kind keeps that kind in a document too
        invited = [i for i, h in enumerate(headings) if prompt_kind(h)]
        assert all(together[i] == alone[i] for i in invited)
        invited_kept += len(invited)
    assert right_together >= right_alone + 3
    assert invited_kept == 61  # the statements under an inviting heading (docs/benchmarks.md)


def test_one_document_changes_nothing_when_the_adaptation_is_off_or_no_model_is_trained():
    model = shipped_classifier()
    texts = ["De evaluatie is uitgevoerd door een extern bureau.", "Het budget bedroeg 1,2 miljoen euro."]
    own = model.predict_proba(texts)
    adapted = model.adapt_to_document(own)
    assert not np.allclose(adapted, own) and np.allclose(adapted.sum(axis=1), 1.0)
    off = copy.deepcopy(model).set_params(document_updates=0)
    assert np.allclose(off.adapt_to_document(own), own)
    rules_only = RemarkClassifier()
    assert list(rules_only.predict(texts, document=True)) == list(rules_only.predict(texts))


def test_the_real_statements_follow_the_labelling_rule_of_their_header():
    from analysis.codebook import default_codebook
    from analysis.remarks import public_statements, real_statements
    from analysis.remarks.shipped import PUBLIC, REAL

    header = json.loads(REAL.read_text(encoding="utf-8").splitlines()[0])
    assert "Labelling rule" in header["_"]
    assert "labelling rule of that file's header" in json.loads(PUBLIC.read_text(encoding="utf-8").splitlines()[0])["_"]
    seeds, pages = real_statements(), public_statements()
    rows = seeds + pages
    assert seeds and pages and all("_" not in r for r in rows)
    # every public statement names its page; no statement is in both files or twice in one
    assert all(r["source"].startswith("http") and r["doc"] for r in pages)
    assert len({r["text"].strip() for r in rows}) == len(rows)
    keys = set(default_codebook("stakeholder").keys)
    assert all(set(r["themes"]) <= keys for r in rows)
    allowed = {
        "compliment": {"positief", "gemengd"},
        "zorg": {"negatief", "gemengd"},
        "suggestie": {"neutraal", "negatief"},
        "vraag": {"neutraal"},
        "observatie": {"neutraal", "positief", "negatief"},
    }
    broken = [(r["text"], r["kind"], r["sentiment"]) for r in rows if r["sentiment"] not in allowed[r["kind"]]]
    assert broken == []


def test_the_second_labelling_of_real_statements_joins_each_row_to_its_statement():
    from analysis.codebook import default_codebook
    from bench.remarks_agreement import second_labels

    rows = second_labels()
    keys = set(default_codebook("stakeholder").keys)
    assert len(rows) == 60
    assert len({r["text"] for r in rows}) == 60
    assert all(r["kind"] in KINDS and r["first"]["text"] == r["text"] for r in rows)
    assert all(r["themes"] and set(r["themes"]) <= keys for r in rows)
