"""Quotes for a report: a last de-identification pass and a sensible length.

Open answers reach the report through their scrubbed copy; statements from meeting notes are
staff-typed text that can hold the same things. This pass replaces what can be recognised by its
form, whatever the source: e-mail addresses, links, phone numbers, postcodes, street addresses, long
numbers (a BSN, a client number), a name after a title ("mevrouw De Vries"), any name the caller
knows (matched with its capitals), and every other capitalised word inside a sentence: in Dutch that
is a proper noun (a person, place, school or care organisation), unless the caller lists it as
vocabulary of the programme (project names, gemeenten) or it is an abbreviation such as GGZ.
A name that opens a sentence is only caught when the caller knows it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

NAME = "[naam]"
MAX_QUOTE = 300

#: capitalised words that are ordinary vocabulary in this field, not names
DOMAIN_WORDS = frozenset({
    "Jeugdwet", "Transformatiefonds", "Rijk", "Zorg", "Jeugd", "Actieprogramma", "Wmo", "Jeugdhulp",
    "Nederland", "Nederlands", "Nederlandse", "Europese", "Kinderombudsman", "Veilig", "Thuis",
})
_NAME_WORD = r"[A-Z\u00c0-\u00dd][a-z\u00e0-\u00ff'\-]+"
_PARTICLES = r"(?:(?:van|de|der|den|ter|ten|het|la|le|'t)\s+){0,3}"
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p, flags), r) for p, flags, r in (
    (r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", 0, "[e-mail]"),
    (r"\b(?:https?://|www\.)\S+?(?=[.,;:!?)]*(?:\s|$))", re.I, "[link]"),
    (r"(?:\+31|0031|\b0)[\s-]?\d(?:[\s-]?\d){8}\b", 0, "[telefoonnummer]"),
    (r"\b\d{4}\s?[A-Z]{2}\b", 0, "[postcode]"),
    (r"\b" + _NAME_WORD + r"(?:straat|laan|weg|plein|singel|gracht|kade|dreef|hof|park|dijk|pad)"
     r"\s+\d+\s?[a-zA-Z]?\b", 0, "[adres]"),
    (r"\b\d(?:[\s.-]?\d){6,}\b", 0, "[nummer]"),
))
_TITLED = re.compile(
    r"\b((?i:(?:dhr|mevr|mw|mr|dr|drs|ir|prof)\.?|meneer|mevrouw|juf|juffrouw|meester|dokter))\s+"
    r"(" + _PARTICLES + _NAME_WORD + r"(?:\s+" + _PARTICLES + _NAME_WORD + r")?)")
_CAPITALISED = re.compile(r"(?<![\w\[\-])[A-Z\u00c0-\u00dd][\w'\u00c0-\u00ff\-]*")
_SENTENCE_END = ".!?:;\n•*–—-(\"'“‘"
_JOINED = re.compile(r"\[naam\](?:\s+(?:van|de|der|den|ter|ten|het|'t|en)\b)*\s+\[naam\]")


def scrub_quote(text: str, names: Iterable[str] = (), keep: Iterable[str] = ()) -> str:
    """The text with recognisable identifying details replaced by a label such as ``[naam]``.

    ``names`` are always removed; ``keep`` are phrases (project names, gemeenten) whose capitalised
    words may stay.
    """
    result = str(text or "")
    for pattern, label in _RULES:
        result = pattern.sub(label, result)
    result = _TITLED.sub(lambda m: f"{m.group(1)} {NAME}", result)
    for name in sorted({n.strip() for n in names if n and len(n.strip()) >= 2}, key=len, reverse=True):
        result = re.sub(r"(?<!\w)" + re.escape(name) + r"(?!\w)", NAME, result)
    allowed = DOMAIN_WORDS | {word for phrase in keep for word in re.findall(r"[\w'\-]+", phrase or "")}
    result = _CAPITALISED.sub(lambda m: _proper_noun(m, allowed), result)
    previous = None
    while previous != result:
        previous, result = result, _JOINED.sub(NAME, result)
    return result


def _proper_noun(match: re.Match[str], allowed: frozenset[str] | set[str]) -> str:
    word = match.group(0)
    before = match.string[:match.start()].rstrip(" \t")
    if not before or before[-1] in _SENTENCE_END:
        return word
    if word in allowed or _abbreviation(word):
        return word
    return NAME


def _abbreviation(word: str) -> bool:
    """GGZ, CEO, POH-jeugd, JGZ: capitals (and digits) only in the part before a hyphen."""
    head = word.split("-", 1)[0]
    return len(head) >= 2 and head.upper() == head


def shorten(text: str, limit: int = MAX_QUOTE) -> str:
    """The text on one line, cut at a word boundary before ``limit`` characters with an ellipsis."""
    flat = " ".join(str(text or "").split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:-")
    return cut + "…"


def quote(text: str, names: Iterable[str] = (), limit: int = MAX_QUOTE, keep: Iterable[str] = ()) -> str:
    """A report quote: scrubbed, then shortened."""
    return shorten(scrub_quote(text, names, keep), limit)
