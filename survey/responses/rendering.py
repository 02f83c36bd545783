"""The HTML of a question on a respondent's screen, drawn once per process while nothing on it belongs to
the respondent.

A question that has no answer and no error yet looks the same for every respondent who sees the same
texts in the same language, so its HTML (the ``prompt`` macro of ``responses/_question.html``) is kept
under a key made of everything the macro reads: the page language (chrome and content: a Dutch text
inside an Arabic page carries its own lang), the heading level and every text,
option and setting of its fields. A question with piping (its texts may hold an earlier answer) and a
question with an answer or an error are drawn afresh every time, so nothing a respondent wrote is kept.
"""

from __future__ import annotations

from flask import g
from flask_babel import get_locale

from survey.responses.piping import is_piped

#: kept questions per process; the whole store is dropped when full (published questionnaires are few)
PROMPTS_KEPT = 4096
_PROMPTS: dict[tuple, object] = {}


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
