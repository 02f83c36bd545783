"""Coding open answers into themes: rule matching from a codebook, and suggestions merged with a model.

The caller imports everything it needs from here: codebooks, the matcher, the classifier, the
threshold curve, suggestions, quality and agreement figures.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import simplemma

from analysis.agreement import AgreementResult, agreement, cohen_kappa, krippendorff_alpha
from analysis.classifier import ThemeClassifier, cross_val_proba, proba_to_sets, threshold_curve
from analysis.codebook import Codebook, CodebookError, Theme, default_codebook
from analysis.quality import AutoCoding, auto_coding, micro_f1, pick_threshold, theme_quality
from analysis.text import lemma, tokenize, uninflected

__all__ = [
    "HUMAN",
    "MODEL",
    "RULE",
    "AgreementResult",
    "AutoCoding",
    "Codebook",
    "CodebookError",
    "CodebookMatcher",
    "RuleHit",
    "Suggestion",
    "Theme",
    "ThemeClassifier",
    "agreement",
    "auto_coding",
    "cohen_kappa",
    "cross_val_proba",
    "default_codebook",
    "krippendorff_alpha",
    "micro_f1",
    "pick_threshold",
    "proba_to_sets",
    "suggest",
    "theme_quality",
    "threshold_curve",
]

RULE, MODEL, HUMAN = "regel", "model", "mens"
#: Shortest seed that may match inside a compound ("wacht" in "wachtlijst", "bellen" in "terugbellen").
MIN_AFFIX = 5
#: Shortest other part of such a compound: "delen" is in "kennisdelen" but not in "handelen".
MIN_REST = 4
#: Endings of plurals and inflected forms that simplemma leaves alone in words it does not know.
INFLECTIONS = frozenset(("s", "en", "e", "n", "'s"))


@dataclass(frozen=True)
class RuleHit:
    """A theme found by the codebook in one answer, with the answer words that matched."""

    theme: str
    words: tuple[str, ...]
    provenance: str = RULE


@dataclass(frozen=True)
class Suggestion:
    """A theme proposed (or, for provenance 'mens', given) for one answer."""

    answer: int
    theme: str
    provenance: str
    probability: float | None = None
    words: tuple[str, ...] = ()
    auto: bool = False


class CodebookMatcher:
    """Rule coding: a theme applies when one of its seed words or phrases occurs in the answer's lemmas."""

    def __init__(self, codebook: Codebook, min_affix: int = MIN_AFFIX):
        self.codebook = codebook
        self.min_affix = min_affix

    def fit(self, texts: Iterable[str] | None = None, label_sets: Iterable | None = None) -> CodebookMatcher:
        """Compile the seeds into lemma patterns (no learning; arguments are accepted for pipelines)."""
        self.single_: dict[str, list[str]] = {}
        self.phrases_: list[tuple[str, tuple[frozenset[str], ...]]] = []
        for theme in self.codebook.themes:
            for seed in theme.seeds:
                parts = tuple(_seed_forms(t) for t in tokenize(seed))
                if len(parts) == 1:
                    for form in parts[0]:
                        self.single_.setdefault(form, []).append(theme.key)
                elif parts:
                    self.phrases_.append((theme.key, parts))
        self.forms_ = frozenset(self.single_).union(*(p for _, parts in self.phrases_ for p in parts))
        self.themes_ = self.codebook.keys
        self._token_cache: dict[str, frozenset[str]] = {}
        return self

    def _seeds_in(self, token: str) -> frozenset[str]:
        """Seed forms that a token matches: same word or lemma, or a long seed inside a compound."""
        hit = self._token_cache.get(token)
        if hit is None:
            forms = _forms(token)
            hit = frozenset(
                s for s in self.forms_ if s in forms or (len(s) >= self.min_affix and any(_affix(s, f) for f in forms))
            )
            self._token_cache[token] = hit
        return hit

    def match_one(self, text: str) -> tuple[RuleHit, ...]:
        """The themes whose seeds occur in one answer, in codebook order, with the matched words."""
        tokens = tokenize(text)
        seeds_per_token = [self._seeds_in(t) for t in tokens]
        words: dict[str, list[str]] = {}
        for token, seeds in zip(tokens, seeds_per_token, strict=True):
            for key in dict.fromkeys(k for seed in seeds for k in self.single_.get(seed, ())):
                words.setdefault(key, []).append(token)
        present = frozenset().union(*seeds_per_token)
        for key, parts in self.phrases_:
            if not all(p & present for p in parts):  # quick check: most answers hold no phrase at all
                continue
            found = _phrase_at(parts, tokens, seeds_per_token)
            if found:
                words.setdefault(key, []).append(found)
        return tuple(RuleHit(k, tuple(dict.fromkeys(words[k]))) for k in self.themes_ if k in words)

    def match(self, texts: Iterable[str]) -> list[tuple[RuleHit, ...]]:
        """Rule hits for each answer."""
        return [self.match_one(t) for t in texts]

    def predict(self, texts: Iterable[str]) -> list[frozenset[str]]:
        """The set of theme keys per answer."""
        return [frozenset(h.theme for h in hits) for hits in self.match(texts)]


def _forms(token: str) -> frozenset[str]:
    """A word and its lemma (simplemma lemmatises an infinitive alone differently from its inflections), and
    for an inflected adjective simplemma does not know, its base form ("residentiele" -> "residentieel")."""
    base = lemma(token)
    return frozenset((token, base, base.replace("_", ""), *uninflected(token)))


