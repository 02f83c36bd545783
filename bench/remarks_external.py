"""The shipped text analysis on real statements that are not in this repository.

Run from the repository root: ``python -m bench.remarks_external FILE [--no-docs]``. FILE holds labelled
statements, one JSON object per line with the fields of analysis/data/real_statements.jsonl: ``doc`` (the
source document), ``source`` (its address or title), ``heading`` (the heading or question the statement
stands under), ``text``, ``kind``, ``sentiment`` and ``themes`` (keys of the shipped stakeholder codebook),
labelled by the rule in that file's first line. The statements of one source document are classified together,
as the tussenevaluatie classifies one paste of notes (``RemarkClassifier.adapt_to_document``); the table says what
one at a time gives. Nothing of FILE trains anything: the kind-of-remark
classifier is the shipped one (the remarks written to order plus all real statements of this repository,
``analysis.remarks.shipped_classifier``) and the theme model learns from this repository's real statements
and the codebook seeds, as ``python -m bench.remarks`` trains it per fold. So every figure here is on text
that no choice of the platform has seen. A region can run it on its own labelled statements.

Prints a table per source document and over all, and (unless ``--no-docs``) writes it into
docs/benchmarks.md between the ``remarks-external`` markers, naming each source but quoting no statement.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import numpy as np

from analysis import sentiment
from analysis.remarks import real_statements, remark_sentiment, shipped_classifier
from bench.remarks import TARGETS, signed, textblob_sign, themes

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- remarks-external:start -->", "<!-- remarks-external:end -->"
FIELDS = ("doc", "source", "heading", "text", "kind", "sentiment", "themes")
#: The figures of the first run on each batch of public pages, before anything was changed after seeing them
#: (main at the commit named), and what each batch was used for since. A region's own file has none of these.
BEFORE_AT = "main at 43004a3"
BEFORE = {
    "real-a": {"kind_q": 0.51, "kind": 0.51, "sign": 0.65, "theme": 0.55, "any": 0.69},
    "real-b": {"kind_q": 0.51, "kind": 0.51, "sign": 0.68, "theme": 0.53, "any": 0.58},
}
#: What was tried on the kind classifier with these batches and not kept (figures measured once, by hand).
TRIED = (
    "Tried with batch real-a and dropped: each of its 175 statements rewritten in other words (same kind, same "
    "sentence form) as 175 more training remarks in the register of reports. On the four seed documents (one left "
    "out at a time) kind with / without the heading went from 0.60 / 0.54 to 0.62 / 0.56 and the sentiment sign from "
    "0.76 to 0.75; on the unseen batch real-b from 0.51 / 0.51 to 0.54 / 0.55, sign 0.68 to 0.72 (two or three "
    "statements of 74). But the held-out remarks written to order fell from 0.79 to 0.78 (h3 0.75 to 0.73, below "
    "its floor in the tests), and 67 of the rewrites used words that so far only held-out remarks had used, which "
    "the rule protecting the held-out figures forbids. A gain of a few statements did not outweigh that. Also "
    "tried, too small to keep: a full declarative sentence without any cue made an observatie (+1 to +3 of the 175 "
    "statements of real-a, depending on the model's say; on the seed documents it helps the Haaglanden report "
    "only, see above), and a model column telling that a statement comes from a document rather than an answer "
    "(real-a +1 to +2 statements, the seed documents -1 to -5)."
)
ROLES = {
    "real-a": "After that first run this batch was used for development: its errors were read and the "
    "stakeholder codebook got the words for waiting lists, the labour market and administrative burden, closed "
    "youth care and the council's information that it missed most often. Its theme figures after that are "
    "development figures; its kind and sentiment figures are not (nothing of the classifier changed).",
    "real-b": "Labelled before those changes and not looked at statement by statement since (only these totals): "
    "the figures on unseen real text.",
    "real-c": "Labelled by the rule from the pages' own text, reading the text only, before any model ran on it "
    "(main at 3f042e5, after the document's mix of kinds was added), and not used for development: the figures on "
    "unseen real text. The file is kept outside this repository, like the two batches before it.",
}


class BadFile(ValueError):
    """The statements file cannot be read: which line and why."""


def load(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise BadFile(f"line {number}: not JSON ({error.msg})") from None
            if "_" in row:
                continue
            missing = [f for f in FIELDS if f not in row]
            if missing:
                raise BadFile(f"line {number}: missing {', '.join(missing)}")
            rows.append(row)
    return rows


def kinds(rows: list[dict], headings: bool, document: bool = True) -> np.ndarray:
    """The shipped classifier's kinds, the statements of each source document classified together (as the
    tussenevaluatie classifies one paste of notes; ``document=False``: one at a time), with or without their
    headings."""
    model = shipped_classifier()
    found = np.empty(len(rows), dtype=object)
    for doc in dict.fromkeys(r["doc"] for r in rows):
        index = [i for i, r in enumerate(rows) if r["doc"] == doc]
        texts = [rows[i]["text"] for i in index]
        given = [rows[i]["heading"] for i in index] if headings else None
        found[index] = model.predict(texts, given, document=document)
    return found.astype(str)


def signs(rows: list[dict], judged: list[int], moods: list[str]) -> float:
    """Share of the judged statements whose sentiment has the labelled sign (nan when none is judged)."""
    if not judged:
        return float("nan")
    return float(np.mean([signed(rows[i]["sentiment"], m) for i, m in zip(judged, moods, strict=True)]))


def score(rows: list[dict]) -> dict:
    """Kind with and without the heading, sentiment sign and theme suggestions of the shipped analysis."""
    with_q, without = kinds(rows, headings=True), kinds(rows, headings=False)
    alone_q, alone = kinds(rows, headings=True, document=False), kinds(rows, headings=False, document=False)
    truth = np.array([r["kind"] for r in rows])
    judged = [i for i, r in enumerate(rows) if r["sentiment"] != sentiment.NEUTRAL]
    moods = [remark_sentiment(rows[i]["text"], with_q[i], prompt=rows[i]["heading"]) for i in judged]
    moods_alone = [remark_sentiment(rows[i]["text"], alone_q[i], prompt=rows[i]["heading"]) for i in judged]
    training = real_statements()
    first, precision, any_theme, n_theme = themes(training, rows)
    rules_first = themes(training, rows, model=False)[0]
    return {
        "n": len(rows),
        "kind_q": float((with_q == truth).mean()),
        "kind": float((without == truth).mean()),
        "kind_q_alone": float((alone_q == truth).mean()),
        "kind_alone": float((alone == truth).mean()),
        "sign_alone": signs(rows, judged, moods_alone),
        "n_sign": len(judged),
        "sign": signs(rows, judged, moods),
        "textblob": float(np.mean([signed(rows[i]["sentiment"], textblob_sign(rows[i]["text"])) for i in judged]))
        if judged
        else float("nan"),
        "theme": first,
        "theme_rules": rules_first,
        "any": any_theme,
        "prec": precision,
        "n_theme": n_theme,
        "truth": Counter(truth),
        "confusions": Counter(zip(truth[with_q != truth], with_q[with_q != truth], strict=True)),
        "predicted": [(str(a), str(b)) for a, b in zip(with_q, without, strict=True)],
        "moods": dict(zip(judged, moods, strict=True)),
    }


def run(rows: list[dict]) -> dict:
    """Figures per batch (file) and source document, per batch over its sources, and over all batches."""
    results = {}
    for batch in dict.fromkeys(r["batch"] for r in rows):
        mine = [r for r in rows if r["batch"] == batch]
        for doc in sorted({r["doc"] for r in mine}):
            results[batch, doc] = score([r for r in mine if r["doc"] == doc])
        results[batch, "all"] = score(mine)
    results["all", "all"] = score(rows)
    return results


def fmt(value: float) -> str:
    return "–" if value != value else f"{value:.2f}"


def row(name: str, r: dict, bold: bool = False) -> str:
    b = (lambda s: f"**{s}**") if bold else (lambda s: s)
    return (
        f"| {name} | {r['n']} | {b(fmt(r['kind_q']))} | {b(fmt(r['kind']))} | {b(fmt(r['sign']))} ({r['n_sign']}) | "
        f"{fmt(r['textblob'])} | {b(fmt(r['theme']))} ({r['n_theme']}) | {fmt(r['theme_rules'])} | "
        f"{b(fmt(r['any']))} | {fmt(r['prec'])} |"
    )


def targets_line(total: dict) -> str:
    names = {
        "kind_q": "kind with the heading",
        "kind": "kind without",
        "sign": "sentiment sign",
        "any": "any sensible theme",
    }
    wanted = {"kind_q": TARGETS["kind_q"], "kind": TARGETS["kind"], "sign": TARGETS["sign"], "any": TARGETS["theme"]}
    return "; ".join(
        f"{names[key]} {'reached' if total[key] >= goal else 'NOT reached'} ({total[key]:.3f} vs {goal:.2f})"
        for key, goal in wanted.items()
    )


def render(rows: list[dict], results: dict, paths: list[Path]) -> str:
    total = results["all", "all"]
    sources = sorted({(r["doc"], r["source"]) for r in rows})
    kinds = ", ".join(f"{kind} {n}" for kind, n in total["truth"].most_common())
    batches = list(dict.fromkeys(r["batch"] for r in rows))
    lines = [
        f"Real material: {total['n']} statements from {len(sources)} public Dutch pages on youth care "
        "(regional client-experience studies, audit offices' findings and advice, inspectorates' reports, "
        "evaluations of local teams, news reports of national evaluations), labelled by hand by the rule of "
        "`analysis/data/real_statements.jsonl` before any model ran on them, and kept outside this repository "
        "(the sources are listed below; no statement is quoted here). Their kinds: "
        f"{kinds}. The kind classifier is the shipped one and the theme model learns from this repository's "
        f"{len(real_statements())} real statements and the codebook seeds, so nothing in these files trains anything. "
        "What a batch was used for is said under its table.",
        "",
        f"Command: `python -m bench.remarks_external {' '.join(p.name for p in paths)}`",
    ]
    header = [
        "",
        "| Source | n | kind, with heading | kind, without | sentiment sign (n) | textblob-nl alone | "
        "sensible first theme (n) | rules alone | any sensible | precision |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for batch in batches:
        lines += [*header[:1], f"Batch `{batch}`:", *header]
        lines += [row(doc, r) for (b, doc), r in results.items() if b == batch and doc != "all"]
        mine = results[batch, "all"]
        lines.append(row(f"**{batch}, all**", mine, bold=True))
        lines.append("")
        before = BEFORE.get(batch)
        if before:
            lines.append(
                f"Before this round's changes ({BEFORE_AT}): kind with the heading {before['kind_q']:.2f}, without "
                f"{before['kind']:.2f}, sentiment sign {before['sign']:.2f}, sensible first theme "
                f"{before['theme']:.2f}, any sensible {before['any']:.2f}. {ROLES.get(batch, '')}".rstrip()
            )
        elif batch in ROLES:
            lines.append(ROLES[batch])
        lines.append(
            f"The same statements classified one at a time instead of per source document (`document=False`): kind "
            f"with the heading {fmt(mine['kind_q_alone'])}, without {fmt(mine['kind_alone'])}, sentiment sign "
            f"{fmt(mine['sign_alone'])}."
        )
        errors = ", ".join(f"{a} → {b}: {n}" for (a, b), n in mine["confusions"].most_common(5))
        lines.append(f"Targets of issue 20: {targets_line(mine)}. Most frequent kind errors: {errors}.")
    if len(batches) > 1:
        lines += ["", f"All batches together: {targets_line(total)}."]
    if set(batches) >= set(BEFORE):
        lines += ["", TRIED]
    lines += [
        "",
        "Sources (each statement's `doc`): "
        + "; ".join(f"{doc}: {source}" for doc, source in sources)
        + ". Each source is a public web page: its own text, not a whole report behind it.",
    ]
    return "\n".join(lines)


def write(section: str) -> None:
    text = DOC.read_text(encoding="utf-8")
    block = f"{START}\n{section}\n{END}"
    if START in text:
        head, rest = text.split(START, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = (
            text.rstrip()
            + "\n\n## Kind, sentiment and theme of real statements not in this repository\n\n"
            + block
            + "\n"
        )
    DOC.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.remarks_external", description=__doc__.splitlines()[0])
    parser.add_argument("files", type=Path, nargs="+", help="labelled statements, one JSON object per line")
    parser.add_argument("--no-docs", action="store_true", help="print only, leave docs/benchmarks.md alone")
    parser.add_argument("--errors", action="store_true", help="also print every wrong statement against its labels")
    args = parser.parse_args(argv)
    rows = []
    for path in args.files:
        try:
            found = load(path)
        except (OSError, BadFile) as error:
            parser.error(f"{path}: {error}")
        if not found:
            parser.error(f"{path}: no labelled statements")
        rows += [{**r, "batch": path.stem} for r in found]
    results = run(rows)
    section = render(rows, results, args.files)
    print(section)
    if args.errors:
        for i, r in enumerate(rows):
            with_q, without = results["all", "all"]["predicted"][i]
            mood = results["all", "all"]["moods"].get(i)
            if with_q != r["kind"] or (mood is not None and not signed(r["sentiment"], mood)):
                said = f"{r['kind']}/{r['sentiment']} → {with_q}/{mood or '-'} (without: {without})"
                print(f"- [{r['doc']}] {said}: {r['text']}")
    if not args.no_docs:
        write(section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
