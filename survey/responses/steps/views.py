"""The questions, the check page and "stop and continue later" (routes on the ``responses`` blueprint).

POST/redirect/GET throughout: every step is saved on the server when it is sent, so the browser's
back button, a closed tab or a dead battery lose nothing that was sent.
"""

import secrets

from flask import flash, g, make_response, redirect, render_template, request
from flask_babel import gettext as _
from flask_babel import ngettext
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from forms.respondent import build_step_form, plain_step_form
from forms.respondent_entry import SendForm
from survey.extensions import SELF_LIMITED_ENDPOINTS, db, limiter
from survey.responses import entries, services, storage
from survey.responses.blueprint import bp
from survey.responses.display.kept_screens import render_kept_step
from survey.responses.display.rendering import cached_prompt, question_macros, render_screen_page
from survey.responses.display.screens import check_rows, make_screen
from survey.responses.models import Response, ResponseStatus
from survey.responses.state import resume_hash, save_visit_step, state_of, store_new_answers
from survey.responses.views import (
    WAY,
    count_guess,
    refuse_guesser,
    render_problem,
    resume_number,
    started_elsewhere,
)
from survey.responses.visits import DONE_COOKIE, Visit, ensure_secret, forget_browser, open_visit, remember_browser

bp.add_app_template_global(cached_prompt)
bp.add_app_template_global(question_macros)

#: the buttons of a step: go on, go back (saving what is valid), or stop and continue later
NEXT, BACK, LATER = "volgende", "vorige", "later"
#: a step sent by the page's script asks for the next screen itself; the answer says where it is
SCREEN_HEADER, SCREEN_LOCATION = "X-Screen", "X-Screen-Location"


@bp.route(f"/{WAY}/vraag/<int:number>", methods=["GET", "POST"])
@limiter.exempt  # the shared "codes" limit is checked below, without the extension's work per request
def question(way, key, number):
    refuse_guesser()
    try:
        visit = open_visit(way, key)
        flow = visit.flow()
        if not len(flow):
            raise entries.EntryProblem("not_open", visit.survey, visit.language)
        reachable = min(visit.response.position, len(flow) - 1) if visit.response else 0
        if visit.response is None and ((number > 1 and request.method == "POST") or _done_here(visit)):
            raise entries.EntryProblem("used", visit.survey, visit.language)
        if started_elsewhere(visit):
            raise entries.EntryProblem("other_route", visit.survey, visit.language)
        if not 1 <= number <= reachable + 1:
            return redirect(visit.url("question", number=min(max(number, 1), reachable + 1)))
        if request.method == "POST":
            return _post_step(visit, flow.step(number - 1))
    except entries.EntryProblem as problem:
        if problem.kind == "unknown":
            count_guess()
        return render_problem(problem, way, key)
    ensure_secret(visit)
    return _render_step(visit, flow.step(number - 1))


SELF_LIMITED_ENDPOINTS.add("responses.question")


def _done_here(visit: Visit) -> bool:
    """This browser finished the open-link questionnaire (a marker cookie without any secret)."""
    return visit.uses_cookie and bool(request.cookies.get(DONE_COOKIE))


def _render_step(visit: Visit, step, form=None, status: int = 200):
    flow = visit.flow()
    piping = visit.piping()
    extra = {
        "lock": visit.response.lock_version if visit.response else "",
        "start": "" if visit.response else secrets.token_urlsafe(16),
    }
    back_to_check = request.args.get("terug") == "controle"
    page = render_kept_step(visit, flow, step, piping, extra, back_to_check) if form is None else None
    if page is None:
        screen = make_screen(visit.survey, flow, step, piping, form=form, extra=extra, languages=visit.languages)
        page = render_screen_page("responses/step.html", screen=screen, back_to_check=back_to_check, **visit.page())
    http_response = make_response(page, status)
    remember_browser(visit, http_response)
    return http_response


def _post_step(visit: Visit, step):
    piping = visit.piping()
    form = plain_step_form(step, piping, request.form)  # a valid step of plain questions, without WTForms
    valid = form is not None
    if form is None:
        form = build_step_form(step, piping, formdata=request.form)
        valid = form.validate()
    action = request.form.get("actie", NEXT)
    if action in (BACK, LATER):
        if form.token_refused():  # without a valid form token nothing is saved, not even a partial step
            return _render_step(visit, step, form=form)
        return _save_partial(visit, step, form, action)
    if not valid:
        return _render_step(visit, step, form=form)
    submitted = form.answers()
    stored_already = False
    if visit.response is not None and form.lock.data and form.lock.data != str(visit.response.lock_version):
        if not storage.same_as_stored(visit.response.rows, submitted):
            return _other_tab(visit, step)
        stored_already = True  # a double click whose twin saved the same answers: just go on
    if _may_complete(visit, step):
        services.note_finishing(visit.entry.invitation)  # its own transaction, before the answers' one
    try:  # the step's answers and, after the last step, the completion: one transaction
        if not stored_already:
            _store(visit, form, submitted, step.index + 1)
        target = _after_step(visit, step, in_place=_screen_asked(action))
        db.session.commit()
    except (StaleDataError, IntegrityError):
        db.session.rollback()
        if (twin := _twin_state(visit, submitted)) is not None:
            return _go_on_after_twin(visit, step, twin)
        return _finished_elsewhere(visit) or _other_tab(visit, step)
    _tell_ledger(visit)
    return target if target is not None else _next_screen_instead(visit, step)


