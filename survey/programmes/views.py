"""Staff pages of the programme: overview, programme settings, principles and projects.

Targets and budget lines are in ``views_project``, the monitor in ``monitor/views_data``, progress reports and
notes in ``progress_reports/views_progress``; they all add routes to this blueprint.
"""

from collections.abc import Callable
from dataclasses import dataclass

from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from forms.programmes import PrincipleForm, ProgrammeForm, ProjectForm, RegionalLineForm
from survey.access import get_in_region, requires
from survey.accounts.models import Permission
from survey.extensions import db
from survey.navigation import register_nav
from survey.programmes import overview, services
from survey.programmes.blueprint import bp
from survey.programmes.filters import register_filters
from survey.programmes.lookup import followed_project, may_manage, programme_in_region, visible_projects
from survey.programmes.models import Principle, RegionalActionLine

register_filters(bp)
register_nav("Programme", "programmes.list_programmes", Permission.REPORT_PROGRESS, 40)


def _saved(message: str) -> None:
    db.session.commit()
    flash(message, "success")


def _others(items, current, attribute: str = "name") -> list[str]:
    """Names of the other objects, for the form's check that a name is not used twice."""
    return [getattr(item, attribute) for item in items if item is not current]


@bp.get("/")
@requires(Permission.REPORT_PROGRESS)
def list_programmes():
    programmes = services.programmes_in(g.region)
    if len(programmes) == 1:
        return redirect(url_for("programmes.show_programme", programme_id=programmes[0].id))
    return render_template("programmes/list.html", programmes=programmes)


@bp.route("/nieuw", methods=["GET", "POST"])
@requires(Permission.MANAGE_PROGRAMMES)
def create_programme():
    form = ProgrammeForm(taken=_others(services.programmes_in(g.region), None))
    if form.validate_on_submit():
        programme = services.create_programme(g.region, **form.fields())
        _saved(_("The programme has been created."))
        return redirect(url_for("programmes.show_programme", programme_id=programme.id))
    return render_template("programmes/programme_form.html", form=form, programme=None)


@bp.get("/<int:programme_id>/")
@requires(Permission.REPORT_PROGRESS)
def show_programme(programme_id):
    programme = programme_in_region(programme_id)
    projects = programme.projects if may_manage() else visible_projects(programme)
    return render_template(
        "programmes/programme.html",
        programme=programme,
        overview=overview.programme_overview(programme, projects),
        manage=may_manage(),
    )


@bp.route("/<int:programme_id>/bewerken", methods=["GET", "POST"])
@requires(Permission.MANAGE_PROGRAMMES)
def edit_programme(programme_id):
    programme = programme_in_region(programme_id)
    form = ProgrammeForm(
        data=ProgrammeForm.initial(programme), taken=_others(services.programmes_in(g.region), programme)
    )
    if form.validate_on_submit():
        services.update_programme(programme, **form.fields())
        _saved(_("The programme has been saved."))
        return redirect(url_for("programmes.show_programme", programme_id=programme.id))
    return render_template("programmes/programme_form.html", form=form, programme=programme)


@bp.post("/<int:programme_id>/verwijderen")
@requires(Permission.MANAGE_PROGRAMMES)
def delete_programme(programme_id):
    services.delete_programme(programme_in_region(programme_id))
    db.session.commit()
    flash(_("The programme has been deleted."), "success")
    return redirect(url_for("programmes.list_programmes"))


@dataclass(frozen=True)
class _TitledPart:
    """A principle or one of the region's own actielijnen: a titled text in a list of the programme, added,
    edited and deleted the same way."""

    model: type
    form: type
    items: str  # the programme's list of them
    text: str  # the form field and the service's argument that hold the text
    add: Callable
    update: Callable
    delete: Callable
    template: str
    name: str  # the template's name for the one being edited
    anchor: str  # where the programme page lists them


PRINCIPLES = _TitledPart(
    Principle,
    PrincipleForm,
    "principles",
    "text",
    services.add_principle,
    services.update_principle,
    services.delete_principle,
    "programmes/principle_form.html",
    "principle",
    "ons-verhaal",
)
REGIONAL_LINES = _TitledPart(
    RegionalActionLine,
    RegionalLineForm,
    "regional_lines",
    "description",
    services.add_regional_line,
    services.update_regional_line,
    services.delete_regional_line,
    "programmes/regional_line_form.html",
    "line",
    "eigen-actielijnen",
)


def _back_to(part: _TitledPart, programme_id: int):
    return redirect(url_for("programmes.show_programme", programme_id=programme_id) + "#" + part.anchor)


def _add_part(part: _TitledPart, programme_id: int, saved: str):
    programme = programme_in_region(programme_id)
    form = part.form(taken=_others(getattr(programme, part.items), None, "title"))
    if form.validate_on_submit():
        part.add(programme, form.title.data.strip(), getattr(form, part.text).data or "")
        _saved(saved)
        return _back_to(part, programme.id)
    return render_template(part.template, form=form, programme=programme, **{part.name: None})


