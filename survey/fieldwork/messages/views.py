"""What invitees are sent, from the round's page: the texts of invitations, reminders and letters per
language, sending the invitations, the reminders that are due, and a reminder now to everyone who has not
finished. The sending itself runs as a background job (``outreach.py``, through ``sending.py``)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from forms.fieldwork import ConfirmForm, TextForm
from survey.access import get_in_region, requires
from survey.accounts.models import Permission
from survey.audit.services import record
from survey.extensions import db
from survey.fieldwork import services
from survey.fieldwork.blueprint import SURVEY
from survey.fieldwork.blueprint import fieldwork as bp
from survey.fieldwork.messages import placeholders as messages
from survey.fieldwork.messages import texts
from survey.fieldwork.outreach import invitations_job, missing_languages, reminder_reach, reminders_job
from survey.fieldwork.sending import settings_for
from survey.jobs import enqueue_after_commit
from survey.questionnaires.models import FieldworkStatus, Survey
from survey.timeutil import local_today


@bp.route(SURVEY + "/teksten", methods=["GET", "POST"])
@requires(Permission.RUN_FIELDWORK)
def edit_text(survey_id):
    survey = get_in_region(Survey, survey_id)
    settings = settings_for(survey)
    kind = request.args.get("soort", "invitation")
    language = request.args.get("taal", "nl")
    languages = _languages(survey)
    if kind not in messages.KINDS or language not in languages:
        abort(404)
    current = messages.text_for(settings.templates, kind, language, survey.address_form.value)
    form = TextForm(
        kind=kind,
        data={"subject": current.subject if current else "", "body": current.body if current else ""}
        if request.method == "GET"
        else None,
    )
    if form.validate_on_submit():
        services.save_text(survey, kind, language, form.subject.data or "", form.body.data or "")
        db.session.commit()
        flash(_("The text has been saved."), "success")
        return redirect(url_for("fieldwork.edit_text", survey_id=survey.id, soort=kind, taal=language))
    own = bool((settings.templates or {}).get(kind, {}).get(language))
    return render_template(
        "fieldwork/text.html",
        survey=survey,
        form=form,
        kind=kind,
        language=language,
        languages=languages,
        own=own,
        kinds=messages.KINDS,
        draft=language in texts.DRAFT_LANGUAGES,
    )


def _languages(survey: Survey) -> list[str]:
    version = survey.published_version or survey.draft_version
    languages = (version.document or {}).get("languages", ["nl"]) if version else ["nl"]
    return ["nl"] + [lang for lang in languages if lang != "nl"]


@bp.post(SURVEY + "/uitnodigen")
@requires(Permission.RUN_FIELDWORK)
def send_invitations(survey_id):
    survey = get_in_region(Survey, survey_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if survey.status != FieldworkStatus.OPEN:
        flash(_("Invitations can only be sent while fieldwork is open."), "error")
    else:
        record("fieldwork.invite", survey)
        enqueue_after_commit(db.session(), invitations_job, survey.id, local_today().isoformat())
        db.session.commit()
        flash(_("The invitations are being sent. Letters to print appear below when they are ready."), "success")
    return redirect(url_for("fieldwork.overview", survey_id=survey.id))


@bp.post(SURVEY + "/herinneren")
@requires(Permission.RUN_FIELDWORK)
def send_reminders(survey_id):
    survey = get_in_region(Survey, survey_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if survey.status != FieldworkStatus.OPEN:
        flash(_("Reminders can only be sent while fieldwork is open."), "error")
    else:
        record("fieldwork.remind", survey)
        enqueue_after_commit(db.session(), reminders_job, survey.id, local_today().isoformat())
        db.session.commit()
        flash(_("The reminders that are due are being sent."), "success")
    return redirect(url_for("fieldwork.overview", survey_id=survey.id))


@bp.route(SURVEY + "/herinneren-nu", methods=["GET", "POST"])
@requires(Permission.RUN_FIELDWORK)
def remind_now(survey_id):
    """A reminder now to every invitee who has not finished, after a page that says how many."""
    survey = get_in_region(Survey, survey_id)
    if survey.status != FieldworkStatus.OPEN:
        flash(_("Reminders can only be sent while fieldwork is open."), "error")
        return redirect(url_for("fieldwork.overview", survey_id=survey.id))
    today = local_today()
    reach = reminder_reach(survey, today)
    form = ConfirmForm()
    if form.validate_on_submit() and reach.total:
        record("fieldwork.remind_now", survey, expected=reach.total)
        enqueue_after_commit(db.session(), reminders_job, survey.id, today.isoformat(), now=True)
        db.session.commit()
        flash(
            ngettext(
                "A reminder is being sent to %(num)s invitee who has not finished.",
                "A reminder is being sent to %(num)s invitees who have not finished.",
                reach.total,
            ),
            "success",
        )
        return redirect(url_for("fieldwork.overview", survey_id=survey.id))
    db.session.commit()  # settings may have been created
    return render_template(
        "fieldwork/remind_now.html",
        survey=survey,
        reach=reach,
        form=form,
        settings=settings_for(survey),
        missing=missing_languages(survey),
    )
