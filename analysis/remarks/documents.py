"""Statements of one document classified together: the document's own mix of kinds.

A descriptive report holds mostly observations, a list of proud moments mostly compliments; the words of one
statement do not tell which, all statements of the document together do. The document's mix is estimated from
the classifier's probabilities themselves and put back in as a prior against the mix of the documents the
classifier learned from (Saerens, Latinne & Decaestecker 2002, "Adjusting the outputs of a classifier to new a
priori probabilities"); no label of the document is used. ``python -m bench.remarks`` measures it.
"""

from __future__ import annotations

import numpy as np


def mix_of(probabilities: np.ndarray) -> np.ndarray | None:
    """The mix of kinds a classifier gives a set of statements: the mean of their probabilities."""
    return probabilities.mean(axis=0) if len(probabilities) else None


def adapt(probabilities: np.ndarray, learned_mix: np.ndarray | None, updates: int) -> np.ndarray:
    """The probabilities of one document's statements, moved towards the document's own mix ``updates`` times
    (the EM correction; 0 or no learned mix: unchanged)."""
    if learned_mix is None or not updates or not len(probabilities):
        return probabilities
    adapted = probabilities
    for _ in range(updates):
        adapted = probabilities * (adapted.mean(axis=0) / learned_mix)
        adapted = adapted / adapted.sum(axis=1, keepdims=True)
    return adapted
