"""The invitees of a round, from the round's page: importing them from a contact file, stopping mail to an
address, and the response tracking (*voortgang*) as a page and a CSV file; and the public page where an
invitee stops mail about a survey (*afmelden*)."""

from __future__ import annotations

from flask import Response, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from forms.fieldwork import ConfirmForm, ImportForm, OptOutForm
from survey.access import get_in_region, requires
from survey.accounts.models import Permission
from survey.audit.services import record
from survey.extensions import db, limiter
from survey.fieldwork import services
from survey.fieldwork.blueprint import SURVEY, fieldwork, optout
from survey.fieldwork.invitees import tracking
from survey.fieldwork.invitees.importing import import_contacts
from survey.fieldwork.messages.composing import invitation_for_opt_out
from survey.fieldwork.outreach import missing_languages
from survey.i18n import requested_language, speak_on_public_page
from survey.questionnaires.models import Survey


@fieldwork.route(SURVEY + "/genodigden/importeren", methods=["GET", "POST"])
@requires(Permission.RUN_FIELDWORK)
def import_invitees(survey_id):
    survey = get_in_region(Survey, survey_id)
    form = ImportForm()
    report = None
    if form.validate_on_submit():
        report = import_contacts(survey, form.file.content, form.file.filename)
        db.session.commit()
    return render_template(
        "fieldwork/import.html",
        survey=survey,
        form=form,
        report=report,
        missing=missing_languages(survey) if report else None,
    )


@fieldwork.post(SURVEY + "/afmelden")
@requires(Permission.RUN_FIELDWORK)
def opt_out_invitee(survey_id):
    survey = get_in_region(Survey, survey_id)
    form = OptOutForm()
    if form.validate_on_submit():
        count = services.opt_out_address(survey, form.email.data)
        db.session.commit()
        if count:
            flash(
                ngettext("%(num)s invitee gets no more mail.", "%(num)s invitees get no more mail.", count), "success"
            )
        else:
            flash(_("No invitee of this survey with this e-mail address still gets mail."), "error")
    else:
        flash(_("Enter an e-mail address."), "error")
    return redirect(url_for("fieldwork.overview", survey_id=survey.id))


@fieldwork.get(SURVEY + "/voortgang")
@requires(Permission.RUN_FIELDWORK)
def show_tracking(survey_id):
    survey = get_in_region(Survey, survey_id)
    return render_template(
        "fieldwork/tracking.html",
        survey=survey,
        figures=tracking.tracking(survey),
        labels=tracking.variable_labels(),
        hidden_label=tracking.hidden_label,
        table_notes=tracking.table_notes,
    )


@fieldwork.get(SURVEY + "/voortgang.csv")
@requires(Permission.RUN_FIELDWORK)
def export_tracking(survey_id):
    survey = get_in_region(Survey, survey_id)
    body = tracking.tracking_csv(survey)
    record("fieldwork.export_tracking", survey)
    db.session.commit()
    return Response(
        body, mimetype="text/csv", headers={"Content-Disposition": f"attachment; filename=respons-{survey.id}.csv"}
    )


@optout.route("/afmelden/<token>", methods=["GET", "POST"])
@limiter.limit("30 per minute")
def opt_out(token):
    """A GET only asks (mail scanners open links); the button makes it so."""
    invitation = invitation_for_opt_out(token)
    speak_on_public_page(invitation.language if invitation is not None else requested_language())
    if invitation is None:
        return render_template("fieldwork/optout_invalid.html"), 404
    form = ConfirmForm()
    if invitation.opted_out or invitation.contact_deleted_on is not None:  # closed: no mail comes any more
        return render_template("fieldwork/optout_done.html")
    if form.validate_on_submit():
        services.opt_out(invitation)
        db.session.commit()
        return render_template("fieldwork/optout_done.html")
    return render_template("fieldwork/optout.html", form=form)
