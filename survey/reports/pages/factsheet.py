"""The factsheet: one page in plain Dutch (B1) for parents and young people, as HTML and as PDF.

It is public, so every count is rounded to a multiple of 5 (percentages come from the exact counts),
it has no breakdowns at all, and it shows open-answer themes only when at least k people mention them,
without quotes. A round with fewer than k respondents gets a factsheet without results.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from flask import render_template

from analysis.scores.numbers import MISSING, format_count, format_percentage, is_missing
from analysis.suppression import round_public, shown_count
from survey.questionnaires.models import Audience, Survey
from survey.reports.pages.figures import Selection, compute_view, policy_for
from survey.reports.pages.openanswers import open_sections
from survey.reports.pages.response import response_summary
from survey.reports.results import load_round

STYLESHEET = Path(__file__).resolve().parents[2] / "static" / "css" / "factsheet-print.css"
THEMES_SHOWN = 3


@dataclass(frozen=True)
class Factsheet:
    """The headline figures of a round, safe to publish."""

    survey: Survey
    youth: bool
    invited: str | None
    responded: str
    response_pct: str | None
    enough: bool
    grade: str | None = None
    grade_n: str | None = None
    domains: list[tuple[str, str]] = field(default_factory=list)
    statements: list[tuple[str, str, str]] = field(default_factory=list)
    themes: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)
    k: int = 10


def build_factsheet(survey: Survey) -> Factsheet:
    """The factsheet of a round (whole round only; rounded counts)."""
    policy = policy_for(survey, public=True)
    response = response_summary(survey.id, policy)
    figures = response.figures
    data = load_round(survey)
    enough = data.n >= policy.k
    base = dict(
        survey=survey,
        youth=survey.audience == Audience.JONGEREN,
        invited=format_count(round_public(figures.invited)) if figures.invited else None,
        responded=format_count(round_public(response.in_results if not response.from_ledger else figures.completed)),
        response_pct=format_percentage(figures.pct_completed) if figures.pct_completed is not None else None,
        enough=enough,
        k=policy.k,
    )
    if not enough:
        return Factsheet(**base)
    view = compute_view(data, Selection(), policy)
    grade_item = next((i for i in data.items if i.kind == "grade"), None)
    grade = view.grades.get(grade_item.code) if grade_item else None
    headline = view.headline.set_index("item_code")
    statements = [
        (
            i.label,
            format_percentage(headline.at[i.code, "pct"]),
            format_count(shown_count(int(headline.at[i.code, "n"]), False, policy)),
        )
        for i in data.items
        if i.kind == "agreement" and i.code in headline.index and int(headline.at[i.code, "n"]) >= policy.k
    ]
    domains = [
        (r.domain, format_percentage(r.pct)) for r in view.domains.itertuples(index=False) if not is_missing(r.pct)
    ]
    return Factsheet(
        **base,
        grade=grade.mean_text if grade and grade.n >= policy.k else None,
        grade_n=format_count(shown_count(grade.n, False, policy)) if grade and grade.n else None,
        domains=domains,
        statements=statements,
        themes=_themes(data, view, policy),
    )


def _themes(data, view, policy) -> list[tuple[str, list[tuple[str, str]]]]:
    out = []
    for section in open_sections(data, None, policy, quotes=False):
        shown = [
            (t.label, format_count(shown_count(t.count, False, policy))) for t in section.themes if t.count >= policy.k
        ][:THEMES_SHOWN]
        if shown:
            out.append((section.item.label, shown))
    return out


def factsheet_pdf(sheet: Factsheet) -> bytes:
    """The factsheet as an A4 PDF (WeasyPrint, DejaVu fonts)."""
    from weasyprint import CSS, HTML

    html = render_template("reports/factsheet_print.html", sheet=sheet, missing=MISSING)
    return HTML(string=html).write_pdf(stylesheets=[CSS(filename=str(STYLESHEET))])
