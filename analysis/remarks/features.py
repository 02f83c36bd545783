"""Sentence-structure features of a remark for the trained model (the rules use their own cues).

They describe form, not words, so they carry over to phrasings the model has never seen: a verb stem
first or an infinitive last (advice), a modal or a comparative, a question or exclamation mark, who
speaks (first person) or is spoken to (second person), a "dat" clause, a copula with a predicate
("is een ...", "was echt ..."), a number, and a very short remark (a bare noun phrase).
"""

from __future__ import annotations

import re

import numpy as np

from analysis.remarks import lexicon as lex
from analysis.remarks.verbs import is_imperative, is_infinitive
from analysis.remarks.words import words
from analysis.text import tokens

FIRST_PERSON = lex.FIRST_PERSON | {"m'n"}
SECOND_PERSON = words("second_person")
COPULAS = words("copulas")
PREDICATE_OPENERS = words("predicate_openers")
NAMES = (
    "verb_first",
    "infinitive_last",
    "modal",
    "comparative",
    "question_mark",
    "exclamation",
    "first_person",
    "second_person",
    "dat_clause",
    "copula_predicate",
    "number",
    "short",
)


def structure_features(text: str) -> list[float]:
    """One 0/1 value per name in ``NAMES``."""
    words = tokens(text)
    if not words:
        return [0.0] * len(NAMES)
    pairs = zip(words, words[1:], strict=False)
    return [
        float(v)
        for v in (
            is_imperative(words[0]),
            is_infinitive(words[-1]),
            any(w in lex.MODALS for w in words),
            any(w in lex.COMPARATIVES for w in words),
            "?" in text,
            "!" in text,
            any(w in FIRST_PERSON for w in words),
            any(w in SECOND_PERSON for w in words),
            "dat" in words,
            any(a in COPULAS and b in PREDICATE_OPENERS for a, b in pairs),
            bool(re.search(r"\d", text)),
            len(words) <= 3,
        )
    ]


def structure_matrix(texts: list[str]) -> np.ndarray:
    """``structure_features`` for many remarks, one row each."""
    return np.array([structure_features(t) for t in texts], dtype=float).reshape(len(texts), len(NAMES))
