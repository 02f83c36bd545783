"""Each answer on a page of several questions saved as it is given (route on the ``responses`` blueprint).

With JavaScript, ``static/js/keep.js`` sends the whole step form here after every answer, so closing
the browser in the middle of a page loses nothing. It is the same storage as sending the step
(``step_views._store``: an upsert per answer, a double send stores once, the first send finds the
response a double click made) with the step's own form token, lock and start key; it only never moves
the respondent on. Answers that are not valid yet are left as they were; the step checks them when it
is sent. The reply is JSON: the new lock, so the page's next send is not taken for another tab.
"""

from flask import jsonify, request
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from forms.respondent import build_step_form
from survey.extensions import db, limiter
from survey.responses import entries, storage
from survey.responses.blueprint import bp
from survey.responses.steps import views as step_views
from survey.responses.views import PROBLEM_STATUS, WAY, code_limit, started_elsewhere, unknown_link
from survey.responses.visits import Visit, open_visit, remember_browser


@bp.post(f"/{WAY}/vraag/<int:number>/bewaar")
@limiter.shared_limit(code_limit, scope="codes", deduct_when=unknown_link)
def keep_answers(way, key, number):
    """Store the valid answers of step ``number`` without going on; JSON ``{"status", "lock"}``."""
    try:
        visit = open_visit(way, key)
        step = _reachable_step(visit, number)
    except entries.EntryProblem as problem:
        return _reply(problem.kind, PROBLEM_STATUS.get(problem.kind, 410))
    if step is None:
        return _reply("not_here", 409)
    form = build_step_form(step, visit.piping(), formdata=request.form)
    form.validate()
    if form.token_refused():
        return _reply("expired", 400)
    submitted = {key: value for key, value in form.answers().items() if not step_views._field_errors(form, key)}
    if visit.response is None and all(value is None for value, _ in submitted.values()):
        return _reply("nothing", 200)
    if visit.response is not None and form.lock.data and form.lock.data != str(visit.response.lock_version):
        if storage.same_as_stored(visit.response.rows, submitted):
            return _reply("saved", 200, visit)
        return _reply("other_tab", 409)
    try:
        step_views._store(visit, form, submitted, step.index)
        db.session.commit()
    except (StaleDataError, IntegrityError):
        db.session.rollback()
        return _reply("other_tab", 409)
    except entries.EntryProblem as problem:
        db.session.rollback()
        return _reply(problem.kind, PROBLEM_STATUS.get(problem.kind, 410))
    reply = _reply("saved", 200, visit)
    remember_browser(visit, reply)
    return reply


def _reachable_step(visit: Visit, number: int):
    """The step, when the respondent may answer it now (as ``step_views.question`` decides), else None."""
    flow = visit.flow()
    if not len(flow):
        raise entries.EntryProblem("not_open", visit.survey, visit.language)
    if started_elsewhere(visit):
        raise entries.EntryProblem("other_route", visit.survey, visit.language)
    if visit.response is None and (number > 1 or step_views._done_here(visit)):
        raise entries.EntryProblem("used", visit.survey, visit.language)
    reachable = min(visit.response.position, len(flow) - 1) if visit.response else 0
    return flow.step(number - 1) if 1 <= number <= reachable + 1 else None


def _reply(status: str, code: int, visit: Visit | None = None):
    body = {"status": status}
    if visit is not None and visit.response is not None:
        body["lock"] = visit.response.lock_version
    reply = jsonify(body)
    reply.status_code = code
    reply.headers["Cache-Control"] = "no-store"
    return reply
