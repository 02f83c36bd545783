"""Double coding: drawing a sample, the second coder's blind screen, agreement figures and disagreements."""

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from forms.coding import ActionForm, SampleForm, SecondCodingForm
from survey.access import requires
from survey.accounts.models import Permission
from survey.audit.services import record
from survey.coding.agreement import services as agreement
from survey.coding.answers import services as answers
from survey.coding.blueprint import bp, load_answer_question, load_coded, load_question, refuse_waiting_answer
from survey.coding.codebooks import services as codebooks
from survey.coding.models import SecondCoding
from survey.extensions import db


def _themes(survey_id, item_code):
    link = codebooks.question_codebook(survey_id, item_code)
    return link, sorted(link.codebook.themes, key=lambda t: t.position) if link else []


def _sample_form() -> SampleForm:
    form = SampleForm()
    form.coder.choices = [(u.id, u.name) for u in agreement.possible_coders(g.region.id)]
    return form


def _agreement_page(survey, question, item_code, form: SampleForm, disagreements_text: bool):
    """The agreement page: the figures, the disagreements (with their scrubbed texts when asked) and the
    sample form."""
    link, themes = _themes(survey.id, item_code)
    result = agreement.report(survey.id, item_code, [t.key for t in themes])
    ids = [d.second.answer_id for d in result.disagreements] if disagreements_text else []
    return render_template(
        "coding/agreement.html",
        survey=survey,
        question=question,
        link=link,
        form=form,
        result=result,
        labels={t.key: t.label for t in themes},
        texts=answers.scrubbed_texts(ids),
        coders=dict(form.coder.choices),
    )


@bp.get("/<int:survey_id>/<item_code>/overeenstemming")
@requires(Permission.VIEW_RESULTS)
def agreement_page(survey_id, item_code):
    survey, question = load_question(survey_id, item_code)
    return _agreement_page(survey, question, item_code, _sample_form(), disagreements_text=True)


@bp.post("/<int:survey_id>/<item_code>/overeenstemming/steekproef")
@requires(Permission.VIEW_RESULTS)
def draw_sample(survey_id, item_code):
    survey, question = load_question(survey_id, item_code)
    form = _sample_form()
    if not form.validate_on_submit():
        return _agreement_page(survey, question, item_code, form, disagreements_text=False)
    drawn = agreement.draw_sample(survey.id, item_code, form.size.data, form.coder.data)
    record("coding.sample", survey, item_code=item_code, size=drawn, coder_id=form.coder.data)
    db.session.commit()
    if drawn < form.size.data:
        flash(
            _(
                "Only %(n)s checked answers were available; all of them are in the sample. Check more answers "
                "to draw a bigger sample.",
                n=drawn,
            ),
            "success",
        )
    else:
        flash(_("%(n)s answers have been put aside for double coding.", n=drawn), "success")
    return redirect(url_for("coding.agreement_page", survey_id=survey.id, item_code=item_code))


@bp.get("/<int:survey_id>/<item_code>/dubbel")
@requires(Permission.CODE_ANSWERS)
def second_queue(survey_id, item_code):
    survey, _question = load_question(survey_id, item_code)
    pending = agreement.pending_for(survey.id, item_code, current_user.id)
    if not pending:
        flash(_("You have no answers left to double-code for this question."), "success")
        return redirect(url_for("coding.list_answers", survey_id=survey.id, item_code=item_code))
    waiting = answers.waiting_ids([s.answer_id for s in pending])
    first = next((s for s in pending if s.answer_id not in waiting), pending[0])  # a readable one first
    return redirect(url_for("coding.second_coding", answer_id=first.answer_id))


@bp.route("/dubbel/<int:answer_id>", methods=["GET", "POST"])
@requires(Permission.CODE_ANSWERS)
def second_coding(answer_id):
    """The second coder codes blind: the first coder's themes are not shown."""
    survey, question = load_answer_question(answer_id)
    item_code = question.item_code
    load_coded(survey, item_code, answer_id)
    second = agreement.blind_for(answer_id, current_user.id)
    if second is None:
        flash(_("This answer is not in your sample for double coding."), "error")
        return redirect(url_for("coding.list_answers", survey_id=survey.id, item_code=item_code))
    answer = answers.answer_of(answer_id)
    if answers.waits_for_scrubbing(answer):
        if request.method == "POST":
            refuse_waiting_answer()
            return redirect(url_for("coding.second_coding", answer_id=answer_id))
        return _second_page(survey, question, answer, None, [])
    _link, themes = _themes(survey.id, item_code)
    form = SecondCodingForm()
    form.themes.choices = [(t.id, t.label) for t in themes]
    if form.validate_on_submit():
        chosen = set(form.themes.data or [])
        agreement.save_second(second, [t.key for t in themes if t.id in chosen])
        db.session.commit()
        flash(_("Your themes have been saved."), "success")
        return redirect(url_for("coding.second_queue", survey_id=survey.id, item_code=item_code))
    return _second_page(survey, question, answer, form, themes)


def _second_page(survey, question, answer, form, themes):
    """The blind page; without a form (``None``) while the answer waits for scrubbing, with links to the
    answers before and after it in the coder's sample instead."""
    pending = [s.answer_id for s in agreement.pending_for(survey.id, question.item_code, current_user.id)]
    at = pending.index(answer.id)
    return render_template(
        "coding/second.html",
        survey=survey,
        question=question,
        form=form,
        themes=themes,
        answer=answer,
        remaining=len(pending),
        previous_id=pending[at - 1] if at > 0 else None,
        next_id=pending[at + 1] if at + 1 < len(pending) else None,
    )


@bp.post("/overeenstemming/<int:second_id>/opgelost")
@requires(Permission.VIEW_RESULTS)
def resolve_disagreement(second_id):
    second = db.session.get(SecondCoding, second_id)
    if second is None:
        abort(404)
    survey, question = load_answer_question(second.answer_id)
    item_code = question.item_code
    if ActionForm().validate_on_submit():
        second.resolved = True
        db.session.commit()
        flash(_("The disagreement has been marked as resolved."), "success")
    return redirect(url_for("coding.agreement_page", survey_id=survey.id, item_code=item_code))
