"""How good the theme model would be, from cross-validated probabilities (each answer scored by a model that
never saw it): the threshold curve (share coded automatically against accuracy) and precision and recall per
theme for the rules, the model and both. Both describe what will really count: rule codes plus model codes at
or above the threshold.
"""

import math

from analysis.classifier import DEFAULT_THRESHOLDS
from analysis.quality import confidence, theme_quality


def final_sets(held_out, rules: list[frozenset], threshold: float) -> list[frozenset]:
    """What would count per answer: rule codes plus model codes at or above the threshold."""
    columns = list(held_out.columns)
    return [
        rules[i] | {k for k, p in zip(columns, row, strict=True) if p >= threshold}
        for i, row in enumerate(held_out.to_numpy())
    ]


def threshold_curve(
    held_out, rules: list[frozenset], human: list[frozenset], thresholds=DEFAULT_THRESHOLDS
) -> list[dict]:
    """Per threshold: how many answers the model is sure enough of, and how often their codes are right."""
    sure = confidence(held_out)
    rows = []
    for threshold in thresholds:
        predicted = final_sets(held_out, rules, threshold)
        auto = [i for i in range(len(human)) if sure[i] >= threshold]
        correct = sum(predicted[i] == human[i] for i in auto)
        rows.append(
            {
                "threshold": threshold,
                "n": len(human),
                "n_auto": len(auto),
                "share": len(auto) / len(human),
                "accuracy": correct / len(auto) if auto else None,
            }
        )
    return rows


def quality(held_out, rules, human, keys) -> dict:
    """Precision and recall per theme against the held-out human codes: rules, model, and both."""
    model = final_sets(held_out, [frozenset()] * len(human), 0.5)
    both = final_sets(held_out, rules, 0.5)
    return {
        name: _table(theme_quality(predicted, human, themes=keys))
        for name, predicted in (("rules", rules), ("model", model), ("combined", both))
    }


def _table(frame) -> list[dict]:
    return [
        {
            "theme": str(key),
            **{col: _number(frame.loc[key, col]) for col in ("precision", "recall", "f1")},
            "support": int(frame.loc[key, "support"]),
        }
        for key in frame.index
    ]


def _number(value) -> float | None:
    value = float(value)
    return None if math.isnan(value) else round(value, 4)
