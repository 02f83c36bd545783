"""New-theme suggestions from the uncoded remainder: NMF topics with top terms and example answers.

Topics are suggestions for a coder to name, not codes. Respondents open with boilerplate ("als moeder
vind ik", "ik ben trots op") and judge in polarity words ("goed", "te lang"); both are stripped before
fitting, or they dominate every topic. The placeholders that scrubbing leaves ("[NAAM]", "[PLAATS-2]")
are removed too: they say nothing about a theme.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.decomposition import NMF
from sklearn.feature_extraction.text import TfidfVectorizer

from analysis.text import (
    INTENSIFIERS,
    NEGATORS,
    SPACE_SEPARATED,
    STOP_WORDS,
    WORDS,
    lemma,
    read_list,
    read_set,
    tokenize,
)

#: Judgement words: they say how, not what about.
POLARITY = read_set(WORDS / "judgement_words.txt") | NEGATORS | INTENSIFIERS
#: Who the respondent is ("als moeder") and how they open ("ik vind dat").
ROLE_WORDS = read_set(WORDS / "role_words.txt")
OPINION_WORDS = read_set(WORDS / "opinion_words.txt")
#: Openings, and echoes of the questions of an evaluation ("Waar bent u trots op?").
BOILERPLATE = read_list(WORDS / "boilerplate.txt")
#: Placeholders left by scrubbing or typed by people who leave a name out: "[NAAM]", "[PERSOON-1]", "<naam>".
PLACEHOLDER = re.compile(r"[\[<{]\s*[A-Za-z][A-Za-z_-]*(?:-\d+)?\s*[\]>}]")
PLACEHOLDER_WORDS = read_set(WORDS / "placeholder_words.txt")


@dataclass(frozen=True)
class TopicCandidate:
    """A possible new theme: its top terms, answers that show it, and how many answers lean to it."""

    terms: tuple[str, ...]
    examples: tuple[str, ...]
    size: int
    share: float


class ThemeSuggester:
    """NMF on content lemmas of uncoded answers, after stripping boilerplate openings and polarity words."""

    def __init__(
        self,
        n_topics: int = 6,
        n_terms: int = 8,
        n_examples: int = 5,
        random_state: int = 0,
        boilerplate: Sequence[str] = BOILERPLATE,
        boilerplate_share: float = 0.05,
        exclude_terms: Iterable[str] = (),
        max_features: int = 20_000,
    ):
        self.n_topics = n_topics
        self.n_terms = n_terms
        self.n_examples = n_examples
        self.random_state = random_state
        self.boilerplate = boilerplate
        self.boilerplate_share = boilerplate_share
        self.exclude_terms = exclude_terms
        self.max_features = max_features

    def fit(self, texts: Sequence[str]) -> ThemeSuggester:
        """Find candidate themes in the answers; the result is in ``candidates_``."""
        texts = list(texts)
        token_lists = [
            [w for w in tokenize(PLACEHOLDER.sub(" ", t or "")) if w not in PLACEHOLDER_WORDS] for t in texts
        ]
        self.boilerplate_ = tuple(
            sorted(set(_phrases(self.boilerplate)) | _frequent_openings(token_lists, self.boilerplate_share))
        )
        excluded = {w for term in self.exclude_terms for w in tokenize(term)}  # phrases count word by word
        framing = POLARITY | ROLE_WORDS | OPINION_WORDS | excluded
        drop = STOP_WORDS | framing | {lemma(w) for w in framing}
        docs = [
            " ".join(
                w
                for w in map(lemma, _strip(tokens, self.boilerplate_))
                if w not in drop and len(w) > 2 and not w.isdigit()
            )
            for tokens in token_lists
        ]
        self.candidates_: list[TopicCandidate] = []
        used = [i for i, d in enumerate(docs) if d]
        if len(used) < 3:
            return self
        vectorizer = TfidfVectorizer(
            token_pattern=SPACE_SEPARATED,
            ngram_range=(1, 2),
            min_df=2 if len(used) >= 20 else 1,
            max_features=self.max_features,
            sublinear_tf=True,
            lowercase=False,
        )
        try:
            matrix = vectorizer.fit_transform([docs[i] for i in used])
        except ValueError:  # nothing left after stripping
            return self
        k = max(1, min(self.n_topics, len(used) // 3, matrix.shape[1]))
        nmf = NMF(n_components=k, init="nndsvda", random_state=self.random_state, max_iter=500)
        weights = nmf.fit_transform(matrix)
        self.terms_ = vectorizer.get_feature_names_out()
        self.components_ = nmf.components_
        self.candidates_ = self._candidates(weights, [texts[i] for i in used], len(texts))
        return self

    def _candidates(self, weights: np.ndarray, texts: list[str], n_total: int) -> list[TopicCandidate]:
        best = weights.argmax(axis=1)
        has_weight = weights.max(axis=1) > 0
        out = []
        for topic, component in enumerate(self.components_):
            members = np.flatnonzero((best == topic) & has_weight)
            if not len(members):
                continue
            terms = _top_terms(component, self.terms_, self.n_terms)
            order = members[np.argsort(-weights[members, topic], kind="stable")]
            examples = tuple(dict.fromkeys(texts[i] for i in order))[: self.n_examples]
            out.append(TopicCandidate(terms, examples, len(members), len(members) / n_total))
        return sorted(out, key=lambda c: -c.size)

    def suggest(self, texts: Sequence[str]) -> list[TopicCandidate]:
        """Fit on the answers and return the candidates, largest first."""
        return self.fit(texts).candidates_


def _top_terms(component: np.ndarray, names: np.ndarray, n: int) -> tuple[str, ...]:
    """Highest-weighted terms (over a tenth of the top weight); a bigram of shown words is skipped."""
    out: list[str] = []
    floor = 0.1 * float(component.max())
    for index in np.argsort(-component, kind="stable"):
        if component[index] <= floor or len(out) == n:
            break
        term = str(names[index])
        if " " in term and all(any(w == o or w in o.split() for o in out) for w in term.split()):
            continue
        out.append(term)
    return tuple(out)


def _phrases(items: Iterable[str]) -> list[tuple[str, ...]]:
    return [tuple(tokenize(p)) for p in items if tokenize(p)]


def _frequent_openings(token_lists: list[list[str]], share: float) -> set[tuple[str, ...]]:
    """Shared openings of 2–5 framing words ('als pleegmoeder denk ik'): who speaks, not what about."""
    counts: Counter = Counter()
    for tokens in token_lists:
        counts.update(tuple(tokens[:n]) for n in range(2, 6) if len(tokens) > n)
    minimum = max(3, share * len(token_lists))
    return {
        gram
        for gram, c in counts.items()
        if c >= minimum and any(map(_framing, gram)) and all(_framing(w) or w in STOP_WORDS for w in gram)
    }


def _framing(word: str) -> bool:
    """A word that frames the answer (who speaks, that it is an opinion) rather than its content."""
    return word in OPINION_WORDS or lemma(word) in ROLE_WORDS or lemma(word) in OPINION_WORDS


def _strip(tokens: list[str], phrases: Sequence[tuple[str, ...]]) -> list[str]:
    """Remove every occurrence of the boilerplate phrases, longest first."""
    out, i = [], 0
    ordered = sorted(phrases, key=len, reverse=True)
    while i < len(tokens):
        match = next((p for p in ordered if tuple(tokens[i : i + len(p)]) == p), None)
        if match:
            i += len(match)
        else:
            out.append(tokens[i])
            i += 1
    return out
