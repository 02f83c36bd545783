"""The evaluator's quote review: which statements of a section are published, and how.

Pure. Every statement of a section (an enquête answer, a pasted note) has a stable key: a hash of its
project, its section and its source text, so a decision survives building the draft again. A decision
keeps the statement, shortens it (the evaluator's text), merges it into a near-duplicate (the other
statement is published once, with a count) or leaves it out. A statement without a decision is not
published: only reviewed statements reach the report.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

KEEP, EDIT, MERGE, OMIT = "houden", "ingekort", "samengevoegd", "weglaten"
DECISIONS = (KEEP, EDIT, MERGE, OMIT)
_WORD = re.compile(r"[a-zà-ÿ0-9]+")


def statement_key(project_id: int | None, section: str, text: str) -> str:
    """SHA-256 (hex) of project, section and the statement's source text with its spacing folded."""
    flat = " ".join(str(text or "").split())
    return hashlib.sha256(f"{project_id or ''}\x1f{section}\x1f{flat}".encode()).hexdigest()


@dataclass(frozen=True)
class Statement:
    """One statement that could be published in a section."""

    key: str
    text: str
    #: "enquete" or "notes"
    origin: str
    #: where it comes from, for the evaluator ("Stakeholder-enquête", "Heimiddag 12 maart")
    source: str = ""
    #: (key, label) of its first theme, for grouping; empty for notes
    theme: tuple[str, str] = ("", "")
    #: who said it (role, organisation), shown only when the evaluator marks it public
    attribution: str = ""
    #: what the quote pass replaced, as (original, placeholder), for the evaluator's review
    replacements: tuple[tuple[str, str], ...] = ()
    #: originals the evaluator put back
    undone: tuple[str, ...] = ()


@dataclass(frozen=True)
class Decision:
    decision: str
    text: str = ""
    merged_into: str | None = None
    attribution_public: bool = False
    undone: tuple[str, ...] = ()


@dataclass(frozen=True)
class Published:
    """A statement as the report shows it: the (possibly shortened) text and how many said it."""

    key: str
    text: str
    count: int
    origin: str
    theme: tuple[str, str] = ("", "")
    attribution: str = ""
    merged: tuple[str, ...] = field(default=())


def publish(statements: Sequence[Statement], decisions: Mapping[str, Decision]) -> tuple[list[Published], int]:
    """The published statements in their order, and how many statements still have no decision.

    A merge into a statement that is itself left out or not reviewed publishes nothing; a merge chain
    ends at the first statement that is kept or shortened.
    """
    by_key = {s.key: s for s in statements}
    counts: dict[str, int] = {}
    merged: dict[str, list[str]] = {}
    pending = 0
    for statement in statements:
        decision = decisions.get(statement.key)
        if decision is None:
            pending += 1
            continue
        if decision.decision == MERGE:
            target = _final(statement.key, decisions, by_key)
            if target is not None:
                counts[target] = counts.get(target, 1) + 1
                merged.setdefault(target, []).append(statement.key)
    result = []
    for statement in statements:
        decision = decisions.get(statement.key)
        if decision is None or decision.decision not in (KEEP, EDIT):
            continue
        text = decision.text.strip() if decision.decision == EDIT and decision.text.strip() else statement.text
        who = statement.attribution if decision.attribution_public else ""
        result.append(
            Published(
                statement.key,
                text,
                counts.get(statement.key, 1),
                statement.origin,
                statement.theme,
                who,
                tuple(merged.get(statement.key, ())),
            )
        )
    return result, pending


def _final(key: str, decisions: Mapping[str, Decision], by_key: Mapping[str, Statement]) -> str | None:
    seen = {key}
    current = decisions[key].merged_into
    while current is not None and current in by_key and current not in seen:
        decision = decisions.get(current)
        if decision is None or decision.decision == OMIT:
            return None
        if decision.decision in (KEEP, EDIT):
            return current
        seen.add(current)
        current = decision.merged_into
    return None


def similarity(a: str, b: str) -> float:
    """Share of words two statements have in common (Jaccard on lower-case words)."""
    left, right = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    return len(left & right) / len(left | right) if left and right else 0.0


def near_duplicates(statements: Sequence[Statement], threshold: float = 0.5) -> dict[str, str]:
    """For each statement the most similar earlier statement of the section when they share at least
    ``threshold`` of their words: a suggestion to merge, never applied by itself."""
    found = {}
    for i, statement in enumerate(statements):
        best = max(((similarity(statement.text, other.text), other.key) for other in statements[:i]), default=(0.0, ""))
        if best[0] >= threshold:
            found[statement.key] = best[1]
    return found


def unique(statements: Iterable[Statement]) -> list[Statement]:
    """Each key once (the same text said twice in one section is one statement), first first."""
    seen, result = set(), []
    for statement in statements:
        if statement.key not in seen:
            seen.add(statement.key)
            result.append(statement)
    return result
