"""Suggestion screens: training the model, choosing the threshold, quality figures, new themes."""

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from forms.coding import ActionForm, SharedLearningForm, ThresholdForm
from survey.access import requires
from survey.accounts.models import Permission
from survey.audit.services import record
from survey.coding import jobs
from survey.coding.answers import listing
from survey.coding.answers import services as answers
from survey.coding.blueprint import bp, load_question
from survey.coding.codebooks import services as codebooks
from survey.coding.models import RunKind, RunStatus, Theme
from survey.coding.suggestions import proposals, runs, training
from survey.coding.suggestions.chart import curve_chart
from survey.extensions import db
from survey.i18n import number

NO_THRESHOLD = "none"


def _threshold_form(curve: list[dict], link) -> ThresholdForm:
    form = ThresholdForm()
    form.threshold.choices = [(NO_THRESHOLD, _("No automatic coding"))] + [
        (
            str(row["threshold"]),
            _(
                "From %(t)s: %(share)s%% of answers, %(accuracy)s%% right",
                t=number(row["threshold"], 2),
                share=number(100 * row["share"], 0),
                accuracy=number(100 * row["accuracy"], 0),
            ),
        )
        for row in curve
        if row.get("accuracy") is not None
    ]
    if request.method == "GET":
        current = link.auto_threshold if link is not None else None
        form.threshold.data = str(current) if current is not None else NO_THRESHOLD
    return form


@bp.get("/<int:survey_id>/<item_code>/model")
@requires(Permission.VIEW_RESULTS)
def model_page(survey_id, item_code):
    survey, question = load_question(survey_id, item_code)
    link = codebooks.question_codebook(survey.id, item_code)
    run = runs.latest_run(survey.id, item_code, RunKind.MODEL, finished=True)
    curve = (run.result.get("curve") or []) if run is not None and run.status == RunStatus.DONE else []
    return render_template(
        "coding/model.html",
        survey=survey,
        question=question,
        link=link,
        run=run,
        curve=curve,
        chart=curve_chart(curve) if curve else None,
        form=_threshold_form(curve, link),
        busy=runs.pending(survey.id, item_code, RunKind.MODEL),
        plan=training.theme_sources(survey.id, item_code, link) if link else None,
        minimum=current_app.config["CODING_MIN_PER_THEME"],
        shipped_minimum=training.SHIPPED_MIN_PER_THEME,
        shared=SharedLearningForm(learn_from_other_surveys=link.codebook.learn_from_other_surveys) if link else None,
        themes=sorted(link.codebook.themes, key=lambda t: t.position) if link else [],
        progress=listing.progress(survey.id, item_code, link),
    )


@bp.post("/<int:survey_id>/<item_code>/model/leren-van")
@requires(Permission.VIEW_RESULTS)
def shared_learning(survey_id, item_code):
    """Let the codebook's model learn from other surveys of the region, or only from this series."""
    survey, _question = load_question(survey_id, item_code)
    link = codebooks.question_codebook(survey.id, item_code)
    form = SharedLearningForm()
    if link is not None and form.validate_on_submit():
        link.codebook.learn_from_other_surveys = bool(form.learn_from_other_surveys.data)
        record(
            "coding.shared_learning",
            survey,
            item_code=item_code,
            codebook_id=link.codebook_id,
            allowed=link.codebook.learn_from_other_surveys,
        )
        db.session.commit()
        flash(_("Saved. The next training uses it."), "success")
    return redirect(url_for("coding.model_page", survey_id=survey.id, item_code=item_code))


@bp.post("/<int:survey_id>/<item_code>/model/trainen")
@requires(Permission.VIEW_RESULTS)
def train_model(survey_id, item_code):
    survey, _question = load_question(survey_id, item_code)
    if ActionForm().validate_on_submit():
        jobs.queue_training(survey.id, item_code, current_user.id)
        record("coding.retrain", survey, item_code=item_code)
        db.session.commit()
        flash(
            _("The model is being trained. This takes seconds to a minute; reload the page to see the result."),
            "success",
        )
    return redirect(url_for("coding.model_page", survey_id=survey.id, item_code=item_code))


