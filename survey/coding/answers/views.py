"""Coding screens: the surveys with open questions, the answers of a question, coding one answer."""

from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm.exc import StaleDataError

from forms.coding import KIND_LABELS, SENTIMENT_LABELS, SOURCE_LABELS, STATUS_LABELS, ApplyThemeForm, CodeAnswerForm
from survey.access import requires
from survey.accounts.models import Permission
from survey.audit.services import record
from survey.coding import jobs
from survey.coding.agreement import services as agreement
from survey.coding.answers import assign, listing
from survey.coding.answers import services as answers
from survey.coding.blueprint import bp, load_answer_question, load_coded, load_question, refuse_waiting_answer
from survey.coding.codebooks import services as codebooks
from survey.coding.models import CodedAnswer, RemarkKind, Sentiment, Source
from survey.coding.questions import completed_answers, open_questions
from survey.extensions import db
from survey.questionnaires.models import Survey

LABELS = {"sentiment": SENTIMENT_LABELS, "kind": KIND_LABELS, "source": SOURCE_LABELS, "status": STATUS_LABELS}


@bp.get("/")
@requires(Permission.CODE_ANSWERS)
def index():
    surveys = db.session.scalars(
        select(Survey).where(Survey.region_id == g.region.id).order_by(Survey.created_at.desc(), Survey.id.desc())
    )
    overview = []
    for survey in surveys:
        questions = [
            (
                q,
                _count(completed_answers(survey.id, q.item_code)),
                listing.progress(survey.id, q.item_code, codebooks.question_codebook(survey.id, q.item_code)),
            )
            for q in open_questions(survey)
        ]
        if questions:
            overview.append((survey, questions))
    return render_template("coding/index.html", overview=overview)


def _count(stmt) -> int:
    return db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0


@bp.get("/<int:survey_id>/<item_code>/")
@requires(Permission.CODE_ANSWERS)
def list_answers(survey_id, item_code):
    survey, question = load_question(survey_id, item_code)
    if jobs.code_answers(survey, item_code):
        db.session.commit()
    link = codebooks.ensure_question_codebook(survey, item_code)
    db.session.commit()
    themes = _themes(link)
    f = listing.AnswerFilter.from_args(request.args)
    stmt = listing.filtered(survey.id, item_code, f, link.auto_threshold if link else None)
    rows, pages = listing.page_of(stmt, request.args.get("page", 1, type=int))
    apply_form = ApplyThemeForm()
    apply_form.give.choices = [(t.id, t.label) for t in themes]
    return render_template(
        "coding/question.html",
        survey=survey,
        question=question,
        link=link,
        themes=themes,
        filter=f,
        rows=rows,
        texts=_texts(rows),
        page=min(max(1, request.args.get("page", 1, type=int)), pages),
        pages=pages,
        progress=listing.progress(survey.id, item_code, link),
        apply_form=apply_form,
        labels=LABELS,
        blind=agreement.blind_answer_ids(survey.id, item_code, current_user.id),
        pending_second=agreement.pending_for(survey.id, item_code, current_user.id),
    )


def _themes(link):
    return sorted(link.codebook.themes, key=lambda t: (t.position, t.id)) if link is not None else []


def _texts(rows: list[CodedAnswer]) -> dict[int, str | None]:
    """Scrubbed text per answer; None while it is not scrubbed yet (coders never see the raw text)."""
    return answers.scrubbed_texts([r.answer_id for r in rows])


@bp.post("/<int:survey_id>/<item_code>/thema-toepassen")
@requires(Permission.CODE_ANSWERS)
def apply_theme(survey_id, item_code):
    survey, _question = load_question(survey_id, item_code)
    link = codebooks.question_codebook(survey.id, item_code)
    f = listing.AnswerFilter.from_args(request.form)
    form = ApplyThemeForm()
    form.give.choices = [(t.id, t.label) for t in _themes(link)]
    if not form.validate_on_submit():
        flash(_("Choose a theme to give to the answers."), "error")
        return redirect(url_for("coding.list_answers", survey_id=survey.id, item_code=item_code, **f.as_args()))
    theme = next(t for t in _themes(link) if t.id == form.give.data)
    rows = list(db.session.scalars(listing.filtered(survey.id, item_code, f, link.auto_threshold)))
    given = assign.apply_theme(rows, theme, current_user.id, answers.waiting_ids([r.answer_id for r in rows]))
    try:
        db.session.commit()
    except StaleDataError:
        db.session.rollback()
        flash(_("Someone else changed some of these answers just now. Nothing was changed; try again."), "error")
    else:
        flash(_theme_given_message(given, theme.label), "success")
    return redirect(url_for("coding.list_answers", survey_id=survey.id, item_code=item_code, **f.as_args()))


def _theme_given_message(given: assign.ThemeGiven, theme: str) -> str:
    message = ngettext(
        "Theme %(theme)s given to %(num)s answer.",
        "Theme %(theme)s given to %(num)s answers.",
        given.added,
        theme=theme,
    )
    if not given.waiting:
        return message
    return message + " " + _waiting_message(given.waiting)


def _waiting_message(waiting: int) -> str:
    return ngettext(
        "%(num)s answer was left out because it is not scrubbed yet.",
        "%(num)s answers were left out because they are not scrubbed yet.",
        waiting,
    )


