"""Synthetic CEO open answers with theme sets and a sentiment label, made from answer fragments.

`python -m bench.answers` rewrites tests/analysis/data/ceo_answers_{train,heldout}.jsonl.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from bench import templates_heldout, templates_train

DATA = Path(__file__).resolve().parents[1] / "tests" / "analysis" / "data"
SPLITS = {"train": templates_train, "heldout": templates_heldout}

#: How young people and hurried parents write (applied to some answers).
SPOKEN = {"mijn": "mn", "echt": "egt", "niet": "nie", "even": "ff", "heel": "hele", "het": "t", "een": "n"}

#: Themes outside the CEO codebook, for new-theme suggestions on the uncoded remainder.
NEW_THEMES = [
    ("vervoer", "neg", "de taxi naar de dagbehandeling kwam vaak te laat"),
    ("vervoer", "neg", "het vervoer naar school was slecht geregeld"),
    ("vervoer", "neg", "de chauffeur van het taxibusje was steeds een ander"),
    ("vervoer", "pos", "het taxivervoer naar de behandelgroep liep prima"),
    ("vervoer", "neg", "we moesten zelf heen en weer rijden naar de behandellocatie"),
    ("kosten", "neg", "de eigen bijdrage voor de opvang was veel te hoog"),
    ("kosten", "neg", "we moesten de reiskosten zelf betalen"),
    ("kosten", "neg", "de rekening van het zorgkantoor kwam als een verrassing"),
    ("kosten", "pos", "gelukkig werden de kosten volledig vergoed"),
]


def _fill(text: str, fillers: dict, rng: random.Random) -> str:
    for slot, options in fillers.items():
        while "{" + slot + "}" in text:
            text = text.replace("{" + slot + "}", rng.choice(options), 1)
    return text


def _noise(text: str, rng: random.Random) -> str:
    """Spoken spellings and one typo, as in real answers typed on a phone."""
    words = text.split(" ")
    if rng.random() < 0.2:
        words = [SPOKEN.get(w, w) for w in words]
    if rng.random() < 0.15:
        candidates = [i for i, w in enumerate(words) if len(w) > 5 and w.isalpha()]
        if candidates:
            i = rng.choice(candidates)
            w, j = words[i], rng.randrange(1, len(words[i]) - 2)
            swapped, dropped = w[:j] + w[j + 1] + w[j] + w[j + 2 :], w[:j] + w[j + 1 :]
            words[i] = rng.choice([swapped, dropped, w[:j] + w[j] + w[j:]])
    return " ".join(words)


def _label(sentiments: list[str]) -> str:
    judged = {s for s in sentiments if s != "neu"}
    if judged == {"pos", "neg"}:
        return "gemengd"
    return {"pos": "positief", "neg": "negatief"}.get(next(iter(judged), ""), "onbekend")


def compose(module, rng: random.Random) -> dict:
    """One answer: an optional opening, one to three fragments, maybe a general remark."""
    if rng.random() < 0.1:
        sentiment, text = rng.choice(module.GENERAL)
        return {"text": text[:1].upper() + text[1:], "themes": [], "sentiment": _label([sentiment])}
    count = rng.choices([1, 2, 3], weights=[55, 35, 10])[0]
    parts = rng.sample(module.FRAGMENTS, count)
    themes = sorted({t for p in parts for t in p[0]})
    sentiments = [p[1] for p in parts]
    text = _fill(parts[0][2], module.FILLERS, rng)
    for previous, part in zip(parts, parts[1:], strict=False):
        joint = " maar " if previous[1] != part[1] else rng.choice([", en ", ". ", " en ook ", ", "])
        text += joint + _fill(part[2], module.FILLERS, rng)
    if rng.random() < 0.1:
        sentiment, remark = rng.choice([g for g in module.GENERAL if g[0] != "neu"])
        text += ". " + remark
        sentiments.append(sentiment)
    if rng.random() < 0.25:
        text = rng.choice(module.PREFIXES) + " " + text
    text = _noise(text, rng)
    if rng.random() < 0.7:
        text = text[:1].upper() + text[1:] + rng.choice([".", "", "!", "."])
    return {"text": text, "themes": themes, "sentiment": _label(sentiments)}


def generate(n: int, split: str = "train", seed: int = 0, unique: bool = True) -> list[dict]:
    """``n`` answers from the fragments of one split; unique texts unless ``unique`` is False."""
    rng, module = random.Random(seed), SPLITS[split]
    rows, seen = [], set()
    for _ in range(n * 50):
        row = compose(module, rng)
        if unique and row["text"].lower() in seen:
            continue
        seen.add(row["text"].lower())
        rows.append(row)
        if len(rows) == n:
            return rows
    raise ValueError(f"the {split} fragments give fewer than {n} distinct answers")


def new_theme_answers(n: int, seed: int = 0) -> list[str]:
    """Uncoded answers about themes the codebook lacks (transport, costs), with openings and judgements."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        _, _, text = rng.choice(NEW_THEMES)
        opening = rng.choice(templates_train.PREFIXES + ["", "", ""])
        closing = rng.choice(["", " en dat is niet goed", ", dat duurde te lang", ", slecht", ", heel goed"])
        out.append(_noise(f"{opening} {text}{closing}".strip(), rng))
    return out


def write(path: Path, rows: list[dict]) -> None:
    """Write rows as JSON lines."""
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def read(path: Path) -> list[dict]:
    """Read JSON lines."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


if __name__ == "__main__":
    write(DATA / "ceo_answers_train.jsonl", generate(600, "train", seed=1))
    write(DATA / "ceo_answers_heldout.jsonl", generate(200, "heldout", seed=2))
    print("wrote", DATA)
