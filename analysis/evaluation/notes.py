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
            items.append([line[bullet.end() :] if bullet else line])
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


#: the report section each heading kind fills
KIND_SECTION = {"trots_op": "proud", "werkt_goed": "works", "aandacht": "attention", "opvallend": "notable"}
#: a line that is nothing but a section heading, also without a colon ("Aandachtspunten", "## Opvallend")
_BARE_HEADING = re.compile(
    r"^(?:wat\s+)?(?:(?:waar\s+(?:zijn\s+)?(?:we|wij|u|jullie)\s+)?trots\s+op(?:\s+zijn)?|trots|"
    r"(?:wat\s+)?(?:werkt|gaat)\s+goed|goed\s+gaat|wat\s+goed\s+gaat|successen|"
    r"aandacht(?:s?punten)?|wat\s+(?:heeft|vraagt|verdient)\s+aandacht|wat\s+kan\s+beter|verbeterpunten|knelpunten|"
    r"zorgen|opvallend(?:e\s+punten)?|wat\s+(?:valt|viel)\s+op|opgevallen)$",
    re.I,
)
_MARKUP = re.compile(r"^[#*_\s]+|[*_\s]+$")
_ATTRIBUTION = re.compile(r"^(?P<text>.+?[.!?…”\"'’])\s*(?:—|–|--|-)\s*(?P<who>[^.!?]{2,100})$")
_QUOTED = re.compile(r"^[\"“‘'](?P<text>.+)[\"”’']$")


def bare_heading(line: str) -> str | None:
    """The heading a line is when it is only a known section heading ("Aandachtspunten", "**Opvallend**",
    "Wat werkt goed:"), else None."""
    text = _MARKUP.sub("", line or "").rstrip(":").strip()
    return text if text and _BARE_HEADING.match(text) else None


def mark_headings(block: str) -> str:
    """The block with every bare section heading ending in a colon, so a splitter sees it as a heading."""
    lines = []
    for line in (block or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        heading = bare_heading(line)
        lines.append(f"{heading}:" if heading else line)
    return "\n".join(lines)


def section_from_heading(heading: str | None) -> str | None:
    """The report section a heading names (proud, works, attention, notable), or None."""
    kind = kind_from_heading(heading or "") if heading else None
    return KIND_SECTION.get(kind) if kind else None


def split_attribution(text: str) -> tuple[str, str]:
    """A quote and who said it: '"Het loopt." — projectleider, gemeente Oost' → ("Het loopt.", "projectleider,
    gemeente Oost"). Quote marks around the quote are taken off. Without a dash after the sentence, no
    attribution."""
    found = _ATTRIBUTION.match((text or "").strip())
    quote, who = (found["text"].strip(), found["who"].strip()) if found else ((text or "").strip(), "")
    unquoted = _QUOTED.match(quote)
    return (unquoted["text"].strip() if unquoted else quote), who
