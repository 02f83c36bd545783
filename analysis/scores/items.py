"""Scores per item: headline share with n, full distributions, choice shares and domain summaries.

The headline of a scale item is the share of positive answers among the substantive ones:
% (helemaal) mee eens for statements, % altijd + vaak for frequency items, % blij for smileys,
% voldoende for grades. Escape answers (weet ik niet, niet van toepassing) are counted and shown
separately but never enter n, so n differs per item. Codes that the item's scale does not know are
counted as ``n_invalid`` and left out as well. Input shapes: see :mod:`analysis.scores.frames`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from analysis.scores.frames import ITEM_CODE, RESPONSE_ID, VALUE
from analysis.scores.scales import DONT_KNOW, ESCAPE_CODES, ESCAPE_OPTIONS, NOT_APPLICABLE, Scale

HEADLINE_COLUMNS = [
    "item_code",
    "scale",
    "n",
    "positive",
    "pct",
    "n_escape",
    "n_dont_know",
    "n_not_applicable",
    "n_invalid",
    "answered",
]
DISTRIBUTION_COLUMNS = ["item_code", "code", "label", "count", "pct", "pct_all", "positive", "escape"]


def tally(answers: pd.DataFrame, item_codes: Sequence[str], groups: Sequence[pd.Series] = ()) -> pd.DataFrame:
    """Counts per (groups...,) item_code and value code: columns [group names], item_code, value, count."""
    mask = answers[ITEM_CODE].isin(list(item_codes))
    keys = [*(g[mask] for g in groups), answers.loc[mask, ITEM_CODE].astype("str"), answers.loc[mask, VALUE]]
    counts = pd.Series(1, index=answers.index[mask]).groupby(keys, observed=True, dropna=True).size()
    counts.index.names = [*(g.name for g in groups), ITEM_CODE, VALUE]
    return counts.rename("count").reset_index()


def summarise(counts: Mapping[str, int], scale: Scale) -> dict:
    """Headline figures of one item from its {code: count}: n, positive, pct and escape counts."""
    known = set(scale.substantive_codes)
    n = sum(c for code, c in counts.items() if code in known)
    positive = sum(c for code, c in counts.items() if code in scale.positive_codes)
    dont_know = counts.get(DONT_KNOW, 0)
    not_applicable = counts.get(NOT_APPLICABLE, 0)
    answered = sum(counts.values())
    return {
        "scale": scale.key,
        "n": n,
        "positive": positive,
        "pct": 100.0 * positive / n if n else np.nan,
        "n_escape": dont_know + not_applicable,
        "n_dont_know": dont_know,
        "n_not_applicable": not_applicable,
        "n_invalid": answered - n - dont_know - not_applicable,
        "answered": answered,
    }


def _per_item(tallied: pd.DataFrame, scales: Mapping[str, Scale], keys: Sequence[str]) -> list[dict]:
    rows = []
    for key, part in tallied.groupby(list(keys), sort=False, observed=True):
        key = key if isinstance(key, tuple) else (key,)
        ident = dict(zip(keys, key, strict=True))
        counts = dict(zip(part[VALUE], part["count"], strict=True))
        rows.append(ident | summarise(counts, scales[ident[ITEM_CODE]]))
    return rows


def headline_scores(answers: pd.DataFrame, scales: Mapping[str, Scale]) -> pd.DataFrame:
    """One row per item of ``scales`` ({item_code: Scale}), in that order: n, positive and pct."""
    return headline_from_tally(tally(answers, list(scales)), scales)


def headline_from_tally(tallied: pd.DataFrame, scales: Mapping[str, Scale]) -> pd.DataFrame:
    """:func:`headline_scores` from counts already made with :func:`tally` (no group columns)."""
    rows = _per_item(tallied, scales, [ITEM_CODE])
    found = {r[ITEM_CODE] for r in rows}
    rows += [{ITEM_CODE: code} | summarise({}, scale) for code, scale in scales.items() if code not in found]
    frame = pd.DataFrame(rows, columns=HEADLINE_COLUMNS)
    return _in_item_order(frame, list(scales))


def headline_for(counts: pd.DataFrame, scales: Mapping[str, Scale], keys: Sequence[str]) -> pd.DataFrame:
    """Headline rows for tallied counts grouped by ``keys`` (which must include item_code)."""
    return pd.DataFrame(
        _per_item(counts, scales, keys), columns=[*[k for k in keys if k != ITEM_CODE], *HEADLINE_COLUMNS]
    )


def _in_item_order(frame: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    position = {code: i for i, code in enumerate(order)}
    frame = frame.assign(_order=frame[ITEM_CODE].map(position))
    return frame.sort_values("_order", kind="stable").drop(columns="_order").reset_index(drop=True)


def distributions(answers: pd.DataFrame, scales: Mapping[str, Scale]) -> pd.DataFrame:
    """Every option of every item in scale order: count, pct of n (substantive) and pct_all.

    ``pct`` is the share among substantive answers (NaN on escape rows); ``pct_all`` is the share
    among everyone who answered the item, escapes included, so an escape row reads "12% weet ik niet".
    """
    return distributions_from_tally(tally(answers, list(scales)), scales)


def distributions_from_tally(tallied: pd.DataFrame, scales: Mapping[str, Scale]) -> pd.DataFrame:
    """:func:`distributions` from counts already made with :func:`tally` (no group columns)."""
    by_item = {
        code: dict(zip(part[VALUE], part["count"], strict=True))
        for code, part in tallied.groupby(ITEM_CODE, sort=False)
    }
    rows = []
    for code, scale in scales.items():
        rows += distribution_rows(code, by_item.get(code, {}), scale)
    return pd.DataFrame(rows, columns=DISTRIBUTION_COLUMNS)


def distribution_rows(item_code: str, counts: Mapping[str, int], scale: Scale) -> list[dict]:
    """Distribution rows of one item from its {code: count}, escapes after the substantive options."""
    n = sum(counts.get(c, 0) for c in scale.substantive_codes)
    answered = n + sum(counts.get(c, 0) for c in ESCAPE_CODES)
    options = list(scale.options) + [
        ESCAPE_OPTIONS[c] for c in sorted(ESCAPE_CODES) if c in counts and c not in scale.codes
    ]
    rows = []
    for option in options:
        count = int(counts.get(option.code, 0))
        rows.append(
            {
                "item_code": item_code,
                "code": option.code,
                "label": option.label,
                "count": count,
                "pct": np.nan if option.escape or not n else 100.0 * count / n,
                "pct_all": 100.0 * count / answered if answered else np.nan,
                "positive": option.positive,
                "escape": option.escape,
            }
        )
    return rows


def choice_distribution(
    answers: pd.DataFrame, item_code: str, options: Sequence[tuple[str, str]] = (), multiple: bool = False
) -> pd.DataFrame:
    """Counts and % per choice option; for multiple choice the % is of respondents who answered.

    ``options`` is ((code, label), ...) in display order; codes given but not listed are appended
    with their code as label. Single choice: % of the answers (= respondents) to the item. Multiple
    choice: % of the respondents who chose at least one option, so the column can add up past 100.
    """
    rows = answers.loc[answers[ITEM_CODE] == item_code, [RESPONSE_ID, VALUE]]
    if multiple:
        rows = rows.drop_duplicates()
    respondents = rows[RESPONSE_ID].nunique()
    counts = rows[VALUE].value_counts()
    labels = dict(options)
    order = [c for c, _ in options] + sorted(set(counts.index) - set(labels))
    data = [
        {
            "code": c,
            "label": labels.get(c, c),
            "count": int(counts.get(c, 0)),
            "pct": 100.0 * counts.get(c, 0) / respondents if respondents else np.nan,
        }
        for c in order
    ]
    frame = pd.DataFrame(data, columns=["code", "label", "count", "pct"])
    frame.attrs["n"] = respondents
    return frame


def domain_scores(headline: pd.DataFrame, domains: Mapping[str, str], by: Sequence[str] = ()) -> pd.DataFrame:
    """Per domain (toegang, kwaliteit, effect): the mean of its items' pct, with the items listed.

    Items without a percentage (n = 0, or hidden by suppression) are left out of the mean and out
    of ``items``; ``items_missing`` lists them so the note under the table can say so.
    """
    frame = headline[headline[ITEM_CODE].isin(list(domains))].copy()
    frame["domain"] = frame[ITEM_CODE].map(domains)
    order = list(dict.fromkeys(domains.values()))
    rows = []
    for key, part in frame.groupby([*by, "domain"], sort=False):
        key = key if isinstance(key, tuple) else (key,)
        scored = part[part["pct"].notna()]
        rows.append(
            dict(zip([*by, "domain"], key, strict=True))
            | {
                "pct": float(scored["pct"].mean()) if len(scored) else np.nan,
                "n_items": len(scored),
                "items": tuple(scored[ITEM_CODE]),
                "items_missing": tuple(part.loc[part["pct"].isna(), ITEM_CODE]),
            }
        )
    out = pd.DataFrame(rows, columns=[*by, "domain", "pct", "n_items", "items", "items_missing"])
    out["_order"] = out["domain"].map({d: i for i, d in enumerate(order)})
    return out.sort_values([*by, "_order"], kind="stable").drop(columns="_order").reset_index(drop=True)
