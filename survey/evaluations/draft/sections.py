"""The sections with themes and statements: what respondents and meetings said, per section.

Themes give counts; the statements themselves are published only after the evaluator's quote review
(``survey.evaluations.statements.review``)."""

from analysis.evaluation.quote_review import publish
from analysis.evaluation.themes import summarise_themes
from survey.evaluations.draft.context import ReportContext
from survey.evaluations.labels import PROJECT_ROLE_SECTION, SURVEY_ROLE
from survey.evaluations.statements import review
from survey.programmes.models import Project
from survey.responses.piping import report_text


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
