"""The shipped text analysis on real statements that are not in this repository.

Run from the repository root: ``python -m bench.remarks_external FILE [--no-docs]``. FILE holds labelled
statements, one JSON object per line with the fields of analysis/data/real_statements.jsonl: ``doc`` (the
source document), ``source`` (its address or title), ``heading`` (the heading or question the statement
stands under), ``text``, ``kind``, ``sentiment`` and ``themes`` (keys of the shipped stakeholder codebook),
labelled by the rule in that file's first line. The statements of one source document are classified together,
as the tussenevaluatie classifies one paste of notes (``RemarkClassifier.adapt_to_document``); the table says what
one at a time gives. Nothing of FILE trains anything: the kind-of-remark
classifier is the shipped one (the remarks written to order plus all real statements of this repository, from
the seed documents and from public pages: ``analysis.remarks.shipped_classifier``) and the theme model learns
from this repository's real statements and the codebook seeds, as ``python -m bench.remarks`` trains it per
fold. A statement of FILE that is one of those is refused, so every figure here is on text that no choice of the
platform has seen. A region can run it on its own labelled statements.

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
from analysis.remarks import public_statements, real_statements, remark_sentiment, shipped_classifier
from bench.remarks import textblob_sign, themes
from bench.remarks_docs import TARGETS, signed

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- remarks-external:start -->", "<!-- remarks-external:end -->"
FIELDS = ("doc", "source", "heading", "text", "kind", "sentiment", "themes")
#: What a batch of public pages was used for (a region's own file has none of these). Earlier batches joined the
#: training after their first run (``analysis/data/public_statements.jsonl``: real-c, d, f, g, h and i) or
#: were lost (real-a, real-b); their figures stay in docs/benchmarks.md under the section this script writes.
ROLES = {
    "real-e": "Labelled by the rule from the pages' own text, reading the text only, before any model ran on it "
    "(main at 464da49, the start of this round), a second time blind by another hand for 90 of its statements (kind "
    "the same for 84 of 90, Cohen's κ 0.91; the sign for 42 of 44; the first labelling's main theme among the "
    "second's for all 90), and not used for development: the figures on unseen real text. The file is kept outside "
    "this repository.",
}
#: The same batch measured as the training grew by earlier batches of public pages (before it was ever looked at;
#: the code otherwise as in this tree): kind with the heading, without, sentiment sign, first theme, any theme.
STEPS = {
    "real-e": (
        ("the seed documents' statements only (main at 464da49)", (0.55, 0.56, 0.70, 0.59, 0.70)),
        ("with real-c (148 statements of public pages)", (0.53, 0.55, 0.70, 0.63, 0.75)),
        ("with real-c and real-d (318)", (0.61, 0.62, 0.71, 0.65, 0.79)),
        ("with real-c, d, f and g (644)", (0.59, 0.60, 0.71, 0.66, 0.82)),
    ),
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


def learned_from(rows: list[dict]) -> list[dict]:
    """The rows whose text the shipped models learn from (this repository's real statements)."""
    known = {r["text"].strip() for r in real_statements() + public_statements()}
    return [r for r in rows if r["text"].strip() in known]


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
    training = real_statements()  # themes() adds the public pages, as the platform does
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
        f"{len(real_statements()) + len(public_statements())} real statements and the codebook seeds, so nothing in "
        "these files trains anything. "
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
        if batch in ROLES:
            lines.append(ROLES[batch])
        if batch in STEPS:
            lines.append(
                "The same statements as the training grew by public pages, each measured before this batch was ever "
                "looked at (kind with the heading / without / sentiment sign / sensible first theme / any sensible): "
                + "; ".join(f"{label}: {' / '.join(f'{x:.2f}' for x in figures)}" for label, figures in STEPS[batch])
                + f"; with all {len(public_statements())} (this tree, above): {fmt(mine['kind_q'])} / "
                f"{fmt(mine['kind'])} / {fmt(mine['sign'])} / {fmt(mine['theme'])} / {fmt(mine['any'])}."
            )
        lines.append(
            f"The same statements classified one at a time instead of per source document (`document=False`): kind "
            f"with the heading {fmt(mine['kind_q_alone'])}, without {fmt(mine['kind_alone'])}, sentiment sign "
            f"{fmt(mine['sign_alone'])}."
        )
        errors = ", ".join(f"{a} → {b}: {n}" for (a, b), n in mine["confusions"].most_common(5))
        lines.append(f"Targets of issue 20: {targets_line(mine)}. Most frequent kind errors: {errors}.")
    if len(batches) > 1:
        lines += ["", f"All batches together: {targets_line(total)}."]
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
    trained = len(learned_from(rows))
    if trained:
        parser.error(f"{trained} of these statements train the shipped models already: they are not unseen text")
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
