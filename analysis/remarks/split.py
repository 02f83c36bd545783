"""Split a pasted block of notes into separate remarks, keeping the heading each one stood under."""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.remarks.prompts import prompt_kind
from analysis.remarks.words import words

BULLET = re.compile(
    r"^\s*(?:[-\u2013\u2014\u2022*\u00b7\u25aa\u25e6\u2023+>]|\(?\d{1,2}[.)]|\(?[a-zA-Z][.)]|\([a-z]{1,3}\)"
    r"|(?:i{1,3}|iv|v|vi{1,3})[.)])\s+"
)
HEADING_MARKUP = re.compile(r"^\s*#+\s*|\*\*|__")
#: Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = words("abbreviations")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\u201d]?\s+(?=[\"'(\u201c]?[A-Z0-9\u00c0-\u00dd])")
INLINE_LABEL = re.compile(r"^([A-Za-z\u00c0-\u00ff][\w\s\u00c0-\u00ff]{1,40}?):\s+\S")


@dataclass(frozen=True)
class SplitRemark:
    """One remark from a block of notes, with the heading it stood under (if any)."""

    text: str
    #: The heading above the remark ("Trots op"), or an inline label ("Aandacht: …").
    heading: str | None = None

    @property
    def prompt_kind(self) -> str | None:
        """The kind the heading invites, to pass to the classifier as prior."""
        return prompt_kind(self.heading)


def split_remarks(text: str, sentences: bool = True) -> list[str]:
    """Separate remarks from bullets, numbered items, lines or running sentences; headings dropped."""
    return [remark.text for remark in split_notes(text, sentences)]


def split_notes(text: str, sentences: bool = True) -> list[SplitRemark]:
    """Like split_remarks, but each remark keeps the heading (ending in ":") it stood under."""
    remarks: list[SplitRemark] = []
    for block, heading, bulleted in blocks(text):
        parts = [block] if bulleted or not sentences else split_sentences(block)
        for part in parts:
            part = part.strip()
            if part:
                remarks.append(SplitRemark(part, inline_label(part) or heading))
    return remarks


def blocks(text: str) -> list[tuple[str, str | None, bool]]:
    """(text, heading, came from a bullet) per item; wrapped lines are joined to their item."""
    found: list[list] = []
    heading: str | None = None
    for raw in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = HEADING_MARKUP.sub("", raw).strip()
        if not line:
            if found:
                found[-1][3] = True  # a blank line closes the item
            continue
        if is_heading(raw, line):
            heading = line.rstrip(":").strip()
            continue
        bullet = BULLET.match(line)
        if not bullet and found and found[-1][2] and found[-1][3]:
            heading = None  # running text after a finished list no longer sits under its heading
        if bullet:
            found.append([line[bullet.end() :].strip(), heading, True, False])
        elif found and continues(found[-1], line):
            found[-1][0] += " " + line
        else:
            found.append([line, heading, False, False])
    return [(item[0], item[1], item[2]) for item in found]


def is_heading(raw: str, line: str) -> bool:
    """A short line ending in ":" (or a markdown "# heading") that is not a bullet item."""
    if raw.lstrip().startswith("#"):
        return True
    return line.endswith(":") and len(line.split()) <= 8 and not BULLET.match(line)


def continues(item: list, line: str) -> bool:
    """A line that starts in lower case after an unfinished item is a wrapped continuation."""
    closed = item[3]
    return not closed and not item[0].rstrip().endswith((".", "!", "?", ":")) and line[:1].islower()


def split_sentences(text: str) -> list[str]:
    """Sentences of running text; abbreviations ("bijv.", "o.a.") and numbers ("7,5", "2.5") stay whole."""
    pieces: list[str] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        candidate = text[start : match.start()]
        if ends_with_abbreviation(candidate):
            continue
        pieces.append(candidate)
        start = match.end()
    pieces.append(text[start:])
    return [p.strip() for p in pieces if p.strip()]


def ends_with_abbreviation(text: str) -> bool:
    """The last word before the full stop is a known abbreviation or an initial ("A.", "t.a.v.")."""
    if not text.endswith("."):
        return False
    last = text.rsplit(None, 1)[-1].rstrip(".").lower()
    return last in ABBREVIATIONS or len(last) == 1 or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", last))


def inline_label(text: str) -> str | None:
    """ "Aandacht: de wachttijd" starts with a label that invites a kind; return that label."""
    match = INLINE_LABEL.match(text)
    if match and prompt_kind(match.group(1)):
        return match.group(1).strip()
    return None
