"""De-identification of Dutch open answers with deduce, a region lookup list and rules for what deduce misses.

deduce is heavy: its first-ever start builds a lookup cache (about a minute, 2 GB), later starts take
seconds and about 1 GB. So there is ONE instance per process, built lazily under a lock, with its
cache in a writable folder: the ``cache_path`` argument, else ``SURVEY_DEDUCE_CACHE``, else
``<project>/.cache/deduce``. Scrubbing lowers the risk of quoting someone; it does not anonymise, so a
person still checks a quote before it is published.
"""

from __future__ import annotations

import gc
import importlib.util
import logging
import os
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
CACHE_ENV = "SURVEY_DEDUCE_CACHE"

#: deduce's tags → the Dutch placeholders shown in quotes.
TAGS = {
    "persoon": "NAAM",
    "patient": "NAAM",
    "voornaam": "NAAM",
    "achternaam": "NAAM",
    "pseudo_name": "NAAM",
    "locatie": "PLAATS",
    "straat": "ADRES",
    "ziekenhuis": "ORGANISATIE",
    "zorginstelling": "ORGANISATIE",
    "instelling": "ORGANISATIE",
    "datum": "DATUM",
    "leeftijd": "LEEFTIJD",
    "telefoonnummer": "TELEFOON",
    "emailadres": "E-MAIL",
    "url": "URL",
    "bsn": "BSN",
    "id": "NUMMER",
}
#: Care organisations deduce does not know (measured misses), matched case-insensitively.
CARE_ORGANISATIONS = (
    "Lindenhout",
    "de Bascule",
    "Bascule",
    "Jeugdbescherming Brabant",
    "Karakter",
    "Accare",
    "Pluryn",
    "Levvel",
    "Youké",
    "Entrea",
    "Timon",
    "Altra",
    "Parlan",
    "Kenter",
    "Jeugdformaat",
    "Youz",
    "Horizon Jeugdzorg",
    "William Schrikker",
    "Leger des Heils",
    "Spirit",
    "Juzt",
    "Combinatie Jeugdzorg",
    "Cardea",
    "Intermetzo",
    "Yorneo",
    "Elker",
)
#: Capitalised words at the start of a sentence that deduce sometimes takes for a name.
NOT_NAMES = frozenset(
    "geluk gelukkig top super fijn helaas prima jammer hulp zorg school thuis graag dank "
    "bedankt alles niets niks nee ja".split()
)

