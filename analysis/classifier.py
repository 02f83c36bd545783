"""A multi-label theme classifier (TF-IDF words + character n-grams, one logistic regression per theme)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

from analysis.codebook import Codebook
from analysis.quality import acceptance, auto_coding
from analysis.text import SPACE_SEPARATED, fold, lemma_text

DEFAULT_THRESHOLDS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.98)


class ThemeClassifier:
    """Learns themes from coded answers; ``predict_proba`` gives one probability per answer and theme."""

    def __init__(
        self,
        C: float = 10.0,
        class_weight: str | None = "balanced",
        max_word_features: int | None = 50_000,
        max_char_features: int | None = 60_000,
        char_ngrams: tuple[int, int] = (2, 5),
        themes: Sequence[str] | None = None,
        tol: float = 1e-3,
        codebook: Codebook | None = None,
    ):
        # Balanced weights: a theme is rare per answer, and unbalanced models miss it on new phrasings
        # (held-out micro-F1 0.49 → 0.67 on the synthetic CEO set, see docs/benchmarks.md).
        self.C = C
        self.class_weight = class_weight
        self.tol = tol  # 1e-3: the same probabilities to three decimals as 1e-4, a third faster
        # Seed words and example answers of a codebook join the training answers as tiny coded answers:
        # a prior for phrasings the coders have not met yet (held-out micro-F1 0.67 → 0.71).
        self.codebook = codebook
        self.max_word_features = max_word_features
        self.max_char_features = max_char_features
        self.char_ngrams = char_ngrams
        self.themes = themes

    def _vectorizers(self, n_texts: int) -> tuple[TfidfVectorizer, TfidfVectorizer]:
        min_df = 2 if n_texts >= 1000 else 1
        words = TfidfVectorizer(
            token_pattern=SPACE_SEPARATED,
            ngram_range=(1, 2),
            sublinear_tf=True,
            min_df=min_df,
            max_features=self.max_word_features,
            lowercase=False,
        )
        chars = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=self.char_ngrams,
            sublinear_tf=True,
            min_df=min_df,
            max_features=self.max_char_features,
            lowercase=False,
            dtype=np.float32,
        )
        return words, chars

    def _features(self, texts: Sequence[str], fit: bool = False):
        lemma_docs = [lemma_text(t) for t in texts]
        folded = [fold(t or "") for t in texts]
        if fit:
            self.word_vectorizer_, self.char_vectorizer_ = self._vectorizers(len(texts))
            return sparse.hstack(
                [self.word_vectorizer_.fit_transform(lemma_docs), self.char_vectorizer_.fit_transform(folded)]
            ).tocsr()
        return sparse.hstack(
            [self.word_vectorizer_.transform(lemma_docs), self.char_vectorizer_.transform(folded)]
        ).tocsr()

    def fit(
        self, texts: Sequence[str], label_sets: Iterable[Iterable[str]], sample_weight: Sequence[float] | None = None
    ) -> ThemeClassifier:
        """Learn one model per theme from answers and their (human) theme sets; ``sample_weight`` lets
        answers from earlier rounds count less than this round's."""
        texts = list(texts)
        label_sets = [frozenset(s or ()) for s in label_sets]
        if len(texts) != len(label_sets):
            raise ValueError("texts and label_sets differ in length")
        weights = list(sample_weight) if sample_weight is not None else [1.0] * len(texts)
        if len(weights) != len(texts):
            raise ValueError("sample_weight and texts differ in length")
        self.themes_ = tuple(self.themes or _known_themes(label_sets, self.codebook))
        if self.codebook is not None:
            for theme in self.codebook.themes:
                texts += [*theme.seeds, *theme.examples]
                label_sets += [frozenset({theme.key})] * (len(theme.seeds) + len(theme.examples))
                weights += [1.0] * (len(theme.seeds) + len(theme.examples))
        weights = np.asarray(weights, dtype=float)
        features = self._features(texts, fit=True)
        self.models_: dict[str, LogisticRegression | float] = {}
        for key in self.themes_:
            y = np.fromiter((key in s for s in label_sets), dtype=bool, count=len(texts))
            if y.all() or not y.any():  # nothing to learn: the theme is always or never there
                self.models_[key] = float(y.all())
                continue
            # the dual liblinear problem is 3-5x faster here (more features than a theme has answers)
            model = LogisticRegression(
                C=self.C,
                class_weight=self.class_weight,
                solver="liblinear",
                dual=True,
                max_iter=2000,
                tol=self.tol,
                random_state=0,
            )
            self.models_[key] = model.fit(features, y, sample_weight=weights)
        self.n_features_ = features.shape[1]
        return self

    def predict_proba(self, texts: Sequence[str]) -> pd.DataFrame:
        """Probabilities: one row per answer (same order as ``texts``), one column per theme."""
        texts = list(texts)
        features = self._features(texts)
        columns = {}
        for key in self.themes_:
            model = self.models_[key]
            columns[key] = (
                np.full(len(texts), model) if isinstance(model, float) else model.predict_proba(features)[:, 1]
            )
        return pd.DataFrame(columns, columns=list(self.themes_), index=pd.RangeIndex(len(texts)))

    def predict(self, texts: Sequence[str], threshold: float = 0.5) -> list[frozenset[str]]:
        """Theme sets: the themes with probability of at least ``threshold``."""
        return proba_to_sets(self.predict_proba(texts), threshold)


