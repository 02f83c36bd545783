"""Which kind of remark a question or heading invites: the prior for classifying its answers, and which lines
of pasted notes are nothing but such a heading."""

from __future__ import annotations

import re
from collections.abc import Sequence

from analysis.remarks.cues import KINDS
from analysis.remarks.words import compile_terms, entries, mapping
from analysis.text import fold

#: Checked in this order (data/headings.json); a matched span is removed before the next kind is tried, so
#: "Wat gaat niet goed?" is a worry prompt and does not also count as "gaat goed".
PROMPT_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern)) for kind, pattern in mapping("headings").items()
)


def prompt_kind(prompt: str | None) -> str | None:
    """The kind a question or heading invites ("Waar bent u trots op?" -> compliment), or None.

    A kind name is returned as is. A prompt that invites two kinds ("Tips en tops", "Wat gaat goed en
    wat kan beter?") or none ("Heeft u nog opmerkingen?") gives no prior.
    """
    if not prompt:
        return None
    text = fold(prompt).strip().rstrip(":?. ")
    if text in KINDS:
        return text
    found = []
    for kind, pattern in PROMPT_PATTERNS:
        if pattern.search(text):
            found.append(kind)
            text = pattern.sub(" ", text)
    return found[0] if len(found) == 1 else None


#: Questions and headings that ask what is not yet right (data/attention_prompts.txt).
ATTENTION_PATTERN = compile_terms(entries("attention_prompts"))


def asks_attention(prompt: str | None) -> bool:
    """Whether a question or heading asks what needs attention or could be better ("Waar vraagt u aandacht
    voor?", "Wat kan beter?"): its answers voice a concern even when they are phrased as advice."""
    return bool(prompt) and bool(ATTENTION_PATTERN.search(fold(prompt)))


def as_prompts(prompts: str | Sequence[str | None] | None, n: int) -> list[str | None]:
    """One prompt kind per remark from None, a single prompt, or a prompt per remark."""
    if prompts is None or isinstance(prompts, str):
        return [prompt_kind(prompts)] * n
    if len(prompts) != n:
        raise ValueError(f"expected {n} prompts, got {len(prompts)}")
    return [prompt_kind(p) for p in prompts]


#: A line that is nothing but a heading inviting a kind, also without a colon ("Aandachtspunten", "## Opvallend",
#: "Wat werkt goed?"), or an inline label of one ("Tip: …"): the whole line names the heading, so a line that
#: only contains such words ("Korte lijnen werken goed", "Goed") is none.
BARE_HEADING = re.compile(
    r"^(?:wat\s+)?(?:(?:waar\s+(?:zijn\s+|ben\s+|bent\s+)?(?:we|wij|ik|u|jullie)\s+(?:(?:heel|erg|echt)\s+)?)?"
    r"trots\s+op(?:\s+(?:zijn|ben|bent))?|trots|"
    r"(?:wat\s+)?(?:werkt|gaat)\s+goed|goed\s+gaat|wat\s+goed\s+gaat|succes(?:sen)?|tops?|pluspunt(?:en)?|"
    r"compliment(?:en)?|aandacht(?:s?punt(?:en)?)?|wat\s+(?:heeft|vraagt|verdient)\s+aandacht|wat\s+kan\s+beter|"
    r"verbeterpunt(?:en)?|knelpunt(?:en)?|zorg(?:en|punt(?:en)?)?|minpunt(?:en)?|tips?|advie[sz]|suggesties?|"
    r"aanbeveling(?:en)?|leerpunt(?:en)?|opvallend(?:e\s+punten)?|wat\s+(?:valt|viel)\s+op|opgevallen)$"
)
_MARKUP = re.compile(r"^[#*_\s]+|[*_\s]+$")


def bare_heading(line: str | None) -> str | None:
    """The heading a line is when it is only a known heading ("Aandachtspunten", "**Opvallend**", "Wat werkt
    goed:", "Waar zijn we trots op?"), without its markup and final colon or question mark; else None."""
    text = _MARKUP.sub("", line or "").strip()
    text = _MARKUP.sub("", text[:-1] if text.endswith((":", "?")) else text).strip()
    return text if text and BARE_HEADING.match(" ".join(fold(text).split())) else None
