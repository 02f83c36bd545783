"""A Dutch sentiment signal for open answers: textblob-nl with its known faults repaired, and a trained model.

textblob-nl is an adjective lexicon. It reads the preposition "naar" as "nasty", dilutes "totaal niet
tevreden", and misses judgement carried by verbs, participles and nouns ("teleurgesteld", "wachten",
"niet gehoord", "geen enkel probleem") and by compounds ("superslecht"). The rules here repair those
cases; once coders have labelled enough answers, ``SentimentModel`` takes over.
Only ``TextBlob(...).sentiment`` is used: its tagger and sentence splitter do not work offline.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier

from analysis.text import NEGATORS, SPACE_SEPARATED, fold, lemma, lemma_text, tokenize

POSITIVE, NEGATIVE, MIXED, NEUTRAL, UNKNOWN = "positief", "negatief", "gemengd", "neutraal", "onbekend"
#: Labels a coder may give; the rule signal itself never says "neutraal" (it cannot tell it from "onbekend").
LABELS = (POSITIVE, NEGATIVE, MIXED, NEUTRAL, UNKNOWN)

#: Judgement the adjective lexicon does not see, by lemma (verbs, participles, nouns, comparatives).
CUES = {
    "wachten": -0.4,
    "wachtlijst": -0.4,
    "wachttijd": -0.3,
    "gefrustreerd": -0.6,
    "klacht": -0.4,
    "probleem": -0.4,
    "chaos": -0.6,
    "angst": -0.5,
    "afzeggen": -0.4,
    "gedoe": -0.5,
    "bureaucratie": -0.5,
    "pesten": -0.5,
    "geweld": -0.5,
    "slechter": -0.5,
    "eindeloos": -0.4,
    "verdrinken": -0.5,
    "kwijtraken": -0.4,
    "tegenwerken": -0.5,
    "onbeantwoord": -0.5,
    "afhaken": -0.4,
    "bedreigen": -0.5,
    "helpen": 0.4,
    "luisteren": 0.4,
    "horen": 0.4,
    "bedanken": 0.5,
    "bedankt": 0.5,
    "dank": 0.5,
    "vooruitgang": 0.5,
    "vooruit": 0.4,
    "rust": 0.3,
    "rustiger": 0.4,
    "plezier": 0.5,
    "opknappen": 0.4,
    "begrip": 0.4,
    "respect": 0.4,
    "beter": 0.4,
    "aanrader": 0.6,
    "tien": 0.5,
    "verbeteren": 0.4,
    "opleveren": 0.3,
    "uithalen": 0.3,
    "aansluiten": 0.3,
    "passen": 0.3,
    "vergoeden": 0.3,
    "gehoord": 0.4,
    "serieus": 0.3,
}
#: Judgement in a few fixed phrases (matched on folded text).
PHRASES = {
    "van het kastje naar de muur": -0.6,
    "in de steek gelaten": -0.7,
    "klaar mee": -0.6,
    "nooit meer": -0.5,
    "niks aan gehad": -0.6,
    "niets aan gehad": -0.6,
    "langs elkaar heen": -0.5,
    "ver te zoeken": -0.5,
    "in het duister": -0.5,
    "dikke tien": 0.7,
    "met sprongen vooruit": 0.6,
}
#: Compound prefixes that intensify ("superslecht", "keigoed"): split off so the lexicon sees the adjective.
INTENSIFYING_PREFIXES = ("super", "hyper", "mega", "kei", "knetter", "bere", "oer", "hartstikke", "extreem")
#: "totaal niet" → "niet": textblob averages "totaal" (+0.1) with the negated word and loses the judgement.
_NEGATION_INTENSIFIER = re.compile(r"\b(?:totaal|helemaal|echt|absoluut|zeker|gewoon|ook)\s+(niet|geen|nooit)\b")
_SPOKEN = {"nie": "niet", "egt": "echt", "mn": "mijn", "ff": "even", "t": "het", "n": "een", "nt": "niet"}
#: "naar" is an adjective ("nasty") only in these contexts; elsewhere it is the preposition "to".
_NAAR_NOUNS = frozenset({"gevoel", "ervaring", "idee", "moment", "gesprek", "tijd"})
_CLAUSE = re.compile(r"[.!?;:\n]+|\s+(?:maar|alleen|behalve|hoewel|echter|helaas)\s+|,\s*(?:maar|wel)\s+")
_MIXED_RATIO = 0.3
#: "geen opmerkingen", "geen idee": nothing to say, not a complaint.
_NOTHING_TO_SAY = frozenset(
    {
        "opmerking",
        "opmerkingen",
        "idee",
        "mening",
        "commentaar",
        "aanvulling",
        "aanvullingen",
        "toevoegen",
        "voegen",
        "nvt",
    }
)


@dataclass(frozen=True)
class SentimentScore:
    """The signal for one answer: a label, the overall polarity, and the positive and negative mass."""

    label: str
    polarity: float
    positive: float
    negative: float


@lru_cache(maxsize=1)
def _analyzer():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import textblob_nl
        from textblob import TextBlob
        from textblob_nl.nl import sentiment as lexicon
    return TextBlob, textblob_nl.PatternAnalyzer(), lexicon


def _repair(clause: str) -> list[str]:
    """Tokens ready for the lexicon: spoken spellings, compound intensifiers, 'naar' and 'totaal niet'."""
    _, _, lexicon = _analyzer()
    text = _NEGATION_INTENSIFIER.sub(r"\1", " ".join(_SPOKEN.get(t, t) for t in tokenize(clause)))
    tokens = []
    for token in text.split():
        prefix = next((p for p in INTENSIFYING_PREFIXES if token.startswith(p) and token[len(p) :] in lexicon), None)
        tokens += ["heel", token[len(prefix) :]] if prefix else [token]
    return [t for i, t in enumerate(tokens) if t != "naar" or _adjectival_naar(tokens, i)]


def _adjectival_naar(tokens: list[str], i: int) -> bool:
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    return following is None or following in _NAAR_NOUNS


def textblob_polarity(text: str) -> float:
    """textblob-nl polarity (-1..1) of a text after the repairs ('naar', 'totaal niet', compounds)."""
    blob, analyzer, _ = _analyzer()
    tokens = _repair(text)
    return float(blob(" ".join(tokens), analyzer=analyzer).sentiment[0]) if tokens else 0.0


def cue_score(text: str) -> float:
    """Judgement from verbs, nouns, participles and phrases; a negator nearby flips it."""
    tokens = [_SPOKEN.get(t, t) for t in tokenize(text)]
    score = sum(v for phrase, v in PHRASES.items() if phrase in " ".join(tokens))
    found = False
    for i, token in enumerate(tokens):
        value = CUES.get(token, CUES.get(lemma(token)))
        if value is None:
            continue
        found = True
        near = tokens[max(0, i - 3) : i] + tokens[i + 1 : i + 3]
        score += -value if any(n in NEGATORS for n in near) else value
    return score + _excess(tokens) + (0.0 if found else _bare_negation(tokens))


def _excess(tokens: list[str]) -> float:
    """'te lang', 'veel te laat', 'te weinig': too much of anything is a complaint."""
    score = 0.0
    for i, word in enumerate(tokens[:-1]):
        if word == "te" and tokens[i + 1] != "veel" and not tokens[i + 1].endswith("en"):  # not "te zitten"
            score -= 0.5 if i > 0 and tokens[i - 1] in {"veel", "echt", "veels", "veul"} else 0.3
    return score


def _bare_negation(tokens: list[str]) -> float:
    """A clause that only denies ('ze belden niet terug', 'er gebeurde niks') complains mildly."""
    if not any(t in NEGATORS for t in tokens) or any(t in _NOTHING_TO_SAY for t in tokens):
        return 0.0
    return -0.25


def clause_scores(text: str) -> list[float]:
    """One polarity per clause ('maar', 'alleen' and punctuation split clauses), clipped to -1..1."""
    clauses = [c for c in _CLAUSE.split(fold(text or "")) if c and c.strip()]
    return [max(-1.0, min(1.0, textblob_polarity(c) + cue_score(c))) for c in clauses]


def score(text: str) -> SentimentScore:
    """Repaired textblob signal plus cues: positief, negatief, gemengd, or onbekend when nothing is judged."""
    scores = clause_scores(text)
    positive = sum(s for s in scores if s > 0)
    negative = -sum(s for s in scores if s < 0)
    polarity = (positive - negative) / max(1, len(scores))
    both_sides = positive > 0.05 and negative > 0.05
    if both_sides and min(positive, negative) >= _MIXED_RATIO * max(positive, negative):
        label = MIXED
    elif polarity > 0:
        label = POSITIVE
    elif polarity < 0:
        label = NEGATIVE
    else:
        label = UNKNOWN
    return SentimentScore(label, round(polarity, 4), round(positive, 4), round(negative, 4))


def label(text: str) -> str:
    """The sentiment label of one answer from the rule signal."""
    return score(text).label


def labels(texts: Sequence[str]) -> list[str]:
    """Sentiment labels for many answers from the rule signal."""
    return [label(t) for t in texts]


class SentimentModel:
    """Learns sentiment from human labels; until every class has ``min_per_class`` labels the rules decide."""

    def __init__(self, min_per_class: int = 30, C: float = 10.0):
        self.min_per_class = min_per_class
        self.C = C

    def fit(self, texts: Sequence[str], labels_: Sequence[str]) -> SentimentModel:
        """Train on labelled answers; classes with too few labels are left to the rules."""
        texts, labels_ = list(texts), list(labels_)
        counts = {c: labels_.count(c) for c in LABELS}
        self.classes_ = tuple(c for c in LABELS if counts[c] >= self.min_per_class)
        self.ready_ = POSITIVE in self.classes_ and NEGATIVE in self.classes_
        self.counts_ = counts
        if not self.ready_:
            return self
        keep = [i for i, y in enumerate(labels_) if y in self.classes_]
        self.words_ = TfidfVectorizer(
            token_pattern=SPACE_SEPARATED, ngram_range=(1, 2), sublinear_tf=True, lowercase=False
        )
        self.chars_ = TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=(2, 5),
            sublinear_tf=True,
            min_df=2,
            max_features=60_000,
            lowercase=False,
            dtype=np.float32,
        )
        chosen = [texts[i] for i in keep]
        features = sparse.hstack(
            [
                self.words_.fit_transform([lemma_text(t) for t in chosen]),
                self.chars_.fit_transform([fold(t) for t in chosen]),
                _rule_features(chosen),
            ]
        ).tocsr()
        # one-vs-rest liblinear: as accurate here as multinomial lbfgs and ~20x faster on wide char features
        self.model_ = OneVsRestClassifier(
            LogisticRegression(C=self.C, class_weight="balanced", solver="liblinear", random_state=0)
        )
        self.model_.fit(features, [labels_[i] for i in keep])
        return self

    def predict(self, texts: Sequence[str]) -> list[str]:
        """A label per answer: from the trained model when ready, else from the rule signal."""
        texts = list(texts)
        if not self.ready_:
            return labels(texts)
        return [str(y) for y in self.model_.predict(self._features(texts))]

    def predict_proba(self, texts: Sequence[str]) -> pd.DataFrame:
        """Class probabilities, one row per answer and one column per learned label (needs ``ready_``)."""
        if not self.ready_:
            raise ValueError("too few labels per class for the sentiment model; predict() gives rule labels")
        proba = self.model_.predict_proba(self._features(list(texts)))
        return pd.DataFrame(proba, columns=[str(c) for c in self.model_.classes_])

    def _features(self, texts: list[str]) -> sparse.csr_matrix:
        return sparse.hstack(
            [
                self.words_.transform([lemma_text(t) for t in texts]),
                self.chars_.transform([fold(t) for t in texts]),
                _rule_features(texts),
            ]
        ).tocsr()


def _rule_features(texts: Sequence[str]) -> sparse.csr_matrix:
    """The rule signal as three columns, so the model starts from what the rules already know."""
    rows = [score(t) for t in texts]
    return sparse.csr_matrix(np.array([[s.positive, s.negative, s.polarity] for s in rows], dtype=np.float32))