def _screen_asked(action: str) -> bool:
    """The page's script sent this step (``X-Screen`` request header, sent by static/js/respondent.js on a
    screen of one question) with "Volgende": the next question's screen is the answer, not a redirect to it."""
    return action == NEXT and request.headers.get(SCREEN_HEADER) == "1"


def _next_screen_instead(visit: Visit, step):
    """The next question's screen itself instead of the redirect to it, for the page's script
    (``_screen_asked``): one request per screen instead of a POST and a GET. The script shows the page and
    puts its address (``X-Screen-Location``) in the browser's history. Without the header, and for anything
    but the next question (the check page, the end, another tab), the redirect stays (``_after_step``):
    POST/redirect/GET as before."""
    following = visit.url("question", number=step.index + 2)
    g.screen_path = following  # the page shows that screen's address (its language links), not this one's
    page = _render_step(visit, visit.flow().step(step.index + 1))  # sets this browser's cookie as the redirect did
    page.headers[SCREEN_LOCATION] = following
    return page


def _go_on_after_twin(visit: Visit, step, twin):
    """A double click whose twin stored the same answers a moment earlier: go where the twin went, from the
    response as the twin left it, instead of calling it another tab."""
    visit.response = twin
    visit.reload_answers()
    try:
        target = _after_step(visit, step)
        db.session.commit()
    except (StaleDataError, IntegrityError):
        db.session.rollback()
        return _finished_elsewhere(visit) or _other_tab(visit, step)
    _tell_ledger(visit)
    return target


def _store(visit: Visit, form, submitted, reached: int) -> None:
    kept = _kept(visit.response)
    try:
        _store_step(visit, form, submitted, reached)
    except (StaleDataError, IntegrityError):  # rolled back by the caller: the visit is as read again
        if kept is not None:
            visit.response.lock_version, visit.response.position, visit.response.rows = kept
        raise


def _kept(state):
    return None if state is None else (state.lock_version, state.position, dict(state.rows))


def _store_step(visit: Visit, form, submitted, reached: int) -> None:
    made_now = False
    if visit.response is None:
        ensure_secret(visit)
        started = services.start_response(
            visit.entry,
            language=visit.language,
            start_key=form.start.data or "",
            secret=visit.secret,
            today=services.local_today(),
            position=reached,
        )
        if isinstance(started, Response):  # a twin request made it: found again as the ORM response
            if visit.uses_cookie and started.resume_hash != resume_hash(visit.entry, visit.secret):
                visit.secret, visit.set_secret = services.bind_browser(started), True
            started = state_of(started)
        else:
            made_now = True  # by this request, already at this step
        visit.response = started
    if made_now:
        store_new_answers(visit.response, submitted)
    else:
        save_visit_step(visit.response, submitted, reached)
    visit.apply(submitted)


def _other_tab(visit: Visit, step):
    flash(
        _(
            "These questions are also open in another window or tab. We loaded the answers saved there. "
            "Check your answer and go on."
        ),
        "warning",
    )
    return redirect(visit.url("question", number=step.index + 1))


def _after_step(visit: Visit, step, in_place: bool = False):
    """Next step; or the check page; or, without a check page, the end. ``in_place``: None instead of the
    redirect to the next step, whose screen is then the answer itself (``_next_screen_instead``)."""
    flow = visit.flow()
    if request.args.get("terug") == "controle" and _none_missing_before(flow, visit.answers, step):
        target = redirect(visit.url("check"))
    elif step.index + 1 < len(flow):
        if in_place:
            return None
        target = redirect(visit.url("question", number=step.index + 2))
    elif visit.survey.show_check_page:
        target = redirect(visit.url("check"))
    else:
        return _complete(visit, flow)
    remember_browser(visit, target)
    return target


def _none_missing_before(flow, answers, step) -> bool:
    """No step up to this one leaves a required question open (back to the check page is allowed)."""
    missing = flow.first_missing(answers)
    return missing is None or missing > step.index


def _complete(visit: Visit, flow):
    """Make the response final (the caller commits), or send the respondent to a question still open."""
    missing = flow.first_missing(visit.answers)
    if missing is not None:
        flash(_("One question still needs an answer."), "warning")
        target = redirect(visit.url("question", number=missing + 1))
        remember_browser(visit, target)
        return target
    services.complete_visit(visit.response, flow, visit.survey, visit.entry.invitation)
    visit.completed = True
    target = redirect(visit.url("thanks", taal=visit.language))
    forget_browser(visit, target)
    return target