def _edit_part(part: _TitledPart, item_id: int, saved: str):
    item = get_in_region(part.model, item_id)
    form = part.form(obj=item, taken=_others(getattr(item.programme, part.items), item, "title"))
    if form.validate_on_submit():
        part.update(item, title=form.title.data.strip(), **{part.text: getattr(form, part.text).data or ""})
        _saved(saved)
        return _back_to(part, item.programme_id)
    return render_template(part.template, form=form, programme=item.programme, **{part.name: item})


def _delete_part(part: _TitledPart, item_id: int, saved: str):
    item = get_in_region(part.model, item_id)
    programme_id = item.programme_id
    part.delete(item)
    _saved(saved)
    return _back_to(part, programme_id)


@bp.route("/<int:programme_id>/principes/nieuw", methods=["GET", "POST"])
@requires(Permission.MANAGE_PROGRAMMES)
def add_principle(programme_id):
    return _add_part(PRINCIPLES, programme_id, _("The principle has been added."))


@bp.route("/principe/<int:principle_id>/bewerken", methods=["GET", "POST"])
@requires(Permission.MANAGE_PROGRAMMES)
def edit_principle(principle_id):
    return _edit_part(PRINCIPLES, principle_id, _("The principle has been saved."))


@bp.post("/principe/<int:principle_id>/verwijderen")
@requires(Permission.MANAGE_PROGRAMMES)
def delete_principle(principle_id):
    return _delete_part(PRINCIPLES, principle_id, _("The principle has been deleted."))


@bp.route("/<int:programme_id>/actielijnen/nieuw", methods=["GET", "POST"])
@requires(Permission.MANAGE_PROGRAMMES)
def add_regional_line(programme_id):
    return _add_part(REGIONAL_LINES, programme_id, _("The regional actielijn has been added."))


@bp.route("/actielijn/<int:line_id>/bewerken", methods=["GET", "POST"])
@requires(Permission.MANAGE_PROGRAMMES)
def edit_regional_line(line_id):
    return _edit_part(REGIONAL_LINES, line_id, _("The regional actielijn has been saved."))


@bp.post("/actielijn/<int:line_id>/verwijderen")
@requires(Permission.MANAGE_PROGRAMMES)
def delete_regional_line(line_id):
    return _delete_part(REGIONAL_LINES, line_id, _("The regional actielijn has been deleted."))


@bp.post("/project/<int:project_id>/verplaatsen")
@requires(Permission.MANAGE_PROGRAMMES)
def move_project(project_id):
    """Up or down in the programme's order of projects (a form button each; no script needed)."""
    project = followed_project(project_id)
    direction = request.form.get("direction")
    if direction not in ("up", "down"):
        flash(_("Choose up or down."), "error")
    elif services.move_project(project, -1 if direction == "up" else 1):
        _saved(
            _("%(project)s has moved up.", project=project.name)
            if direction == "up"
            else _("%(project)s has moved down.", project=project.name)
        )
    return redirect(url_for("programmes.show_programme", programme_id=project.programme_id) + "#volgorde")


def _project_form(programme, project=None, **kwargs) -> ProjectForm:
    return ProjectForm(
        principles=programme.principles,
        leaders=services.project_leaders(g.region),
        regional_lines=programme.regional_lines,
        taken=_others(programme.projects, project),
        **kwargs,
    )


@bp.route("/<int:programme_id>/projecten/nieuw", methods=["GET", "POST"])
@requires(Permission.MANAGE_PROGRAMMES)
def create_project(programme_id):
    programme = programme_in_region(programme_id)
    form = _project_form(programme)
    if form.validate_on_submit():
        project = services.create_project(programme, **form.fields())
        _saved(_("The project has been created."))
        return redirect(url_for("programmes.show_project", project_id=project.id))
    return render_template("programmes/project_form.html", form=form, programme=programme, project=None)


@bp.get("/project/<int:project_id>/")
@requires(Permission.REPORT_PROGRESS)
def show_project(project_id):
    project = followed_project(project_id)
    return render_template(
        "programmes/project.html",
        project=project,
        manage=may_manage(),
        summary=overview.project_summary(project),
        history=overview.progress_history(project),
        notes=overview.notes_by_kind(overview.notes_of(project.programme, project)),
    )


@bp.route("/project/<int:project_id>/bewerken", methods=["GET", "POST"])
@requires(Permission.MANAGE_PROGRAMMES)
def edit_project(project_id):
    project = followed_project(project_id)
    form = _project_form(project.programme, project, data=ProjectForm.initial(project))
    if form.validate_on_submit():
        services.update_project(project, **form.fields())
        _saved(_("The project has been saved."))
        return redirect(url_for("programmes.show_project", project_id=project.id))
    return render_template("programmes/project_form.html", form=form, programme=project.programme, project=project)


@bp.post("/project/<int:project_id>/verwijderen")
@requires(Permission.MANAGE_PROGRAMMES)
def delete_project(project_id):
    project = followed_project(project_id)
    programme_id = project.programme_id
    services.delete_project(project)
    db.session.commit()
    flash(_("The project has been deleted."), "success")
    return redirect(url_for("programmes.show_programme", programme_id=programme_id))
