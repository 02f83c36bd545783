"""The taalcheck: transparent rules for Dutch at level B1 (docs/domain.md, "Instruments"). Not a B1 certificate.

``check(text)`` returns findings as codes with data; the web layer turns them into Dutch sentences.
Rules: sentences over 15 words, long words and compounds, jargon (with a plainer alternative), passive
voice (a form of *worden* with a past participle in the same clause), double negatives (two negations in
one clause) and more than one question in one text. Piping placeholders such as ``{T1}`` are ignored.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

LONG_SENTENCE = "long_sentence"
LONG_WORD = "long_word"
JARGON = "jargon"
PASSIVE = "passive"
DOUBLE_NEGATIVE = "double_negative"
MULTIPLE_QUESTIONS = "multiple_questions"
CODES = (LONG_SENTENCE, LONG_WORD, JARGON, PASSIVE, DOUBLE_NEGATIVE, MULTIPLE_QUESTIONS)

#: jargon (docs/domain.md, "Instruments") with a plainer alternative (matched without accents, also in compounds)
DEFAULT_JARGON = {
    "beschikking": "besluit van de gemeente over uw hulp",
    "indicatie": "besluit over welke hulp er komt",
    "bejegening": "hoe de hulpverlener met u omging",
    "continuïteit": "hulp die zonder onderbreking doorgaat",
    "casusregie": "wie de hulp regelt",
    "zorgcontinuïteit": "hulp die zonder onderbreking doorgaat",
    "toegang": "hoe u aan hulp kwam",
}

PASSIVE_AUXILIARIES = frozenset({"word", "wordt", "worden", "werd", "werden"})
NEGATIONS = frozenset({"niet", "geen", "nooit", "niemand", "niets"})
QUESTION_STARTS = frozenset(
    {
        "wat",
        "wie",
        "waar",
        "wanneer",
        "waarom",
        "hoe",
        "welke",
        "welk",
        "waarmee",
        "waarover",
        "kun",
        "kunt",
        "kan",
        "wil",
        "wilt",
        "heb",
        "hebt",
        "heeft",
        "ben",
        "bent",
        "is",
        "was",
        "vind",
        "vindt",
        "weet",
        "zou",
        "gaat",
        "ga",
        "doe",
        "doet",
        "mag",
        "moet",
    }
)
#: words that look like a past participle but are not one (ge- nouns and adjectives)
NOT_PARTICIPLES = frozenset(
    {
        "geen",
        "gezond",
        "gebied",
        "geld",
        "gezin",
        "gezinnen",
        "gemeenten",
        "gesprekken",
        "gevolgen",
        "gebieden",
        "geheugen",
        "gewoonten",
        "gedachten",
        "gevoelens",
        "gebeurtenissen",
        "gegevens",
        "getallen",
        "gedicht",
        "gezicht",
        "gewicht",
        "gerecht",
        "gebed",
        "geest",
        "gemiddeld",
        "gebit",
        "genen",
        "bedden",
        "beden",
        "verleden",
        "verschillen",
        "vertrouwen",
        "verhalen",
        "verwachten",
        "besluiten",
        "belangen",
        "ervaringen",
        "erven",
        "ontmoeten",
        "verder",
        "bedoelen",
        "begrijpen",
        "betalen",
        "beginnen",
        "verbeteren",
        "veranderen",
        "vertellen",
        "ervaren",
        "herstellen",
    }
)
SEPARABLE_PREFIXES = (
    "aan",
    "af",
    "bij",
    "door",
    "in",
    "mee",
    "na",
    "om",
    "op",
    "over",
    "terug",
    "toe",
    "uit",
    "vast",
    "voor",
    "weg",
    "samen",
    "tegen",
    "thuis",
)
PARTICIPLE = re.compile(r"^(?:" + "|".join(SEPARABLE_PREFIXES) + r")?(?:ge|be|ver|ont|her|er)[a-zà-ÿ]{2,}(?:d|t|en)$")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
CLAUSE_BREAK = re.compile(
    r"[,;:()–—]|\s-\s|\b(?:omdat|maar|want|terwijl|doordat|zodat|wanneer|als|en|of)\b", re.IGNORECASE
)
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*|\d+(?:[.,]\d+)?", re.UNICODE)


@dataclass(frozen=True)
class Settings:
    """Thresholds and the jargon list; every rule is configurable."""

    max_words: int = 15
    max_word_length: int = 15
    jargon: dict = field(default_factory=lambda: dict(DEFAULT_JARGON))


@dataclass(frozen=True)
class Finding:
    """One flag: ``code`` names the rule, ``data`` holds what the message needs, ``excerpt`` the spot."""

    code: str
    data: dict
    excerpt: str


def check(text: str, settings: Settings | None = None) -> list[Finding]:
    """Every finding for one text (a question, a statement, an introduction)."""
    settings = settings or Settings()
    clean = PLACEHOLDER.sub("", text or "").strip()
    if not clean:
        return []
    findings: list[Finding] = []
    for sentence in sentences(clean):
        findings.extend(_sentence_findings(sentence, settings))
    findings.extend(_question_findings(clean))
    return findings


def sentences(text: str) -> list[str]:
    """Split on . ! ? and line breaks; empty parts are dropped."""
    return [part.strip() for part in SENTENCE_END.split(text) if part and part.strip()]


def words(text: str) -> list[str]:
    return WORD.findall(text)


def _sentence_findings(sentence: str, settings: Settings) -> list[Finding]:
    found = []
    tokens = words(sentence)
    if len(tokens) > settings.max_words:
        found.append(Finding(LONG_SENTENCE, {"words": len(tokens), "max": settings.max_words}, _excerpt(sentence)))
    seen_long, seen_jargon = set(), set()
    for token in tokens:
        letters = sum(ch.isalpha() for ch in token)
        if letters > settings.max_word_length and token.lower() not in seen_long:
            seen_long.add(token.lower())
            found.append(
                Finding(LONG_WORD, {"word": token, "letters": letters, "max": settings.max_word_length}, token)
            )
        term = _jargon_term(token, settings.jargon)
        if term and term not in seen_jargon:
            seen_jargon.add(term)
            found.append(Finding(JARGON, {"word": token, "term": term, "alternative": settings.jargon[term]}, token))
    for clause in clauses(sentence):
        found.extend(_clause_findings(clause))
    return found


def clauses(sentence: str) -> list[str]:
    """Parts of a sentence between commas, colons and conjunctions."""
    return [part.strip() for part in CLAUSE_BREAK.split(sentence) if part and part.strip()]


def _clause_findings(clause: str) -> list[Finding]:
    found = []
    lowered = [w.lower() for w in words(clause)]
    auxiliaries = [w for w in lowered if w in PASSIVE_AUXILIARIES]
    participles = [w for w in lowered if is_participle(w)]
    if auxiliaries and participles:
        found.append(Finding(PASSIVE, {"auxiliary": auxiliaries[0], "participle": participles[0]}, _excerpt(clause)))
    negations = [w for w in lowered if w in NEGATIONS]
    if len(negations) >= 2:
        found.append(Finding(DOUBLE_NEGATIVE, {"words": " … ".join(negations[:2])}, _excerpt(clause)))
    return found


def is_participle(word: str) -> bool:
    """A past participle such as gegeven, gebruikt, besproken, uitgelegd (ge-/be-/ver-… + d/t/en)."""
    word = word.lower()
    return word not in NOT_PARTICIPLES and bool(PARTICIPLE.match(word))


def _question_findings(text: str) -> list[Finding]:
    if text.count("?") >= 2:
        return [Finding(MULTIPLE_QUESTIONS, {"marks": text.count("?")}, _excerpt(text))]
    for sentence in sentences(text):
        if not sentence.endswith("?"):
            continue
        lowered = [w.lower() for w in words(sentence)]
        for i, word in enumerate(lowered[1:-1], start=1):
            if word in ("en", "of") and lowered[i + 1] in QUESTION_STARTS:
                return [Finding(MULTIPLE_QUESTIONS, {"joiner": word}, _excerpt(sentence))]
    return []


def _jargon_term(token: str, jargon: dict) -> str | None:
    plain = _fold(token)
    for term in sorted(jargon, key=len, reverse=True):
        if _fold(term) in plain:
            return term
    return None


def _fold(text: str) -> str:
    """Lower case without accents: continuïteit and continuiteit match."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _excerpt(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def summarise(findings: list[list[Finding]] | list[Finding]) -> dict[str, int]:
    """Counts per rule over many texts (a list of finding lists, or one flat list)."""
    flat = [f for group in findings for f in (group if isinstance(group, list) else [group])]
    counts = Counter(f.code for f in flat)
    return {code: counts[code] for code in CODES if counts[code]}
