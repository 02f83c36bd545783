"""Did a question's wording change beyond spelling? Trends compare an item code over rounds only
while it asks the same thing (pure; no database).

Case, punctuation and spacing never count. A word spelled differently counts as spelling when it
starts with the same letter, differs in length by at most two letters and is at least 80 % alike
("gehoort"/"gehoord"); "tevreden"/"ontevreden" or "hoger"/"lager" are real changes, and so is any
word added or removed, or more than two words respelled.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

MAX_RESPELLED = 2


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", (text or "").casefold())


def _respelled(a: str, b: str) -> bool:
    return a[:1] == b[:1] and abs(len(a) - len(b)) <= 2 and SequenceMatcher(None, a, b).ratio() >= 0.8


def spelling_only(before: str, after: str) -> bool:
    """True when two wordings differ in case, punctuation, spacing or the spelling of a word or two."""
    old, new = _words(before), _words(after)
    if old == new:
        return True
    if len(old) != len(new):
        return False
    different = [(a, b) for a, b in zip(old, new, strict=True) if a != b]
    return len(different) <= MAX_RESPELLED and all(_respelled(a, b) for a, b in different)


def wording_changed(before: str, after: str) -> bool:
    """The question now asks something else: its answers should not be tested against the old ones."""
    return not spelling_only(before, after)
