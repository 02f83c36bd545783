"""Dutch text normalisation for the whole analysis package: folding, tokens, lemmas, stop words, and the
loading of word lists kept as data files.

Two tokenisers serve two readers: ``tokenize`` gives the words of an answer for themes and topics (a
hyphenated compound stays one word, numbers are bare digits); ``tokens`` reads sentence form for the kind of
remark (numbers keep their decimals and per cent sign, "m'n" stays whole). Both fold first. Two lemma levels:
``dictionary_lemma`` is simplemma's, with separable verbs joined ("samen_werken" -> "samenwerken"), for verb
morphology; ``lemma`` adds the answer fixes below (comparatives keep their meaning, "kinderen" -> "kind") and
keeps negators and intensifiers as they are.

Word lists live in ``analysis/data/words/`` and ``analysis/remarks/data/``: one entry a line, lines starting
with "#" are comments; ``read_list`` loads each file once.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

import simplemma

WORDS = Path(__file__).resolve().parent / "data" / "words"


@cache
def read_list(path: Path | str) -> tuple[str, ...]:
    """The entries of a word-list file, in file order: one a line, blank lines and "#" lines skipped."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))


def read_set(path: Path | str) -> frozenset[str]:
    """A word-list file as a set."""
    return frozenset(read_list(path))


@cache
def read_mapping(path: Path | str) -> dict[str, str]:
    """A JSON object file; the key "_" holds its description and is left out."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {key: value for key, value in data.items() if key != "_"}


#: Words that carry judgement in short answers ("niet gehoord", "te lang", "veel te laat"): never
#: dropped by any stop list, and kept as tokens for the classifiers.
NEGATORS = read_set(WORDS / "negators.txt")
INTENSIFIERS = read_set(WORDS / "intensifiers.txt")
KEEP_WORDS = NEGATORS | INTENSIFIERS

#: Vectoriser token pattern for text that is already lemmatised and space-joined ("terug_bellen" stays one).
SPACE_SEPARATED = r"[^ ]+"

_TOKEN = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*|\d+", re.UNICODE)
#: Sentence-form tokens on folded text: numbers with decimals and "%", words with an apostrophe ("m'n").
TOKEN = re.compile(r"[0-9]+(?:[.,][0-9]+)?%?|[a-z]+(?:'[a-z]+)?")

# simplemma turns some frequent answer words into unhelpful lemmas; these fixes keep them readable.
_LEMMA_FIXES = read_mapping(WORDS / "lemma_fixes.json")


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


def tokens(text: str) -> list[str]:
    """Folded word and number tokens for reading sentence form ("7,5", "40%", "m'n" stay whole)."""
    return TOKEN.findall(fold(text))


@lru_cache(maxsize=50_000)
def dictionary_lemma(word: str) -> str:
    """simplemma's lemma of a folded word; separable verbs come back as "samen_werken" and are joined."""
    return simplemma.lemmatize(word, lang="nl").replace("_", "")


@lru_cache(maxsize=200_000)
def lemma(token: str) -> str:
    """Return the dictionary lemma of one lower-case Dutch token (the token itself when unknown)."""
    if token in _LEMMA_FIXES:
        return _LEMMA_FIXES[token]
    if token in KEEP_WORDS or token.isdigit():
        return token
    return fold(simplemma.lemmatize(token, lang="nl"))


#: Endings of an inflected adjective and its base form, longest first ("residentiele" -> "residentieel",
#: "preventieve" -> "preventief", "lokale" -> "lokaal"): Dutch spelling doubles the vowel of an open syllable and
#: writes v/z as f/s at the end of a word.
_INFLECTED_ENDINGS = (
    ("iele", "ieel"),
    ("uele", "ueel"),
    ("ieve", "ief"),
    ("oze", "oos"),
    ("ale", "aal"),
    ("ele", "eel"),
    ("ore", "oor"),
    ("ure", "uur"),
)
_VOWELS = frozenset("aeiouy")


@lru_cache(maxsize=50_000)
def uninflected(token: str) -> tuple[str, ...]:
    """Base forms of a folded word that simplemma does not know: an inflected adjective or participle
    ("residentiele", "ambulante", "gespecialiseerde": the word without its -e, with the spelling rules of
    ``_INFLECTED_ENDINGS`` and an undoubled consonant, "dikke" -> "dik"), and the participle of a verb in -eren,
    whose diaeresis folding took away ("geëscaleerd" folds to "geescaleerd", which simplemma does not know:
    "escaleren"). Empty for a word simplemma knows (its lemma already says it) and for words too short to tell."""
    if len(token) < 6 or simplemma.is_known(token, lang="nl"):
        return ()
    forms = []
    if token.endswith("e"):
        forms.append(token[:-1])
        for ending, base in _INFLECTED_ENDINGS:
            if token.endswith(ending) and token[-len(ending) - 1 : -len(ending)] not in _VOWELS:
                forms.append(token[: -len(ending)] + base)
                break
        if token[-2] == token[-3] and token[-2] not in _VOWELS:
            forms.append(token[:-2])
    participle = token[:-1] if token.endswith("e") else token
    if participle.startswith("ge") and participle.endswith("eerd") and len(participle) >= 9:
        forms.append(participle[2:-4] + "eren")
    return tuple(forms)


def lemmas(text: str) -> list[str]:
    """Tokenise and lemmatise an answer; negators and intensifiers stay in place."""
    return [lemma(t) for t in tokenize(text)]


def lemma_text(text: str) -> str:
    """The answer as one space-separated string of lemmas (input for vectorisers)."""
    return " ".join(lemmas(text))


def dictionary_lemma_text(text: str) -> str:
    """The remark as space-separated dictionary lemmas of its sentence-form tokens ("gewacht" -> "wachten"),
    for a model that should see inflected forms of one word as the same word."""
    return " ".join(dictionary_lemma(word) for word in tokens(text))


def _load_stop_words() -> frozenset[str]:
    try:
        import stopwordsiso
    except ImportError:  # the list is a display nicety; a small built-in list keeps topics readable
        words = set(read_list(WORDS / "stop_words_fallback.txt"))
    else:
        words = set(stopwordsiso.stopwords("nl"))
    words |= set(read_list(WORDS / "stop_words_extra.txt"))
    return frozenset(fold(w) for w in words) - KEEP_WORDS


STOP_WORDS: frozenset[str] = _load_stop_words()


def content_lemmas(text: str) -> list[str]:
    """Lemmas without stop words or numbers: for topic terms shown to people, not for classifiers."""
    return [w for w in lemmas(text) if w not in STOP_WORDS and not w.isdigit() and len(w) > 1]
