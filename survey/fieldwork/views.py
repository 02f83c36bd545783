"""Fieldwork for the onderzoeker: modes, invitees, sending, reminders, letters, tracking, closing."""

from __future__ import annotations

from flask import Response, abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import func, select

from forms.fieldwork import ConfirmForm, ImportForm, OptOutForm, ReprintForm, SettingsForm, TextForm
from survey.access import get_in_region, requires
from survey.accounts.models import Permission
from survey.audit.labels import audit_label
from survey.audit.services import record
from survey.database import truncate_wal
from survey.extensions import db
from survey.fieldwork import services
from survey.fieldwork.blueprint import fieldwork as bp
from survey.fieldwork.invitees import tracking
from survey.fieldwork.invitees.importing import import_contacts
from survey.fieldwork.letters import services as letters
from survey.fieldwork.messages import placeholders as messages
from survey.fieldwork.messages import texts
from survey.fieldwork.models import Invitation
from survey.fieldwork.outreach import history, invitations_job, missing_languages, reminder_reach, reminders_job
from survey.fieldwork.sending import due_for_reminder, settings_for
from survey.jobs import enqueue_after_commit
from survey.navigation import register_nav
from survey.questionnaires.languages import language_name
from survey.questionnaires.models import FieldworkStatus, Survey
from survey.timeutil import local_today

SURVEY = "/vragenlijsten/<int:survey_id>/veldwerk"

register_nav("Fieldwork", "fieldwork.list_surveys", Permission.RUN_FIELDWORK, 30)


@bp.context_processor
def fieldwork_helpers():
    return {"language_name": language_name, "history_label": history_label}


def history_label(line) -> str:
    """What a line of the send history was, in Dutch."""
    label = audit_label(line.action)
    return label + " " + _("(to everyone who had not finished)") if line.mode == "now" else label


def _survey(survey_id: int) -> Survey:
    return get_in_region(Survey, survey_id)


@bp.get("/veldwerk")
@requires(Permission.RUN_FIELDWORK)
def list_surveys():
    surveys = db.session.scalars(
        select(Survey).where(Survey.region_id == g.region.id).order_by(Survey.created_at.desc())
    ).all()
    counts = dict(
        db.session.execute(
            select(Invitation.survey_id, func.count())
            .join(Survey)
            .where(Survey.region_id == g.region.id)
            .group_by(Invitation.survey_id)
        ).all()
    )
    return render_template("fieldwork/list.html", surveys=surveys, counts=counts)


@bp.get(SURVEY + "/")
@requires(Permission.RUN_FIELDWORK)
def overview(survey_id):
    survey = _survey(survey_id)
    settings = settings_for(survey)
    figures = tracking.tracking(survey)
    due = len(db.session.scalars(due_for_reminder(survey, settings, local_today())).all())
    waiting = db.session.scalar(
        select(func.count())
        .select_from(Invitation)
        .where(
            Invitation.survey_id == survey.id,
            Invitation.invited_on.is_(None),
            Invitation.opted_out.is_(False),
            Invitation.contact_deleted_on.is_(None),
        )
    )
    db.session.commit()  # settings may have been created
    return render_template(
        "fieldwork/overview.html",
        survey=survey,
        settings=settings,
        figures=figures,
        due=due,
        waiting=waiting,
        batches=letters.batches(survey),
        by_post=_by_post(survey),
        reprint_form=ReprintForm(),
        opt_out_form=OptOutForm(),
        history=history(survey),
        missing=missing_languages(survey),
    )


def _by_post(survey: Survey) -> int:
    """Invitees reached by post only who were invited and have not started (whose letters can be made again)."""
    return db.session.scalar(
        select(func.count())
        .select_from(Invitation)
        .where(
            Invitation.survey_id == survey.id,
            Invitation.email.is_(None),
            Invitation.postal_address.is_not(None),
            Invitation.invited_on.is_not(None),
            Invitation.started.is_(False),
            Invitation.opted_out.is_(False),
        )
    )


@bp.post(SURVEY + "/openen")
@requires(Permission.RUN_FIELDWORK)
def open_fieldwork(survey_id):
    survey = _survey(survey_id)
    if ConfirmForm().validate_on_submit():
        if services.open_fieldwork(survey):
            db.session.commit()
            flash(_("Fieldwork is open. Respondents can take part now."), "success")
        else:
            flash(
                _("Fieldwork can only start for a survey with a published version that has not been closed."), "error"
            )
    return redirect(url_for("fieldwork.overview", survey_id=survey.id))


