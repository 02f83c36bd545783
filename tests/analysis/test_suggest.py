import pytest

from analysis.coding import CodebookMatcher, ThemeClassifier, default_codebook, suggest


@pytest.fixture(scope="module")
def parts(train):
    matcher = CodebookMatcher(default_codebook("ceo")).fit()
    model = ThemeClassifier().fit([r["text"] for r in train], [r["themes"] for r in train])
    return matcher, model


def test_rule_hits_carry_words_and_the_model_probability(parts):
    matcher, model = parts
    frame = suggest(["De wachttijd was veel te lang"], matcher, model)
    row = frame[frame.theme == "wachttijd"].iloc[0]
    assert row.provenance == "regel"
    assert row.words == ("wachttijd",)
    assert 0.5 < row.probability <= 1


def test_model_only_suggestions_have_provenance_model_and_a_probability(parts):
    matcher, model = parts
    frame = suggest(["je kreeg nooit iemand aan de lijn, niemand nam op"], matcher, model, min_probability=0.3)
    row = frame[frame.theme == "bereikbaarheid"].iloc[0]
    assert row.provenance == "model" and row.probability >= 0.3 and row.words == ()


def test_human_codes_always_win(parts):
    matcher, model = parts
    frame = suggest(
        ["De wachttijd was veel te lang", "De wachttijd was veel te lang"], matcher, model, human=[{"regels"}, None]
    )
    first = frame[frame.answer == 0]
    assert list(first.theme) == ["regels"] and list(first.provenance) == ["mens"]
    assert "wachttijd" in set(frame[frame.answer == 1].theme)


def test_auto_flag_follows_the_threshold(parts):
    matcher, model = parts
    frame = suggest(["De wachttijd was veel te lang"], matcher, model, auto_threshold=0.5)
    assert frame[frame.theme == "wachttijd"].auto.all()
    frame = suggest(["De wachttijd was veel te lang"], matcher, model, auto_threshold=1.01)
    assert not frame.auto.any()


def test_rules_alone_still_suggest(parts):
    matcher, _ = parts
    frame = suggest(["ze belde nooit terug", "nvt"], matcher)
    assert list(frame.theme) == ["bereikbaarheid"] and frame.probability.isna().all()
