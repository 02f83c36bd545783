"""The evaluator's own input: texts per section, pasted statements and their kinds, and under which
actielijn each CEO/PEO item is reported. Routes on the ``evaluations`` blueprint."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from forms.evaluations import NotesForm, chosen_kinds, item_lines_form, note_kinds_form, texts_form
from survey.access import requires
from survey.accounts.models import Permission
from survey.evaluations import services
from survey.evaluations.blueprint import bp
from survey.evaluations.draft.scores import default_line, latest_per_series, scored_items
from survey.evaluations.labels import PROGRAMME_SECTIONS, REMARK_KIND
from survey.evaluations.lookup import evaluation_in_region, locked_redirect, scope_sections
from survey.evaluations.models import PROGRAMME_SCOPE
from survey.evaluations.statements import notes
from survey.extensions import db
from survey.questionnaires.models import SurveyKind

HINTS = {
    "introduction": _l("Why this evaluation, for whom, and how to read it."),
    "method": _l("How the surveys were done; the response figures are shown above the text."),
    "results": _l("What the figures against the targets mean."),
    "coherence": _l("How the projects strengthen each other, and what follows after this period."),
    "vignette": _l("One family's or young person's route, told without anything that identifies them."),
    "voices": _l("Quotes whose speaker you marked public are shown above this text, with their role."),
    "conclusion": _l("What the stuurgroep should conclude, and what you recommend."),
}


@bp.route("/<int:evaluation_id>/tekst/<scope>", methods=["GET", "POST"])
@requires(Permission.MANAGE_PROGRAMMES)
def edit_texts(evaluation_id, scope):
    evaluation = evaluation_in_region(evaluation_id)
    sections, name = scope_sections(evaluation, scope)
    if not evaluation.is_editable:
        return locked_redirect(evaluation)
    form = texts_form(sections, HINTS, data={key: evaluation.text_of(scope, key) for key in sections})
    if form.validate_on_submit():
        services.save_texts(evaluation, scope, {key: form[key].data for key in sections})
        db.session.commit()
        flash(_("The texts have been saved."), "success")
        anchor = "programma-introduction" if scope == PROGRAMME_SCOPE else scope
        return redirect(url_for("evaluations.show_draft", evaluation_id=evaluation.id, _anchor=anchor))
    return render_template(
        "evaluations/texts.html",
        evaluation=evaluation,
        form=form,
        sections=sections,
        scope_name=name,
        is_programme=scope == PROGRAMME_SCOPE,
    )


@bp.route("/<int:evaluation_id>/uitspraken", methods=["GET", "POST"])
@requires(Permission.MANAGE_PROGRAMMES)
def edit_notes(evaluation_id):
    evaluation = evaluation_in_region(evaluation_id)
    if not evaluation.is_editable:
        return locked_redirect(evaluation)
    form = NotesForm(projects=evaluation.projects)
    if form.validate_on_submit():
        added = notes.add_notes(
            evaluation, form.block.data, project=form.chosen_project(), source=form.source.data or ""
        )
        db.session.commit()
        flash(_("%(n)s statements added. Check the suggested kinds below.", n=len(added)), "success")
        return redirect(url_for("evaluations.edit_notes", evaluation_id=evaluation.id, _anchor="soorten"))
    return _notes_page(evaluation, form, note_kinds_form(evaluation.notes))


@bp.post("/<int:evaluation_id>/uitspraken/soorten")
@requires(Permission.MANAGE_PROGRAMMES)
def save_note_kinds(evaluation_id):
    evaluation = evaluation_in_region(evaluation_id)
    if not evaluation.is_editable:
        return locked_redirect(evaluation)
    form = note_kinds_form(evaluation.notes)
    if not form.validate_on_submit():
        return _notes_page(evaluation, NotesForm(projects=evaluation.projects), form)
    kinds, removed = chosen_kinds(form)
    notes.update_notes(evaluation, kinds, removed)
    db.session.commit()
    flash(_("The kinds of remark have been saved."), "success")
    return redirect(url_for("evaluations.edit_notes", evaluation_id=evaluation.id, _anchor="soorten"))


@bp.post("/<int:evaluation_id>/uitspraken/controleren")
@requires(Permission.MANAGE_PROGRAMMES)
def check_notes(evaluation_id):
    """Queue the de-identification of waiting statements again (after a failed or lost job)."""
    evaluation = evaluation_in_region(evaluation_id)
    if not evaluation.is_editable:
        return locked_redirect(evaluation)
    notes.queue_detection(evaluation)
    db.session.commit()
    flash(_("The check for personal details has been started."), "success")
    return redirect(url_for("evaluations.edit_notes", evaluation_id=evaluation.id, _anchor="soorten"))


def _notes_page(evaluation, form, kinds_form):
    return render_template(
        "evaluations/notes.html",
        evaluation=evaluation,
        form=form,
        kinds_form=kinds_form,
        waiting=notes.waiting_for_detection(evaluation),
        to_check=notes.kinds_to_check(evaluation),
        groups=notes.notes_by_kind(evaluation),
        kind_labels=REMARK_KIND,
        section_titles=PROGRAMME_SECTIONS,
    )


@bp.route("/<int:evaluation_id>/items", methods=["GET", "POST"])
@requires(Permission.MANAGE_PROGRAMMES)
def edit_item_lines(evaluation_id):
    evaluation = evaluation_in_region(evaluation_id)
    if not evaluation.is_editable:
        return locked_redirect(evaluation)
    items = {}
    experience = [s for s in evaluation.surveys if s.kind in (SurveyKind.CEO, SurveyKind.PEO)]
    for survey in latest_per_series(experience):
        for code, text, domain, _scale in scored_items(survey):
            items.setdefault(code, (text, default_line(survey.kind, code, domain)))
    form = item_lines_form(items, evaluation.item_lines)
    if form.validate_on_submit():
        services.set_item_lines(evaluation, {code: int(form[f"line_{code}"].data or 0) or None for code in items})
        db.session.commit()
        flash(_("The actielijn per item has been saved."), "success")
        return redirect(url_for("evaluations.show_draft", evaluation_id=evaluation.id, _anchor="programma-scores"))
    return render_template("evaluations/items.html", evaluation=evaluation, form=form, items=items)
