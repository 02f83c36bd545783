"""Staff pages for a project's targets and budget lines (routes on the programmes blueprint)."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _

from forms.project_targets import BudgetLineForm, TargetForm
from survey.access import get_in_region, requires
from survey.accounts.models import Permission
from survey.extensions import db
from survey.programmes import services
from survey.programmes.blueprint import bp
from survey.programmes.lookup import followed_project
from survey.programmes.models import BudgetLine, Target
from survey.programmes.monitor.measurements import programme_indicators


def _back_to(project_id: int, anchor: str):
    return redirect(url_for("programmes.show_project", project_id=project_id) + anchor)


def _target_form(project, **kwargs) -> TargetForm:
    return TargetForm(indicators=programme_indicators(project.programme), **kwargs)


@bp.route("/project/<int:project_id>/doelen/nieuw", methods=["GET", "POST"])
@requires(Permission.MANAGE_PROGRAMMES)
def add_target(project_id):
    project = followed_project(project_id)
    form = _target_form(project)
    if form.validate_on_submit():
        services.add_target(project, **form.fields())
        db.session.commit()
        flash(_("The target has been added."), "success")
        return _back_to(project.id, "#doelen")
    return render_template("programmes/target_form.html", form=form, project=project, target=None)


@bp.route("/doel/<int:target_id>/bewerken", methods=["GET", "POST"])
@requires(Permission.MANAGE_PROGRAMMES)
def edit_target(target_id):
    target = get_in_region(Target, target_id)
    form = _target_form(target.project, obj=target)
    if form.validate_on_submit():
        services.update_target(target, **form.fields())
        db.session.commit()
        flash(_("The target has been saved."), "success")
        return _back_to(target.project_id, "#doelen")
    if not form.is_submitted():
        form.indicator.data = str(target.indicator_id)
    return render_template("programmes/target_form.html", form=form, project=target.project, target=target)


@bp.post("/doel/<int:target_id>/verwijderen")
@requires(Permission.MANAGE_PROGRAMMES)
def delete_target(target_id):
    target = get_in_region(Target, target_id)
    project_id = target.project_id
    services.delete_target(target)
    db.session.commit()
    flash(_("The target has been deleted."), "success")
    return _back_to(project_id, "#doelen")


def _year_free(form: BudgetLineForm, project, line=None) -> bool:
    if services.budget_year_taken(project, form.year.data, line):
        form.year.errors.append(_("There is already a budget line for this year. Change that line."))
        return False
    return True


@bp.route("/project/<int:project_id>/begroting/nieuw", methods=["GET", "POST"])
@requires(Permission.MANAGE_PROGRAMMES)
def add_budget_line(project_id):
    project = followed_project(project_id)
    form = BudgetLineForm()
    if form.validate_on_submit() and _year_free(form, project):
        services.add_budget_line(project, **form.fields())
        db.session.commit()
        flash(_("The budget line has been added."), "success")
        return _back_to(project.id, "#begroting")
    return render_template("programmes/budget_form.html", form=form, project=project, line=None)


@bp.route("/begroting/<int:budget_line_id>/bewerken", methods=["GET", "POST"])
@requires(Permission.MANAGE_PROGRAMMES)
def edit_budget_line(budget_line_id):
    line = get_in_region(BudgetLine, budget_line_id)
    form = BudgetLineForm(obj=line)
    if form.validate_on_submit() and _year_free(form, line.project, line):
        services.update_budget_line(line, **form.fields())
        db.session.commit()
        flash(_("The budget line has been saved."), "success")
        return _back_to(line.project_id, "#begroting")
    return render_template("programmes/budget_form.html", form=form, project=line.project, line=line)


@bp.post("/begroting/<int:budget_line_id>/verwijderen")
@requires(Permission.MANAGE_PROGRAMMES)
def delete_budget_line(budget_line_id):
    line = get_in_region(BudgetLine, budget_line_id)
    project_id = line.project_id
    services.delete_budget_line(line)
    db.session.commit()
    flash(_("The budget line has been deleted."), "success")
    return _back_to(project_id, "#begroting")
