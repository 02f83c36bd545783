"""Everything the results page of a round shows, assembled from the loaded round and a selection."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import gettext as _

from analysis.charts.bars import Bar, ChartTable, bars_svg
from analysis.scores.numbers import MISSING, format_count, format_percentage, is_missing
from analysis.scores.scales import AGREEMENT, FREQUENCY
from survey.i18n import long_date
from survey.protection_notes import not_shown
from survey.questionnaires.models import Survey
from survey.reports.pages.breakdown import Matrix, matrix
from survey.reports.pages.figures import Selection, View, compute_view, filter_choices, policy_for
from survey.reports.pages.openanswers import OpenSection, open_sections
from survey.reports.pages.response import ResponseSummary, response_summary
from survey.reports.pages.sections import (
    Chart,
    ChoiceCard,
    GradeCard,
    ScaleSection,
    choice_card,
    domain_rows,
    grade_card,
    make_chart,
    scale_section,
)
from survey.reports.results import RoundData, load_round


@dataclass(frozen=True, eq=False)
class ResultsPage:
    """The sections of a results page, in page order."""

    survey: Survey
    data: RoundData
    view: View
    response: ResponseSummary
    statements: ScaleSection | None = None
    frequency: ScaleSection | None = None
    grades: list[GradeCard] = field(default_factory=list)
    domains: list[tuple[str, str, str]] = field(default_factory=list)
    domain_chart: Chart | None = None
    choices: list[ChoiceCard] = field(default_factory=list)
    open: list[OpenSection] = field(default_factory=list)
    matrix: Matrix | None = None
    choices_for_form: dict = field(default_factory=dict)
    per_day_chart: Chart | None = None


def build_page(
    survey: Survey, selection: Selection, data: RoundData | None = None, form_choices: dict | None = None
) -> ResultsPage:
    """The results page of a round for a selection."""
    data = load_round(survey) if data is None else data
    policy = policy_for(survey)
    view = compute_view(data, selection, policy)
    response = response_summary(survey.id, policy)
    if form_choices is None:
        form_choices = filter_choices(data.respondents, data.variables, policy)
    if view.too_small:
        return ResultsPage(survey, data, view, response, choices_for_form=form_choices)
    scored = [i for i in data.items if i.scored]
    domains, domain_chart = domain_rows(view)
    return ResultsPage(
        survey,
        data,
        view,
        response,
        statements=scale_section(view, scored, AGREEMENT, "statements"),
        frequency=scale_section(view, scored, FREQUENCY, "frequency"),
        grades=[c for c in (grade_card(view, i) for i in scored if i.numeric) if c is not None],
        domains=domains,
        domain_chart=domain_chart,
        choices=[c for c in (choice_card(view, i) for i in data.items if i.kind in ("choice", "multi")) if c],
        open=open_sections(data, view.profiles, policy),
        matrix=matrix(view.breakdown, scored) if view.breakdown is not None else None,
        choices_for_form=form_choices,
        per_day_chart=per_day_chart(response),
    )


def per_day_chart(response: ResponseSummary) -> Chart | None:
    """Cumulative response % per day of fieldwork, with a table of the days."""
    days = response.per_day
    if days.empty or response.figures.invited is None:
        return None
    bars = [Bar(long_date(r.day), (float(r.cumulative_pct),)) for r in days.itertuples(index=False)]
    title = _("Response over time (cumulative)")
    svg = bars_svg(
        bars,
        title=title,
        chart_id="response-per-day",
        not_shown=not_shown(),
        desc=_("Cumulative response per day as a share of the invited; the table has the same numbers."),
    )
    rows = tuple(
        (
            long_date(r.day),
            format_count(r.count),
            format_count(r.cumulative),
            MISSING if is_missing(r.cumulative_pct) else format_percentage(r.cumulative_pct),
        )
        for r in days.itertuples(index=False)
    )
    table = ChartTable(title, (_("Day"), _("Completed"), _("Total so far"), _("Response so far")), rows)
    return make_chart(svg, table)
