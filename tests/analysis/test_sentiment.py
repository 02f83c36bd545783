import pytest

from analysis.sentiment import SentimentModel, label, labels, score, textblob_polarity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mijn hulpverlener luisterde echt naar mij", "positief"),  # 'naar' is not 'nasty' here
        ("We gingen naar de huisarts", "onbekend"),
        ("Ik voelde me niet gehoord", "negatief"),
        ("niet goed", "negatief"),
        ("totaal niet tevreden", "negatief"),
        ("Ik ben teleurgesteld", "negatief"),
        ("superslecht", "negatief"),
        ("geen enkel probleem", "positief"),
        ("lang wachten op een plek", "negatief"),
        ("ze belden nooit terug", "negatief"),
        ("dikke tien", "positief"),
        ("Heel goed geholpen, maar veel te lang moeten wachten", "gemengd"),
        ("nvt", "onbekend"),
        ("geen opmerkingen", "onbekend"),
    ],
)
def test_known_faults_of_the_lexicon_are_repaired(text, expected):
    assert label(text) == expected


def test_the_preposition_naar_no_longer_scores_as_nasty():
    assert textblob_polarity("ze luisterde naar mij") == 0.0
    assert textblob_polarity("ik had er een naar gevoel over") < 0


def test_totaal_niet_is_not_diluted():
    assert score("totaal niet tevreden").polarity <= score("niet tevreden").polarity < -0.1


def test_rules_beat_plain_textblob_on_held_out_answers(heldout):
    from textblob import TextBlob
    from textblob_nl import PatternAnalyzer

    analyzer = PatternAnalyzer()

    def plain(text):
        p = TextBlob(text, analyzer=analyzer).sentiment[0]
        return "positief" if p > 0 else "negatief" if p < 0 else "onbekend"

    truth = [r["sentiment"] for r in heldout]
    ours = sum(a == b for a, b in zip(labels([r["text"] for r in heldout]), truth, strict=True))
    theirs = sum(plain(r["text"]) == b for r, b in zip(heldout, truth, strict=True))
    assert ours > theirs * 1.5


def test_model_takes_over_once_enough_labels_exist(train, heldout):
    texts, truth = [r["text"] for r in train], [r["sentiment"] for r in train]
    model = SentimentModel(min_per_class=30).fit(texts, truth)
    assert model.ready_ and {"positief", "negatief", "gemengd"} <= set(model.classes_)
    assert "onbekend" not in model.classes_  # too few labels: left to the rules
    held_texts, held_truth = [r["text"] for r in heldout], [r["sentiment"] for r in heldout]
    trained = sum(a == b for a, b in zip(model.predict(held_texts), held_truth, strict=True))
    rules = sum(a == b for a, b in zip(labels(held_texts), held_truth, strict=True))
    assert trained > rules
    proba = model.predict_proba(["Ik voelde me niet gehoord", "Dikke tien, echt top"])
    assert list(proba.columns) == list(model.model_.classes_) and proba.shape == (2, 3)
    assert proba.loc[0].idxmax() == "negatief" and proba.loc[1].idxmax() == "positief"
    assert ((proba.sum(axis=1) - 1).abs() < 1e-9).all()


def test_with_too_few_labels_the_rules_decide(train):
    few = train[:40]
    model = SentimentModel(min_per_class=30).fit([r["text"] for r in few], [r["sentiment"] for r in few])
    assert not model.ready_
    with pytest.raises(ValueError, match="too few labels"):
        model.predict_proba(["x"])
    assert model.predict(["Ik voelde me niet gehoord"]) == ["negatief"]
