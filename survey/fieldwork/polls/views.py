"""Live polls (*peilingen*): the presenter screen with a QR code and results as they come in, and the
short link /p/<poll_code> that people open on their phones."""

from __future__ import annotations

from flask import abort, current_app, flash, jsonify, redirect, render_template, url_for
from flask_babel import gettext as _

from forms.fieldwork import ConfirmForm
from survey.access import get_in_region, requires
from survey.accounts.models import Permission
from survey.extensions import db, limiter
from survey.fieldwork import services
from survey.fieldwork.blueprint import poll_link as public
from survey.fieldwork.blueprint import polls as bp
from survey.fieldwork.letters.services import qr_svg
from survey.fieldwork.polls.services import poll_payload, poll_results
from survey.questionnaires.models import Survey

#: seconds between refreshes of the presenter screen without JavaScript
REFRESH_SECONDS = 5


@bp.post("/starten")
@requires(Permission.RUN_FIELDWORK)
def start_poll(survey_id):
    survey = get_in_region(Survey, survey_id)
    if ConfirmForm().validate_on_submit():
        try:
            services.start_poll(survey)
        except services.FieldworkClosedError:
            flash(services.closed_message(), "error")
            return redirect(url_for("fieldwork.overview", survey_id=survey.id))
        db.session.commit()
        flash(_("The poll has a code. Open the presenter screen to show it."), "success")
    return redirect(url_for("fieldwork.overview", survey_id=survey.id))


@bp.post("/stoppen")
@requires(Permission.RUN_FIELDWORK)
def stop_poll(survey_id):
    survey = get_in_region(Survey, survey_id)
    if ConfirmForm().validate_on_submit():
        services.stop_poll(survey)
        db.session.commit()
        flash(_("The poll code no longer works."), "success")
    return redirect(url_for("fieldwork.overview", survey_id=survey.id))


@bp.get("/scherm")
@requires(Permission.RUN_FIELDWORK)
def presenter(survey_id):
    """The screen for the room: QR code, code to type, and bars that grow as answers come in."""
    survey = get_in_region(Survey, survey_id)
    base = current_app.config["BASE_URL"].rstrip("/")
    link = f"{base}/p/{survey.poll_code}" if survey.poll_code else None
    qr = qr_svg(link, _("QR code to take part in the poll"), "qr qr-large") if link else None
    return render_template(
        "fieldwork/presenter.html",
        survey=survey,
        items=poll_results(survey),
        link=link,
        qr=qr,
        code_url=f"{base}/code",
        refresh=REFRESH_SECONDS,
    )


@bp.get("/uitslag.json")
@requires(Permission.RUN_FIELDWORK)
def poll_json(survey_id):
    survey = get_in_region(Survey, survey_id)
    response = jsonify(poll_payload(survey))
    response.headers["Cache-Control"] = "no-store"
    return response


@public.get("/p/<poll_code>")
@limiter.limit("600 per minute")  # a whole room may share one public address
def follow_poll_link(poll_code):
    """The QR code on the presenter screen leads here, and on to the survey's open link."""
    survey = services.survey_for_poll_code(poll_code)
    if survey is None or not survey.public_key:
        abort(404)
    return redirect(f"/v/{survey.public_key}")
