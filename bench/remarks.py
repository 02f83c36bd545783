"""Kind of remark: accuracy on the held-out remarks for cues, cues + prior, cues + prior + model, textblob-nl.

Run from the repository root: ``python -m bench.remarks``. Prints a table and writes it into
docs/benchmarks.md between the ``remarks`` markers. The model is trained on the development set
only; the held-out set is never used for training or tuning.
"""

from __future__ import annotations

import json
import platform
import re
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from analysis import remark_polarity, remark_text
from analysis.remarks import KINDS, RemarkClassifier, textblob_kinds
from bench import remarks_dev

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "analysis" / "data"
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- remarks:start -->", "<!-- remarks:end -->"
COMMAND = "/work/main/.venv/bin/python -m bench.remarks"
THRESHOLD = 0.8  # semi-automatic coding: auto-code only at this probability or above
TARGET = 0.85  # accuracy asked for on the held-out remarks


def load(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def per_kind(truth: list[str], predicted: list[str]) -> dict[str, float]:
    """Accuracy within each true kind (recall), and overall."""
    t, p = np.array(truth), np.array(predicted)
    scores = {kind: float((p[t == kind] == kind).mean()) if (t == kind).any() else float("nan") for kind in KINDS}
    scores["overall"] = float((t == p).mean())
    return scores


def per_thousand(predict: Callable[[list[str]], object], texts: list[str]) -> float:
    """Seconds per 1,000 remarks, with the word caches emptied first."""
    sample = (texts * (1000 // len(texts) + 1))[:1000]
    remark_text.lemma.cache_clear()
    remark_text.is_infinitive.cache_clear()
    remark_polarity.word_polarity.cache_clear()
    started = time.perf_counter()
    predict(sample)
    return time.perf_counter() - started


BATCHES = ("h1", "h2", "h3", "all")


def run() -> tuple[str, dict]:
    dev, held = load("remarks_dev.jsonl"), load("remarks_heldout.jsonl")
    texts, prompts = [r["text"] for r in held], [r.get("prompt") for r in held]
    truth = [r["kinds"][0] for r in held]
    all_texts = [r["text"] for r in dev + held]
    cues_only = RemarkClassifier(use_prior=False)
    with_prior = RemarkClassifier()
    trained = RemarkClassifier().fit([r["text"] for r in dev], [r["kinds"] for r in dev],
                                     [r.get("prompt") for r in dev])
    systems = {
        "(a) cues only": (lambda xs: list(cues_only.predict(xs)), lambda xs: cues_only.predict(xs)),
        "(b) cues + prior": (lambda xs: list(with_prior.predict(xs, prompts)),
                             lambda xs: with_prior.predict(xs)),
        "(c) cues + prior + model (dev)": (lambda xs: list(trained.predict(xs, prompts)),
                                           lambda xs: trained.predict(xs)),
        "(d) textblob-nl polarity": (textblob_kinds, textblob_kinds),
    }
    results = {}
    batches = np.array([r.get("batch", "") for r in held])
    for name, (predict, timed) in systems.items():
        predicted = predict(texts)
        results[name] = {"seconds": per_thousand(timed, all_texts)}
        for batch in BATCHES:
            part = [i for i in range(len(held)) if batch in ("all", batches[i])]
            results[name][batch] = per_kind([truth[i] for i in part], [predicted[i] for i in part])
            results[name][batch]["n"] = len(part)
    extra = semi_automatic(trained, held) | learning_curve(dev, held) | {"sets": (len(dev), len(held))}
    extra["exact_sets"] = exact_label_sets(trained, held)
    extra["dev_checks"] = remarks_dev.render(dev)
    return render(results, extra), results


def semi_automatic(model: RemarkClassifier, held: list[dict]) -> dict:
    """Share auto-coded at THRESHOLD and the accuracy on that share (Schonlau & Couper style)."""
    proba = model.predict_proba([r["text"] for r in held], [r.get("prompt") for r in held])
    confident = proba.max(axis=1) >= THRESHOLD
    predicted = np.array(KINDS)[proba.argmax(axis=1)]
    truth = np.array([r["kinds"][0] for r in held])
    accuracy = float((predicted[confident] == truth[confident]).mean()) if confident.any() else float("nan")
    return {"auto_share": float(confident.mean()), "auto_accuracy": accuracy}


def learning_curve(dev: list[dict], held: list[dict]) -> dict:
    """Held-out accuracy of cues + prior + model as the number of dev labels grows (fixed seed)."""
    order = np.random.default_rng(0).permutation(len(dev))
    texts, prompts = [r["text"] for r in held], [r.get("prompt") for r in held]
    truth = np.array([r["kinds"][0] for r in held])
    curve = {}
    for n in (0, 25, 50, 100, 200, len(dev)):
        rows = [dev[i] for i in order[:n]]
        model = RemarkClassifier().fit([r["text"] for r in rows], [r["kinds"] for r in rows],
                                       [r.get("prompt") for r in rows])
        model_only = RemarkClassifier(max_model_weight=1.0, half_weight_labels=1e-9).fit(
            [r["text"] for r in rows], [r["kinds"] for r in rows], [r.get("prompt") for r in rows])
        curve[n] = (float((model.predict(texts, prompts) == truth).mean()),
                    float((model_only.predict(texts, prompts) == truth).mean()) if n >= 20 else None,
                    model.model_weight_)
    return {"curve": curve}


def exact_label_sets(model: RemarkClassifier, held: list[dict]) -> float:
    """Share of held-out remarks whose predicted set of kinds equals the labelled set."""
    predictions = model.classify([r["text"] for r in held], [r.get("prompt") for r in held])
    return float(np.mean([set(p.kinds) == set(r["kinds"]) for p, r in zip(predictions, held, strict=True)]))


def table(results: dict) -> str:
    head = "| System | batch | n | " + " | ".join(KINDS) + " | overall |"
    lines = [head, "|" + "---|" * (len(KINDS) + 4)]
    for batch in BATCHES:
        for name, scores in results.items():
            row = scores[batch]
            cells = ["–" if np.isnan(row[k]) else f"{row[k]:.2f}" for k in KINDS]
            bold = "**" if batch == "all" else ""
            lines.append(f"| {name} | {batch} | {row['n']} | " + " | ".join(cells)
                         + f" | {bold}{row['overall']:.2f}{bold} |")
    return "\n".join(lines)


def render(results: dict, extra: dict) -> str:
    n_dev, n_held = extra["sets"]
    combined = results["(c) cues + prior + model (dev)"]["all"]["overall"]
    verdict = "reached" if combined >= TARGET else "not reached"
    speed = ", ".join(f"{name.split(')')[0]}) {scores['seconds']:.2f} s" for name, scores in results.items())
    curve = "\n".join(
        f"| {n} | {acc:.2f} | {'–' if alone is None else f'{alone:.2f}'} | {weight:.2f} |"
        for n, (acc, alone, weight) in extra["curve"].items()
    )
    return f"""Held-out remarks: {n_held}, in three batches, each in phrasings and words kept out of development.
h1 (110) was written before any cue existed and first run at an early state of the cues (0.55 for (b)
and (c)); h2 (106) was written after that run, before any change made in response (first run: 0.70 for
(c)). **h3 (146) is the only batch never run before the changes described here**: it was written and
committed before any classifier code changed, in the voices of heimiddag and effectenarena notes,
professionals, parents and young people (je-form, typos), and run once on the state it was written for,
aggregate only (0.45 for (b), 0.60 for (c)); then not again until this benchmark. During development
one aggregate figure over all held-out remarks (0.70 for (c)) was seen once when the test suite's floor
check failed; nothing was changed in response. No held-out remark was ever used for training, cue
writing or tuning, and their individual errors were not inspected.

Guards against leaking held-out phrasing into development (checked with a script on every new batch):
development remarks written after h3 (batches d2–d4) contain no word and no lemma that occurs in a
held-out remark but not in the original 517 development remarks; remarks echoing a held-out phrasing
were removed. New hand-written cue entries match no held-out remark that no original development remark
matches. Words in the cue lists that do occur in held-out but not in development remarks were all in
the lists before the batch concerned was written: helpt, onduidelijk (h1); dankbaar, boos, stress, "zou
mooi zijn", "een kwart" (h2); aanbeveling (h3). The wider lexicon (textblob-nl's adjectives, their
glosses, inflections, compounds, "on-", "-loos") is derived by program, not by hand.

Accuracy = share of remarks whose primary kind is right; per kind it is the share of remarks *of that
kind* classified right. Model trained on the {n_dev} development remarks only. Target: {TARGET:.2f} on the
held-out part — **{verdict}** (overall {combined:.2f}). Before this round of work (cues of the time, model
trained on the 517 development remarks of the time) (c) scored 0.68 overall on the same 362 remarks
(h1 0.76, h2 0.70, h3 0.60). The guards above keep out of development every word that a held-out remark
uses and the original development set does not; a developer who had never seen the held-out remarks
would have used some of them, so these figures lean to the cautious side. In the development batches
most remaining errors are remarks whose judgement lies in words none of the sources know (nouns,
participles, idioms such as "rots in de branding"); h3 was written in such words on purpose, and only
labelled remarks in the vocabulary of real answers can teach them.

{table(results)}

Seconds per 1,000 remarks (cold word caches; textblob-nl: its sentiment call only): {speed}.

Semi-automatic coding with (c): at probability ≥ {THRESHOLD} it codes {extra['auto_share']:.0%} of the
held-out remarks automatically, {extra['auto_accuracy']:.0%} of them right; the rest go to a coder.
Predicted set of kinds (primary + secondary) equals the labelled set for {extra['exact_sets']:.0%}.

Development checks (no held-out remark involved). Batches d1–d4 were each written in new vocabulary;
d3 and d4 were first measured before any change made in response: d3 0.82 with the code before this
round of work and 0.84 with the code at the time (n = 110), d4 0.78 and 0.82 (n = 102), both with the
same training remarks. The figures below are for the current code, so they include changes made
after looking at development errors.

{extra['dev_checks']}

Learning curve (held-out accuracy; dev labels drawn in a fixed random order):

| dev labels | cues + prior + model | model alone | model weight |
|---|---|---|---|
{curve}

Command: `{COMMAND}` (Python {platform.python_version()}, {platform.machine()})."""


def write(section: str) -> None:
    """Replace (or add) the remarks section in docs/benchmarks.md, leaving other sections alone."""
    block = f"## Kind of remark\n\n{START}\n{section}\n{END}\n"
    text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Benchmarks\n"
    pattern = re.compile(r"## Kind of remark\n+" + re.escape(START) + r".*?" + re.escape(END) + r"\n?", re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: block, text)
    else:
        text = text.rstrip("\n") + "\n\n" + block
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(text, encoding="utf-8")


def main() -> None:
    section, _ = run()
    print(section)
    write(section)


if __name__ == "__main__":
    main()
