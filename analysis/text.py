"""Dutch text normalisation for open answers: tokens, lemmas, and a stop list for topic display only."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import simplemma

#: Words that carry judgement in short answers ("niet gehoord", "te lang", "veel te laat"): never
#: dropped by any stop list, and kept as tokens for the classifiers.
NEGATORS = frozenset({"niet", "geen", "nooit", "niks", "niets", "nergens", "niemand", "zonder", "nee"})
INTENSIFIERS = frozenset({
    "te", "veel", "erg", "heel", "zeer", "echt", "totaal", "helemaal", "super", "enorm", "ontzettend",
    "vreselijk", "best", "beetje", "weinig", "meer", "minder", "altijd", "vaak", "soms", "nauwelijks",
    "absoluut", "nogal", "zo", "wel", "steeds", "ook", "alleen", "slechts",
})
KEEP_WORDS = NEGATORS | INTENSIFIERS

#: Vectoriser token pattern for text that is already lemmatised and space-joined ("terug_bellen" stays one).
SPACE_SEPARATED = r"[^ ]+"

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*|\d+", re.UNICODE)

# simplemma turns some frequent answer words into unhelpful lemmas; these fixes keep them readable.
_LEMMA_FIXES = {"hulpverleners": "hulpverlener", "zorgverleners": "zorgverlener", "ouders": "ouder",
                "jongeren": "jongere", "gemeentes": "gemeente", "kinderen": "kind", "wachtte": "wachten",
                "gehoord": "horen", "geluisterd": "luisteren", "wisselingen": "wisseling",
                # comparatives keep their own meaning ("beter" is not "goed" for a theme)
                "beter": "beter", "slechter": "slechter", "erger": "erger", "sneller": "sneller",
                "later": "later", "langer": "langer", "taxi": "taxi",
                # "data" is the plural of "datum" only in a diary; in answers it is data
                "data": "data"}


def fold(text: str) -> str:
    """Lower-case and strip accents so 'Cliënt' and 'client', 'één' and 'een' compare equal; a typographic
    apostrophe becomes a plain one ("auto’s" is "auto's"). The one folding of the whole package."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("\u2019", "'"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokenize(text: str) -> list[str]:
    """Split an answer into lower-case, accent-folded word tokens (numbers kept, punctuation dropped)."""
    return _TOKEN.findall(fold(text or ""))


@lru_cache(maxsize=200_000)
def lemma(token: str) -> str:
    """Return the dictionary lemma of one lower-case Dutch token (the token itself when unknown)."""
    if token in _LEMMA_FIXES:
        return _LEMMA_FIXES[token]
    if token in KEEP_WORDS or token.isdigit():
        return token
    return fold(simplemma.lemmatize(token, lang="nl"))


def lemmas(text: str) -> list[str]:
    """Tokenise and lemmatise an answer; negators and intensifiers stay in place."""
    return [lemma(t) for t in tokenize(text)]


def lemma_text(text: str) -> str:
    """The answer as one space-separated string of lemmas (input for vectorisers)."""
    return " ".join(lemmas(text))


def _load_stop_words() -> frozenset[str]:
    try:
        import stopwordsiso
    except ImportError:  # the list is a display nicety; a small built-in list keeps topics readable
        words = set(_FALLBACK_STOP.split())
    else:
        words = set(stopwordsiso.stopwords("nl"))
    words |= set(_EXTRA_STOP.split())
    return frozenset(fold(w) for w in words) - KEEP_WORDS


_FALLBACK_STOP = """de het een en van in is op te dat die voor met zijn er niet aan om ook als dan maar bij
nog wel naar kan tot je ik mijn we wij ze zij hij u uw was werd worden wordt heb heeft hebben had dit deze
door of wat waar hoe mij me ons onze hun haar zo al"""
# Lemmas of auxiliaries and filler that the ISO list does not hold in lemma form.
_EXTRA_STOP = """zijn hebben worden kunnen zullen moeten willen gaan komen doen krijgen vinden zeggen
eigenlijk gewoon echt soms hele heel erg best even ja nee oke ok etc dus want omdat hoor nou
nie mn ff egt t n"""

STOP_WORDS: frozenset[str] = _load_stop_words()


def content_lemmas(text: str) -> list[str]:
    """Lemmas without stop words or numbers: for topic terms shown to people, not for classifiers."""
    return [w for w in lemmas(text) if w not in STOP_WORDS and not w.isdigit() and len(w) > 1]
