"""The parts of the report below its head: the sections with themes and statements (what respondents and
meetings said), for the programme and for each project, and each project's own part.

Themes give counts; the statements themselves are published only after the evaluator's quote review
(``survey.evaluations.statements.review``). A project's part holds its ambition, actielijnen (national and
the region's own), principles, activities, results against each target with a chart, its sections, budget
and goals for next year.
"""

from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from analysis.charts.target import TargetFigures, series_text, target_svg, target_table
from analysis.evaluation.quote_review import publish
from analysis.evaluation.themes import summarise_themes
from analysis.programmes.periods import period_of, period_start
from analysis.programmes.progress import budget_totals, target_progress
from analysis.scores.numbers import format_amount, format_number, format_percentage
from survey.evaluations.draft.context import ReportContext
from survey.evaluations.labels import PROJECT_ROLE_SECTION, PROJECT_SECTIONS, PROJECT_THEME_SECTIONS, SURVEY_ROLE
from survey.evaluations.models import project_scope
from survey.evaluations.statements import review
from survey.extensions import db
from survey.i18n import long_date, period_name
from survey.programmes.labels import label as programme_label
from survey.programmes.models import Project, Target
from survey.programmes.monitor.conflicts import sources_of
from survey.programmes.overview import indicator_values
from survey.programmes.progress_reports.models import ProgressReport, ProgressStatus
from survey.programmes.target_words import target_sentence, target_words
from survey.responses.display.piping import report_text


def theme_part(context: ReportContext, role: str, project: Project | None = None) -> dict | None:
    """Themes with counts from the open questions of one role; None without such a question.
    A stakeholder-enquête among professionals is protected per survey: when the survey as a whole has
    fewer than k respondents only that fact is given (no counts); otherwise every project's answers are
    counted, however few answered about it (the evaluator reviews the quotes)."""
    remarks, questions, sizes = [], [], []
    for stakeholder in context.stakeholder:
        instances = stakeholder.keys.get(project.id, set()) if project is not None else None
        if project is not None and not instances:
            continue
        text = report_text(
            stakeholder.question_text(role, project is not None), project.name if project is not None else None
        )
        if not text:
            continue
        questions.append(text)
        sizes.append(stakeholder.completed)
        remarks.extend(stakeholder.remarks_for(role, instances))
    if not questions:
        return None
    summary = summarise_themes(
        remarks, context.k, names=context.names, keep=context.vocabulary, survey_size=min(sizes), quotes_per_theme=0
    )
    return {
        "role": role,
        "label": str(SURVEY_ROLE[role]),
        "questions": list(dict.fromkeys(questions)),
        "shown": summary.shown,
        "respondents": summary.respondents if summary.shown else None,
        "remarks": summary.remarks if summary.shown else None,
        "uncoded": summary.uncoded if summary.shown else None,
        "themes": [{"key": t.key, "label": t.label, "count": t.count} for t in summary.themes],
    }


def statement_part(context: ReportContext, section: str, project: Project | None = None) -> tuple[list, int]:
    """The reviewed statements of this section as the report shows them, and how many wait for review."""
    published, pending = publish(review.candidates(context, section, project), review.cached_decisions(context))
    return [
        {
            "key": p.key,
            "text": p.text,
            "count": p.count,
            "origin": p.origin,
            "theme": p.theme[0],
            "theme_label": p.theme[1],
            "attribution": p.attribution,
        }
        for p in published
    ], pending


def _section(key: str, title: str, parts: list, statements: tuple[list, int]) -> dict:
    published, pending = statements
    return {
        "key": key,
        "title": title,
        "survey": parts,
        "statements": published,
        "pending": pending,
        "empty": not published and not any(p["shown"] and p["themes"] for p in parts),
    }


def programme_section(context: ReportContext, key: str, title: str) -> dict:
    """A programme section with themes (its own role) and statements."""
    part = theme_part(context, key)
    return _section(key, title, [part] if part else [], statement_part(context, key))


def project_section(context: ReportContext, project: Project, key: str, title: str) -> dict:
    """A project section with the themes of every role that feeds it, and statements."""
    roles = [role for role, section in PROJECT_ROLE_SECTION.items() if section == key]
    parts = [part for role in roles if (part := theme_part(context, role, project)) is not None]
    return _section(key, title, parts, statement_part(context, key, project))


def amount(value, unit: str = "") -> str:
    """40 kinderen; 7,5 weken; 73 % (no decimals for whole numbers): ``analysis.scores.numbers``."""
    return format_amount(value, unit)


def money(value) -> str:
    return "–" if value is None else "€ " + format_number(value, 0)


