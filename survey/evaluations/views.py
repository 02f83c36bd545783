"""Staff pages for composing a tussenevaluatie and moving it through its workflow (blueprint
``evaluations``), and the published reports for everyone with the right to read them: lezer,
projectleider and up (blueprint ``evaluation_reports``).

A concept is built afresh from the live data on every request; an approved report shows what approval
froze (and says when the live data have changed since); a published report's page and files come from what
was stored at publication, never from the live data. Texts, statements and the actielijn of
items are in ``views_text``.
"""

import io

from flask import abort, flash, g, redirect, render_template, request, send_file, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy.orm.exc import StaleDataError

from forms.evaluations import EvaluationForm
from survey.access import requires
from survey.accounts.models import Permission
from survey.audit.services import record
from survey.evaluations import services
from survey.evaluations.blueprint import bp, reader
from survey.evaluations.files import caveats, outputs
from survey.evaluations.files.plain import paragraphs
from survey.evaluations.labels import label
from survey.evaluations.lookup import edit_urls, evaluation_in_region, locked_redirect
from survey.evaluations.models import EvaluationStatus
from survey.evaluations.statements.notes import kinds_to_check
from survey.extensions import db
from survey.navigation import register_nav
from survey.programmes.lookup import programme_in_region
from survey.programmes.services import programmes_in
from survey.timeutil import utcnow

bp.add_app_template_filter(paragraphs, "paragraphs")
bp.add_app_template_filter(label, "evaluation_label")
for caveat in caveats.TEMPLATE_GLOBALS:  # the small-numbers wording of the page and the PDF, as the Word file has it
    bp.add_app_template_global(caveat)
register_nav("Mid-term evaluations", "evaluation_reports.list_reports", Permission.READ_REPORTS, 60)


@bp.errorhandler(StaleDataError)
def changed_meanwhile(error):
    """Two evaluators saved the same report at once: the second save is refused, nothing half-stored."""
    db.session.rollback()
    flash(
        _(
            "Someone else changed this report at the same moment. Your change was not saved: check the "
            "report and try again."
        ),
        "error",
    )
    return redirect(url_for("evaluation_reports.list_reports"))


def _done(message: str, evaluation, anchor: str | None = None):
    db.session.commit()
    flash(message, "success")
    return redirect(url_for("evaluations.show_draft", evaluation_id=evaluation.id, _anchor=anchor))


@bp.route("/nieuw", methods=["GET", "POST"])
@requires(Permission.MANAGE_PROGRAMMES)
def create_evaluation():
    programmes = programmes_in(g.region)
    chosen = request.args.get("programma", type=int)
    if chosen is None and len(programmes) != 1:
        return render_template("evaluations/choose_programme.html", programmes=programmes)
    programme = programme_in_region(chosen) if chosen is not None else programmes[0]
    today = utcnow().date()
    form = EvaluationForm(
        surveys=services.source_surveys(g.region),
        projects=programme.projects,
        data={
            "title": _("Mid-term evaluation %(name)s", name=programme.name),
            "period_start": today.replace(year=programme.start_year, month=1, day=1),
            "period_end": today,
            "projects": [str(p.id) for p in programme.projects],
            "group_by_theme": True,
        },
    )
    if form.validate_on_submit():
        evaluation = services.create_evaluation(g.region, programme, current_user, **form.fields())
        return _done(_("The draft report has been made. Write the texts per section."), evaluation)
    return render_template("evaluations/form.html", form=form, programme=programme, evaluation=None)


@bp.route("/<int:evaluation_id>/opzet", methods=["GET", "POST"])
@requires(Permission.MANAGE_PROGRAMMES)
def edit_sources(evaluation_id):
    evaluation = evaluation_in_region(evaluation_id)
    if not evaluation.is_editable or evaluation.programme is None:
        return locked_redirect(evaluation)
    form = EvaluationForm(
        surveys=services.source_surveys(g.region),
        projects=evaluation.programme.projects,
        data=EvaluationForm.initial(evaluation),
    )
    if form.validate_on_submit():
        services.update_sources(evaluation, **form.fields())
        return _done(_("The set-up of the report has been saved."), evaluation)
    return render_template("evaluations/form.html", form=form, programme=evaluation.programme, evaluation=evaluation)


@bp.get("/<int:evaluation_id>/")
@requires(Permission.MANAGE_PROGRAMMES)
def show_draft(evaluation_id):
    evaluation = evaluation_in_region(evaluation_id)
    if evaluation.status == EvaluationStatus.PUBLISHED:
        return redirect(url_for("evaluation_reports.show_report", evaluation_id=evaluation.id))
    report = outputs.shown_report(evaluation)
    edit = edit_urls(evaluation) if evaluation.is_editable else None
    pending = {"programma": sum(s["pending"] for s in report["sections"].values())}
    pending |= {p["scope"]: sum(s["pending"] for s in p["sections"].values()) for p in report["projects"]}
    return render_template(
        "evaluations/draft.html",
        evaluation=evaluation,
        pending=pending,
        kinds_to_check=kinds_to_check(evaluation),
        changed_since_approval=outputs.changed_since_approval(evaluation),
        report_html=outputs.report_html(report, edit),
        downloads=outputs.DOWNLOADS,
    )


