"""Polarity of words the cue lists do not name: a general Dutch adjective lexicon and morphology."""

from __future__ import annotations

import re

import simplemma

from analysis import remark_lexicon as lex
from analysis.remark_text import TOKEN, is_finite, is_infinitive, lemma


def general_matches(segment: str, taken: list[re.Match[str]]) -> list[tuple[str, re.Match[str]]]:
    """Adjectives from the general polarity lexicon that no word-list phrase already covers."""
    polarity = lex.general_polarity()
    found = []
    for match in TOKEN.finditer(segment):
        word = match.group()
        if any(m.start() <= match.start() < m.end() for m in taken) or not judging_adjective(word):
            continue
        value = word_polarity(match.group(), polarity)
        if abs(value) >= lex.GENERAL_POLARITY_THRESHOLD:
            found.append(("positief_woord" if value > 0 else "negatief_woord", match))
    return found


def judging_adjective(word: str) -> bool:
    """Not a comparative ("betere" asks for more) and not a verb form ("ervaren" as in to experience)."""
    if word in lex.COMPARATIVES or (word.endswith(("er", "ere")) and lemma(word) != word):
        return False
    return not (is_infinitive(word) or is_finite(word))


def word_polarity(word: str, polarity: dict[str, float]) -> float:
    """Polarity of a word or its uninflected form ("fijne" -> "fijn", "snelle" -> "snel"), with the
    Dutch morphology of judgement: "on-" negates ("onbegrijpelijk"), "-loos" mostly complains."""
    morphological = morphology_polarity(word, polarity)
    if morphological:
        return morphological
    forms = (word, word[:-1] if word.endswith("e") else "", word[:-2] if word.endswith("ste") else "")
    for form in (*forms, lemma(word)):
        if form and form in polarity:
            return polarity[form]
    if word.endswith("e") and len(word) > 4 and word[-2] == word[-3]:
        return polarity.get(word[:-2], 0.0)  # "snelle" -> "snel"
    return 0.0


def morphology_polarity(word: str, polarity: dict[str, float]) -> float:
    """-1/+1 from "on-" + an adjective that is not negative, or from a "-loos"/"-loze" adjective; else 0."""
    if word.endswith(("loos", "loze")) and len(word) > 7:
        return 1.0 if word.startswith(lex.GOOD_WITHOUT) else -1.0
    rest = word[2:]
    participle = rest.startswith(("ge", "be", "ver")) and rest.endswith(("d", "t", "de", "te"))
    if word.startswith("on") and len(rest) >= 5 and (participle or simplemma.is_known(rest, lang="nl")):
        base = polarity.get(rest, polarity.get(rest.rstrip("e"), None))
        looks_adjective = participle or bool(lex.UNPREFIXED_ADJECTIVE.match(rest))
        if (base is not None and base >= 0) or (base is None and looks_adjective):
            return -1.0
    return 0.0
