"""Splitting a pasted block of meeting notes into separate statements.

Pure. One statement per line or bullet; a line after a bullet without a bullet of its own continues
that statement when it is indented or starts in lower case. A short line ending in a colon
("Trots op:", "Aandacht:") is a heading: not a statement itself, but the statements under it carry
it, so they can be typed at once.
"""

import re
from dataclasses import dataclass

_BULLET = re.compile(r"^\s*(?:[-*•·–—▪►o]\s+|\d{1,2}[.)]\s+|[a-z][.)]\s+)", re.I)
_HEADING = re.compile(r"^\s*(?P<text>[^.!?]{1,60}):\s*$")
MAX_LENGTH = 2000

#: words in a heading that say which kind of statement follows
KIND_WORDS = {
    "trots_op": ("trots", "proud", "compliment", "succes"),
    "werkt_goed": ("werkt goed", "gaat goed", "werkt", "goed"),
    "aandacht": ("aandacht", "zorg", "verbeter", "knelpunt", "beter", "risico", "zorgen"),
    "opvallend": ("opvallend", "valt op", "opgevallen", "verrass"),
}
_KIND_ORDER = ("trots_op", "opvallend", "aandacht", "werkt_goed")


@dataclass(frozen=True)
class NoteLine:
    """One statement and the heading it was written under (empty when none)."""

    text: str
    heading: str = ""


def split_notes(block: str) -> list[NoteLine]:
    """The statements in a block of notes, in order, without bullets, empty lines or duplicates."""
    items: list[list[str]] = []
    headings: list[str] = []
    heading, in_bullets = "", False
    for line in (block or "").splitlines():
        if not line.strip():
            in_bullets = False
            continue
        found = _HEADING.match(line)
        if found and not _BULLET.match(line):
            heading, in_bullets = found["text"].strip(), False
            continue
        bullet = _BULLET.match(line)
        if bullet or not (in_bullets and _continues(line)):
            items.append([line[bullet.end():] if bullet else line])
            headings.append(heading)
            in_bullets = bool(bullet)
        else:
            items[-1].append(line)
    return _unique([NoteLine(_clean(" ".join(parts)), h) for parts, h in zip(items, headings, strict=True)])


def _continues(line: str) -> bool:
    """An indented line, or one starting in lower case, goes on with the bullet above it."""
    return line[:1].isspace() or line.lstrip()[:1].islower()


def _clean(text: str) -> str:
    return " ".join(text.split())[:MAX_LENGTH]


def _unique(lines: list[NoteLine]) -> list[NoteLine]:
    seen, result = set(), []
    for line in lines:
        key = line.text.lower()
        if line.text and key not in seen:
            seen.add(key)
            result.append(line)
    return result


def kind_from_heading(heading: str) -> str | None:
    """The statement kind a heading names (trots_op, werkt_goed, aandacht, opvallend), or None."""
    text = heading.lower()
    for kind in _KIND_ORDER:
        if any(word in text for word in KIND_WORDS[kind]):
            return kind
    return None
