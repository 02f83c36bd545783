"""Measuring quote scrubbing on sentences whose personal details are marked ``[[...]]``.

Pure. Recall: the share of marked details of which no word is left in the scrubbed text. Wrongly
replaced: the share of the other words that did not survive. A file starts with ``#`` comments,
among them ``# KEEP: a; b`` (the region's keep-list) and ``# REGION: schools=a, b; places=c``
(the region's own terms).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from analysis.privacy.quotes import QuoteScrubber

_MARK = re.compile(r"\[\[(.+?)\]\]")
_TOKEN = re.compile(r"[\w'\-@./+]+")


@dataclass
class Sentence:
    text: str
    #: (start, end) of each personal detail in ``text``
    details: list[tuple[int, int]]


@dataclass
class ScrubSet:
    sentences: list[Sentence]
    keep: list[str] = field(default_factory=list)
    terms: dict[str, list[str]] = field(default_factory=dict)


def read_set(path: Path) -> ScrubSet:
    result = ScrubSet([])
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("# KEEP:"):
            result.keep = [w.strip() for w in line[7:].split(";") if w.strip()]
        elif line.startswith("# REGION:"):
            for part in line[9:].split(";"):
                key, _, words = part.partition("=")
                result.terms[key.strip()] = [w.strip() for w in words.split(",") if w.strip()]
        elif line and not line.startswith("#"):
            text, details, position = "", [], 0
            for m in _MARK.finditer(line):
                text += line[position : m.start()]
                details.append((len(text), len(text) + len(m.group(1))))
                text += m.group(1)
                position = m.end()
            result.sentences.append(Sentence(text + line[position:], details))
    return result


@dataclass
class Figures:
    sentences: int
    details: int
    details_caught: int
    words: int
    words_replaced: int
    misses: list[str]
    wrong: list[str]

    @property
    def recall(self) -> float:
        return self.details_caught / self.details if self.details else 1.0

    @property
    def wrong_share(self) -> float:
        return self.words_replaced / self.words if self.words else 0.0


def measure(data: ScrubSet, scrubber: QuoteScrubber | None = None) -> Figures:
    scrubber = scrubber or QuoteScrubber(keep=data.keep, **data.terms)
    figures = Figures(len(data.sentences), 0, 0, 0, 0, [], [])
    for sentence in data.sentences:
        spans = [(r.start, r.end) for r in scrubber.replacements(sentence.text)]
        for start, end in sentence.details:
            figures.details += 1
            tokens = [(start + m.start(), start + m.end()) for m in _TOKEN.finditer(sentence.text[start:end])]
            if all(_covered(s, e, spans) for s, e in tokens):
                figures.details_caught += 1
            else:
                figures.misses.append(f"{sentence.text[start:end]!r} in {sentence.text!r}")
        for m in _TOKEN.finditer(sentence.text):
            if any(a <= m.start() < b for a, b in sentence.details):
                continue
            figures.words += 1
            if any(a < m.end() and m.start() < b for a, b in spans):
                figures.words_replaced += 1
                figures.wrong.append(f"{m.group(0)!r} in {sentence.text!r}")
    return figures


def _covered(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in spans)