def _may_complete(visit: Visit, step) -> bool:
    """A personal invitee's last step on a questionnaire without a check page: this request may complete."""
    return (
        visit.entry.invitation is not None
        and step.index + 1 >= len(visit.flow())
        and not visit.survey.show_check_page
        and request.args.get("terug") != "controle"
    )


def _tell_ledger(visit: Visit) -> None:
    """After the answers' commit: a personal invitee's completion goes to the ledger, in its own transaction."""
    if visit.completed and visit.entry.invitation is not None:
        services.note_completed(visit.entry.invitation)


def _finished_elsewhere(visit: Visit):
    """A request that lost a race with one that completed the response (a double click on "Verzenden", or on
    the last step): it goes to the same thank-you page instead of an error."""
    if visit.response is None:
        return None
    status = db.session.scalar(select(Response.status).where(Response.id == visit.response.id))
    if status != ResponseStatus.COMPLETED:
        return None
    target = redirect(visit.url("thanks", taal=visit.language))
    forget_browser(visit, target)
    return target


def _save_partial(visit: Visit, step, form, action: str):
    """Back or later: keep every answer on this screen that is valid; ask nothing more."""
    answers = form.answers().items()
    partial = {key: value for key, value in answers if value[0] is not None and not _field_errors(form, key)}
    #: typed but not valid (an open answer over its limit, a number out of range): never dropped silently
    refused = [key for key, value in answers if (value[0] is not None or value[1]) and _field_errors(form, key)]
    if visit.response is not None or partial or (action == LATER and not refused):
        try:
            _store(visit, form, partial, step.index)
            db.session.commit()
        except (StaleDataError, IntegrityError):
            db.session.rollback()
            if not _twin_saved(visit, partial):  # a double click whose twin saved the same is no conflict
                return _finished_elsewhere(visit) or _other_tab(visit, step)
    if refused:  # the same page again, with what was typed and the message at each question
        flash(
            ngettext(
                "Not everything on this page was saved: %(num)s answer is too long or not valid. See the "
                "message at the question.",
                "Not everything on this page was saved: %(num)s answers are "
                "too long or not valid. See the messages at the questions.",
                len(refused),
            ),
            "warning",
        )
        return _render_step(visit, step, form=form)
    if action == LATER:
        return _later(visit)
    target = redirect(visit.url("question", number=step.index) if step.index else visit.url("welcome", intro=1))
    remember_browser(visit, target)
    return target


def _field_errors(form, key) -> bool:
    return any(
        spec.key == key and (form[spec.name].errors or (spec.other_name and form[spec.other_name].errors))
        for spec in form.specs()
    )


def _twin_saved(visit: Visit, partial) -> bool:
    """After a lost race: the response exists, is still in progress and holds exactly these answers."""
    return _twin_state(visit, partial) is not None


def _twin_state(visit: Visit, submitted):
    """After a lost race: the response as read again when it is still in progress and holds exactly these
    answers (a double click whose twin saved them), else None."""
    if visit.response is None:
        return None
    db.session.expire_all()
    response = db.session.get(Response, visit.response.id)
    if response is None or response.status != ResponseStatus.IN_PROGRESS:
        return None
    if not storage.same_as_stored(storage.rows_of(response), submitted):
        return None
    return state_of(response)


def _later(visit: Visit):
    code = services.new_resume_code(visit.response) if visit.uses_cookie else None
    db.session.commit()
    page = render_template("responses/later.html", code=code, **visit.page())
    http_response = make_response(page, 200)
    remember_browser(visit, http_response)
    return http_response


@bp.route(f"/{WAY}/controle", methods=["GET", "POST"])
def check(way, key):
    """The answers on one page, each with a link to change it; sending makes the response final."""
    try:
        visit = open_visit(way, key)
        if visit.response is None:
            raise entries.EntryProblem("used" if request.method == "POST" else "lost", visit.survey, visit.language)
    except entries.EntryProblem as problem:
        return render_problem(problem, way, key)
    flow = visit.flow()
    missing = flow.first_missing(visit.answers)
    if missing is not None or visit.response.position < len(flow):
        return redirect(visit.url("question", number=resume_number(visit)))
    form = SendForm()
    if request.method == "POST" and form.validate():
        if visit.entry.invitation is not None:
            services.note_finishing(visit.entry.invitation)  # its own transaction, before the completion
        try:
            target = _complete(visit, flow)
            db.session.commit()
        except (StaleDataError, IntegrityError):  # a double click: the other request sent it, or changed it
            db.session.rollback()
            return _finished_elsewhere(visit) or redirect(visit.url("check"))
        _tell_ledger(visit)
        return target
    return render_template("responses/check.html", form=form, rows=check_rows(flow, visit.piping()), **visit.page())
