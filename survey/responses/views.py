"""The respondent's pages (public blueprint ``responses``): ways in, welcome, privacy, thank-you and
the pages for links that cannot be used. The questions themselves are in steps/views.py; the staff
preview and interviewer entry in staff/views.py.

Ways in: a personal link ``/r/<token>`` (or the short code from a letter), the open link
``/v/<public_key>`` and a live poll ``/peiling/<code>``; ``/code`` takes a typed code.
"""

from functools import cache

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_limiter.util import get_remote_address
from limits import parse_many

from forms.respondent_entry import CodeForm, SendForm
from survey.extensions import csrf, db, limiter
from survey.fieldwork import ledger
from survey.i18n import text_direction
from survey.questionnaires.models import Survey
from survey.responses import entries, services
from survey.responses.blueprint import bp
from survey.responses.display.phones import phone_links
from survey.responses.display.piping import localized
from survey.responses.display.screens import CHROME_LANGUAGES, language_name
from survey.responses.display.wording import SAVED_BY_MODE, words
from survey.responses.models import Channel
from survey.responses.visits import COOKIE, DONE_COOKIE, open_visit, set_cookie, speak
from survey.tokens import normalise_short_code

bp.add_app_template_filter(phone_links, "phone_links")


@bp.context_processor
def respondent_texts():
    return {"words": words, "saved_by_mode": SAVED_BY_MODE, "text_direction": text_direction}


# Respondent forms carry their own CSRF token (FlaskForm) and re-render with the answers kept when it
# expired, instead of the global "page expired" error.
csrf.exempt(bp)

WAY = "<any(r, v, peiling):way>/<key>"
#: status of each kind of unusable link
PROBLEM_STATUS = {
    "unknown": 404,
    "not_open": 403,
    "closed": 410,
    "expired": 410,
    "used": 410,
    "other_route": 409,
    "lost": 410,
}


def code_limit() -> str:
    return current_app.config["CODE_RATE_LIMIT"]


@cache
def _code_limits(text: str) -> tuple:
    return tuple(parse_many(text))


def refuse_guesser() -> None:
    """The respondent's pages of a link check the shared "codes" limit themselves, with one look-up per
    limit in the limiter's store and nothing else: a 429 (as on the other ways in) for an address that
    failed too often, also when it now guesses right, so a blocked guesser learns nothing."""
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return
    strategy, address = limiter.limiter, get_remote_address()
    if not all(strategy.test(item, address, "codes") for item in _code_limits(code_limit())):
        abort(429)


def count_guess() -> None:
    """A link that leads nowhere counts against the address, as on every way in."""
    if current_app.config.get("RATELIMIT_ENABLED", True):
        strategy, address = limiter.limiter, get_remote_address()
        for item in _code_limits(code_limit()):
            strategy.hit(item, address, "codes")


def unknown_link(response) -> bool:
    """Only failed attempts count towards the limit, so a room full of people can join one poll."""
    return response.status_code == 404


def failed_code(response) -> bool:
    """A typed code that led nowhere (a good code redirects)."""
    return request.method == "POST" and response.status_code not in (302, 303)


def render_problem(problem: entries.EntryProblem, way: str = "", key: str = ""):
    """A clear page for a link that cannot be used; never says whether a token exists for someone else."""
    survey = problem.survey
    language = request.args.get("taal") or problem.language
    if survey is None or language not in (
        survey.published_version.document.get("languages", ["nl"]) if survey.published_version else ["nl"]
    ):
        language = "nl"
    speak(language, survey.region_id if survey else None)
    if survey is None:
        way = key = ""  # nothing on the page depends on the link itself
    return render_template(
        "responses/problem.html",
        kind=problem.kind,
        survey=survey,
        language=language,
        way=way,
        key=key,
        title_text=localized(survey.title, language) if survey else "",
        address=_address(survey),
        started_with=_started_with(problem.kind, way, key),
    ), PROBLEM_STATUS.get(problem.kind, 410)


def _started_with(kind: str, way: str, key: str) -> str:
    """For "other route": the way the respondent started, the other one than this link ("code" or "link")."""
    if kind != "other_route" or way != "r":
        return ""
    return "link" if entries._looks_like_short_code(key) else "code"  # noqa: SLF001 - the one rule for it


def _address(survey: Survey | None) -> str:
    return survey.address_form.value if survey is not None else "u"


@bp.get(f"/{WAY}")
@limiter.shared_limit(code_limit, scope="codes", deduct_when=unknown_link)
def welcome(way, key):
    try:
        visit = open_visit(way, key)
    except entries.EntryProblem as problem:
        return render_problem(problem, way, key)
    if visit.response is not None and not request.args.get("intro"):
        flash(words(_address(visit.survey))["welcome_back"], "success")
        return redirect(visit.url("question", number=resume_number(visit)))
    if started_elsewhere(visit):
        return render_problem(entries.EntryProblem("other_route", visit.survey, visit.language), way, key)
    if visit.uses_cookie and request.cookies.get(DONE_COOKIE):
        return render_problem(entries.EntryProblem("used", visit.survey, visit.language), way, key)
    if way == "peiling":
        return redirect(visit.url("question", number=1, taal=visit.language))
    return render_welcome(visit, CodeForm(formdata=None))


def started_elsewhere(visit) -> bool:
    """A personal invitation started with its other secret (link versus short code)."""
    invitation = visit.entry.invitation
    if invitation is None or visit.response is not None:
        return False
    state = ledger.state(invitation)
    return state.started and state.route != visit.entry.route


def render_welcome(visit, code_form):
    survey = visit.survey
    return render_template(
        "responses/welcome.html",
        survey=survey,
        code_form=code_form,
        text=lambda attribute: localized(getattr(survey, attribute), visit.language),
        **visit.page(),
    )


