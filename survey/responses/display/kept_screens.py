"""The content of a question screen that holds nothing of the respondent yet, drawn once per process.

A screen whose questions have no answer and no error looks the same for every respondent who sees it in
the same language at the same point of the same path, in every display mode (one question per screen, a
section per page, all on one page), except for a few values: the form token, the response's lock, the start
key, the link key in the save-as-you-go address and, one question per screen, the answer shown from the
screen before. Its HTML is kept with a mark in place of each of those, under a key
made of everything else the ``content`` block of ``responses/step.html`` reads; each request puts its own
values in (escaped as the template would). The marks go in on the very first drawing too, so the first
respondent gets the same path as every later one.

A screen is drawn in full (``make_screen``) when it holds an answer, a piped question or a section text that
pipes an answer, or when its page is drawn in full anyway (``rendering.keeps_chrome``).
"""

from __future__ import annotations

import dataclasses
import re
from types import SimpleNamespace

from flask import current_app, g, request
from flask_babel import get_locale
from markupsafe import escape

from forms.respondent import describe_step, is_kept_description, screen_token
from survey.responses.display.piping import Piping, localized, pipes_respondent
from survey.responses.display.rendering import keeps_chrome, render_screen_page
from survey.responses.display.screens import is_conversational, make_screen, previous_answer, section_texts
from survey.responses.steps.flow import Flow, Step, progress_of
from survey.responses.visits import KEY_MARK, Visit

TEMPLATE = "responses/step.html"
#: what differs per request, as letters only (unchanged by HTML escaping and URL quoting)
TOKEN_MARK, LOCK_MARK, START_MARK, PREVIOUS_MARK = "qQzToKeNzQq", "qQzLoCkzQq", "qQzStArTzQq", "qQzPrEvIoUszQq"
_MARKS = re.compile(f"({KEY_MARK}|{TOKEN_MARK}|{LOCK_MARK}|{START_MARK}|{PREVIOUS_MARK})")
#: kept screens per process; the whole store is dropped when full
SCREENS_KEPT = 2048
_SCREENS: dict[tuple, tuple[list, list[str], str]] = {}


def render_kept_step(visit: Visit, flow: Flow, step: Step, piping: Piping, extra: dict, back_to_check: bool):
    """The page of a step without answers or errors from the kept content, or None when it is drawn in full."""
    if not keeps_chrome(visit.entry.key):
        return None
    app = current_app._get_current_object()
    views = describe_step(step, piping)
    if app.jinja_env.auto_reload or not is_kept_description(step, piping, views):
        return None
    if any(key in piping.answers or key in piping.others for key in step.keys):
        return None
    sections = {id(prompt.section): prompt.section for prompt in step.prompts} | {id(step.section): step.section}
    if any(pipes_respondent(section.title) or pipes_respondent(section.intro) for section in sections.values()):
        return None  # a section text that shows an answer is drawn per respondent, as a piped question is
    token = screen_token()
    previous = previous_answer(flow, step, piping) if is_conversational(flow) and step.index > 0 else None
    key = _screen_key(app, visit, flow, step, piping, token is None, previous is None, back_to_check)
    kept = _SCREENS.get(key)
    if kept is None or kept[0] is not views:
        kept = _draw(key, visit, flow, step, piping, back_to_check, previous is not None)
    values = {
        KEY_MARK: visit.entry.key,
        TOKEN_MARK: str(escape(token or "")),
        LOCK_MARK: str(escape(extra["lock"])),
        START_MARK: str(escape(extra["start"])),
        PREVIOUS_MARK: str(escape(previous[1])) if previous else "",
    }
    parts = kept[1]
    content = "".join(part if index % 2 == 0 else values[part] for index, part in enumerate(parts))
    screen = SimpleNamespace(page_title=kept[2])
    return render_screen_page(TEMPLATE, content=content, screen=screen, back_to_check=back_to_check, **visit.page())


def _screen_key(app, visit, flow, step, piping, no_token, no_previous, back_to_check) -> tuple:
    """Everything the content block and the page title read besides the marked values."""
    section_title, section_intro, breaks = section_texts(flow, step, piping)
    progress = progress_of(flow, step)
    survey = visit.survey
    return (
        id(app),
        request.script_root,
        str(get_locale()),
        g.get("html_lang"),
        g.get("html_dir"),
        piping.language,
        tuple(id(prompt) for prompt in step.prompts),
        step.index,
        len(flow),
        (progress.kind, progress.current, progress.total),
        flow.mode,
        _marked(section_title),
        _marked(section_intro),
        tuple((index, _marked(title), _marked(intro)) for index, (title, intro) in sorted(breaks.items())),
        _marked(localized(survey.title, piping.language)),
        survey.show_check_page,
        survey.audience,
        visit.entry.way,
        back_to_check,
        no_token,
        no_previous,
    )


def _marked(text: str) -> tuple:
    return str(text), getattr(text, "lang", None)


def _draw(key, visit, flow, step, piping, back_to_check, has_previous) -> tuple[list, list[str], str]:
    """The content with marks, drawn by the template from a screen made as ``make_screen`` makes it."""
    masked = dataclasses.replace(visit, entry=dataclasses.replace(visit.entry, key=KEY_MARK))
    screen = make_screen(
        visit.survey,
        flow,
        step,
        piping,
        extra={"lock": LOCK_MARK, "start": START_MARK},
        languages=visit.languages,
    )
    if has_previous:
        screen.previous = (screen.previous[0], PREVIOUS_MARK)
    token = screen.form.csrf_token.current_token if hasattr(screen.form, "csrf_token") else None
    app = current_app._get_current_object()
    template = app.jinja_env.get_template(TEMPLATE)
    context = dict(masked.page(), screen=screen, back_to_check=back_to_check, visit=masked, key=KEY_MARK)
    app.update_template_context(context)
    content = template.environment.concat(template.blocks["content"](template.new_context(context)))
    if token:
        content = content.replace(token, TOKEN_MARK)
    if len(_SCREENS) >= SCREENS_KEPT:
        _SCREENS.clear()
    kept = _SCREENS[key] = (screen.form.views, _MARKS.split(content), screen.page_title)
    return kept
