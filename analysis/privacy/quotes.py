"""Quotes for a report: de-identification that keeps meaning, and a sensible length.

Open answers reach the report through their scrubbed copy (the coding stage: deduce plus the region's
own terms); statements from meeting notes are staff-typed text that can hold the same things. This
pass replaces what identifies a person, whatever the source:

- by its form: e-mail addresses, links, phone numbers, postcodes, street addresses, long numbers (a
  BSN, a client number), and the coding stage's rules for ages ("mijn zoon van 14") and care
  organisations ("Jeugdzorg Oost") from :mod:`analysis.privacy.scrub`;
- the region's own terms (schools, care providers, places, other names), as in the coding stage;
- names: after a title ("mevrouw De Vries", "juf Anja"), names the caller knows (staff), first names
  from deduce's name list (with a surname after them: "Jan de Boer"), and schools after a word such as
  "basisschool" or "obs";
- street names ("Kerkstraat", also without a number).

Nothing is replaced because it merely starts with a capital: organisations, places, programme and
project names stay. The region's **keep-list** (and the programme's own vocabulary) is never
replaced, and a replacement the evaluator undid is left as it was. Every replacement is reported
(:func:`replacements`) so the evaluator can review it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from analysis.privacy import scrub as coding_scrub

NAME = "[naam]"
MAX_QUOTE = 300

#: capitalised words that are ordinary vocabulary in this field, never a name
DOMAIN_WORDS = frozenset(
    {
        "Jeugdwet",
        "Transformatiefonds",
        "Rijk",
        "Zorg",
        "Jeugd",
        "Actieprogramma",
        "Wmo",
        "Jeugdhulp",
        "Nederland",
        "Nederlands",
        "Nederlandse",
        "Europese",
        "Kinderombudsman",
        "Veilig",
        "Thuis",
    }
)
#: placeholder per tag of the coding stage
LABELS = {
    "NAAM": "[naam]",
    "PLAATS": "[plaats]",
    "ADRES": "[adres]",
    "ORGANISATIE": "[organisatie]",
    "SCHOOL": "[school]",
    "LEEFTIJD": "[leeftijd]",
    "TELEFOON": "[telefoonnummer]",
    "E-MAIL": "[e-mail]",
    "POSTCODE": "[postcode]",
    "NUMMER": "[nummer]",
    "LINK": "[link]",
    "URL": "[link]",
    "DATUM": "[datum]",
}

_CAP = r"[A-Z\u00c0-\u00dd][a-z\u00e0-\u00ff'\-]+"
_PARTICLES = r"(?:(?:van|de|der|den|ter|ten|het|la|le|el|al|'t)\s+){0,3}"
_STREET = r"(?:straat|laan|weg|plein|singel|gracht|kade|dreef|steeg|dijk)"
#: suffixes that also end ordinary words ("Tijdpad", "Sportpark"): a street only with a house number
_STREET_NUMBERED = r"(?:hof|park|pad|markt|veld|erf|baan|wal|zijde)"
_OWN_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p, flags), tag)
    for p, flags, tag in (
        (r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", 0, "E-MAIL"),
        (r"\b(?:https?://|www\.)\S+?(?=[.,;:!?)]*(?:\s|$))", re.I, "LINK"),
        (r"(?:\+31|0031|\b0)[\s-]?\d(?:[\s-]?\d){8}\b", 0, "TELEFOON"),
        (r"\b\d{4}\s?[A-Z]{2}\b", 0, "POSTCODE"),
        (r"\b" + _CAP + _STREET + r"(?:\s+\d+\s?[a-zA-Z]?\b)?", 0, "ADRES"),
        (r"\b" + _CAP + _STREET_NUMBERED + r"\s+\d+\s?[a-zA-Z]?\b", 0, "ADRES"),
        (r"\b(?!(?:19|20)\d\d\s?[-–]\s?(?:19|20)?\d\d\b)\d(?:[\s.-]?\d){6,}\b", 0, "NUMMER"),  # not "2015-2018"
        (
            r"\b(?i:jongere|jongen|meisje|kind|kleinzoon|zoontje|dochtertje|broertje|zusje)\s+van\s+(\d{1,2})\b"
            r"(?!\s*(?:tot|t/m|-|jaar\s+(?:gewacht|geleden|lang)))",
            0,
            "LEEFTIJD",
        ),
        (
            r"\b(?i:zoon|dochter|zoontje|dochtertje|broer|broertje|zus|zusje|kleinzoon|kleindochter)\s+"
            + _CAP
            + r"\s+van\s+(\d{1,2})\b(?!\s*(?:tot|t/m|-))",
            0,
            "LEEFTIJD",
        ),
        (r"\b(?i:ik\s+ben)\s+(\d{1,2})\b(?!\s*(?:keer|uur|weken|maanden|jaar\s+(?:bezig|werkzaam)))", 0, "LEEFTIJD"),
    )
)
_TITLED = re.compile(
    r"\b(?:(?i:dhr|mevr|mw|mr|dr|drs|ir|prof)\.?|(?i:meneer|mevrouw|juf|juffrouw|meester|dokter|wethouder|"
    r"familie|burgemeester))\s+("
    + _PARTICLES.replace("(?:van", "(?:[Vv]an|[Dd]e|[Ee]l")
    + _CAP
    + r"(?:\s+"
    + _PARTICLES
    + _CAP
    + r")?)"
)
_SCHOOL = re.compile(
    r"\b(?i:basisschool|obs|cbs|rkbs|pcbs|ikc|kindcentrum|sbo|school|montessorischool|daltonschool)\s+"
    r"((?:[Dd]e\s+|[Hh]et\s+|'t\s+)?" + _CAP + r"(?:\s+" + _CAP + r")*)"
)
_COLLEGE = re.compile(r"\b(?:[Hh]et\s+)?(" + _CAP + r"(?:\s+" + _CAP + r")*\s+(?:College|Lyceum|Gymnasium))\b")
_WORD = re.compile(r"(?<![\w\[\-])" + _CAP + r"(?![\w\-])")
_SURNAME_AFTER = re.compile(r"\s+(" + _PARTICLES + _CAP + r")")
_AGE_IN_BRACKETS = coding_scrub.RULES[0][0]
_JOINED = re.compile(r"\[naam\](?:\s+(?:van|de|der|den|ter|ten|het|'t|en)\b)*\s+\[naam\]")


@dataclass(frozen=True)
class Replacement:
    """One replaced piece of a quote: where, what it was and the placeholder that took its place."""

    start: int
    end: int
    original: str
    label: str


def _phrases(pattern_words: Iterable[str]) -> re.Pattern[str] | None:
    return coding_scrub._lookup(pattern_words)


class QuoteScrubber:
    """The quote pass for one region: its terms, its keep-list and the names it knows."""

    def __init__(
        self,
        names: Iterable[str] = (),
        keep: Iterable[str] = (),
        *,
        places: Iterable[str] = (),
        organisations: Iterable[str] = (),
        schools: Iterable[str] = (),
        other_names: Iterable[str] = (),
    ):
        known = [n.strip() for n in names if n and len(n.strip()) >= 2]
        self.terms = tuple(
            (pattern, tag)
            for pattern, tag in (
                (_phrases(schools), "SCHOOL"),
                (_phrases([*organisations, *coding_scrub.CARE_ORGANISATIONS]), "ORGANISATIE"),
                (_phrases(places), "PLAATS"),
                (_phrases([*other_names, *known]), "NAAM"),
            )
            if pattern is not None
        )
        keep = [k for k in keep if k and k.strip()]
        self.keep = _phrases(keep)
        self.keep_words = DOMAIN_WORDS | {w for phrase in keep for w in re.findall(r"[\w'\-]+", phrase)}
        self.first_names, self.common = coding_scrub.name_lexicon()

    def replacements(self, text: str, undo: Iterable[str] = (), detected: Iterable[Sequence] = ()) -> list[Replacement]:
        """Every piece to replace, in text order, without the ones the evaluator undid. ``detected`` are
        (start, end, tag) spans the coding stage's de-identification found in this text (deduce, its rules
        and the region's terms: :meth:`analysis.privacy.scrub.Scrubber.spans`); they pass the same keep-list and
        undo as the pieces found here, so a pasted note gets exactly the coding stage's rule plus the keep-list."""
        text = str(text or "")
        found: list[tuple[int, int, str]] = [
            (int(start), int(end), str(tag)) for start, end, tag in detected if 0 <= int(start) < int(end) <= len(text)
        ]
        for pattern, tag in _OWN_RULES + coding_scrub.RULES:
            for m in pattern.finditer(text):
                if pattern is _AGE_IN_BRACKETS and m.start() > 0 and not text[m.start() - 1].isspace():
                    continue  # "Daan (12)" is an age, "alert(1)" or "Actielijn(2)" is not
                group = m.lastindex or 0
                found.append((m.start(group), m.end(group), "LINK" if tag == "URL" else tag))
        for pattern, tag in self.terms:
            found += [(m.start(), m.end(), tag) for m in pattern.finditer(text)]
        for pattern, tag in ((_SCHOOL, "SCHOOL"), (_COLLEGE, "SCHOOL"), (_TITLED, "NAAM")):
            found += [(m.start(1), m.end(1), tag) for m in pattern.finditer(text)]
        found += self._first_names(text)
        protected = [(m.start(), m.end()) for m in self.keep.finditer(text)] if self.keep else []
        undone = {u.strip().casefold() for u in undo if u and u.strip()}
        chosen = []
        first: dict[tuple[int, int], str] = {}
        for start, end, tag in found:  # the same piece found twice: the first (most specific) tag wins
            first.setdefault((start, end), tag)
        for start, end, tag in coding_scrub._non_overlapping([(s, e, t) for (s, e), t in first.items()]):
            piece = text[start:end]
            if any(start < e and end > s for s, e in protected) or piece.casefold() in undone:
                continue
            if tag in ("ORGANISATIE", "PLAATS") and piece in self.keep_words:
                continue
            chosen.append(Replacement(start, end, piece, LABELS.get(tag, f"[{tag.lower()}]")))
        return chosen

    def _first_names(self, text: str) -> list[tuple[int, int, str]]:
        """A first name from the lexicon, with the surname after it ("Jan de Boer", "Karin Smit")."""
        found = []
        for m in _WORD.finditer(text):
            word = m.group(0)
            if word not in self.first_names or word in self.keep_words:
                continue
            end = m.end()
            after = _SURNAME_AFTER.match(text, end)
            if (
                after
                and after.group(1).split()[-1] not in self.keep_words
                and after.group(1).split()[-1].lower() not in self.common
            ):
                end = after.end(1)
            found.append((m.start(), end, "NAAM"))
        return found

    def scrub(self, text: str, undo: Iterable[str] = (), detected: Iterable[Sequence] = ()) -> str:
        """The text with every replacement made (placeholders such as ``[naam]``)."""
        result = str(text or "")
        for r in reversed(self.replacements(result, undo, detected)):
            result = result[: r.start] + r.label + result[r.end :]
        previous = None
        while previous != result:
            previous, result = result, _JOINED.sub(NAME, result)
        return result


def scrub_quote(text: str, names: Iterable[str] = (), keep: Iterable[str] = (), **terms) -> str:
    """The text with identifying details replaced; ``names`` always go, ``keep`` phrases always stay;
    ``terms`` are the region's lists (places, organisations, schools, other_names)."""
    return QuoteScrubber(names, keep, **terms).scrub(text)


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
