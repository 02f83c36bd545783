"""Fixtures for the analysis tests: the hand-written answer sets, and one shared deduce scrubber."""

import json
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


def _read(name):
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="session")
def train():
    """Coded CEO answers for training: dicts with text, themes and sentiment."""
    return _read("ceo_answers_train.jsonl")


@pytest.fixture(scope="session")
def heldout():
    """Coded CEO answers in phrasings that never occur in the training set."""
    return _read("ceo_answers_heldout.jsonl")


@pytest.fixture(scope="session")
def deduce_ready():
    """Build deduce once for the whole run (about a minute the very first time, seconds after)."""
    from analysis.privacy.scrub import warm_cache

    return warm_cache()
