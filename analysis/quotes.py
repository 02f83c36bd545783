"""Quotes for a report: a last de-identification pass and a sensible length.

Open answers reach the report through their scrubbed copy; statements from meeting notes are
staff-typed text that can hold the same things. This pass replaces what can be recognised by its
form, whatever the source: e-mail addresses, links, phone numbers, postcodes, street addresses, long
numbers (a BSN, a client number), a name after a title or a family word ("mevrouw De Vries",
"mijn zoon Daan"), and any name the caller knows (staff, project leaders; matched with its capitals). It is a safety net on
top of the scrubbed copy, not a replacement for it: a bare first name in running text is only
caught when the caller lists it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

NAME = "[naam]"
MAX_QUOTE = 300

_NAME_WORD = r"[A-Z\u00c0-\u00dd][a-z\u00e0-\u00ff'\-]+"
_PARTICLES = r"(?:(?:van|de|der|den|ter|ten|het|la|le|'t)\s+){0,3}"
_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p, flags), r) for p, flags, r in (
    (r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", 0, "[e-mail]"),
    (r"\b(?:https?://|www\.)\S+", re.I, "[link]"),
    (r"(?:\+31|0031|\b0)[\s-]?\d(?:[\s-]?\d){8}\b", 0, "[telefoonnummer]"),
    (r"\b\d{4}\s?[A-Z]{2}\b", 0, "[postcode]"),
    (r"\b" + _NAME_WORD + r"(?:straat|laan|weg|plein|singel|gracht|kade|dreef|hof|park|dijk|pad)"
     r"\s+\d+\s?[a-zA-Z]?\b", 0, "[adres]"),
    (r"\b\d(?:[\s.-]?\d){6,}\b", 0, "[nummer]"),
))
_TITLED = re.compile(
    r"\b((?i:(?:dhr|mevr|mw|mr|dr|drs|ir|prof)\.?|meneer|mevrouw|juf|juffrouw|meester|dokter))\s+"
    r"(" + _PARTICLES + _NAME_WORD + r"(?:\s+" + _PARTICLES + _NAME_WORD + r")?)")
_FAMILY = re.compile(
    r"\b((?i:mijn|onze|haar|zijn|hun|de|het)\s+(?i:zoon|dochter|kind|broer|zus|zusje|broertje|moeder|vader|"
    r"opa|oma|pleegzoon|pleegdochter|cliënt|client|jongere))\s+(" + _NAME_WORD + r")")


def scrub_quote(text: str, names: Iterable[str] = ()) -> str:
    """The text with recognisable identifying details replaced by a label such as ``[naam]``."""
    result = str(text or "")
    for pattern, label in _RULES:
        result = pattern.sub(label, result)
    result = _TITLED.sub(lambda m: f"{m.group(1)} {NAME}", result)
    result = _FAMILY.sub(lambda m: _family(m), result)
    for name in sorted({n.strip() for n in names if n and len(n.strip()) >= 2}, key=len, reverse=True):
        result = re.sub(r"(?<!\w)" + re.escape(name) + r"(?!\w)", NAME, result)
    return result


def _family(match: re.Match[str]) -> str:
    word = match.group(2)
    if word.lower() in _NOT_NAMES:
        return match.group(0)
    return f"{match.group(1)} {NAME}"


#: capitalised words that follow "mijn zoon" without being a name (sentence starts after a line break)
_NOT_NAMES = frozenset({"en", "die", "heeft", "is", "was", "wil", "kan", "zit", "woont"})


def shorten(text: str, limit: int = MAX_QUOTE) -> str:
    """The text on one line, cut at a word boundary before ``limit`` characters with an ellipsis."""
    flat = " ".join(str(text or "").split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:-")
    return cut + "…"


def quote(text: str, names: Iterable[str] = (), limit: int = MAX_QUOTE) -> str:
    """A report quote: scrubbed, then shortened."""
    return shorten(scrub_quote(text, names), limit)
