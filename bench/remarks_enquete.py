"""The real statements under the stakeholder-enquête's own questions: how often the question holds.

A stakeholder-enquête asks per project "Waar bent u trots op?", "Waar vraagt u aandacht voor?" and, in a
tussenevaluatie, "Wat valt op?" (DOMAIN.md; TEXT-ANALYSIS.md measured such answers in a published
tussenevaluatie). Each real statement of ``analysis/data/real_statements.jsonl`` is put under the question that
invites its labelled kind (praise under "trots op", a concern or a suggestion under "aandacht", a finding under
"valt op"), and the fold's classifier decides. Because the question is chosen from the label, this is not an
accuracy: it counts how often the words overrule a question that fits them, and whether the sentiment sign
follows the enquête's reading (praise positief, what asks attention negatief or gemengd).
"""

from __future__ import annotations

from analysis.remarks import RemarkClassifier, remark_sentiment

QUESTIONS = {
    "compliment": "Waar bent u trots op?",
    "zorg": "Waar vraagt u aandacht voor?",
    "suggestie": "Waar vraagt u aandacht voor?",
    "observatie": "Wat valt op?",
}
GROUP = {"compliment": "praise", "zorg": "attention", "suggestie": "attention", "observatie": "finding"}
KEPT = {"praise": {"compliment"}, "attention": {"zorg", "suggestie"}, "finding": {"observatie"}}
SIGN = {"praise": {"positief"}, "attention": {"negatief", "gemengd"}}
LABELS = {
    "praise": "praise under 'trots op'",
    "attention": "concerns and suggestions under 'aandacht'",
    "finding": "findings under 'valt op'",
}


def enquete(
    model: RemarkClassifier, rows: list[dict], shortfall: bool = True, attention: bool = True
) -> dict[str, list[int]]:
    """Per group: [kind kept, n, sign right, n judged], with the model's settings as the fold chose them.
    ``attention=False``: the sentiment without the question (the rule before this round)."""
    rows = [r for r in rows if r["kind"] in QUESTIONS]
    questions = [QUESTIONS[r["kind"]] for r in rows]
    kinds = model.predict([r["text"] for r in rows], questions) if rows else []
    out: dict[str, list[int]] = {}
    for row, question, kind in zip(rows, questions, kinds, strict=True):
        group = GROUP[row["kind"]]
        counts = out.setdefault(group, [0, 0, 0, 0])
        counts[0] += kind in KEPT[group]
        counts[1] += 1
        if group in SIGN:
            counts[2] += (
                remark_sentiment(row["text"], kind, shortfall=shortfall, prompt=question if attention else None)
                in SIGN[group]
            )
            counts[3] += 1
    return out


def section(per_doc: dict[str, dict[str, list[int]]], before: dict[str, dict[str, list[int]]]) -> str:
    """A markdown table: per document left out and over all, the share kept and the sign per group."""
    head = "| Document left out | " + " | ".join(f"{LABELS[g]}: kind kept" for g in LABELS)
    head += " | praise: sign positief | attention: sign negatief or gemengd |"
    lines = [head, "|---" * (len(LABELS) + 3) + "|"]
    for doc, groups in sorted(per_doc.items()):
        lines.append(_row(doc, groups))
    total = _sum(per_doc.values())
    lines.append(_row("**all**", total))
    lines.append(_row("all, sentiment without the question", _sum(before.values())))
    return "\n".join(lines)


def _row(name: str, groups: dict[str, list[int]]) -> str:
    def share(a: int, n: int) -> str:
        return f"{a / n:.2f} ({a}/{n})" if n else "–"

    kept = [share(*groups.get(g, [0, 0, 0, 0])[:2]) for g in LABELS]
    signs = [share(*groups.get(g, [0, 0, 0, 0])[2:]) for g in SIGN]
    return f"| {name} | " + " | ".join(kept + signs) + " |"


def _sum(folds) -> dict[str, list[int]]:
    total: dict[str, list[int]] = {}
    for groups in folds:
        for g, counts in groups.items():
            total[g] = [a + b for a, b in zip(total.get(g, [0, 0, 0, 0]), counts, strict=True)]
    return total
