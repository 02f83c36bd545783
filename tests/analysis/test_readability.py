"""The taalcheck: transparent B1 rules. It flags a long, passive, jargon-laden sentence, and passes plain
sentences. (That every shipped template item passes is tested with the templates.)"""

import pytest

from analysis.questions import readability
from analysis.questions.readability import Settings, check, is_participle, summarise


def codes(text, settings=None):
    return [f.code for f in check(text, settings)]


def test_a_long_passive_jargon_sentence_is_flagged_on_every_count():
    text = (
        "De beschikking voor de indicatie werd door de gemeente pas na zes weken aan de ouders toegestuurd, "
        "zodat de zorgcontinuïteit niet gewaarborgd kon worden."
    )
    findings = check(text)
    found = {f.code for f in findings}
    assert {readability.LONG_SENTENCE, readability.JARGON, readability.PASSIVE, readability.LONG_WORD} <= found
    long_sentence = next(f for f in findings if f.code == readability.LONG_SENTENCE)
    assert long_sentence.data == {"words": 24, "max": 15}
    jargon = sorted(f.data["term"] for f in findings if f.code == readability.JARGON)
    assert jargon == ["beschikking", "indicatie", "zorgcontinuïteit"]
    assert all(f.data["alternative"] for f in findings if f.code == readability.JARGON)
    passive = [f.data for f in findings if f.code == readability.PASSIVE]
    assert {"auxiliary": "werd", "participle": "toegestuurd"} in passive


@pytest.mark.parametrize(
    "text",
    [
        "Ik kreeg snel hulp.",
        "De hulpverlener en ik besloten samen welke hulp er kwam.",
        "Niet mee eens, niet mee oneens",
        "Welk rapportcijfer geeft u de hulp?",
        "Heeft u vragen of opmerkingen?",
        "Ik wil later kok worden.",
        "Door de hulp voel ik me veiliger.",
    ],
)
def test_plain_dutch_passes(text):
    assert check(text) == []


@pytest.mark.parametrize(
    "text,code",
    [
        ("Er wordt veel uitgelegd.", readability.PASSIVE),
        ("De gesprekken werden goed voorbereid.", readability.PASSIVE),
        ("Ik kreeg niet geen hulp.", readability.DOUBLE_NEGATIVE),
        ("Niemand zei niets over de wachttijd.", readability.DOUBLE_NEGATIVE),
        ("Wat ging goed en wat kan beter?", readability.MULTIPLE_QUESTIONS),
        ("Wat ging goed? Wat kan beter?", readability.MULTIPLE_QUESTIONS),
        ("Was de bejegening goed?", readability.JARGON),
        ("Hoe was de toegang tot hulp?", readability.JARGON),
        ("De continuiteit van de hulp was goed.", readability.JARGON),
        ("De jeugdhulpverlening was goed.", readability.LONG_WORD),
    ],
)
def test_each_rule(text, code):
    assert code in codes(text)


def test_thresholds_and_jargon_are_configurable():
    sentence = "Ik kreeg na een paar weken hulp van het team."
    assert codes(sentence) == []
    assert codes(sentence, Settings(max_words=5)) == [readability.LONG_SENTENCE]
    assert codes("De hulpverlener was er.", Settings(max_word_length=10)) == [readability.LONG_WORD]
    assert codes("Het was een wachtlijst.", Settings(jargon={"wachtlijst": "tijd tot de hulp begint"})) == [
        readability.JARGON
    ]


def test_piping_placeholders_and_empty_texts_are_ignored():
    assert check("Je gaf {T1} bij {var:gemeente}.") == []
    assert check("") == [] and check(None) == []


def test_participles_and_lookalikes():
    assert all(is_participle(w) for w in ("gegeven", "gebruikt", "besproken", "uitgelegd", "verteld"))
    assert not any(is_participle(w) for w in ("geen", "gezond", "gemeenten", "verder", "beter"))


def test_summary_counts_per_rule():
    findings = [check("Er wordt veel uitgelegd."), check("Ik kreeg niet geen hulp."), check("Ik kreeg hulp.")]
    assert summarise(findings) == {readability.PASSIVE: 1, readability.DOUBLE_NEGATIVE: 1}