@bp.route("/antwoorden/<int:answer_id>", methods=["GET", "POST"])
@requires(Permission.CODE_ANSWERS)
def code_answer(answer_id):
    survey, question = load_answer_question(answer_id)
    item_code = question.item_code
    coded = _coded(survey, item_code, answer_id)
    if agreement.blind_for(answer_id, current_user.id) is not None:
        flash(_("You code this answer blind, as second coder."), "success")
        return redirect(url_for("coding.second_coding", answer_id=answer_id))
    link = codebooks.question_codebook(survey.id, item_code)
    f = listing.AnswerFilter.from_args(request.args)
    if answers.waits_for_scrubbing(answers.answer_of(answer_id)):
        if request.method == "POST":
            refuse_waiting_answer()
            return redirect(url_for("coding.code_answer", answer_id=answer_id, **f.as_args()))
        return _render_answer(survey, question, coded, link, None, f)
    form = _coding_form(coded, link)
    if form.validate_on_submit():
        try:
            assign.confirm_coding(
                coded,
                lock_version=int(form.lock_version.data),
                coder_id=current_user.id,
                theme_ids=form.themes.data or [],
                kinds=[RemarkKind(k) for k in form.kinds.data or []],
                sentiment=Sentiment(form.sentiment.data) if form.sentiment.data else None,
            )
            db.session.commit()
        except (assign.StaleCoding, StaleDataError):
            db.session.rollback()
            flash(
                _(
                    "Someone else saved this answer while you had it open. You now see their version; "
                    "check it and confirm again."
                ),
                "error",
            )
            return redirect(url_for("coding.code_answer", answer_id=answer_id, **f.as_args()))
        if jobs.maybe_queue_training(survey.id, item_code, current_user.id) is not None:
            record("coding.retrain", survey, item_code=item_code, automatic=True)
            db.session.commit()  # the training job starts after this commit
        flash(_("Answer confirmed."), "success")
        return redirect(_after_confirm(survey, item_code, answer_id, f, link))
    return _render_answer(survey, question, coded, link, form, f)


def _coded(survey, item_code: str, answer_id: int) -> CodedAnswer:
    """The answer's coding row, made now if nobody opened the question yet (404 outside it)."""
    if jobs.code_answers(survey, item_code, [answer_id]):
        db.session.commit()
    return load_coded(survey, item_code, answer_id)


def _coding_form(coded: CodedAnswer, link) -> CodeAnswerForm:
    if request.method == "GET":
        return _opening_form(coded, link)
    form = CodeAnswerForm()
    form.themes.choices = [(t.id, t.label) for t in _themes(link)]
    return form


def _opening_form(coded: CodedAnswer, link) -> CodeAnswerForm:
    """The coding form as the answer opens: what counts now is ticked, so Enter accepts it."""
    form = CodeAnswerForm(formdata=None)
    form.themes.choices = [(t.id, t.label) for t in _themes(link)]
    threshold = link.auto_threshold if link is not None and link.auto_threshold is not None else 0.5
    form.themes.data = [c.theme_id for c in coded.codes if _precheck(c, coded, threshold)]
    form.sentiment.data = coded.sentiment.value if coded.sentiment != Sentiment.UNKNOWN else None
    form.kinds.data = [k.kind.value for k in coded.kinds if k.verified or not coded.verified]
    form.lock_version.data = str(coded.lock_version)
    return form


def _precheck(code, coded: CodedAnswer, threshold: float) -> bool:
    """Rule and human codes, and model codes at or above the threshold (0.5 until one is chosen)."""
    if coded.verified:
        return code.verified
    return code.source != Source.MODEL or (code.probability or 0) >= threshold


def _after_confirm(survey, item_code, answer_id, f, link) -> str:
    stmt = listing.filtered(survey.id, item_code, f, link.auto_threshold if link else None)
    _before, after = listing.neighbours(stmt, answer_id)
    if after is None:
        return url_for("coding.list_answers", survey_id=survey.id, item_code=item_code, **f.as_args())
    return url_for("coding.code_answer", answer_id=after, **f.as_args())


def _render_answer(survey, question, coded, link, form, f, raw_text=None):
    answer = answers.answer_of(coded.answer_id)
    stmt = listing.filtered(survey.id, question.item_code, f, link.auto_threshold if link else None)
    before, after = listing.neighbours(stmt, coded.answer_id)
    return render_template(
        "coding/answer.html",
        survey=survey,
        question=question,
        coded=coded,
        answer=answer,
        link=link,
        themes=_themes(link),
        codes={c.theme_id: c for c in coded.codes},
        kinds={k.kind.value: k for k in coded.kinds},
        form=form,
        filter=f,
        labels=LABELS,
        previous_id=before,
        next_id=after,
        raw_text=raw_text,
        waiting=answers.waits_for_scrubbing(answer),
        progress=listing.progress(survey.id, question.item_code, link),
    )


@bp.post("/antwoorden/<int:answer_id>/origineel")
@requires(Permission.VIEW_RAW_TEXT)
def show_original(answer_id):
    """The raw text, on explicit request of someone allowed to see it; written to the audit log."""
    survey, question = load_answer_question(answer_id)
    item_code = question.item_code
    coded = _coded(survey, item_code, answer_id)
    if agreement.blind_for(answer_id, current_user.id) is not None:
        return redirect(url_for("coding.second_coding", answer_id=answer_id))
    link = codebooks.question_codebook(survey.id, item_code)
    record("coding.raw_view", survey, answer_id=answer_id, item_code=item_code)
    db.session.commit()
    answer = answers.answer_of(answer_id)
    f = listing.AnswerFilter.from_args(request.args)
    return _render_answer(survey, question, coded, link, _opening_form(coded, link), f, raw_text=answer.value)
