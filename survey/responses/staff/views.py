"""Staff pages on the respondent's blueprint: the preview (stepping through a draft exactly as a
respondent sees it, at phone width, storing nothing) and interviewer entry (a staff member fills in
the answers during a telephone interview; the response is marked with channel "interviewer")."""

from __future__ import annotations

import json

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from markupsafe import Markup

from forms.respondent import build_step_form
from forms.respondent_entry import InterviewStartForm
from survey.access import get_in_region, region_view, requires
from survey.accounts.models import Permission
from survey.audit.services import record
from survey.extensions import db
from survey.i18n import chrome_language, text_direction
from survey.questionnaires.content.document import DocumentError
from survey.questionnaires.content.parsing import parse_document
from survey.questionnaires.models import Survey, SurveyVersion
from survey.responses import services, storage
from survey.responses.blueprint import bp
from survey.responses.display.piping import Piping, localized
from survey.responses.display.screens import check_rows, make_screen
from survey.responses.models import Channel, Response, ResponseStatus
from survey.responses.steps.flow import compute_flow

PREVIEW = "/beheer/<region>/vragenlijsten/<int:survey_id>/voorbeeld"


class SampleVariables(dict):
    """In the preview a background variable shows its name, e.g. [gemeente]."""

    def get(self, key, default=None):
        return f"[{key}]"


def _preview_version(survey: Survey) -> SurveyVersion | None:
    if request.values.get("versie") == "gepubliceerd":
        return survey.published_version
    return survey.draft_version or survey.published_version


def _preview_state(raw: str | None) -> tuple[dict, int]:
    """Answers and position carried in the preview form itself (nothing is stored)."""
    try:
        data = json.loads(raw or "{}")
        answers = {
            (str(code), str(inst)): value
            for code, inst, value in data.get("answers", [])
            if isinstance(value, str | list)
        }
        return answers, int(data.get("index", 0))
    except (ValueError, TypeError, AttributeError, RecursionError):
        return {}, 0


def _state_json(answers: dict, index: int) -> str:
    return json.dumps({"answers": [[c, i, v] for (c, i), v in answers.items()], "index": index})


@bp.route(PREVIEW, methods=["GET", "POST"])
@region_view
@requires(Permission.BUILD_SURVEYS)
def preview_survey(survey_id):
    survey = get_in_region(Survey, survey_id)
    version = _preview_version(survey)
    page = {"survey": survey, "version": version, "title_text": localized(survey.title, "nl")}
    if version is None:
        return render_template("responses/preview.html", **page, problems=[])
    try:
        document = parse_document(version.document)
    except DocumentError as error:
        return render_template(
            "responses/preview.html",
            **page,
            problems=[(where, _(msgid, **params)) for where, msgid, params in error.problems],
        )
    language = request.values.get("taal") if request.values.get("taal") in document.languages else "nl"
    answers, index = _preview_state(request.form.get("voorbeeld")) if request.method == "POST" else ({}, 0)
    piping = Piping(document, answers, language, SampleVariables())
    flow = compute_flow(document, survey.display_mode, answers)
    step, form = flow.step(min(index, len(flow) - 1)), None
    if request.method == "POST" and step is not None:
        form = build_step_form(step, piping, formdata=request.form)
        index, form = _preview_move(form, step, answers)
        flow = compute_flow(document, survey.display_mode, answers)
        step = flow.step(index) if form is None else step
    inner = _preview_inner(survey, flow, step, piping, form, language, index)
    return render_template(
        "responses/preview.html",
        **page,
        problems=[],
        inner=inner,
        language=language,
        languages=document.languages,
        direction=text_direction(language),
    )


def _preview_move(form, step, answers: dict):
    """Apply a preview submit to the carried answers: (next index, form to show again or None)."""
    action = request.form.get("actie")
    valid = form.validate()
    if action == "vorige":
        _merge(answers, form, only_valid=True)
        return max(step.index - 1, 0), None
    if not valid:
        return step.index, form
    _merge(answers, form)
    return step.index + 1, None


def _merge(answers: dict, form, only_valid: bool = False) -> None:
    for spec in form.specs():
        value, _other = form.answers()[spec.key]
        if only_valid and (value is None or form[spec.name].errors):
            continue
        if value is None:
            answers.pop(spec.key, None)
        else:
            answers[spec.key] = value


