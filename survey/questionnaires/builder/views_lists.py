"""Builder routes for the lists that repeated sections go over (for example the programme's projects)."""

from flask import abort, flash, render_template, request
from flask_babel import gettext as _
from sqlalchemy import select

from forms.questionnaires import ConfirmForm, ListForm
from survey.access import requires
from survey.accounts.models import Permission
from survey.extensions import db
from survey.programmes.listkeys import programme_lines
from survey.programmes.models import Programme
from survey.questionnaires import versions
from survey.questionnaires.blueprint import bp
from survey.questionnaires.builder import editing
from survey.questionnaires.builder import form_data as builder
from survey.questionnaires.builder.feedback import problem_messages
from survey.questionnaires.content.document import DocumentError
from survey.questionnaires.views import commit_or_conflict, conflict, conflict_message, get_survey, to_builder


@bp.route("/<int:survey_id>/lijsten", methods=["GET", "POST"])
@requires(Permission.BUILD_SURVEYS)
def edit_lists(survey_id):
    """All lists on one page: one form per list plus one for a new list."""
    survey = get_survey(survey_id)
    document = versions.editable_document(survey)
    token = versions.lock_token(survey)
    old_name = request.form.get("oude_naam") or None
    if old_name is not None and old_name not in document.lists:
        abort(404)
    form = ListForm(lock=token, prefix=_prefix(old_name))
    errors = []
    if form.validate_on_submit():
        name = form.name.data.strip()
        if not editing.LIST_NAME.match(name):
            form.name.errors.append(
                _("Use lower-case letters, digits and _, starting with a letter, such as projecten.")
            )
        elif name != old_name and name in document.lists:
            form.name.errors.append(_("There is already a list with this name."))
        else:
            editing.set_list(document, name, builder.parse_lines(form.items.data), old_name)
            errors = _save(survey, document, form.lock.data)
            if not errors:
                flash(_("The list %(name)s has been saved.", name=name), "success")
                return to_builder(survey, "lijsten")
    forms = [
        (
            name,
            ListForm(
                formdata=None,
                lock=token,
                name=name,
                prefix=_prefix(name),
                items="\n".join(f"{i.key}={i.label.get('nl', '')}" for i in items),
            ),
        )
        for name, items in document.lists.items()
    ]
    new_form = (
        form
        if request.method == "POST" and old_name is None
        else ListForm(formdata=None, lock=token, prefix=_prefix(None))
    )
    if request.method == "POST" and old_name is not None:
        forms = [(n, form if n == old_name else f) for n, f in forms]
    return render_template(
        "questionnaires/lists.html",
        survey=survey,
        forms=forms,
        new_form=new_form,
        errors=errors,
        delete_form=ConfirmForm(lock=token),
        document=document,
        programmes=_programmes(survey),
    )


def _programmes(survey):
    return list(
        db.session.scalars(select(Programme).where(Programme.region_id == survey.region_id).order_by(Programme.name))
    )


@bp.post("/<int:survey_id>/lijsten/uit-programma")
@requires(Permission.BUILD_SURVEYS)
def list_from_programme(survey_id):
    """The list "projecten" from a programme's projects, keyed by their stable keys (never an id)."""
    survey = get_survey(survey_id)
    document = versions.editable_document(survey)
    form = ConfirmForm()
    if not form.validate_on_submit():
        abort(400)
    programme = next((p for p in _programmes(survey) if str(p.id) == request.form.get("programme")), None)
    if programme is None:
        flash(_("Choose a programme."), "error")
        return to_builder(survey, "lijsten")
    editing.set_list(document, PROJECT_LIST, programme_lines(programme))
    errors = _save(survey, document, form.lock.data)
    if errors == [conflict_message()]:
        return conflict(survey)
    if errors:
        flash(" ".join(errors), "error")
    else:
        flash(
            _(
                "The list %(name)s now holds the projects of %(programme)s.",
                name=PROJECT_LIST,
                programme=programme.name,
            ),
            "success",
        )
    return to_builder(survey, "lijsten")


#: the list a stakeholder-enquête repeats its project block over
PROJECT_LIST = "projecten"


def _prefix(name: str | None) -> str:
    """Each list's form has its own field names and ids on the shared page."""
    return f"lijst-{name}" if name else "nieuw"


@bp.post("/<int:survey_id>/lijsten/<name>/verwijderen")
@requires(Permission.BUILD_SURVEYS)
def delete_list(survey_id, name):
    survey = get_survey(survey_id)
    document = versions.editable_document(survey)
    form = ConfirmForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        editing.delete_list(document, name)
    except editing.NotFound:
        abort(404)
    errors = _save(survey, document, form.lock.data)
    if errors == [conflict_message()]:
        return conflict(survey)
    if errors:
        flash(" ".join([_("The list is still used and was not deleted."), *errors]), "error")
    else:
        flash(_("The list %(name)s has been deleted.", name=name), "success")
    return to_builder(survey, "lijsten")


def _save(survey, document, token) -> list[str]:
    try:
        versions.save_document(survey, document, token)
    except versions.ConflictError:
        return [conflict_message()]
    except DocumentError as error:
        return problem_messages(error)
    return [] if commit_or_conflict() else [conflict_message()]
