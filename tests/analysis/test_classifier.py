import random
import time

import numpy as np
import pytest

from analysis.classifier import ThemeClassifier, cross_val_proba, proba_to_sets, threshold_curve
from analysis.coding import CodebookMatcher, default_codebook, micro_f1, shipped_theme_examples
from analysis.quality import auto_coding, pick_threshold


def texts_and_sets(rows):
    return [r["text"] for r in rows], [frozenset(r["themes"]) for r in rows]


@pytest.fixture(scope="module")
def model(train):
    texts, sets = texts_and_sets(train)
    return ThemeClassifier().fit(texts, sets)


def test_probabilities_are_one_row_per_answer_and_one_column_per_theme(model):
    proba = model.predict_proba(["We stonden een jaar op de wachtlijst", "nvt"])
    assert list(proba.columns) == sorted(default_codebook("ceo").keys)
    assert proba.shape == (2, 10)
    assert ((proba >= 0) & (proba <= 1)).all().all()
    assert proba.loc[0, "wachttijd"] > 0.5 > proba.loc[1, "wachttijd"]


def test_model_beats_the_codebook_on_held_out_phrasings(model, heldout):
    texts, human = texts_and_sets(heldout)
    codebook_f1 = micro_f1(CodebookMatcher(default_codebook("ceo")).fit().predict(texts), human)
    model_f1 = micro_f1(model.predict(texts), human)
    assert model_f1 > codebook_f1 + 0.05, (model_f1, codebook_f1)


def test_codebook_seeds_and_examples_give_the_model_a_prior(train, heldout):
    texts, sets = texts_and_sets(train)
    held_texts, human = texts_and_sets(heldout)
    codebook = default_codebook("ceo")
    plain = micro_f1(ThemeClassifier().fit(texts, sets).predict(held_texts), human)
    primed = micro_f1(ThemeClassifier(codebook=codebook).fit(texts, sets).predict(held_texts), human)
    assert primed > plain
    # a theme no coder has used yet still gets a model from its seed words
    no_safety = [s - {"veiligheid"} for s in sets]
    model = ThemeClassifier(codebook=codebook).fit(texts, no_safety)
    proba = model.predict_proba(["ik voelde me onveilig, er was geweld", "de wachtlijst was lang"])
    assert proba.loc[0, "veiligheid"] > 0.5 > proba.loc[1, "veiligheid"]


def test_cross_validation_needs_enough_answers():
    with pytest.raises(ValueError, match="at least 5 coded answers"):
        cross_val_proba(["a", "b"], [{"x"}, set()])


def test_model_learns_phrasings_the_seed_words_miss(model):
    # none of these words is a seed of the 'bereikbaarheid' theme
    assert "bereikbaarheid" in model.predict(["je kreeg nooit iemand aan de lijn, niemand nam op"])[0]


def test_a_theme_nobody_used_gets_probability_zero(train):
    texts, sets = texts_and_sets(train[:100])
    proba = ThemeClassifier(themes=["wachttijd", "nieuw"]).fit(texts, sets).predict_proba(["hoi"])
    assert proba.loc[0, "nieuw"] == 0.0


def test_training_on_two_thousand_coded_answers_takes_under_five_seconds(train):
    rng = random.Random(0)
    pairs = [rng.sample(train, 2) for _ in range(2000)]
    texts = [a["text"] + " " + b["text"] for a, b in pairs]
    sets = [frozenset(a["themes"]) | frozenset(b["themes"]) for a, b in pairs]
    start = time.process_time()  # CPU time: other work on the shared cores does not count
    ThemeClassifier().fit(texts, sets)
    assert time.process_time() - start < 5.0


def test_threshold_curve_trades_share_for_accuracy(train):
    texts, sets = texts_and_sets(train)
    curve = threshold_curve(texts, sets, thresholds=[0.5, 0.7, 0.8, 0.97], n_splits=4)
    assert list(curve["threshold"]) == [0.5, 0.7, 0.8, 0.97]
    assert curve["share"].iloc[0] == 1.0  # every decision is at least 0.5 sure
    assert (np.diff(curve["share"]) <= 0).all()  # a stricter threshold never codes more answers
    assert (np.diff(curve["accepted_recall"]) <= 0).all()  # ... nor accepts more single suggestions
    assert curve["accepted_precision"].iloc[2] >= curve["accepted_precision"].iloc[0] > 0.8
    assert curve["accuracy"].iloc[2] >= curve["accuracy"].iloc[0]
    assert 0.3 < curve["share"].iloc[2] < 1.0 and curve["accuracy"].iloc[2] > 0.9
    chosen = pick_threshold(curve, min_accuracy=0.99)
    assert curve.set_index("threshold").loc[chosen, "accuracy"] >= 0.99
    assert (curve[curve["threshold"] < chosen]["accuracy"] < 0.99).all()  # the most answers at that accuracy


def test_threshold_curve_is_reproducible(train):
    texts, sets = texts_and_sets(train[:200])
    a = cross_val_proba(texts, sets, n_splits=3, random_state=7)
    b = cross_val_proba(texts, sets, n_splits=3, random_state=7)
    assert np.array_equal(a.to_numpy(), b.to_numpy())


def test_auto_coding_on_held_out_answers_reports_share_and_accuracy(model, heldout):
    texts, human = texts_and_sets(heldout)
    proba = model.predict_proba(texts)
    loose, strict = auto_coding(proba, human, 0.6), auto_coding(proba, human, 0.9)
    assert loose.n == strict.n == len(heldout)
    assert strict.n_auto <= loose.n_auto
    assert 0 < strict.share < loose.share <= 1
    assert proba_to_sets(proba, 0.5)[0] <= set(proba.columns)


def test_shipped_statements_train_only_codebooks_derived_from_the_stakeholder_codebook():
    stakeholder = [t.key for t in default_codebook("stakeholder").themes]
    # a region's copy that dropped two themes and added one of its own still counts as derived
    derived = [k for k in stakeholder if k not in ("samenwerking", "verblijf")] + ["eigen_thema"]
    texts, sets = shipped_theme_examples(derived)
    assert texts and len(texts) == len(sets)
    assert all(s and s <= set(derived) for s in sets)  # no dropped theme is learned, no statement without one
    assert len(texts) < len(shipped_theme_examples(stakeholder)[0])
    assert shipped_theme_examples([t.key for t in default_codebook("ceo").themes]) == ([], [])
