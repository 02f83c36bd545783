"""A round's fieldwork for the onderzoeker: the list of rounds, the round's page (its figures, letters and send
history), opening and closing, the settings and the open link. The page's other forms post to the role
folders: invitees (import, opt-out, tracking), messages (texts, invitations, reminders), letters."""

from __future__ import annotations

from flask import flash, g, redirect, render_template, url_for
from flask_babel import gettext as _
from sqlalchemy import func, select

from forms.fieldwork import ConfirmForm, OptOutForm, ReprintForm, SettingsForm
from survey import closing
from survey.access import get_in_region, requires
from survey.accounts.models import Permission
from survey.audit.labels import audit_label
from survey.database import truncate_wal
from survey.extensions import db
from survey.fieldwork import services
from survey.fieldwork.blueprint import SURVEY
from survey.fieldwork.blueprint import fieldwork as bp
from survey.fieldwork.invitees import tracking
from survey.fieldwork.letters import services as letters
from survey.fieldwork.models import Invitation
from survey.fieldwork.outreach import history, missing_languages
from survey.fieldwork.sending import due_for_reminder, settings_for
from survey.navigation import register_nav
from survey.questionnaires.languages.services import language_name
from survey.questionnaires.models import FieldworkStatus, Survey
from survey.timeutil import local_today

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
        takes_new_ways_in=services.takes_new_ways_in(survey),
        closed_message=services.closed_message(),
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
        done = closing.close_fieldwork(survey, local_today())
        db.session.commit()
        truncate_wal(db.session)  # the deleted addresses and cleared rows leave no copy in the write-ahead log
        flash(
            _("Fieldwork is closed. The contact data of %(n)s invitees have been deleted.", n=done.contacts_deleted),
            "success",
        )
        return redirect(url_for("fieldwork.overview", survey_id=survey.id))
    return render_template("fieldwork/close.html", survey=survey, form=form)


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


@bp.post(SURVEY + "/open-link")
@requires(Permission.RUN_FIELDWORK)
def create_open_link(survey_id):
    survey = _survey(survey_id)
    if ConfirmForm().validate_on_submit():
        try:
            services.create_open_link(survey)
        except services.FieldworkClosedError:
            flash(services.closed_message(), "error")
            return redirect(url_for("fieldwork.overview", survey_id=survey.id))
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
