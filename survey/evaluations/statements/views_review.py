"""The quote review: per part of the report (the programme, a project) every statement of every
section, where the evaluator keeps, shortens, merges or leaves out each one. Routes on the
``evaluations`` blueprint."""

from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from forms.evaluation_review import KeepListForm, chosen_decisions, field_id, review_form
from survey.access import requires
from survey.accounts.models import Permission
from survey.evaluations.blueprint import bp
from survey.evaluations.draft.context import ReportContext
from survey.evaluations.labels import (
    PROGRAMME_SECTIONS,
    PROGRAMME_THEME_SECTIONS,
    PROJECT_SECTIONS,
    PROJECT_THEME_SECTIONS,
)
from survey.evaluations.lookup import evaluation_in_region, locked_redirect, scope_sections
from survey.evaluations.models import PROGRAMME_SCOPE, project_scope
from survey.evaluations.statements import review
from survey.extensions import db


def _sections(evaluation, scope):
    """(name, {section: [Statement]}, {section: title}) of one part of the report; 404 outside it."""
    _all, name = scope_sections(evaluation, scope)
    context = ReportContext(evaluation)
    if scope == PROGRAMME_SCOPE:
        return (
            name,
            {key: review.candidates(context, key) for key in PROGRAMME_THEME_SECTIONS},
            {key: str(PROGRAMME_SECTIONS[key]) for key in PROGRAMME_THEME_SECTIONS},
            context,
        )
    project = next(p for p in evaluation.projects if project_scope(p.id) == scope)
    return (
        name,
        {key: review.candidates(context, key, project) for key in PROJECT_THEME_SECTIONS},
        {key: str(PROJECT_SECTIONS[key]) for key in PROJECT_THEME_SECTIONS},
        context,
    )


@bp.route("/<int:evaluation_id>/citaten/<scope>", methods=["GET", "POST"])
@requires(Permission.MANAGE_PROGRAMMES)
def review_quotes(evaluation_id, scope):
    evaluation = evaluation_in_region(evaluation_id)
    if not evaluation.is_editable:
        return locked_redirect(evaluation)
    name, sections, titles, context = _sections(evaluation, scope)
    form = review_form(sections, review.decisions(evaluation))
    if form.validate_on_submit():
        chosen, errors = chosen_decisions(form, keep_rest="keep_rest" in request.form)
        if not errors:
            changed = review.save_decisions(evaluation, chosen, context)
            db.session.commit()
            flash(_("The quote review has been saved (%(n)s changes).", n=changed), "success")
            return redirect(url_for("evaluations.review_quotes", evaluation_id=evaluation.id, scope=scope))
    return render_template(
        "evaluations/review.html",
        evaluation=evaluation,
        form=form,
        sections=sections,
        titles=titles,
        scope_name=name,
        field_id=field_id,
        scope=scope,
    )


@bp.route("/bewaarlijst", methods=["GET", "POST"])
@requires(Permission.MANAGE_PROGRAMMES)
def edit_keep_list():
    form = KeepListForm(data={"terms": "\n".join(review.keep_terms(g.region.id))})
    if form.validate_on_submit():
        added, removed = review.save_keep_terms(g.region, (form.terms.data or "").splitlines())
        db.session.commit()
        flash(
            _("The keep-list has been saved: %(added)s added, %(removed)s removed.", added=added, removed=removed),
            "success",
        )
        return redirect(url_for("evaluations.edit_keep_list"))
    return render_template("evaluations/keep_list.html", form=form)
