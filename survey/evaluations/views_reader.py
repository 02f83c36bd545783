"""Published reports for everyone with the right to read them (lezer, projectleider and up).

The page and the files come from what was stored at publication, never from the live data.
"""

import io

from flask import abort, g, redirect, render_template, send_file, url_for
from flask_login import current_user
from markupsafe import Markup

from survey.access import requires
from survey.accounts.models import Permission
from survey.audit.services import record
from survey.evaluations import services
from survey.evaluations.blueprint import reader
from survey.evaluations.files.outputs import DOWNLOADS
from survey.evaluations.lookup import evaluation_in_region
from survey.evaluations.models import EvaluationStatus
from survey.extensions import db
from survey.navigation import register_nav

register_nav("Mid-term evaluations", "evaluation_reports.list_reports", Permission.READ_REPORTS, 60)


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
        downloads=[f for f in DOWNLOADS if evaluation.file(f)],
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