def target_part(target: Target, until: date) -> dict:
    """Where a target stood at the end of the period: figures, status and % of the way from
    ``analysis.programmes.targets`` (the one rule), the chart with baseline, goal and trend, and its table."""
    indicator = target.indicator
    last = min(period_start(period_of(target.target_date, indicator.period_type.value)), until)
    progress = target_progress(
        indicator_values(indicator.id, until=last),
        indicator.aggregation.value,
        target.target_value,
        target.baseline,
        target.cumulative,
        target.direction,
    )
    state = target.state(progress.value)
    unit = target.unit or indicator.unit
    # the chart, its table and its sentence name periods as a reader says them ("3e kwartaal 2026")
    figures = TargetFigures(
        target.baseline,
        target.target_value,
        target.direction,
        state,
        progress.value,
        period_name(progress.period) if progress.period else None,
        unit,
        tuple((period_name(p), v) for p, v in progress.series),
    )
    sentence = _(
        "%(value)s of %(target)s by %(date)s",
        value=amount(progress.value, unit),
        target=amount(target.target_value, unit),
        date=long_date(target.target_date),
    )
    table = target_table(figures, title=target.description)
    line = target_sentence(figures)
    value = float(progress.value) if progress.value is not None else None
    return {
        "id": target.id,
        "description": target.description,
        "indicator": indicator.name,
        "unit": unit,
        "direction": str(target.direction),
        "direction_label": programme_label(target.direction),
        "status": str(state.status),
        "status_label": programme_label(state.status),
        "baseline": float(state.start) if state.start is not None else None,
        "baseline_text": amount(state.start, unit),
        "target": float(target.target_value),
        "target_text": amount(target.target_value, unit),
        "target_date": target.target_date.isoformat(),
        "value": value,
        "value_text": amount(progress.value, unit),
        "period": progress.period or "",
        "percent": state.percent,
        "percent_text": format_percentage(state.percent),
        "cumulative": target.cumulative,
        "conflicts": list(progress.conflicts),
        "sources": sources_of(indicator, last),
        "series": [
            {"period": p, "label": period_name(p), "value": float(v), "text": amount(v, unit)}
            for p, v in progress.series
        ],
        "series_text": series_text(progress.series, unit) if len(progress.series) >= 2 else "",
        "svg": target_svg(
            figures,
            title=target.description,
            desc=line + ". " + sentence,
            sentence=line,
            words=target_words(),
            chart_id=f"doel-{target.id}",
        ),
        "table": {
            "caption": table.caption,
            "header": [_("Figure"), _("Value")],
            "rows": [[str(_ROW_LABELS.get(r[0], r[0])), r[1]] for r in table.rows],
        },
    }


_ROW_LABELS = {
    "baseline": _l("Baseline"),
    "target": _l("Target"),
    "reached": _l("Reached"),
    "way": _l("Share of the way"),
}


def budget_part(project: Project) -> dict:
    rows = [(line.year, line.budgeted, line.spent) for line in project.budget_lines]
    budgeted, spent = budget_totals(rows)
    share = float(spent / budgeted * 100) if budgeted else None
    return {
        "rows": [
            {
                "year": year,
                "budgeted": float(b),
                "spent": float(s) if s is not None else None,
                "budgeted_text": money(b),
                "spent_text": money(s),
            }
            for year, b, s in rows
        ],
        "budgeted": float(budgeted),
        "spent": float(spent),
        "budgeted_text": money(budgeted),
        "spent_text": money(spent),
        "remaining_text": money(budgeted - spent),
        "spent_share_text": format_percentage(share),
    }


def progress_part(project: Project, start: date, until: date) -> dict | None:
    """The project leader's latest verdict within the period (*op koers*, *aandacht nodig*, *risico*),
    and every round in the period that was not on track."""
    first, last = f"{start.year}-{start.month:02d}", f"{until.year}-{until.month:02d}"
    stmt = (
        select(ProgressReport)
        .where(ProgressReport.project_id == project.id, ProgressReport.round.between(first, last))
        .order_by(ProgressReport.round.desc())
    )
    reports = list(db.session.scalars(stmt))
    if not reports:
        return None
    latest = reports[0]
    return {
        "round": latest.round,
        "status": latest.status.value,
        "status_label": programme_label(latest.status),
        "results": latest.results,
        "obstacles": latest.obstacles,
        "next_steps": latest.next_steps,
        "off_track": [
            {"round": r.round, "status_label": programme_label(r.status), "obstacles": r.obstacles}
            for r in reversed(reports)
            if r.status != ProgressStatus.ON_TRACK
        ],
    }


def project_part(context: ReportContext, project: Project) -> dict:
    until = context.evaluation.period_end
    scope = project_scope(project.id)
    respondents, disclosed = set(), bool(context.stakeholder)
    for stakeholder in context.stakeholder:
        disclosed = disclosed and stakeholder.completed >= context.k
        for (_code, instance), remarks in stakeholder.remarks.items():
            if instance in stakeholder.keys.get(project.id, set()):
                respondents.update(r.respondent for r in remarks)
    return {
        "id": project.id,
        "scope": scope,
        "name": project.name,
        "ambition": project.ambition,
        "status_label": programme_label(project.status),
        "action_lines": [{"number": line.number, "title": line.title} for line in project.action_lines],
        "regional_lines": [{"title": line.title, "description": line.description} for line in project.regional_lines],
        "principles": [{"title": p.title, "text": p.text} for p in project.principles],
        "activities": [a.text for a in project.activities],
        "progress": progress_part(project, context.evaluation.period_start, until),
        "targets": [target_part(t, until) for t in project.targets],
        "sections": {
            key: project_section(context, project, key, str(PROJECT_SECTIONS[key])) for key in PROJECT_THEME_SECTIONS
        },
        "respondents": len(respondents) if disclosed else None,
        "budget": budget_part(project),
        "next_year_goals": project.next_year_goals,
        "texts": {key: context.evaluation.text_of(scope, key) for key in PROJECT_SECTIONS},
    }