_FAMILY = (
    r"(?:zoon|dochter|kind|jongen|meisje|broer|broertje|zus|zusje|pleegzoon|pleegdochter|stiefzoon|"
    r"stiefdochter|kleinzoon|kleindochter|neef|nicht|puber|tiener)"
)
_NOT_AGE = (
    r"(?!\s*(?:keer|uur|minuten|dagen|weken|maanden|jaar\s+(?:gewacht|geleden|lang)|euro|%|procent|"
    r"kilo|km|"
    r"sessies|gesprekken|afspraken|hulpverleners|begeleiders|instanties|x\b|/10|van\s+de\s+10|punten|sterren))"
)
RULES: tuple[tuple[re.Pattern, str], ...] = (
    (re.compile(r"\(\s*(\d{1,2})\s*(?:jr|jaar)?\s*\)"), "LEEFTIJD"),  # "Daan (12)"
    (
        re.compile(
            r"\b(?:is|ben|was|werd|wordt|zijn|waren)\s+(?:pas\s+|net\s+|bijna\s+|nu\s+|inmiddels\s+|al\s+)?"
            r"(\d{1,2})\b" + _NOT_AGE,
            re.I,
        ),
        "LEEFTIJD",
    ),  # "ze is 15"
    (re.compile(_FAMILY + r"\s+van\s+(?:pas\s+|bijna\s+|net\s+)?(\d{1,2})\b" + _NOT_AGE, re.I), "LEEFTIJD"),
    (re.compile(r"\b(\d{1,2})-?jarige?\b", re.I), "LEEFTIJD"),  # "mijn 14-jarige"
    (
        re.compile(
            r"\b(?:Jeugdbescherming|Jeugdzorg|Jeugdhulp|Veilig Thuis)\s+(?:regio\s+)?[A-Z][\w'-]+"
            r"(?:[ -][A-Z][\w'-]+)?"
        ),
        "ORGANISATIE",
    ),
    (re.compile(r"(?<![\w.])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "E-MAIL"),
    (
        re.compile(r"(?<![\d-])(?:\+31|0031|0)[\s-]?(?:6[\s-]?(?:\d[\s-]?){7}\d|[1-9](?:[\s-]?\d){8})(?![\d-])"),
        "TELEFOON",
    ),
    (re.compile(r"\b[1-9]\d{3}\s?[A-Z]{2}\b"), "POSTCODE"),
    (re.compile(r"(?<!\d)\d{9}(?!\d)"), "NUMMER"),
)

_lock = threading.Lock()
_instance = None


def cache_dir(cache_path: str | os.PathLike | None = None) -> Path:
    """deduce's lookup cache folder: the argument, else $SURVEY_DEDUCE_CACHE, else <project>/.cache/deduce."""
    return Path(cache_path or os.environ.get(CACHE_ENV) or PROJECT / ".cache" / "deduce")


def get_deduce(cache_path: str | os.PathLike | None = None):
    """The process-wide deduce instance, built once (thread-safe) with the garbage collector paused."""
    global _instance
    if _instance is None:
        with _lock:
            if _instance is None:
                _instance = _build(cache_dir(cache_path))
    return _instance


def _build(path: Path):
    Deduce = _import_deduce()  # noqa: N806 - the class, as deduce names it
    path.mkdir(parents=True, exist_ok=True)
    was_enabled = gc.isenabled()
    gc.disable()  # building millions of small lookup objects: collection passes triple the start time
    try:
        return Deduce(cache_path=path)
    finally:
        if was_enabled:
            gc.enable()
        gc.freeze()  # the lookup structures live for the whole process; keep them out of later collections


def _import_deduce():
    """deduce's class, imported without what the import does to the whole process: deduce calls
    ``logging.basicConfig(stream=sys.stdout, level=logging.DEBUG)``, which put every library's debug lines
    (the job scheduler's every second) into the server's log from the first scrubbing job on."""
    root = logging.getLogger()
    level, handlers = root.level, list(root.handlers)
    try:
        from deduce import Deduce
    finally:
        for handler in root.handlers[:]:
            if handler not in handlers:
                root.removeHandler(handler)
        root.setLevel(level)
    return Deduce


def warm_cache(cache_path: str | os.PathLike | None = None) -> Path:
    """Build deduce's lookup cache (and this process's instance) once, e.g. before a test run."""
    get_deduce(cache_path)
    return cache_dir(cache_path)


@dataclass(frozen=True)
class ScrubResult:
    """The scrubbed text and the placeholders put in, in order of appearance."""

    text: str
    tags: tuple[str, ...]

    @property
    def changed(self) -> bool:
        """True when anything was replaced."""
        return bool(self.tags)


class Scrubber:
    """Replaces names, places, organisations, ages, phone numbers, e-mail addresses and dates with [TAGS]."""

    def __init__(
        self,
        places: Iterable[str] = (),
        organisations: Iterable[str] = (),
        schools: Iterable[str] = (),
        names: Iterable[str] = (),
        use_deduce: bool = True,
        cache_path: str | os.PathLike | None = None,
    ):
        self.lookups = tuple(
            (pattern, tag)
            for pattern, tag in (
                (_lookup(places), "PLAATS"),
                (_lookup((*organisations, *CARE_ORGANISATIONS)), "ORGANISATIE"),
                (_lookup(schools), "SCHOOL"),
                (_lookup(names), "NAAM"),
            )
            if pattern is not None
        )
        self.use_deduce = use_deduce
        self.cache_path = cache_path

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping (start, end, tag) spans to replace, from deduce, the lookup lists and the rules."""
        found = [(m.start(), m.end(), tag) for pattern, tag in self.lookups for m in pattern.finditer(text)]
        for pattern, tag in RULES:
            # a rule with a group replaces only the group: "ze is 15" → "ze is [LEEFTIJD]"
            found += [(m.start(m.lastindex or 0), m.end(m.lastindex or 0), tag) for m in pattern.finditer(text)]
        chosen = _non_overlapping(found)
        if self.use_deduce and text.strip():
            # The region's own lists are more precise than deduce: "Mevrouw de Vries van Jeugdzorg Oost"
            # becomes "[NAAM] van [ORGANISATIE]" rather than one long name.
            pieces = [p for span in _deduce_spans(text, self.cache_path) for p in _outside(span, chosen, text)]
            chosen = _non_overlapping(chosen + _non_overlapping(pieces), keep=chosen)
        return chosen

    def scrub(self, text: str) -> ScrubResult:
        """The answer with identifying parts replaced by placeholders such as [NAAM] and [PLAATS]."""
        text = text or ""
        spans = self.spans(text)
        out = text
        for start, end, tag in reversed(spans):
            out = out[:start] + f"[{tag}]" + out[end:]
        return ScrubResult(out, tuple(tag for _, _, tag in spans))

    def scrub_many(self, texts: Sequence[str]) -> list[ScrubResult]:
        """Scrub a batch of answers."""
        return [self.scrub(t) for t in texts]


def _deduce_spans(text: str, cache_path) -> list[tuple[int, int, str]]:
    deduce = get_deduce(cache_path)
    with _lock:  # one shared pipeline: keep calls from several threads apart
        annotations = deduce.deidentify(text).annotations
    out = []
    for a in annotations:
        tag = TAGS.get(a.tag.split("-")[0].lower(), a.tag.upper())
        if tag == "NAAM" and a.text.strip().lower() in NOT_NAMES:
            continue
        start = _name_start(text, a.start_char, a.end_char) if tag == "NAAM" else a.start_char
        out.append((start, a.end_char, tag))
    return out


_FIRST_WORD = re.compile(r"(\S+)\s+([^\W\d_]+)\s+\S")
_SENTENCE_END = ".!?:;•-–—*"


def _name_start(text: str, start: int, end: int) -> int:
    """Where a name deduce found really starts: deduce takes the capitalised word that opens a sentence into
    the name when a first name follows ("Bel Henk Jansen op …", "Vraag Anja om …"), and replacing the whole
    span would take the verb with it. That word is left out when it is no first name itself and the word after
    it is one, with a surname after it (a title before a surname alone, "Mevrouw Jansen", stays in the name)."""
    found = _FIRST_WORD.match(text, start, end)
    if found is None:
        return start
    first_names = name_lexicon()[0]
    before = text[:start].rstrip()
    opens_sentence = not before or before[-1] in _SENTENCE_END
    if opens_sentence and found.group(1) not in first_names and found.group(2) in first_names:
        return found.start(2)
    return start


@lru_cache(maxsize=1)
def name_lexicon() -> tuple[frozenset[str], frozenset[str]]:
    """(first names, common Dutch words) from deduce's lookup lists; empty when deduce is absent."""
    spec = importlib.util.find_spec("deduce")
    if spec is None or not spec.submodule_search_locations:
        return frozenset(), frozenset()
    base = Path(next(iter(spec.submodule_search_locations))) / "data" / "lookup" / "src"

    def lines(relative: str) -> set[str]:
        path = base / relative
        return (
            {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
            if path.exists()
            else set()
        )

    common = {
        w.lower() for w in lines("whitelist/lst_common_word/items.txt") | lines("whitelist/lst_stop_word/items.txt")
    }
    names = lines("names/lst_first_name/items.txt") - lines("names/lst_first_name/exceptions.txt")
    return frozenset(n for n in names if n.lower() not in common), frozenset(common)


def _lookup(words: Iterable[str]) -> re.Pattern | None:
    """One case-insensitive whole-word pattern for a list, longest entries first."""
    words = sorted({w.strip() for w in words if w and w.strip()}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.I)


def _outside(span: tuple[int, int, str], chosen: list[tuple[int, int, str]], text: str):
    """The parts of a span that no chosen span covers, without dangling connecting words."""
    pieces = [(span[0], span[1])]
    for s, e, _ in chosen:
        pieces = [q for a, b in pieces for q in ((a, min(b, s)), (max(a, e), b)) if q[0] < q[1]]
    if pieces == [(span[0], span[1])]:  # not cut: keep deduce's span as it is ("de Vries")
        yield span
        return
    for a, b in pieces:
        part = text[a:b]
        core = _CONNECTORS.sub("", part)
        if len(core.strip()) > 1:
            offset = part.index(core.strip())
            yield a + offset, a + offset + len(core.strip()), span[2]


_JOIN = r"(?:\s|\b(?:van|bij|de|het|en|in|op)\b)+"
_CONNECTORS = re.compile(rf"^{_JOIN}|{_JOIN}$", re.I)


def _non_overlapping(spans: list[tuple[int, int, str]], keep: Sequence = ()) -> list[tuple[int, int, str]]:
    """The longest of overlapping spans (earliest on ties), in text order; ``keep`` spans always stay."""
    chosen: list[tuple[int, int, str]] = list(keep)
    for start, end, tag in sorted(set(spans) - set(keep), key=lambda s: (-(s[1] - s[0]), s[0])):
        if start < end and all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, tag))
    return sorted(chosen)