def resume_number(visit) -> int:
    """The step to resume at: where the respondent stopped, or the first question still open."""
    flow = visit.flow()
    position = min(visit.response.position, max(len(flow) - 1, 0))
    missing = flow.first_missing(visit.answers)
    if missing is not None and missing < position:
        position = missing
    return position + 1


@bp.get(f"/{WAY}/privacy")
def privacy(way, key):
    try:
        visit = open_visit(way, key)
    except entries.EntryProblem as problem:
        if problem.survey is None:
            return render_problem(problem, way, key)
        visit = None
        survey, language = problem.survey, "nl"
    if visit is not None:
        survey, language = visit.survey, visit.language
    return render_template(
        "responses/privacy.html",
        survey=survey,
        language=language,
        way=way,
        key=key,
        statement=localized(survey.privacy_statement, language),
        title_text=localized(survey.title, language),
        address=_address(survey),
    )


@bp.get(f"/{WAY}/klaar")
def thanks(way, key):
    """Thank-you page for whoever finished: this browser on an open link or poll (its marker cookie), the
    invitee on a used personal link, also after closing; it shows nothing of the answers. Anyone else goes
    to the start of the survey, so the page never says whether someone else answered."""
    try:
        survey, used = entries.find_entry(way, key, services.local_today()).survey, False
    except entries.EntryProblem as problem:
        if problem.survey is None or problem.kind not in ("used", "closed"):
            return render_problem(problem, way, key)
        survey, used = problem.survey, problem.kind == "used"
    languages = (survey.published_version.document.get("languages") or ["nl"]) if survey.published_version else ["nl"]
    language = request.args.get("taal") if request.args.get("taal") in languages else "nl"
    finished = used if entries.WAYS[way] == Channel.PERSONAL else bool(request.cookies.get(DONE_COOKIE))
    if not finished:
        wanted = {"taal": language} if "taal" in request.args else {}
        return redirect(url_for("responses.welcome", way=way, key=key, **wanted))
    speak(language, survey.region_id)
    return render_template(
        "responses/thanks.html",
        survey=survey,
        language=language,
        help_text=localized(survey.help_text, language),
        way=way,
        key=key,
        title_text=localized(survey.title, language),
        address=_address(survey),
    )


@bp.post(f"/{WAY}/opnieuw")
def start_over(way, key):
    """Open link on a shared device: someone else wants to fill in after a finished response."""
    if not SendForm().validate():
        return redirect(url_for("responses.welcome", way=way, key=key))
    target = redirect(url_for("responses.welcome", way=way, key=key))
    if way != "r":
        target.delete_cookie(DONE_COOKIE, path=url_for("responses.welcome", way=way, key=key))
    return target


@bp.route("/code", methods=["GET", "POST"])
@limiter.shared_limit(code_limit, scope="codes", methods=["POST"], deduct_when=failed_code)
def enter_code():
    """The code from a letter, a resume code, or the code of a live poll."""
    language = request.args.get("taal") if request.args.get("taal") in CHROME_LANGUAGES else "nl"
    speak(language)
    form = CodeForm(
        formdata=request.form if request.method == "POST" else None, data={"code": request.args.get("code", "")[:40]}
    )
    if request.method == "POST" and form.validate():
        target = _code_target(form.code.data, language)
        if target is not None:
            db.session.commit()
            return target
        form.code.errors.append(_("We do not know this code. Check that you typed it as it is written."))
    return render_template(
        "responses/code.html",
        form=form,
        language=language,
        languages=[(code, language_name(code)) for code in CHROME_LANGUAGES],
    ), 200


def _code_target(code: str, language: str = "nl"):
    """Where a typed code leads: the personal way in, the survey a resume code belongs to, or a poll."""
    if ledger.invitation_for_short_code(code) is not None:
        wanted = {"taal": language} if language != "nl" else {}
        return redirect(url_for("responses.welcome", way="r", key=normalise_short_code(code), **wanted))
    response = services.response_for_code(code)
    if response is not None:
        return _resume_in_browser(response)
    survey = entries.poll_survey(code)
    if survey is not None:
        return redirect(url_for("responses.welcome", way="peiling", key=survey.poll_code))
    return None


def _resume_in_browser(response):
    """Bind this browser to the response of a resume code and continue where it stopped."""
    survey = db.session.get(Survey, response.survey_id)
    if response.channel == Channel.POLL and survey.poll_code:
        way, key = "peiling", survey.poll_code
    elif survey.public_key:
        way, key = "v", survey.public_key
    else:
        return None
    secret = services.bind_browser(response)
    target = redirect(url_for("responses.welcome", way=way, key=key))
    set_cookie(target, COOKIE, secret, url_for("responses.welcome", way=way, key=key))
    target.delete_cookie(DONE_COOKIE, path=url_for("responses.welcome", way=way, key=key))
    return target


@bp.post(f"/{WAY}/herstel")
@limiter.shared_limit(code_limit, scope="codes", deduct_when=failed_code)
def resume_with_code(way, key):
    """The resume-code form on the welcome page of an open link."""
    try:
        visit = open_visit(way, key)
    except entries.EntryProblem as problem:
        return render_problem(problem, way, key)
    form = CodeForm()
    if form.validate():
        response = services.response_for_code(form.code.data)
        if response is not None and response.survey_id == visit.survey.id:
            target = _resume_in_browser(response)
            if target is not None:
                db.session.commit()
                return target
        form.code.errors.append(_("We do not know this code. Check that you typed it as it is written."))
    return render_welcome(visit, form), 200
