"""The HTML of a question on a respondent's screen, drawn once per process while nothing on it belongs to
the respondent.

A question that has no answer and no error yet looks the same for every respondent who sees the same
texts in the same language, so its HTML (the ``prompt`` macro of ``responses/_question.html``) is kept
under a key made of everything the macro reads: the page language (chrome and content: a Dutch text
inside an Arabic page carries its own lang), the heading level and every text,
option and setting of its fields. A question with piping (its texts may hold an earlier answer) and a
question with an answer or an error are drawn afresh every time, so nothing a respondent wrote is kept.

The page around a question screen (``render_screen_page``: the head, the header with the region and the
language switch, the footer) is kept the same way, under everything it reads; only the ``content`` block
is drawn per request. The link key is kept as a placeholder, so a personal link's secret is not kept.
"""

from __future__ import annotations

from types import SimpleNamespace

from flask import current_app, g, get_flashed_messages, render_template, request
from flask.signals import before_render_template, template_rendered
from flask_babel import get_locale

from survey.responses.display.piping import is_piped
from survey.responses.visits import KEY_MARK, PLAIN_KEY

#: kept questions per process; the whole store is dropped when full (published questionnaires are few)
PROMPTS_KEPT = 4096
_PROMPTS: dict[tuple, object] = {}


def question_macros():
    """The macros of ``responses/_question.html``, as ``{% import %}`` without context gives them (the
    template's module, made once per loaded template)."""
    return current_app.jinja_env.get_template("responses/_question.html").module


def cached_prompt(macro, view, form, level):
    """``macro(view, form, level)``, from the store when the question holds nothing of the respondent's."""
    key = _blank_key(view, form, level)
    if key is None:
        return macro(view, form, level)
    html = _PROMPTS.get(key)
    if html is None:
        if len(_PROMPTS) >= PROMPTS_KEPT:
            _PROMPTS.clear()
        html = _PROMPTS[key] = macro(view, form, level)
    return html


def _blank_key(view, form, level) -> tuple | None:
    """Everything the macro reads, or None when a field has an answer, a value or an error, or a text is piped."""
    if is_piped(view.prompt.question):
        return None
    fields = []
    for spec in view.fields:
        for name in (spec.name, spec.other_name):
            if name is not None and (form[name].errors or form[name].data not in (None, "", [])):
                return None
        fields.append(
            (
                spec.name,
                spec.widget,
                spec.label,
                spec.required,
                tuple(spec.options),
                tuple(spec.escapes),
                tuple(spec.faces.items()),
                spec.other_name,
                spec.max_length,
                spec.low_label,
                spec.high_label,
            )
        )
    return (
        str(get_locale()),
        g.get("html_lang"),
        level,
        view.is_info,
        view.title,
        view.hint,
        view.caption,
        tuple(fields),
    )


#: kept page chromes per process (per survey screen, language and region texts); dropped when full
CHROMES_KEPT = 1024
_CHROMES: dict[tuple, tuple[str, str]] = {}
_CONTENT_MARK = "\x00content\x00"


def page_path() -> str:
    """The address of the page this response shows: the request's own, or, for a step the page's script sent
    and the next screen answers (``steps.views``), that screen's."""
    return g.get("screen_path") or request.path


def keeps_chrome(key: str) -> bool:
    """The page around this request's screen comes from the store: no one-time notices, no staff region,
    and a plain link key in the path."""
    return (
        g.get("region") is None
        and PLAIN_KEY.fullmatch(key) is not None
        and f"/{key}/" in page_path()
        and not get_flashed_messages()
    )


def render_screen_page(template_name: str, content: str | None = None, **context) -> str:
    """``render_template(template_name, **context)`` for a respondent's question screen, with the page around
    its ``content`` block from the per-process store (``content``: that block's HTML, already drawn). Drawn
    in full when the page shows one-time notices, belongs to a staff region, or its key is not plain."""
    key, path = context.get("key") or "", page_path()
    context["shown_path"] = path
    if not keeps_chrome(key):
        if content is not None:
            raise ValueError("a page drawn in full draws its content too")
        return render_template(template_name, **context)
    app = current_app._get_current_object()
    template = app.jinja_env.get_template(template_name)
    app.update_template_context(context)
    signals = bool(before_render_template.receivers or template_rendered.receivers)
    if signals:
        before_render_template.send(app, _async_wrapper=app.ensure_sync, template=template, context=context)
    chrome_key = _chrome_key(template_name, context, path.replace(f"/{key}/", f"/{KEY_MARK}/", 1))
    chrome = _CHROMES.get(chrome_key)
    if chrome is None:
        if len(_CHROMES) >= CHROMES_KEPT:
            _CHROMES.clear()
        chrome = _CHROMES[chrome_key] = _draw_chrome(template, context, chrome_key[-1])
    if content is None:
        content = template.environment.concat(template.blocks["content"](template.new_context(context)))
    html = chrome[0].replace(KEY_MARK, key) + content + chrome[1].replace(KEY_MARK, key)
    if signals:
        template_rendered.send(app, _async_wrapper=app.ensure_sync, template=template, context=context)
    return html


def _chrome_key(template_name: str, context: dict, masked_path: str) -> tuple:
    """Everything the page around the content reads (base.html and responses/base.html)."""
    region = g.get("brand_region")
    return (
        template_name,
        str(get_locale()),
        context.get("html_lang"),
        context.get("html_dir"),
        context["screen"].page_title,
        None if region is None else (region.slug, region.name, region.logo_mimetype),
        tuple(context.get("languages") or ()),
        context.get("language"),
        context.get("way"),
        masked_path,
    )


def _draw_chrome(template, context: dict, masked_path: str) -> tuple[str, str]:
    """The page with the key as a placeholder and the content block left out: the parts before and after."""
    masked = dict(
        context,
        key=KEY_MARK,
        shown_path=masked_path,
        request=SimpleNamespace(path=masked_path, endpoint=request.endpoint),
    )
    chrome_context = template.new_context(masked)
    chrome_context.blocks["content"] = [lambda _context: iter((_CONTENT_MARK,))]
    before, after = template.environment.concat(template.root_render_func(chrome_context)).split(_CONTENT_MARK)
    return before, after
