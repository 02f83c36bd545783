"""The questionnaire builder (staff): surveys, settings, publishing, rounds. Works without JavaScript.

Other builder pages (sections and questions, translations, import and export) add their routes to
this blueprint from builder/views_builder.py, views_languages.py and exchange/views_exchange.py.
"""

from flask import current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from forms.questionnaires import (
    BLANK,
    KIND_LABELS,
    OP_LABELS,
    STATUS_LABELS,
    ConfirmForm,
    NewSurveyForm,
    RoundForm,
    SettingsForm,
)
from survey.access import get_in_region, requires
from survey.accounts.models import Permission
from survey.extensions import db
from survey.navigation import register_nav
from survey.questionnaires import services, versions
from survey.questionnaires.blueprint import bp
from survey.questionnaires.builder import overview
from survey.questionnaires.builder.feedback import problem_messages
from survey.questionnaires.content.document import DocumentError
from survey.questionnaires.content.registry import REGISTRY
from survey.questionnaires.languages import services as languages
from survey.questionnaires.models import FieldworkStatus, Survey, SurveyKind
from survey.questionnaires.series import services as series
from survey.questionnaires.templates import list_templates

register_nav("Questionnaires", "questionnaires.list_surveys", Permission.BUILD_SURVEYS, 10)

PREVIEW_ENDPOINT = "responses.preview_survey"
TEXT_SETTINGS = ("title", "introduction", "organiser", "privacy_statement", "help_text")
SETTING_FIELDS = (
    "round_label",
    "kind",
    "audience",
    "address_form",
    "display_mode",
    "show_check_page",
    "estimated_minutes",
    "opens_on",
    "closes_on",
    "retention_months",
    "min_cell",
    "generalise_order",
)


def conflict_message() -> str:
    return _(
        "Someone else changed this questionnaire in the meantime. Your change has not been saved. "
        "Look at the current version and make your change again."
    )


def get_survey(survey_id: int) -> Survey:
    return get_in_region(Survey, survey_id)


def commit_or_conflict() -> bool:
    """Commit; a concurrent save by someone else (stale lock or duplicate version) rolls back instead."""
    try:
        db.session.commit()
    except (StaleDataError, IntegrityError):
        db.session.rollback()
        return False
    return True


def to_builder(survey: Survey, anchor: str | None = None):
    url = url_for("questionnaires.show_survey", survey_id=survey.id)
    return redirect(url + (f"#{anchor}" if anchor else ""))


def conflict(survey: Survey):
    flash(conflict_message(), "error")
    return to_builder(survey)


def refused(survey: Survey, error: DocumentError, intro: str):
    """A change that would make the questionnaire invalid: nothing saved, every problem shown."""
    db.session.rollback()
    flash(" ".join([intro, *problem_messages(error)]), "error")
    return to_builder(survey)


@bp.get("/")
@requires(Permission.BUILD_SURVEYS)
def list_surveys():
    kind = request.args.get("soort")
    status = request.args.get("status")
    kind = SurveyKind(kind) if kind in SurveyKind._value2member_map_ else None
    status = FieldworkStatus(status) if status in FieldworkStatus._value2member_map_ else None
    surveys = services.surveys_in_region(g.region, kind, status)
    return render_template(
        "questionnaires/list.html",
        surveys=surveys,
        kind=kind,
        status=status,
        kind_labels=KIND_LABELS,
        status_labels=STATUS_LABELS,
    )


@bp.route("/nieuw", methods=["GET", "POST"])
@requires(Permission.BUILD_SURVEYS)
def new_survey():
    templates = list_templates()
    form = NewSurveyForm(source=request.args.get("sjabloon", BLANK))
    form.source.choices = [(BLANK, _("Blank questionnaire"))] + [(t.key, t.name) for t in templates]
    if form.validate_on_submit():
        if form.source.data == BLANK:
            settings = {
                "kind": SurveyKind(form.kind.data),
                "audience": form.audience.data,
                "address_form": form.address_form.data,
                "title": {"nl": form.title.data.strip()},
            }
            survey = services.create_survey(
                g.region, settings, services.blank_document(), round_label=form.round_label.data or ""
            )
        else:
            existing = series.template_series(g.region, form.source.data)
            if existing and form.series.data not in [str(s.id) for s in existing] + ["new"]:
                return render_template(
                    "questionnaires/new_series.html",
                    form=form,
                    existing=existing,
                    template=next(t for t in templates if t.key == form.source.data),
                )
            earlier = next((s for s in existing if str(s.id) == form.series.data), None)
            if earlier is not None:
                survey = services.new_round(earlier, form.round_label.data or "", title=form.title.data)
                db.session.commit()
                flash(_("The new round has been created. Item codes are the same as in the previous round."), "success")
                return to_builder(survey)
            survey = services.create_from_template(
                g.region, form.source.data, title=form.title.data, round_label=form.round_label.data or ""
            )
        db.session.commit()
        flash(_("The questionnaire has been created as a draft."), "success")
        return to_builder(survey)
    return render_template(
        "questionnaires/new.html", form=form, templates=templates, used=series.used_templates(g.region)
    )