@bp.post("/<int:survey_id>/<item_code>/model/drempel")
@requires(Permission.VIEW_RESULTS)
def set_threshold(survey_id, item_code):
    survey, question = load_question(survey_id, item_code)
    link = codebooks.question_codebook(survey.id, item_code)
    run = runs.latest_run(survey.id, item_code, RunKind.MODEL, finished=True)
    curve = (run.result.get("curve") or []) if run is not None and run.status == RunStatus.DONE else []
    form = _threshold_form(curve, link)
    if link is None or not form.validate_on_submit():
        flash(_("Choose a threshold from the list."), "error")
        return redirect(url_for("coding.model_page", survey_id=survey.id, item_code=item_code))
    link.auto_threshold = None if form.threshold.data == NO_THRESHOLD else float(form.threshold.data)
    record("coding.threshold", survey, item_code=item_code, threshold=link.auto_threshold)
    db.session.commit()
    if link.auto_threshold is None:
        flash(_("Nothing is coded automatically now."), "success")
    else:
        flash(
            _("Model suggestions from %(t)s are now accepted automatically.", t=number(link.auto_threshold, 2)),
            "success",
        )
    return redirect(url_for("coding.model_page", survey_id=survey.id, item_code=item_code))


@bp.get("/<int:survey_id>/<item_code>/kwaliteit")
@requires(Permission.VIEW_RESULTS)
def quality(survey_id, item_code):
    survey, question = load_question(survey_id, item_code)
    link = codebooks.question_codebook(survey.id, item_code)
    run = runs.latest_run(survey.id, item_code, RunKind.MODEL, finished=True)
    result = run.result if run is not None and run.status == RunStatus.DONE else {}
    at_threshold = next(
        (row for row in result.get("curve") or [] if link is not None and row["threshold"] == link.auto_threshold), None
    )
    labels = {t.key: t.label for t in link.codebook.themes} if link else {}
    return render_template(
        "coding/quality.html",
        survey=survey,
        question=question,
        link=link,
        run=run,
        quality=result.get("quality") or {},
        labels=labels,
        at_threshold=at_threshold,
        progress=listing.progress(survey.id, item_code, link),
    )


@bp.get("/<int:survey_id>/<item_code>/nieuwe-themas")
@requires(Permission.VIEW_RESULTS)
def new_themes(survey_id, item_code):
    survey, question = load_question(survey_id, item_code)
    link = codebooks.question_codebook(survey.id, item_code)
    run = runs.latest_run(survey.id, item_code, RunKind.TOPICS, finished=True)
    candidates = (run.result.get("candidates") or []) if run is not None and run.status == RunStatus.DONE else []
    examples = proposals.example_texts(survey.id, [i for c in candidates for i in c["example_ids"]])
    return render_template(
        "coding/new_themes.html",
        survey=survey,
        question=question,
        link=link,
        run=run,
        candidates=candidates,
        examples=examples,
        busy=runs.pending(survey.id, item_code, RunKind.TOPICS),
    )


@bp.post("/<int:survey_id>/<item_code>/nieuwe-themas/zoeken")
@requires(Permission.VIEW_RESULTS)
def search_new_themes(survey_id, item_code):
    survey, _question = load_question(survey_id, item_code)
    if ActionForm().validate_on_submit():
        jobs.queue_new_themes(survey.id, item_code, current_user.id)
        db.session.commit()
        flash(_("Looking for new themes. Reload the page in a moment to see them."), "success")
    return redirect(url_for("coding.new_themes", survey_id=survey.id, item_code=item_code))


@bp.post("/<int:survey_id>/<item_code>/nieuwe-themas/<int:index>/toevoegen")
@requires(Permission.VIEW_RESULTS)
def add_new_theme(survey_id, item_code, index):
    survey, _question = load_question(survey_id, item_code)
    link = codebooks.question_codebook(survey.id, item_code)
    run = runs.latest_run(survey.id, item_code, RunKind.TOPICS, finished=True)
    theme: Theme | None = None
    if ActionForm().validate_on_submit() and run is not None:
        theme = proposals.add_candidate_as_theme(link, run, index)
    if theme is None:
        flash(_("This suggestion is no longer available. Look for new themes again."), "error")
        return redirect(url_for("coding.new_themes", survey_id=survey.id, item_code=item_code))
    answers.recode_codebook(link.codebook)
    db.session.commit()
    flash(
        _("Theme %(label)s has been added. Give it a clear name and check its seed words.", label=theme.label),
        "success",
    )
    return redirect(url_for("coding.edit_theme", theme_id=theme.id))
