"""The factsheet: one page in plain Dutch (B1) for the survey's audience, as HTML and as PDF.

It is public, so every count is rounded to a multiple of 5 (percentages come from the exact counts), and a
count below k is said as "fewer than k", never rounded (to "about 0"). It has no breakdowns at all; it shows
what the results page's view shows of the whole round (no item answered by fewer than k people, so no
domain whose items have fewer: :mod:`survey.reports.pages.figures`), and open-answer themes only when at
least k people mention them, without quotes. A round with fewer than k respondents, or with nothing left
to show, gets a factsheet without results.

Statements are shown as % (helemaal) mee eens. The children's smiley questions (CEO kind 8-11) are shown as
the share that chose a happy face, that is the smiley scale's positive options
(:mod:`analysis.scores.scales`: blij or heel blij on five faces, blij on three), per domain and per question,
with the same hiding as the statements.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from flask import render_template

from analysis.scores.items import domain_scores
from analysis.scores.numbers import MISSING, format_count, format_percentage, is_missing
from analysis.scores.scales import SMILEY_5
from analysis.suppression import below_k, round_public, shown_count
from survey.questionnaires.models import Survey
from survey.reports.items import domains_of
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
    #: the survey's audience (ouders, jongeren, kind, professionals, stakeholders): the heading it gets
    audience: str
    #: counts as published, rounded to 5 (invited: None without an invitation list); a count below k is
    #: not given (0) and said as "fewer than k" (``*_few``)
    invited: int | None
    responded: int
    response_pct: str | None
    invited_few: bool
    responded_few: bool
    enough: bool
    grade: str | None = None
    grade_n: str | None = None
    #: (domain, % positive) and (label, % positive, n) for the statements and for the smiley questions
    domains: list[tuple[str, str]] = field(default_factory=list)
    statements: list[tuple[str, str, str]] = field(default_factory=list)
    smiley_domains: list[tuple[str, str]] = field(default_factory=list)
    smileys: list[tuple[str, str, str]] = field(default_factory=list)
    #: the smileys have five faces, so "happy" is a happy or a very happy face
    very_happy: bool = True
    themes: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)
    k: int = 10


def build_factsheet(survey: Survey) -> Factsheet:
    """The factsheet of a round (whole round only; rounded counts)."""
    policy = policy_for(survey, public=True)
    response = response_summary(survey.id, policy)
    figures = response.figures
    data = load_round(survey)
    responded = response.in_results if not response.from_ledger else figures.completed
    base = dict(
        survey=survey,
        audience=str(survey.audience),
        invited=_published(figures.invited, policy) if figures.invited else None,
        responded=_published(responded, policy),
        invited_few=bool(figures.invited) and below_k(figures.invited, policy),
        # none at all is "fewer than k" too: a factsheet never says "about 0 people"
        responded_few=responded < policy.k,
        response_pct=format_percentage(figures.pct_completed)
        if figures.pct_completed is not None and responded >= policy.k
        else None,
        k=policy.k,
    )
    if data.n < policy.k:
        return Factsheet(**base, enough=False)
    view = compute_view(data, Selection(), policy)
    grade_item = next((i for i in data.items if i.kind == "grade"), None)
    grade = view.grades.get(grade_item.code) if grade_item else None
    results = dict(
        grade=grade.mean_text if grade and grade.n else None,
        grade_n=format_count(shown_count(grade.n, False, policy)) if grade and grade.n else None,
        domains=_domains(view.domains),
        statements=_shares(data, view, "agreement", policy),
        smiley_domains=_domains(domain_scores(view.headline, domains_of(data.items, "smiley"))),
        smileys=_shares(data, view, "smiley", policy),
        themes=_themes(data, view, policy),
    )
    very_happy = any(i.scale is SMILEY_5 for i in data.items if i.kind == "smiley")
    # "too few answers" when nothing is left to show (every answered item hidden, or enough people who answered
    # only questions a factsheet does not show), so the page never looks empty without a word
    return Factsheet(**base, enough=any(results.values()), very_happy=very_happy, **results)


def _shares(data, view, kind: str, policy) -> list[tuple[str, str, str]]:
    """(label, % positive, n rounded) of the shown items of one kind, in questionnaire order."""
    headline = view.headline.set_index("item_code")
    return [
        (
            i.label,
            format_percentage(headline.at[i.code, "pct"]),
            format_count(shown_count(int(headline.at[i.code, "n"]), False, policy)),
        )
        for i in data.items
        if i.kind == kind and i.code in headline.index and not is_missing(headline.at[i.code, "pct"])
    ]


def _domains(scores) -> list[tuple[str, str]]:
    """(domain, mean % positive) of the domains that have a share (none of a domain whose items are hidden)."""
    return [(r.domain, format_percentage(r.pct)) for r in scores.itertuples(index=False) if not is_missing(r.pct)]


def _published(count: int, policy) -> int:
    """A count as the factsheet gives it: rounded to 5; below k not at all (0), the page says "fewer than k"."""
    return 0 if below_k(count, policy) else round_public(count)


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
