"""Finding a report for a request: inside the current region (else 404), editable or not."""

from flask import abort, flash, redirect, url_for

from survey.access import get_in_region
from survey.evaluations.labels import PROGRAMME_SECTIONS, PROJECT_SECTIONS
from survey.evaluations.models import PROGRAMME_SCOPE, Evaluation, EvaluationStatus, project_scope
from survey.evaluations.services import LOCKED


def evaluation_in_region(evaluation_id: int) -> Evaluation:
    return get_in_region(Evaluation, evaluation_id)


def locked_redirect(evaluation: Evaluation):
    """Where to send someone who tries to change a report that is no longer a concept."""
    flash(str(LOCKED), "error")
    if evaluation.status == EvaluationStatus.PUBLISHED:
        return redirect(url_for("evaluation_reports.show_report", evaluation_id=evaluation.id))
    return redirect(url_for("evaluations.show_draft", evaluation_id=evaluation.id))


def scope_sections(evaluation: Evaluation, scope: str) -> tuple[dict, str]:
    """The sections of a scope and its name; 404 for a project that is not in the report."""
    if scope == PROGRAMME_SCOPE:
        return PROGRAMME_SECTIONS, evaluation.programme.name if evaluation.programme else ""
    for project in evaluation.projects:
        if project_scope(project.id) == scope:
            return PROJECT_SECTIONS, project.name
    abort(404)


def edit_urls(evaluation: Evaluation) -> dict:
    """Per scope the page where the evaluator writes its texts (for the links in the draft)."""
    scopes = [PROGRAMME_SCOPE] + [project_scope(p.id) for p in evaluation.projects]
    return {scope: url_for("evaluations.edit_texts", evaluation_id=evaluation.id, scope=scope) for scope in scopes}
