"""The word lists of the remark classifier, kept as data files in ``analysis/remarks/data/`` and read once."""

from __future__ import annotations

import re
from pathlib import Path

from analysis.text import read_list, read_mapping, read_set

DATA = Path(__file__).resolve().parent / "data"


def entries(name: str) -> tuple[str, ...]:
    """The entries of ``data/<name>.txt`` in file order (regular expressions or words)."""
    return read_list(DATA / f"{name}.txt")


def words(name: str) -> frozenset[str]:
    """``data/<name>.txt`` as a set of words."""
    return read_set(DATA / f"{name}.txt")


def mapping(name: str) -> dict[str, str]:
    """``data/<name>.json`` without its description."""
    return read_mapping(DATA / f"{name}.json")


def compile_terms(terms: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation with word boundaries, longest phrase first."""
    ordered = sorted(terms, key=len, reverse=True)
    return re.compile(r"(?<![\w'])(?:" + "|".join(ordered) + r")(?![\w'])")