def _known_themes(label_sets: list[frozenset[str]], codebook: Codebook | None) -> list[str]:
    """Every theme that a coder used or the codebook holds, sorted."""
    return sorted(set().union(*label_sets) | set(codebook.keys if codebook else ()))


def proba_to_sets(proba: pd.DataFrame, threshold: float = 0.5) -> list[frozenset[str]]:
    """Turn a probability frame into one theme set per row."""
    columns = np.asarray(proba.columns)
    return [frozenset(columns[row >= threshold]) for row in proba.to_numpy()]


def cross_val_proba(
    texts: Sequence[str],
    label_sets: Sequence[Iterable[str]],
    n_splits: int = 5,
    random_state: int = 0,
    extra_texts: Sequence[str] = (),
    extra_sets: Sequence[Iterable[str]] = (),
    extra_weight: float | Sequence[float] = 0.5,
    **params,
) -> pd.DataFrame:
    """Out-of-fold probabilities: each answer scored by a model that never saw it. ``extra_texts`` (coded
    answers of earlier rounds) join every training fold with weight ``extra_weight`` (one for all, or one
    per extra text) and are never scored."""
    extra_texts = list(extra_texts)
    if isinstance(extra_weight, int | float):
        extra_weight = [float(extra_weight)] * len(extra_texts)
    extra_weight = list(extra_weight)
    extra_sets = [frozenset(s or ()) for s in extra_sets]
    texts = list(texts)
    label_sets = [frozenset(s or ()) for s in label_sets]
    themes = params.pop("themes", None) or _known_themes(label_sets, params.get("codebook"))
    if len(texts) < n_splits:
        raise ValueError(f"cross-validation needs at least {n_splits} coded answers, got {len(texts)}")
    out = pd.DataFrame(0.0, index=pd.RangeIndex(len(texts)), columns=list(themes))
    folds = KFold(n_splits=n_splits, shuffle=True, random_state=random_state)
    for train, test in folds.split(texts):
        model = ThemeClassifier(themes=themes, **params).fit(
            [texts[i] for i in train] + extra_texts,
            [label_sets[i] for i in train] + extra_sets,
            sample_weight=[1.0] * len(train) + extra_weight,
        )
        out.iloc[test] = model.predict_proba([texts[i] for i in test]).to_numpy()
    return out


def threshold_curve(
    texts: Sequence[str],
    label_sets: Sequence[Iterable[str]],
    thresholds: Iterable[float] = DEFAULT_THRESHOLDS,
    n_splits: int = 5,
    random_state: int = 0,
    **params,
) -> pd.DataFrame:
    """Cross-validated per threshold: answers auto-coded (share, accuracy), suggestions accepted (P, R)."""
    label_sets = [frozenset(s or ()) for s in label_sets]
    proba = cross_val_proba(texts, label_sets, n_splits=n_splits, random_state=random_state, **params)
    rows = []
    for t in thresholds:
        accepted = acceptance(proba, label_sets, t)
        rows.append(
            {
                **vars(auto_coding(proba, label_sets, t)),
                "accepted_precision": accepted.precision,
                "accepted_recall": accepted.recall,
            }
        )
    return pd.DataFrame(
        rows, columns=["threshold", "n", "n_auto", "share", "accuracy", "accepted_precision", "accepted_recall"]
    )
