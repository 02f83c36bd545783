"""Benchmark for coding open answers: speed and memory at 1k/10k/100k answers, and held-out quality.

Run: `python -m bench.coding` (add `--sizes 1000 10000` for other sizes, `--no-docs` to leave
docs/benchmarks.md alone). Each size runs in its own subprocess so peak memory is that size's own.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
import warnings
from pathlib import Path

from bench.memory import peak_mb

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- coding:start -->", "<!-- coding:end -->"
SIZES = (1_000, 2_000, 10_000, 100_000)


def measure(size: int) -> dict:
    """Time and peak RSS of each step for ``size`` synthetic answers (run inside a subprocess)."""
    from analysis.coding import CodebookMatcher, ThemeClassifier, default_codebook
    from analysis.topics import ThemeSuggester
    from bench.answers import generate

    rows = generate(size, "train", seed=size, unique=False)
    texts, sets = [r["text"] for r in rows], [r["themes"] for r in rows]
    out = {"size": size, "rss_data": peak_mb()}
    matcher = CodebookMatcher(default_codebook("ceo")).fit()
    steps = [
        ("rules", lambda: matcher.match(texts)),
        ("train", lambda: out.setdefault("model", ThemeClassifier().fit(texts, sets))),
        ("predict", lambda: out["model"].predict_proba(texts)),
        ("topics", lambda: ThemeSuggester(random_state=0).fit(texts)),
    ]
    for name, step in steps:
        start, cpu = time.perf_counter(), time.process_time()
        step()
        out[name] = time.perf_counter() - start
        out[f"cpu_{name}"] = time.process_time() - cpu
        out[f"rss_{name}"] = peak_mb()
    out["features"] = out.pop("model").n_features_
    return out


def quality() -> dict:
    """Held-out figures: micro-F1 of codebook, model and both; auto-coding; sentiment accuracy."""
    from analysis.classifier import proba_to_sets, threshold_curve
    from analysis.coding import CodebookMatcher, ThemeClassifier, default_codebook, micro_f1
    from analysis.quality import acceptance, auto_coding, pick_threshold, theme_quality
    from analysis.sentiment import SentimentModel, labels
    from bench.answers import DATA, read

    train, held = read(DATA / "ceo_answers_train.jsonl"), read(DATA / "ceo_answers_heldout.jsonl")
    x, y = [r["text"] for r in train], [frozenset(r["themes"]) for r in train]
    hx, hy = [r["text"] for r in held], [frozenset(r["themes"]) for r in held]
    codebook = default_codebook("ceo")
    rules = CodebookMatcher(codebook).fit().predict(hx)
    plain = ThemeClassifier().fit(x, y).predict(hx)
    proba = ThemeClassifier(codebook=codebook).fit(x, y).predict_proba(hx)
    model = proba_to_sets(proba, 0.5)
    curve = threshold_curve(x, y, random_state=0, codebook=codebook)
    chosen = pick_threshold(curve, min_accuracy=0.99) or 0.9
    curve["held_share"] = [auto_coding(proba, hy, t).share for t in curve["threshold"]]
    curve["held_accuracy"] = [auto_coding(proba, hy, t).accuracy for t in curve["threshold"]]
    curve["held_precision"] = [acceptance(proba, hy, t).precision for t in curve["threshold"]]
    curve["held_recall"] = [acceptance(proba, hy, t).recall for t in curve["threshold"]]
    cv_at = curve.set_index("threshold").loc[chosen]
    held_at = auto_coding(proba, hy, chosen)
    truth = [r["sentiment"] for r in held]
    trained = SentimentModel(min_per_class=30).fit(x, [r["sentiment"] for r in train]).predict(hx)
    return {
        "n_train": len(train),
        "n_heldout": len(held),
        "f1_codebook": micro_f1(rules, hy),
        "f1_plain": micro_f1(plain, hy),
        "f1_model": micro_f1(model, hy),
        "f1_both": micro_f1([a | b for a, b in zip(rules, model, strict=True)], hy),
        "f1_codebook_train": micro_f1(CodebookMatcher(default_codebook("ceo")).fit().predict(x), y),
        "curve": curve.to_dict("records"),
        "threshold": chosen,
        "cv_share": float(cv_at["share"]),
        "cv_accuracy": float(cv_at["accuracy"]),
        "held_share": held_at.share,
        "held_accuracy": held_at.accuracy,
        "per_theme": theme_quality([a | b for a, b in zip(rules, model, strict=True)], hy)
        .round(2)
        .reset_index()
        .to_dict("records"),
        "sent_textblob": _accuracy([_plain_textblob(t) for t in hx], truth),
        "sent_rules": _accuracy(labels(hx), truth),
        "sent_model": _accuracy(trained, truth),
    }


def _plain_textblob(text: str) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        from textblob import TextBlob
        from textblob_nl import PatternAnalyzer
    polarity = TextBlob(text, analyzer=PatternAnalyzer()).sentiment[0]
    return "positief" if polarity > 0 else "negatief" if polarity < 0 else "onbekend"


def _pct(value: float) -> str:
    return "–" if value != value else f"{value:.1%}"  # NaN: nothing auto-coded


def _accuracy(predicted, truth) -> float:
    return sum(a == b for a, b in zip(predicted, truth, strict=True)) / len(truth)


def run_size(size: int) -> dict:
    """Measure one size in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.coding", "--child", str(size)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def speed_table(results: list[dict]) -> str:
    """Markdown table of seconds and cumulative peak RSS per step."""
    lines = [
        "| answers | rules | training | prediction | rules + prediction | topics | features "
        "| peak RSS MB (data → rules → train → predict → topics) |",
        "|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        steps = ("rss_data", "rss_rules", "rss_train", "rss_predict", "rss_topics")
        rss = " → ".join(f"{r[k]:.0f}" for k in steps)
        both = {"": r["rules"] + r["predict"], "cpu_": r["cpu_rules"] + r["cpu_predict"]}
        cells = [_cell(r[name], r[f"cpu_{name}"]) for name in ("rules", "train", "predict")]
        lines.append(
            f"| {r['size']:,} | {' | '.join(cells)} | {_cell(both[''], both['cpu_'])} | "
            f"{_cell(r['topics'], r['cpu_topics'])} | {r['features']:,} | {rss} |"
        )
    return "\n".join(lines)


def targets(results: list[dict]) -> str:
    """A line per target: rules + prediction for 10k under 2 s, training on 2,000 under 5 s."""
    by_size = {r["size"]: r for r in results}
    lines = []
    if 10_000 in by_size:
        r = by_size[10_000]
        lines.append(
            _target(
                "rules + prediction, 10,000 answers", 2.0, r["rules"] + r["predict"], r["cpu_rules"] + r["cpu_predict"]
            )
        )
    if 2_000 in by_size:
        r = by_size[2_000]
        lines.append(_target("training on 2,000 coded answers", 5.0, r["train"], r["cpu_train"]))
    return "\n".join(lines)


def _target(name: str, limit: float, wall: float, cpu: float) -> str:
    verdict = lambda s: "met" if s < limit else "missed"  # noqa: E731
    return (
        f"- Target {name} < {limit:.0f} s: CPU {cpu:.2f} s ({verdict(cpu)}), wall clock {wall:.2f} s ({verdict(wall)})."
    )


def _cell(wall: float, cpu: float) -> str:
    return f"{wall:.2f} ({cpu:.2f})"


CURVE_HEADER = (
    "| threshold | CV: answers auto-coded | accuracy | CV: accepted precision | recall "
    "| held-out: answers auto-coded | accuracy | held-out: accepted precision | recall |\n"
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
)


def quality_text(q: dict) -> str:
    """Markdown for the held-out figures."""
    curve = "\n".join(
        f"| {c['threshold']:.2f} | {c['share']:.0%} | {_pct(c['accuracy'])} | "
        f"{_pct(c['accepted_precision'])} | {_pct(c['accepted_recall'])} | {c['held_share']:.0%} | "
        f"{_pct(c['held_accuracy'])} | "
        f"{_pct(c['held_precision'])} | {_pct(c['held_recall'])} |"
        for c in q["curve"]
    )
    themes = "\n".join(
        f"| {t['theme']} | {t['precision']:.2f} | {t['recall']:.2f} | {t['support']} |" for t in q["per_theme"]
    )
    return f"""Held-out quality ({q["n_train"]} training answers, {q["n_heldout"]} held-out answers in
phrasings that never occur in training; `tests/analysis/data/`):

| theme coding, held-out micro-F1 | value |
|---|---:|
| codebook alone (seed words on lemmas) | {q["f1_codebook"]:.3f} |
| model on coded answers only (TF-IDF words + char n-grams, balanced LR, p ≥ 0.5) | {q["f1_plain"]:.3f} |
| model with the codebook's seeds and examples as extra answers (`codebook=`) | {q["f1_model"]:.3f} |
| codebook ∪ model with seeds (what `suggest` proposes) | {q["f1_both"]:.3f} |
| codebook alone on the training phrasings, for comparison | {q["f1_codebook_train"]:.3f} |

Auto-coding with the seeded model (an answer is coded without a human only when every theme decision
is at least as sure as the threshold; accuracy = the whole theme set equals the human set).
Chosen threshold **{q["threshold"]:.2f}** (lowest with ≥ 99 % cross-validated accuracy):
cross-validated on training **{q["cv_share"]:.0%}** auto-coded at **{q["cv_accuracy"]:.1%}** accuracy;
on the held-out phrasings **{q["held_share"]:.0%}** at **{_pct(q["held_accuracy"])}**.
New phrasings make the model less sure and less right: re-check the curve on
freshly coded answers before trusting a threshold.

Per threshold: answers auto-coded and their accuracy; and single suggestions accepted from that
probability on (`auto_threshold` in `suggest`): their precision, and the share of human codes they cover.

{CURVE_HEADER}
{curve}

Suggestions (codebook ∪ model) per theme on the held-out set:

| theme | precision | recall | support |
|---|---:|---:|---:|
{themes}

| sentiment on held-out (4 labels) | accuracy |
|---|---:|
| textblob-nl as is (sign of polarity, 0 → onbekend) | {q["sent_textblob"]:.1%} |
| repaired textblob-nl + cues (`analysis.sentiment.label`) | {q["sent_rules"]:.1%} |
| `SentimentModel` trained on the {q["n_train"]} labelled answers | {q["sent_model"]:.1%} |"""


def write_docs(section: str) -> None:
    """Replace (or add) this benchmark's section in docs/benchmarks.md, leaving other sections alone."""
    block = f"{START}\n{section}\n{END}"
    text = DOCS.read_text(encoding="utf-8") if DOCS.exists() else "# Benchmarks\n"
    if START in text and END in text:
        text = text[: text.index(START)] + block + text[text.index(END) + len(END) :]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    DOCS.parent.mkdir(parents=True, exist_ok=True)
    DOCS.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--no-docs", action="store_true")
    parser.add_argument("--child", type=int)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child)))
        return
    results = []
    for size in args.sizes:
        results.append(run_size(size))
        print(f"measured {size:,} answers", file=sys.stderr)
    table, q = speed_table(results), quality()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    machine = (
        f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores, "
        f"load average {load} at the end"
    )
    section = (
        f"## Coding open answers\n\n`python -m bench.coding` on {machine}, shared with other work, "
        f"{time.strftime('%Y-%m-%d')}. Synthetic CEO answers from the training fragments "
        "(`bench/answers.py`); the model trains on all answers of the size. Times are wall-clock "
        "seconds "
        "of one run, with the process's CPU seconds in brackets (a gap means other work shared the "
        "cores).\n\n" + table + "\n\n" + targets(results) + "\n\n" + quality_text(q)
    )
    print(section)
    if not args.no_docs:
        write_docs(section)


if __name__ == "__main__":
    main()
