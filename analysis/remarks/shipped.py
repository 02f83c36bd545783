"""The kind-of-remark classifier as the platform ships it: cues, the question prior and a model trained
on the labelled development remarks in ``analysis/data/remarks_dev.jsonl`` (evaluators, professionals,
parents and young people, written to order), the real statements of programme documents in
``analysis/data/real_statements.jsonl`` and of public web pages on youth care in
``analysis/data/public_statements.jsonl`` (each with the heading it stands under). A region's own checked labels
are added to these when coders retrain.

Training takes about three seconds on two cores (two without the public pages), so it happens once per process, on
first use.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from analysis.remarks.classifier import RemarkClassifier

DATA = Path(__file__).resolve().parents[1] / "data"
LABELLED = DATA / "remarks_dev.jsonl"
REAL = DATA / "real_statements.jsonl"
PUBLIC = DATA / "public_statements.jsonl"
#: Weight of one real statement against one remark written to order: the benchmark's choice over all four
#: documents (python -m bench.remarks prints it next to this value; per fold it chose 1, 3 or 10).
REAL_WEIGHT = 3.0


def real_statements() -> list[dict]:
    """Real statements from programme documents: {"doc", "source", "file", "heading", "text", "kind",
    "sentiment", "themes", "batch"?}, labelled by hand ("batch": "r2" for the statements added in the second
    round); the evidence set of ``python -m bench.remarks``. The file's first line ({"_": ...}) is its header:
    the fields and the labelling rule."""
    return _statements(REAL)


def public_statements() -> list[dict]:
    """Real statements from public web pages on youth care, with the fields of ``real_statements`` (``source``:
    the page's address, ``heading`` '' when none). They train the shipped models; ``python -m bench.remarks``
    leaves out the seed documents only and always trains on these."""
    return _statements(PUBLIC)


def _statements(path: Path) -> list[dict]:
    """The rows of a file of labelled statements; its first line ({"_": ...}) is its header: the fields and the
    labelling rule."""
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return [row for row in rows if "_" not in row]


def shipped_examples(real: bool = True) -> list[dict]:
    """The labelled remarks the shipped model learns from: {"text", "kinds", "prompt"?}; ``real=False``
    leaves out the real statements (the benchmark adds them one document left out at a time)."""
    with LABELLED.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    if real:
        real_rows = real_statements() + public_statements()
        rows += [{"text": r["text"], "kinds": [r["kind"]], "prompt": r["heading"] or None} for r in real_rows]
    return rows


def train(
    texts: Sequence[str] = (),
    kinds: Sequence[Sequence[str]] = (),
    prompts: Sequence[str | None] = (),
    *,
    real: Sequence[dict] | None = None,
    public: Sequence[dict] | None = None,
    real_weight: float = REAL_WEIGHT,
    **params,
) -> RemarkClassifier:
    """A classifier trained on the remarks written to order, the real statements (``real``: rows as from
    ``real_statements``, all of them by default; the benchmark passes the training documents only; ``public``:
    rows as from ``public_statements``, all of them by default) at ``real_weight`` each, plus the given labelled
    ones (a region's own checked kinds, weight 1).
    ``params`` go to ``RemarkClassifier``; the real statements also give the mix of kinds that statements of one
    document start from (``RemarkClassifier.learn_document_mix``). The one way the platform and the benchmark train
    the model."""
    rows = shipped_examples(real=False)
    real = real_statements() if real is None else list(real)
    real += public_statements() if public is None else list(public)
    model = RemarkClassifier(**params).fit(
        [r["text"] for r in rows] + [r["text"] for r in real] + list(texts),
        [r["kinds"] for r in rows] + [[r["kind"]] for r in real] + [list(k) for k in kinds],
        [r.get("prompt") for r in rows] + [r["heading"] or None for r in real] + list(prompts or [None] * len(texts)),
        sample_weight=[1.0] * len(rows) + [real_weight] * len(real) + [1.0] * len(texts),
    )
    # pasted notes are statements of a document: they start from the mix of kinds of the documents learned from
    return model.learn_document_mix([r["text"] for r in real])


@lru_cache(maxsize=1)
def shipped_classifier() -> RemarkClassifier:
    """The shipped classifier, trained once per process."""
    return train()