def _seed_forms(seed: str) -> frozenset[str]:
    """The forms a seed word matches. A seed infinitive stays a verb: simplemma lemmatises "delen" alone to
    the noun "deel", which would make every "een groot deel" a hit; "deelt" and "gedeeld" lemmatise to
    "delen" and still match."""
    base = lemma(seed)
    if base != seed and seed.endswith("en") and simplemma.is_known(seed, lang="nl"):
        return frozenset((seed,))
    return _forms(seed)


def _affix(seed: str, form: str) -> bool:
    """A seed that starts or ends a longer word at a word boundary: the rest is a Dutch word of at least
    ``MIN_REST`` letters (a linking s or e allowed), so "wachtlijst" holds "wacht" and "handelen" does not
    hold "delen" ('_' joins separable verbs in lemmas)."""
    if len(form) <= len(seed):
        return False
    if form.startswith(seed):
        rest = form[len(seed) :].lstrip("_")
        if rest in INFLECTIONS:  # "gezinsvormen" for the seed "gezinsvorm": a plural, not a compound
            return True
        return _word(rest) or (rest[:1] in "se" and _word(rest[1:]))
    if form.endswith(seed):
        rest = form[: -len(seed)].rstrip("_")
        return _word(rest) or (rest[-1:] in "se" and _word(rest[:-1]))
    return False


@lru_cache(maxsize=50_000)
def _word(part: str) -> bool:
    """A compound part: at least MIN_REST letters and a known Dutch word."""
    return len(part) >= MIN_REST and part.isalpha() and simplemma.is_known(part, lang="nl")


def _phrase_at(
    parts: tuple[frozenset[str], ...], tokens: list[str], seeds: list[frozenset[str]], slack: int = 2
) -> str:
    """The answer words of a phrase whose words occur, in any order, within a short window."""
    width = len(parts) + slack
    for start, first in enumerate(seeds):
        if not any(p & first for p in parts):
            continue
        window = range(start, min(start + width, len(tokens)))
        found = [next((i for i in window if p & seeds[i]), None) for p in parts]
        if None not in found:
            return " ".join(tokens[min(found) : max(found) + 1])
    return ""


def suggest(
    texts: Sequence[str],
    matcher: CodebookMatcher | None = None,
    classifier: ThemeClassifier | None = None,
    human: Sequence[Iterable[str] | None] | None = None,
    min_probability: float = 0.35,
    auto_threshold: float | None = None,
) -> pd.DataFrame:
    """Merge rule hits and model probabilities into suggestions; a human-coded answer keeps only its codes."""
    human = list(human) if human is not None else [None] * len(texts)
    rules = matcher.match(texts) if matcher is not None else [()] * len(texts)
    proba = classifier.predict_proba(texts) if classifier is not None else None
    rows: list[Suggestion] = []
    for i, _text in enumerate(texts):
        if human[i] is not None:
            rows += [Suggestion(i, key, HUMAN) for key in sorted(set(human[i]))]
            continue
        rows += _merge(i, rules[i], proba.iloc[i] if proba is not None else None, min_probability, auto_threshold)
    frame = pd.DataFrame([vars(s) for s in rows], columns=list(Suggestion.__dataclass_fields__))
    return frame.astype({"answer": "int64", "auto": "bool"})


def _merge(
    i: int, hits: tuple[RuleHit, ...], probs: pd.Series | None, min_probability: float, auto_threshold: float | None
) -> list[Suggestion]:
    """Rule hits first (with the model's probability when there is one, the most probable first), then
    confident model themes."""
    out, seen = [], set()
    if probs is not None:
        hits = tuple(sorted(hits, key=lambda h: -float(probs.get(h.theme, 0.0))))
    for hit in hits:
        p = float(probs[hit.theme]) if probs is not None and hit.theme in probs.index else None
        out.append(
            Suggestion(
                i,
                hit.theme,
                RULE,
                p,
                hit.words,
                auto=auto_threshold is not None and p is not None and p >= auto_threshold,
            )
        )
        seen.add(hit.theme)
    if probs is not None:
        for key, p in probs.sort_values(ascending=False).items():
            if key not in seen and p >= min_probability:
                out.append(
                    Suggestion(i, str(key), MODEL, float(p), auto=auto_threshold is not None and p >= auto_threshold)
                )
    return out


#: Share of the shipped stakeholder codebook's theme keys a codebook must have to count as derived from it
#: (a region's copy may drop or add a few themes; the CEO codebook shares 2 of 17).
STAKEHOLDER_SHARE = 0.5


def shipped_theme_examples(keys: Iterable[str]) -> tuple[list[str], list[frozenset[str]]]:
    """The real statements shipped with the platform (``analysis/data/real_statements.jsonl`` from programme
    documents, ``public_statements.jsonl`` from public pages on youth care; labelled by hand with themes of the
    shipped stakeholder codebook) as training examples for a codebook with these
    theme keys: (texts, theme sets limited to the keys). Empty unless the codebook is the stakeholder
    codebook or derived from it (at least ``STAKEHOLDER_SHARE`` of its keys); statements without a theme
    of the codebook are left out, as their theme may be one the codebook dropped."""
    from analysis.remarks import public_statements, real_statements  # heavier; load it only when needed

    keys = set(keys)
    shipped = {t.key for t in default_codebook("stakeholder").themes}
    if not shipped or len(keys & shipped) < STAKEHOLDER_SHARE * len(shipped):
        return [], []
    texts, sets = [], []
    for row in real_statements() + public_statements():
        found = frozenset(row.get("themes") or ()) & keys
        if found:
            texts.append(row["text"])
            sets.append(found)
    return texts, sets
