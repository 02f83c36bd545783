"""Comparison baseline for the benchmarks: textblob-nl polarity mapped onto kinds of remark (not used by
the platform).

Only ``TextBlob(text, analyzer=PatternAnalyzer()).sentiment`` is used; textblob-nl's tagger and
TextBlob's sentence splitting are broken offline (see TEXT-ANALYSIS.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache


@lru_cache(maxsize=1)
def analyzer():
    """One textblob-nl analyzer per process (it loads a lexicon of about 3,900 adjectives)."""
    import textblob_nl

    return textblob_nl.PatternAnalyzer()


def polarity(text: str) -> float:
    """textblob-nl polarity in [-1, 1]; 0.0 when no lexicon word is found."""
    from textblob import TextBlob

    return float(TextBlob(text, analyzer=analyzer()).sentiment[0])


def textblob_kind(text: str) -> str:
    """Positive -> compliment, negative -> zorg, 0.0 -> observatie. It cannot see advice or questions."""
    value = polarity(text)
    if value > 0:
        return "compliment"
    if value < 0:
        return "zorg"
    return "observatie"


def textblob_kinds(texts: Iterable[str]) -> list[str]:
    """textblob_kind for many remarks."""
    return [textblob_kind(t) for t in texts]