@bp.get("/<int:survey_id>")
@requires(Permission.BUILD_SURVEYS)
def show_survey(survey_id):
    survey = get_survey(survey_id)
    view = overview.build(survey)
    return render_template(
        "questionnaires/builder.html",
        o=view,
        survey=survey,
        preview=PREVIEW_ENDPOINT in current_app.view_functions,
        rounds=services.rounds_of(survey),
        kind_labels=KIND_LABELS,
        status_labels=STATUS_LABELS,
        types=REGISTRY,
        op_labels=OP_LABELS,
        language_name=languages.language_name,
        is_rtl=languages.is_rtl,
    )


@bp.route("/<int:survey_id>/instellingen", methods=["GET", "POST"])
@requires(Permission.BUILD_SURVEYS)
def edit_settings(survey_id):
    survey = get_survey(survey_id)
    initial = {name: getattr(survey, name) for name in SETTING_FIELDS}
    initial.update({name: getattr(survey, name).value for name in ("kind", "audience", "address_form", "display_mode")})
    initial.update({name: survey.text(name) for name in TEXT_SETTINGS})
    form = SettingsForm(data=initial, lock=str(survey.lock_version))
    if form.validate_on_submit():
        values = {name: getattr(form, name).data for name in SETTING_FIELDS}
        values["round_label"] = (values["round_label"] or "").strip()
        values.update({name: _with_dutch(getattr(survey, name), getattr(form, name).data) for name in TEXT_SETTINGS})
        try:
            services.update_settings(survey, values, _int(form.lock.data))
        except versions.ConflictError:
            form.lock.data = str(survey.lock_version)
            return render_template(
                "questionnaires/settings.html", form=form, survey=survey, conflict=conflict_message()
            )
        if commit_or_conflict():
            flash(_("The settings have been saved."), "success")
            return to_builder(survey)
        return conflict(survey)
    return render_template("questionnaires/settings.html", form=form, survey=survey)


def _with_dutch(texts: dict | None, dutch: str | None) -> dict:
    result = dict(texts or {})
    if (dutch or "").strip():
        result["nl"] = dutch.strip()
    else:
        result.pop("nl", None)
    return result


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@bp.route("/<int:survey_id>/publiceren", methods=["GET", "POST"])
@requires(Permission.BUILD_SURVEYS)
def publish_survey(survey_id):
    survey = get_survey(survey_id)
    form = ConfirmForm(lock=versions.lock_token(survey))
    if form.validate_on_submit():
        try:
            version = versions.publish(survey, form.lock.data)
        except versions.ConflictError:
            return conflict(survey)
        except DocumentError as error:
            return refused(survey, error, _("The questionnaire cannot be published yet."))
        if not commit_or_conflict():
            return conflict(survey)
        flash(
            _(
                "Version %(n)s has been published. Respondents now answer this version; it can no longer change.",
                n=version.number,
            ),
            "success",
        )
        return to_builder(survey)
    return render_template("questionnaires/publish.html", survey=survey, form=form, o=overview.build(survey))


@bp.route("/<int:survey_id>/nieuwe-meting", methods=["GET", "POST"])
@requires(Permission.BUILD_SURVEYS)
def new_round(survey_id):
    survey = get_survey(survey_id)
    form = RoundForm()
    if form.validate_on_submit():
        copy = services.new_round(survey, form.round_label.data)
        db.session.commit()
        flash(_("The new round has been created. Item codes are the same as in the previous round."), "success")
        return to_builder(copy)
    return render_template("questionnaires/round.html", survey=survey, form=form)


@bp.route("/<int:survey_id>/verwijderen", methods=["GET", "POST"])
@requires(Permission.BUILD_SURVEYS)
def delete_survey(survey_id):
    survey = get_survey(survey_id)
    form = ConfirmForm()
    answers = services.response_count(survey)
    if form.validate_on_submit() and not answers:
        services.delete_survey(survey)
        db.session.commit()
        flash(_("The questionnaire has been deleted."), "success")
        return redirect(url_for("questionnaires.list_surveys"))
    return render_template("questionnaires/delete.html", survey=survey, form=form, answers=answers)
