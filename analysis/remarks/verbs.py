"""Dutch verb forms without a POS tagger: finite verbs, infinitives, participles, imperatives, clauses.

Tokens, folding and lemmas come from ``analysis.text``, the one text normalisation of the package; the word
lists are data files in ``analysis/remarks/data/``."""

from __future__ import annotations

import re
from functools import lru_cache

from analysis.remarks.words import words
from analysis.text import TOKEN, dictionary_lemma, fold, tokens

#: Words that open a subordinate or coordinated clause; the main clause ends before them.
CLAUSE_OPENERS = words("clause_openers")
#: Frequent finite forms that the lemma test below does not catch (irregular or also nouns).
FINITE = words("finite_forms")
#: Infinitives that simplemma files under a noun lemma ("wachten" -> "wacht").
EXTRA_INFINITIVES = words("extra_infinitives")
#: Words ending in -en that are never infinitives.
NOT_INFINITIVE = words("not_infinitive")
IMPERATIVE_FINITES = words("imperative_finites")
SHORT_INFINITIVES = words("short_infinitives")
#: First-person verbs that open diary-style notes without a subject ("Vind het fijn").
FIRST_PERSON_OPENERS = words("first_person_openers")

__all__ = [
    "TOKEN",
    "clauses",
    "fold",
    "is_finite",
    "is_imperative",
    "is_infinitive",
    "is_participle",
    "main_clause",
    "stems_of",
    "tokens",
    "verb_lemma",
]


def verb_lemma(word: str) -> str | None:
    """The infinitive of ``word`` when it is a verb form, otherwise None."""
    if word in EXTRA_INFINITIVES:
        return word
    base = dictionary_lemma(word)
    if base.endswith("en") and len(base) > 3 and base not in NOT_INFINITIVE:
        return base
    if base in SHORT_INFINITIVES or any(base.endswith(v) for v in ("gaan", "staan", "doen", "zien")):
        return base
    return None


VOWELS = "aeiou"
DIGRAPHS = ("ie", "oe", "eu", "ui", "ij", "ei", "au", "ou", "aa", "ee", "oo", "uu")


def stems_of(base: str) -> tuple[str, ...]:
    """Possible first-person stems of an infinitive: werken -> werk, maken -> maak, koppelen -> koppel.

    Dutch doubles the vowel of an open stressed syllable (maken -> maak, evalueren -> evalueer) but not
    of an unstressed one (koppelen -> koppel); stress is not visible in writing, so both are returned.
    """
    stem = base[:-2] if base.endswith("en") else base[:-1]
    if len(stem) < 2:
        return (stem,)
    if stem[-1] == stem[-2] and stem[-1] not in VOWELS:
        return (stem[:-1],)
    found = [stem]
    if len(stem) > 2 and stem[-1] not in VOWELS and stem[-2] in VOWELS and stem[-3:-1] not in DIGRAPHS:
        found.append(stem[:-1] + stem[-2] + stem[-1])
    return tuple(s[:-1] + {"v": "f", "z": "s"}.get(s[-1], s[-1]) for s in found)


@lru_cache(maxsize=50_000)
def is_infinitive(word: str) -> bool:
    """True for an infinitive such as "evalueren", "terugkoppelen", "doorgaan"; false for plurals."""
    if word in EXTRA_INFINITIVES or word in SHORT_INFINITIVES:
        return True
    if word in NOT_INFINITIVE or len(word) < 4 or not word.endswith("n"):
        return False
    if any(word.endswith(v) for v in ("gaan", "staan", "doen", "zien")):
        return True
    if not word.endswith("en"):
        return False
    forms = [word[:-2], word[:-2] + "t"]
    for stem in stems_of(word):
        forms += [stem, stem if stem.endswith("t") else stem + "t"]
    return any(dictionary_lemma(form) == word for form in forms)


def is_participle(word: str, base: str) -> bool:
    """Past or present participle: "geholpen", "teleurgesteld", "betrokken", "werkende"."""
    if word.endswith(("end", "ende")):
        return True
    if word.startswith("ge") and not base.startswith("ge"):
        return True
    if "ge" in word[2:] and "ge" not in base:
        return True
    prefixed = word.startswith(("be", "ver", "ont", "her", "er"))
    if not prefixed or word in stems_of(base):  # "verken", "vergoed": the stem itself
        return False
    return word.endswith("d") or (word.endswith("en") and not word.endswith(("den", "ten")))


def is_finite(word: str) -> bool:
    """True for a conjugated verb ("werkt", "luisterde", "gaat"), false for infinitives and nouns."""
    if word in FINITE:
        return True
    base = verb_lemma(word)
    if base is None or base == word or is_participle(word, base):
        return False
    return word.endswith(("t", "de", "te", "den", "ten")) or word in stems_of(base)


def is_imperative(word: str) -> bool:
    """True when ``word`` is the bare stem of a verb ("betrek", "evalueer", "zet"), as in a command."""
    if word in FIRST_PERSON_OPENERS or (word in FINITE and word not in IMPERATIVE_FINITES):
        return False
    base = verb_lemma(word)
    if base is None or base == word or is_participle(word, base):
        return False
    stem = base[:-2] if base.endswith("en") else base
    if word.endswith("t") and not stem.endswith("t"):
        return False  # "werkt", "kijkt": third person, a statement
    return not word.endswith(("de", "te"))


def clauses(text: str) -> list[list[str]]:
    """Token lists per clause: split on punctuation, then before each clause opener."""
    parts: list[list[str]] = []
    for chunk in re.split(r"[,;:.!?()\u2013\u2014]|\s-\s", fold(text)):
        current: list[str] = []
        for word in TOKEN.findall(chunk):
            if word in CLAUSE_OPENERS and current:
                parts.append(current)
                current = []
            current.append(word)
        if current:
            parts.append(current)
    return parts


def main_clause(text: str) -> list[str]:
    """The first clause, where Dutch puts the finite verb of the main sentence."""
    found = clauses(text)
    return found[0] if found else []
