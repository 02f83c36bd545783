"""The results page as data for the API: the same numbers, the same protection, Dutch keys.

Hidden cells are ``null`` with ``"verborgen": true``; nothing hidden on the page is present here.
"""

from __future__ import annotations

import math

import pandas as pd

from analysis.scores.numbers import is_missing
from survey.protection_notes import note_lines
from survey.questionnaires.models import Survey
from survey.reports.pages.figures import Selection
from survey.reports.pages.page import ResultsPage


def _num(value):
    """A JSON number (None for missing; integers stay integers)."""
    if is_missing(value):
        return None
    number = float(value)
    if math.isinf(number):
        return None
    return int(number) if number.is_integer() else round(number, 4)


def survey_payload(survey: Survey, completed: int | None = None) -> dict:
    out = {
        "id": survey.id,
        "titel": survey.text("title"),
        "meting": survey.round_label,
        "soort": str(survey.kind),
        "doelgroep": str(survey.audience),
        "reeks": survey.series_key,
        "status": str(survey.status),
    }
    if completed is not None:
        out["afgerond"] = completed
    return out


def selection_payload(selection: Selection) -> dict:
    return {"taal": selection.language, "groep": selection.group or None, "uitsplitsing": selection.breakdown}


def response_payload(page: ResultsPage) -> dict:
    figures = page.response.figures
    return {
        "uitgenodigd": figures.invited,
        "gestart": figures.started,
        "afgerond": figures.completed,
        "respons_pct": _num(figures.pct_completed),
        "in_resultaten": page.response.in_results,
        "bron": "uitnodigingen" if page.response.from_ledger else "antwoorden",
    }


def _distribution(view, code: str) -> list[dict]:
    part = view.distributions[view.distributions["item_code"] == code] if not view.distributions.empty else []
    return (
        [
            {
                "code": r.code,
                "label": r.label,
                "aantal": _num(r.count),
                "pct": _num(r.pct),
                "pct_alle": _num(r.pct_all),
                "ontwijkend": bool(r.escape),
            }
            for r in part.itertuples(index=False)
        ]
        if len(part)
        else []
    )


def items_payload(page: ResultsPage) -> list[dict]:
    view = page.view
    headline = view.headline.set_index("item_code") if not view.headline.empty else pd.DataFrame()
    out = []
    for item in page.data.items:
        if not item.scored or item.code not in headline.index:
            continue
        h = headline.loc[item.code]
        entry = {
            "code": item.code,
            "tekst": item.label,
            "soort": item.kind,
            "domein": item.domain or None,
            "kop": item.scale.headline,
            "n": _num(h["n"]),
            "positief": _num(h["positive"]),
            "pct": _num(h["pct"]),
            "weet_niet": _num(h["n_dont_know"]),
            "nvt": _num(h["n_not_applicable"]),
            "verborgen": bool(h["hidden"]),
            "signaal": bool(h["signal"]),
            "verdeling": _distribution(view, item.code),
        }
        grade = view.grades.get(item.code)
        if item.numeric and grade is not None and not entry["verborgen"]:
            entry["gemiddelde"] = _num(float(grade.exact_mean)) if grade.n else None
            entry["gemiddelde_tekst"] = grade.mean_text
            entry["mediaan"] = _num(grade.median)
        out.append(entry)
    return out


def breakdown_payload(page: ResultsPage) -> dict | None:
    breakdown = page.view.breakdown
    if breakdown is None:
        return None
    variable = breakdown.by[-1]
    rows = [
        {
            "item": r["item_code"],
            "groep": r[variable],
            "n": _num(r["n"]),
            "positief": _num(r["positive"]),
            "pct": _num(r["pct"]),
            "verborgen": bool(r["hidden"]),
            "signaal": bool(r["signal"]),
        }
        for r in breakdown.headline.table.to_dict("records")
    ]
    respondents = [
        {"groep": r[variable], "n": _num(r["n"]), "verborgen": bool(r["hidden"]), "signaal": bool(r["signal"])}
        for r in breakdown.respondents.table.to_dict("records")
    ]
    notes = list(note_lines([*breakdown.respondents.notes(), *breakdown.headline.notes()]))
    return {"variabele": variable, "respondenten": respondents, "rijen": rows, "toelichting": notes}


def open_payload(page: ResultsPage) -> list[dict]:
    return [
        {
            "code": o.item.code,
            "tekst": o.item.label,
            "beantwoord": o.answered,
            "gecodeerd": o.coded,
            "citaten_getoond": o.quotes_allowed,
            "themas": [
                {"sleutel": t.key, "label": t.label, "aantal": t.count, "pct": _num(t.pct), "citaten": list(t.quotes)}
                for t in o.themes
            ],
        }
        for o in page.open
    ]


def results_payload(page: ResultsPage) -> dict:
    """Everything the results page shows for a selection, as JSON-ready data."""
    policy = page.view.policy
    out = {
        "vragenlijst": survey_payload(page.survey),
        "selectie": selection_payload(page.view.selection),
        "bescherming": {"k": policy.k, "signaal_onder": policy.signal_below},
        "respons": response_payload(page),
        "te_klein": page.view.too_small,
        "n": page.view.n,
    }
    if page.view.too_small:
        return out
    domains = [
        {"domein": r.domain, "pct": _num(r.pct), "items": list(r.items)}
        for r in page.view.domains.itertuples(index=False)
    ]
    return out | {
        "items": items_payload(page),
        "domeinen": domains,
        "keuzevragen": choices_payload(page),
        "uitsplitsing": breakdown_payload(page),
        "open_vragen": open_payload(page),
    }


def choices_payload(page: ResultsPage) -> list[dict]:
    """Choice questions: per option the count and % (multiple choice: % of those who answered), as the page
    shows them (:func:`survey.reports.pages.figures.protect_choices`)."""
    out = []
    for item in page.data.items:
        frame = page.view.choices.get(item.code)
        if frame is None:
            continue
        out.append(
            {
                "code": item.code,
                "tekst": item.label,
                "meer_antwoorden": item.kind == "multi",
                "n": _num(frame.attrs.get("n", 0)),
                # fewer than k answered: no options; a hidden option of a background question has null counts
                "verborgen": bool(frame.attrs.get("hidden")),
                "opties": [
                    {"code": r.code, "label": str(r.label), "aantal": _num(r.count), "pct": _num(r.pct)}
                    for r in frame.itertuples(index=False)
                ],
            }
        )
    return out


def results_rows(page: ResultsPage) -> list[list]:
    """The aggregated results as one table (for CSV): total rows, then breakdown rows."""
    header = ["item", "tekst", "groep", "n", "positief", "pct", "verborgen", "signaal"]
    rows = [header]
    if page.view.too_small:
        return rows
    for entry in items_payload(page):
        rows.append(
            [
                entry["code"],
                entry["tekst"],
                "",
                entry["n"],
                entry["positief"],
                entry["pct"],
                int(entry["verborgen"]),
                int(entry["signaal"]),
            ]
        )
    breakdown = breakdown_payload(page)
    labels = {i.code: i.label for i in page.data.items}
    for r in (breakdown or {}).get("rijen", []):
        if r["groep"] is not None:
            rows.append(
                [
                    r["item"],
                    labels.get(r["item"], ""),
                    r["groep"],
                    r["n"],
                    r["positief"],
                    r["pct"],
                    int(r["verborgen"]),
                    int(r["signaal"]),
                ]
            )
    return rows