@bp.get("/<int:evaluation_id>/concept/<any(pdf, docx, xlsx):fmt>")
@requires(Permission.MANAGE_PROGRAMMES)
def download_draft(evaluation_id, fmt):
    evaluation = evaluation_in_region(evaluation_id)
    if evaluation.status == EvaluationStatus.PUBLISHED:
        return redirect(url_for("evaluation_reports.download_report", evaluation_id=evaluation.id, fmt=fmt))
    report = outputs.shown_report(evaluation)
    content = outputs.render(report, fmt)
    record("evaluation.export", evaluation, format=fmt, draft=True)
    db.session.commit()
    return send_file(
        io.BytesIO(content),
        mimetype=outputs.MIMETYPES[fmt],
        as_attachment=True,
        download_name=outputs.filename(report, fmt),
    )


@bp.post("/<int:evaluation_id>/goedkeuren")
@requires(Permission.APPROVE_REPORTS)
def approve_evaluation(evaluation_id):
    evaluation = evaluation_in_region(evaluation_id)
    if not evaluation.is_editable:
        return locked_redirect(evaluation)
    outputs.approve(evaluation, current_user)
    approved = _("The report has been approved: its figures are fixed as they are now. It can now be published.")
    return _done(approved, evaluation)


@bp.post("/<int:evaluation_id>/terug-naar-concept")
@requires(Permission.MANAGE_PROGRAMMES)
def reopen_evaluation(evaluation_id):
    evaluation = evaluation_in_region(evaluation_id)
    try:
        services.reopen(evaluation)
    except services.WorkflowError as error:
        flash(str(error.message), "error")
        return redirect(url_for("evaluations.show_draft", evaluation_id=evaluation.id))
    return _done(_("The report is a draft again. It needs a new approval before it can be published."), evaluation)


@bp.post("/<int:evaluation_id>/publiceren")
@requires(Permission.MANAGE_PROGRAMMES)
def publish_evaluation(evaluation_id):
    evaluation = evaluation_in_region(evaluation_id)
    if evaluation.status == EvaluationStatus.PUBLISHED:
        return locked_redirect(evaluation)
    if request.form.get("confirm") != "ja":
        flash(_("Tick that you understand that publishing cannot be undone."), "error")
        return redirect(url_for("evaluations.show_draft", evaluation_id=evaluation.id) + "#publiceren")
    try:
        outputs.publish(evaluation, current_user)
    except services.WorkflowError as error:
        flash(str(error.message), "error")
        return redirect(url_for("evaluations.show_draft", evaluation_id=evaluation.id))
    db.session.commit()
    flash(_("The report has been published. This version does not change any more."), "success")
    return redirect(url_for("evaluation_reports.show_report", evaluation_id=evaluation.id))


@bp.post("/<int:evaluation_id>/verwijderen")
@requires(Permission.MANAGE_PROGRAMMES)
def delete_evaluation(evaluation_id):
    evaluation = evaluation_in_region(evaluation_id)
    if not evaluation.is_editable:
        return locked_redirect(evaluation)
    services.delete_evaluation(evaluation)
    db.session.commit()
    flash(_("The draft report has been deleted."), "success")
    return redirect(url_for("evaluation_reports.list_reports"))


def _may_compose() -> bool:
    return current_user.can(Permission.MANAGE_PROGRAMMES, g.region)


@reader.get("/")
@requires(Permission.READ_REPORTS)
def list_reports():
    compose = _may_compose()
    reports = services.evaluations_in(g.region, published_only=not compose)
    return render_template("evaluations/list.html", reports=reports, compose=compose)


def _published(evaluation_id):
    """A published report of this region; a concept is 404 for readers, its draft page for composers."""
    evaluation = evaluation_in_region(evaluation_id)
    if evaluation.status != EvaluationStatus.PUBLISHED:
        if _may_compose():
            return evaluation, redirect(url_for("evaluations.show_draft", evaluation_id=evaluation.id))
        abort(404)
    return evaluation, None


@reader.get("/<int:evaluation_id>/")
@requires(Permission.READ_REPORTS)
def show_report(evaluation_id):
    evaluation, elsewhere = _published(evaluation_id)
    if elsewhere is not None:
        return elsewhere
    stored = evaluation.file("html")
    body = Markup(stored.content.decode("utf-8")) if stored is not None else Markup("")  # noqa: S704 - rendered escaped at publication
    return render_template(
        "evaluations/published.html",
        evaluation=evaluation,
        body=body,
        snapshot=evaluation.snapshot,
        downloads=[f for f in outputs.DOWNLOADS if evaluation.file(f)],
    )


@reader.get("/<int:evaluation_id>/<any(pdf, docx, xlsx):fmt>")
@requires(Permission.READ_REPORTS)
def download_report(evaluation_id, fmt):
    evaluation, elsewhere = _published(evaluation_id)
    if elsewhere is not None:
        return redirect(url_for("evaluations.download_draft", evaluation_id=evaluation.id, fmt=fmt))
    stored = evaluation.file(fmt)
    if stored is None:
        abort(404)
    record("evaluation.download", evaluation, format=fmt)
    db.session.commit()
    return send_file(
        io.BytesIO(stored.content), mimetype=stored.mimetype, as_attachment=True, download_name=stored.filename
    )