def _preview_inner(survey, flow, step, piping, form, language, index) -> Markup:
    """The respondent's screen rendered in the respondent's language inside the staff page."""
    with force_locale(chrome_language(language)):
        if step is None:
            return Markup(  # noqa: S704 - autoescaped HTML
                render_template(
                    "responses/_preview_end.html",
                    survey=survey,
                    language=language,
                    rows=check_rows(flow, piping),
                    address=survey.address_form.value,
                    help_text=survey.text("help_text", language),
                )
            )
        screen = make_screen(survey, flow, step, piping, form=form, extra={"lock": "", "start": ""})
        hidden = [("voorbeeld", _state_json(piping.answers, step.index)), ("taal", language)]
        return Markup(  # noqa: S704 - autoescaped HTML
            render_template(
                "responses/_screen.html",
                screen=screen,
                hidden=hidden,
                staff=True,
                address=survey.address_form.value,
                back_to_check=False,
            )
        )


@bp.route("/beheer/<region>/vragenlijsten/<int:survey_id>/interview", methods=["GET", "POST"])
@region_view
@requires(Permission.RUN_FIELDWORK)
def start_interview(survey_id):
    survey = get_in_region(Survey, survey_id)
    today = services.local_today()
    version = survey.published_version
    languages = version.document.get("languages") or ["nl"] if version else ["nl"]
    form = InterviewStartForm(languages)
    if request.method == "POST" and survey.is_open(today) and form.validate():
        response = services.start_interview(survey, form.language.data, today)
        record("interview.start", survey)
        db.session.commit()
        return redirect(url_for("responses.interview_step", response_id=response.id))
    return render_template(
        "responses/interview_start.html",
        survey=survey,
        form=form,
        is_open=survey.is_open(today),
        title_text=localized(survey.title, "nl"),
    )


def _interview_or_404(response_id: str) -> Response:
    response = db.session.get(Response, response_id[:32])
    if response is None or response.channel != Channel.INTERVIEWER or response.status != ResponseStatus.IN_PROGRESS:
        abort(404)
    get_in_region(Survey, response.survey_id)
    return response


@bp.route("/beheer/<region>/interviews/<response_id>", methods=["GET", "POST"])
@region_view
@requires(Permission.RUN_FIELDWORK)
def interview_step(response_id):
    response = _interview_or_404(response_id)
    survey = db.session.get(Survey, response.survey_id)
    document = parse_document(db.session.get(SurveyVersion, response.version_id).document)
    answers, others = storage.load_answers(response, document)
    piping = Piping(document, answers, response.language, {}, others)
    flow = compute_flow(document, survey.display_mode, answers)
    reachable = min(response.position, len(flow) - 1)
    number = min(max(request.args.get("stap", reachable + 1, type=int), 1), reachable + 1)
    step = flow.step(number - 1)
    form = None
    if request.method == "POST" and step is not None:
        form = build_step_form(step, piping, formdata=request.form)
        moved = _interview_post(response, survey, document, step, form)
        if moved is not None:
            return moved
    with force_locale(chrome_language(response.language)):
        screen = make_screen(survey, flow, step, piping, form=form, extra={"lock": response.lock_version, "start": ""})
        inner = Markup(  # noqa: S704 - autoescaped HTML
            render_template(
                "responses/_screen.html",
                screen=screen,
                hidden=[],
                staff=True,
                address=survey.address_form.value,
                back_to_check=False,
            )
        )
    return render_template(
        "responses/interview_step.html",
        survey=survey,
        inner=inner,
        language=response.language,
        direction=text_direction(response.language),
        title_text=localized(survey.title, "nl"),
    )


def _interview_post(response, survey, document, step, form):
    """Save an interview step; returns where to go next, or None to show the step again with errors."""
    action = request.form.get("actie", "volgende")
    valid = form.validate()
    if form.lock.data and form.lock.data != str(response.lock_version):
        flash(_("Someone else saved this interview in the meantime. Check the answer and go on."), "warning")
        return redirect(url_for("responses.interview_step", response_id=response.id, stap=step.index + 1))
    if action == "vorige":
        submitted = {k: v for k, v in form.answers().items() if v[0] is not None and valid}
        services.save_step(response, submitted, step.index)
        db.session.commit()
        return redirect(url_for("responses.interview_step", response_id=response.id, stap=max(step.index, 1)))
    if not valid:
        return None
    services.save_step(response, form.answers(), step.index + 1)
    answers, _others = storage.load_answers(response, document)
    flow = compute_flow(document, survey.display_mode, answers)
    if step.index + 1 < len(flow):
        db.session.commit()
        return redirect(url_for("responses.interview_step", response_id=response.id, stap=step.index + 2))
    missing = flow.first_missing(answers)
    if missing is not None:
        db.session.commit()
        flash(_("One question still needs an answer."), "warning")
        return redirect(url_for("responses.interview_step", response_id=response.id, stap=missing + 1))
    services.complete_response(response, flow)
    record("interview.complete", survey)
    db.session.commit()
    flash(_("The interview is saved. Thank you."), "success")
    return redirect(url_for("responses.start_interview", survey_id=survey.id, region=g.region.slug))
