"""Drafting a tussenevaluatie: every figure, theme, quote and text of the report as one plain,
JSON-ready dict. The draft is built afresh each time; publishing stores the dict as the snapshot.

The head of the report is here (programme, method and response, grades, the disclosure rules); the scores
per actielijn come from :mod:`survey.evaluations.draft.scores`, the sections and projects from
:mod:`survey.evaluations.draft.sections`.
"""

from flask_babel import gettext as _

from analysis.scores.numbers import format_count, format_percentage
from survey.evaluations.draft.context import ReportContext
from survey.evaluations.draft.scores import scores_part
from survey.evaluations.draft.sections import programme_section, project_part
from survey.evaluations.draft.sources import grade_of, response_of
from survey.evaluations.labels import PROGRAMME_SECTIONS, PROGRAMME_THEME_SECTIONS, STATUS, SURVEY_KIND
from survey.evaluations.models import PROGRAMME_SCOPE, Evaluation
from survey.i18n import long_date
from survey.responses.display.piping import resolve_report_pipes
from survey.timeutil import utcnow

SCHEMA = 1


def build_report(evaluation: Evaluation) -> dict:
    """The whole report as plain data (numbers, Dutch texts, scrubbed quotes, the evaluator's texts)."""
    context = ReportContext(evaluation)
    programme = evaluation.programme
    sections = {key: programme_section(context, key, str(PROGRAMME_SECTIONS[key])) for key in PROGRAMME_THEME_SECTIONS}
    voices = []  # quotes about the programme whose speaker may be named: 'Stakeholders aan het woord'
    for section in sections.values():
        voices += [s for s in section["statements"] if s["attribution"]]
        section["statements"] = [s for s in section["statements"] if not s["attribution"]]
        section["empty"] = section["empty"] or not (
            section["statements"] or any(p["shown"] and p["themes"] for p in section["survey"])
        )
    report = {
        "schema": SCHEMA,
        "title": evaluation.title,
        "region": programme.region.name if programme else "",
        "programme": _programme(programme, context.projects),
        "group_by_theme": evaluation.group_by_theme,
        "period": {
            "start": evaluation.period_start.isoformat(),
            "end": evaluation.period_end.isoformat(),
            "text": _(
                "%(start)s to %(end)s", start=long_date(evaluation.period_start), end=long_date(evaluation.period_end)
            ),
        },
        "status": evaluation.status.value,
        "status_label": str(STATUS[evaluation.status]),
        "generated_on": long_date(utcnow()),
        "k": context.k,
        "signal": context.policy.signal_below,
        "method": [_method(context, survey) for survey in context.surveys],
        "disclosure": _disclosure(context),
        "grades": _grades(context),
        "sections": sections,
        "voices": voices,
        "scores": scores_part(context),
        "projects": [project_part(context, project) for project in context.projects],
        "texts": {key: evaluation.text_of(PROGRAMME_SCOPE, key) for key in PROGRAMME_SECTIONS},
        "titles": {key: str(title) for key, title in PROGRAMME_SECTIONS.items()},
    }
    # no placeholder reaches print: survey wording anywhere in the report has its pipes resolved
    # (project sections did so with the project's name); the evaluator's own texts stay as typed
    typed = report.pop("texts"), [project.pop("texts") for project in report["projects"]]
    report = resolve_report_pipes(report)
    report["texts"] = typed[0]
    for project, texts in zip(report["projects"], typed[1], strict=True):
        project["texts"] = texts
    return report


def _programme(programme, projects) -> dict:
    """The programme's story and its own actielijnen, each with the report's projects that serve it."""
    if programme is None:
        return {"name": "", "years": "", "principles": [], "regional_lines": []}
    return {
        "name": programme.name,
        "years": f"{programme.start_year}–{programme.end_year}",
        "principles": [{"title": p.title, "text": p.text} for p in programme.principles],
        "regional_lines": [
            {
                "title": line.title,
                "description": line.description,
                "projects": [p.name for p in projects if line in p.regional_lines],
            }
            for line in programme.regional_lines
        ],
    }


def _method(context: ReportContext, survey) -> dict:
    """Response of one chosen survey: invited, started, completed and the rate."""
    figures = response_of(survey)
    return {
        "title": survey.text("title"),
        "kind": survey.kind.value,
        "kind_label": str(SURVEY_KIND[survey.kind]),
        "round": survey.round_label,
        "invited": figures.invited,
        "started": figures.started,
        "completed": figures.completed,
        "pct": figures.pct_completed,
        "invited_text": format_count(figures.invited),
        "completed_text": format_count(figures.completed),
        "pct_text": format_percentage(figures.pct_completed),
        "signal": figures.completed < context.policy.signal_below,
    }


def _grades(context: ReportContext) -> list[dict]:
    """The mean grade for the programme per stakeholder-enquête, with n; hidden below k answers."""
    grades = []
    for stakeholder in context.stakeholder:
        for code in stakeholder.grades:
            summary = grade_of(stakeholder.survey, code)
            shown = summary.n >= context.k
            grades.append(
                {
                    "survey": stakeholder.survey.text("title"),
                    "code": code,
                    "n": summary.n,
                    "shown": shown,
                    "mean": float(summary.exact_mean) if shown else None,
                    "mean_text": summary.mean_text if shown else "–",
                    "signal": shown and summary.n < context.policy.signal_below,
                    "distribution": [[c, count] for c, count, _pct in summary.distribution] if shown else [],
                }
            )
    return grades


def _disclosure(context: ReportContext) -> list[str]:
    """The disclosure rules in force, as sentences for the method section (DOMAIN.md section 4)."""
    rules = []
    for stakeholder in context.stakeholder:
        title = stakeholder.survey.text("title")
        if stakeholder.completed >= context.k:
            rules.append(
                _(
                    "%(survey)s: a survey among professionals with %(n)s respondents (at least %(k)s). "
                    "What they said about each project is shown, however few answered about it; the "
                    "evaluator reviewed every quote before publication.",
                    survey=title,
                    n=stakeholder.completed,
                    k=context.k,
                )
            )
        else:
            rules.append(
                _(
                    "%(survey)s: fewer than %(k)s respondents in the whole survey, so none of its answers is shown.",
                    survey=title,
                    k=context.k,
                )
            )
    if context.experience:
        rules.append(
            _(
                "Answers of parents, young people and professionals in the experience surveys are never "
                "shown for a group of fewer than %(k)s respondents.",
                k=context.k,
            )
        )
    return rules