@bp.route(SURVEY + "/sluiten", methods=["GET", "POST"])
@requires(Permission.RUN_FIELDWORK)
def close_fieldwork(survey_id):
    survey = _survey(survey_id)
    form = ConfirmForm()
    if survey.status == FieldworkStatus.CLOSED:
        flash(_("Fieldwork of this survey is already closed."), "error")
        return redirect(url_for("fieldwork.overview", survey_id=survey.id))
    if form.validate_on_submit():
        deleted = services.close_fieldwork(survey, local_today())
        db.session.commit()
        truncate_wal(db.session)  # the deleted addresses leave no copy in the write-ahead log
        flash(_("Fieldwork is closed. The contact data of %(n)s invitees have been deleted.", n=deleted), "success")
        return redirect(url_for("fieldwork.overview", survey_id=survey.id))
    return render_template("fieldwork/close.html", survey=survey, form=form)


@bp.route(SURVEY + "/genodigden/importeren", methods=["GET", "POST"])
@requires(Permission.RUN_FIELDWORK)
def import_invitees(survey_id):
    survey = _survey(survey_id)
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


@bp.post(SURVEY + "/uitnodigen")
@requires(Permission.RUN_FIELDWORK)
def send_invitations(survey_id):
    survey = _survey(survey_id)
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
    survey = _survey(survey_id)
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
    survey = _survey(survey_id)
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


@bp.post(SURVEY + "/afmelden")
@requires(Permission.RUN_FIELDWORK)
def opt_out_invitee(survey_id):
    survey = _survey(survey_id)
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


@bp.route(SURVEY + "/instellingen", methods=["GET", "POST"])
@requires(Permission.RUN_FIELDWORK)
def edit_settings(survey_id):
    survey = _survey(survey_id)
    settings = settings_for(survey)
    form = SettingsForm(obj=settings)
    if form.validate_on_submit():
        services.save_settings(
            survey, form.max_reminders.data, form.reminder_interval_days.data, form.letters_for_email_invitees.data
        )
        db.session.commit()
        flash(_("The settings have been saved."), "success")
        return redirect(url_for("fieldwork.overview", survey_id=survey.id))
    return render_template("fieldwork/settings.html", survey=survey, form=form)


@bp.route(SURVEY + "/teksten", methods=["GET", "POST"])
@requires(Permission.RUN_FIELDWORK)
def edit_text(survey_id):
    survey = _survey(survey_id)
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


@bp.get(SURVEY + "/voortgang")
@requires(Permission.RUN_FIELDWORK)
def show_tracking(survey_id):
    survey = _survey(survey_id)
    return render_template(
        "fieldwork/tracking.html", survey=survey, figures=tracking.tracking(survey), labels=tracking.variable_labels()
    )


@bp.get(SURVEY + "/voortgang.csv")
@requires(Permission.RUN_FIELDWORK)
def export_tracking(survey_id):
    survey = _survey(survey_id)
    body = tracking.tracking_csv(survey)
    record("fieldwork.export_tracking", survey)
    db.session.commit()
    return Response(
        body, mimetype="text/csv", headers={"Content-Disposition": f"attachment; filename=respons-{survey.id}.csv"}
    )


@bp.post(SURVEY + "/open-link")
@requires(Permission.RUN_FIELDWORK)
def create_open_link(survey_id):
    survey = _survey(survey_id)
    if ConfirmForm().validate_on_submit():
        services.create_open_link(survey)
        db.session.commit()
        flash(_("There is a new open link. An earlier open link no longer works."), "success")
    return redirect(url_for("fieldwork.overview", survey_id=survey.id))


@bp.post(SURVEY + "/open-link/intrekken")
@requires(Permission.RUN_FIELDWORK)
def revoke_open_link(survey_id):
    survey = _survey(survey_id)
    if ConfirmForm().validate_on_submit():
        services.revoke_open_link(survey)
        db.session.commit()
        flash(_("The open link no longer works."), "success")
    return redirect(url_for("fieldwork.overview", survey_id=survey.id))
