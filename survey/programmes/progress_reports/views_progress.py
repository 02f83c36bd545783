"""Staff pages for progress reports (project leaders, own projects) and qualitative statements."""

from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from analysis.programmes.periods import measured_period_for_round
from forms.programme_data import ProgressForm
from forms.programme_notes import NoteForm, NotesForm
from survey.access import get_in_region, requires
from survey.accounts.models import Permission
from survey.extensions import db
from survey.programmes import overview
from survey.programmes.blueprint import bp
from survey.programmes.filters import round_label
from survey.programmes.lookup import followed_project, may_follow, programme_in_region
from survey.programmes.monitor.measurements import values_there
from survey.programmes.progress_reports import notes as note_services
from survey.programmes.progress_reports import reporting
from survey.programmes.progress_reports.models import Note, ProgressReport


def _progress_form(project, rounds, chosen):
    indicators = reporting.reportable_indicators(project)
    report = reporting.report_for(project, chosen)
    form = ProgressForm.with_figures(indicators)(obj=report)
    form.set_rounds(rounds, round_label)
    if not form.is_submitted():
        form.round.data = chosen
        for indicator in indicators:
            _period, stored = reporting.figure_for(indicator, chosen)
            form[f"figure_{indicator.id}"].data = stored.value if stored else None
    return form, indicators, report


@bp.route("/project/<int:project_id>/voortgang", methods=["GET", "POST"])
@requires(Permission.REPORT_PROGRESS)
def report_progress(project_id):
    project = followed_project(project_id)
    rounds = reporting.rounds_so_far(project.programme, date.today())
    if not rounds:
        return render_template("programmes/progress_closed.html", project=project)
    wanted = request.form.get("round") or request.args.get("ronde") or rounds[0]
    chosen = wanted if wanted in rounds else rounds[0]
    form, indicators, report = _progress_form(project, rounds, chosen)
    if form.validate_on_submit():
        report = reporting.submit_report(project, form.round.data, current_user, form.figures(), **form.fields())
        db.session.commit()
        flash(
            _("Thank you. The progress report for %(round)s has been saved.", round=round_label(report.round)),
            "success",
        )
        return redirect(url_for("programmes.show_project", project_id=project.id) + "#voortgang")
    periods = {i.id: measured_period_for_round(chosen, i.period_type.value) for i in indicators}
    known = {
        i.id: [m for m in values_there(i, periods[i.id]) if m.source != reporting.PROGRESS_SOURCE] for i in indicators
    }
    return render_template(
        "programmes/progress_form.html",
        form=form,
        project=project,
        report=report,
        indicators=indicators,
        periods=periods,
        known=known,
    )


@bp.get("/voortgang/<int:report_id>/")
@requires(Permission.REPORT_PROGRESS)
def show_report(report_id):
    report = get_in_region(ProgressReport, report_id)
    if not may_follow(report.project):
        abort(403)
    figures = [(i, *reporting.figure_for(i, report.round)) for i in reporting.reportable_indicators(report.project)]
    return render_template("programmes/progress_report.html", report=report, project=report.project, figures=figures)


@bp.get("/<int:programme_id>/uitspraken")
@requires(Permission.MANAGE_PROGRAMMES)
def list_notes(programme_id):
    programme = programme_in_region(programme_id)
    notes = overview.notes_of(programme)
    return render_template(
        "programmes/notes.html", programme=programme, notes=notes, by_kind=overview.notes_by_kind(notes)
    )


@bp.route("/<int:programme_id>/uitspraken/nieuw", methods=["GET", "POST"])
@requires(Permission.MANAGE_PROGRAMMES)
def add_notes(programme_id):
    programme = programme_in_region(programme_id)
    form = NotesForm(projects=programme.projects)
    if not form.is_submitted():
        form.project.data = request.args.get("project", "")
        form.noted_on.data = date.today()
    if form.validate_on_submit():
        fields = form.fields()
        added = note_services.add_notes(programme, form.block.data, user=current_user, **fields)
        db.session.commit()
        flash(
            ngettext("%(num)s statement has been added.", "%(num)s statements have been added.", len(added)), "success"
        )
        if fields["project"] is not None:
            return redirect(url_for("programmes.show_project", project_id=fields["project"].id) + "#uitspraken")
        return redirect(url_for("programmes.list_notes", programme_id=programme.id))
    return render_template("programmes/notes_form.html", form=form, programme=programme)


@bp.route("/uitspraak/<int:note_id>/bewerken", methods=["GET", "POST"])
@requires(Permission.MANAGE_PROGRAMMES)
def edit_note(note_id):
    note = get_in_region(Note, note_id)
    form = NoteForm(data=NoteForm.initial(note), projects=note.programme.projects)
    if form.validate_on_submit():
        note_services.update_note(note, **form.fields())
        db.session.commit()
        flash(_("The statement has been saved."), "success")
        return redirect(url_for("programmes.list_notes", programme_id=note.programme_id))
    return render_template("programmes/note_form.html", form=form, note=note)


@bp.post("/uitspraak/<int:note_id>/verwijderen")
@requires(Permission.MANAGE_PROGRAMMES)
def delete_note(note_id):
    note = get_in_region(Note, note_id)
    programme_id = note.programme_id
    note_services.delete_note(note)
    db.session.commit()
    flash(_("The statement has been deleted."), "success")
    return redirect(url_for("programmes.list_notes", programme_id=programme_id))
