"""The sections with themes and statements: what respondents and meetings said, per section."""

from analysis.evaluation import group_statements, summarise_themes
from survey.evaluations.context import ReportContext
from survey.evaluations.labels import (
    NOTE_SECTION,
    PROJECT_ROLE_SECTION,
    REMARK_SECTION,
    STATEMENT_ORDER,
    SURVEY_ROLE,
    statement_label,
)
from survey.programmes.models import Project


def theme_part(context: ReportContext, role: str, project: Project | None = None) -> dict | None:
    """Themes with counts and scrubbed quotes from the open questions of one role; None without such a
    question. A stakeholder-enquête among professionals is protected per survey: when the survey as a
    whole has fewer than k respondents only that fact is given (no counts, no quotes); otherwise every
    project's answers are shown, however few answered about it (the evaluator reviews the quotes)."""
    remarks, questions, sizes = [], [], []
    for stakeholder in context.stakeholder:
        instances = stakeholder.keys.get(project.id, set()) if project is not None else None
        if project is not None and not instances:
            continue
        text = stakeholder.question_text(role, project is not None)
        if not text:
            continue
        questions.append(text)
        sizes.append(stakeholder.completed)
        remarks.extend(stakeholder.remarks_for(role, instances))
    if not questions:
        return None
    summary = summarise_themes(remarks, context.k, names=context.names, keep=context.vocabulary,
                               survey_size=min(sizes))
    return {
        "role": role, "label": str(SURVEY_ROLE[role]), "questions": list(dict.fromkeys(questions)),
        "shown": summary.shown, "respondents": summary.respondents if summary.shown else None,
        "remarks": summary.remarks if summary.shown else None,
        "uncoded": summary.uncoded if summary.shown else None,
        "themes": [{"key": t.key, "label": t.label, "count": t.count, "quotes": list(t.quotes)}
                   for t in summary.themes],
    }


def statement_part(context: ReportContext, section: str, project: Project | None = None) -> list[dict]:
    """Statements from the programme's notes and the pasted notes that belong in this section."""
    project_id = project.id if project is not None else None
    items = []
    for note in context.programme_notes:
        target = NOTE_SECTION[note.kind]
        if project is not None and target == "proud":
            target = "notable"
        if note.project_id == project_id and target == section:
            items.append((note.kind.value, note.text))
    for note in context.evaluation.notes:
        if note.project_id == project_id and REMARK_SECTION[note.kind] == section:
            items.append((note.kind.value, note.text))
    groups = group_statements(items, STATEMENT_ORDER, names=context.names, keep=context.vocabulary)
    return [{"kind": g.kind, "label": statement_label(g.kind), "count": g.count, "quotes": list(g.quotes)}
            for g in groups]


def programme_section(context: ReportContext, key: str, title: str) -> dict:
    """A programme section with themes (its own role) and statements."""
    part = theme_part(context, key)
    return {"key": key, "title": title, "survey": [part] if part else [],
            "statements": statement_part(context, key)}


def project_section(context: ReportContext, project: Project, key: str, title: str) -> dict:
    """A project section with the themes of every role that feeds it, and statements."""
    roles = [role for role, section in PROJECT_ROLE_SECTION.items() if section == key]
    parts = [part for role in roles if (part := theme_part(context, role, project)) is not None]
    return {"key": key, "title": title, "survey": parts, "statements": statement_part(context, key, project)}
