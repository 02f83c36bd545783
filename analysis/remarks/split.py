"""Split a pasted block of notes into separate remarks, keeping the heading each one stood under."""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.remarks.prompts import bare_heading, prompt_kind
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
#: Markdown emphasis around words ("*70 studenten*", "__gehoord__"); a lone asterisk ("bereikt*", "5 * 3") is none.
EMPHASIS = re.compile(r"(?<![\w*])(\*{1,2}|_{1,2})(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![\w*])")
#: List markers left at the start of an item ("• - Ouders …")
LEFTOVER_MARKERS = re.compile(r"^(?:[-\u2013\u2014\u2022*\u00b7\u25aa\u25e6\u2023]\s+)+")
#: Words in a question that can head a list ("Wat heeft het programma nodig om alsnog een succes te worden?")
QUESTION_HEADING_WORDS = 12


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
            label, part = labelled(plain(part))
            if part:
                remarks.append(SplitRemark(part, label or heading))
    return remarks


def blocks(text: str) -> list[tuple[str, str | None, bool]]:
    """(text, heading, came from a bullet) per item; wrapped lines are joined to their item."""
    found: list[list] = []
    heading: str | None = None
    raws = (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [HEADING_MARKUP.sub("", raw).strip() for raw in raws]
    opens = True  # the line starts a block: first, or after a blank line or a heading
    for number, (raw, line) in enumerate(zip(raws, lines, strict=True)):
        if not line:
            if found:
                found[-1][3] = True  # a blank line closes the item
            opens = True
            continue
        if is_heading(raw, line) or question_heading(line, next((n for n in lines[number + 1 :] if n), None), opens):
            heading, opens = line.rstrip(":").strip(), True
            continue
        opens = False
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


def question_heading(line: str, following: str | None, opens: bool = True) -> bool:
    """A short question that is no list item and has statements under it is a heading, as a line ending in ":"
    is: when a list item follows ("Wat werkt goed?" above bullets), or, when it starts a block, when it invites
    a kind and any statement follows ("Wat heeft het programma nodig?"). A question in a list or among running
    lines ("Kunnen jullie eerder bellen?") stays a statement, and so does one with nothing under it."""
    if not following or not line.endswith("?") or not line[:1].isupper() or BULLET.match(line):
        return False
    if len(line.split()) > QUESTION_HEADING_WORDS:
        return False
    return bool(BULLET.match(following)) or (opens and prompt_kind(line) is not None)


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


def labelled(text: str) -> tuple[str | None, str]:
    """The inline label of a statement and the statement without it. A label that is a heading of its own
    ("Trots op: de oudersraad", "Tip: …") is taken off the statement, which then starts with a capital; a label
    that only contains heading words ("Het advies van de raad: meer overleg") stays part of it."""
    label = inline_label(text)
    if label is None or bare_heading(label) is None:
        return label, text
    rest = text.split(":", 1)[1].strip()
    if rest[:1].islower() and not rest[1:2].isupper():
        rest = rest[0].upper() + rest[1:]
    return label, rest


def plain(text: str) -> str:
    """Pasted text without Markdown emphasis around words or list markers left at its start."""
    text = LEFTOVER_MARKERS.sub("", text.strip())
    for _ in range(3):  # "***nested***" emphasis, one layer a pass
        stripped = EMPHASIS.sub(r"\2", text)
        if stripped == text:
            break
        text = stripped
    return text.strip()
