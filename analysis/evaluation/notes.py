"""Splitting a pasted block of meeting notes into separate statements.

Pure. One statement per line or bullet; a line after a bullet without a bullet of its own continues
that statement when it is indented or starts in lower case. A short line ending in a colon
("Trots op:", "Aandacht:") is a heading: not a statement itself, but the statements under it carry
it, so they can be typed at once; so is a short question with statements under it ("Wat werkt goed?",
``analysis.remarks.split.question_heading``). Which kind a heading names is the remark classifier's
knowledge of headings (``analysis.remarks.prompts``): whole words, never part of a compound ("jeugdzorg").
"""

import re
from dataclasses import dataclass

from analysis.remarks.prompts import bare_heading, prompt_kind
from analysis.remarks.split import plain, question_heading
from analysis.text import fold

_BULLET = re.compile(r"^\s*(?:[-*•·–—▪►o]\s+|\d{1,2}[.)]\s+|[a-z][.)]\s+)", re.I)
_HEADING = re.compile(r"^\s*(?P<text>[^.!?]{1,60}):\s*$")
MAX_LENGTH = 2000

#: the kind of statement (and so the report section) that follows a heading inviting a kind of remark
_INVITED = {
    "compliment": "werkt_goed",
    "zorg": "aandacht",
    "suggestie": "aandacht",
    "vraag": "aandacht",
    "observatie": "opvallend",
}
#: a heading inviting compliments that names pride or success ("Trots op", "Successen") rather than what works
_PROUD = re.compile(r"\btrots\b|\bsucces|\bcomplimenten?\b")


@dataclass(frozen=True)
class NoteLine:
    """One statement and the heading it was written under (empty when none)."""

    text: str
    heading: str = ""


def split_notes(block: str) -> list[NoteLine]:
    """The statements in a block of notes, in order, without bullets, empty lines or duplicates."""
    items: list[list[str]] = []
    headings: list[str] = []
    heading, in_bullets, opens = "", False, True
    lines = (block or "").splitlines()
    for number, line in enumerate(lines):
        if not line.strip():
            in_bullets, opens = False, True
            continue
        found = _HEADING.match(line)
        following = next((n.strip() for n in lines[number + 1 :] if n.strip()), None)
        if (found and not _BULLET.match(line)) or question_heading(line.strip(), following, opens):
            heading, in_bullets, opens = (found["text"] if found else line).strip(), False, True
            continue
        opens = False
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
    return plain(" ".join(text.split()))[:MAX_LENGTH]


def _unique(lines: list[NoteLine]) -> list[NoteLine]:
    seen, result = set(), []
    for line in lines:
        key = line.text.lower()
        if line.text and key not in seen:
            seen.add(key)
            result.append(line)
    return result


def kind_from_heading(heading: str) -> str | None:
    """The statement kind a heading names (trots_op, werkt_goed, aandacht, opvallend), or None: the kind of
    remark it invites ("Tops", "Wat werkt goed in de jeugdzorg" invite compliments; "Tips" suggestions), with
    pride and success apart. A heading that invites no kind, or two ("Tips en tops"), names none."""
    kind = _INVITED.get(prompt_kind(heading) or "")
    return "trots_op" if kind == "werkt_goed" and _PROUD.search(fold(heading)) else kind


#: the report section each heading kind fills
KIND_SECTION = {"trots_op": "proud", "werkt_goed": "works", "aandacht": "attention", "opvallend": "notable"}
_ATTRIBUTION = re.compile(r"^(?P<text>.+?[.!?…”\"'’])\s*(?:—|–|--|-)\s*(?P<who>[^.!?]{2,100})$")
_QUOTED = re.compile(r"^[\"“‘'](?P<text>.+)[\"”’']$")


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
