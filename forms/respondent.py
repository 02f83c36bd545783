"""The respondent form, generated from the questions of one step.

Each question becomes fields through its type's builder in ``forms/respondent_fields.py``
(``FIELD_BUILDERS``); the form validates on the server with messages in the respondent's language
and never writes anything.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache

from flask import g
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField

from forms.respondent_checks import number_value
from forms.respondent_csrf import KeptCSRF, kept_csrf_token, made_here
from forms.respondent_fields import FIELD_BUILDERS, Context, FieldSpec, builder_for
from survey.i18n import wtforms_translations
from survey.questionnaires.content.registry import OTHER_CODE
from survey.responses.display.piping import Piping, is_piped, page_language
from survey.responses.steps.flow import AnswerKey, Prompt, Step

__all__ = [
    "FIELD_BUILDERS",
    "FieldSpec",
    "PlainStep",
    "PromptView",
    "StepForm",
    "build_step_form",
    "builder_for",
    "describe_prompt",
    "describe_step",
    "plain_step_form",
    "stored_to_form",
]


@dataclass
class PromptView:
    """One question on the screen: its text, hint and answer fields (none for an information text)."""

    prompt: Prompt
    title: str
    hint: str
    caption: str = ""  # the group's question above a statement shown on its own screen
    fields: list[FieldSpec] = field(default_factory=list)
    unbound: dict = field(default_factory=dict)

    @property
    def is_info(self) -> bool:
        return not self.fields


def describe_prompt(prompt: Prompt, piping: Piping) -> PromptView:
    """The screen description of one prompt: texts with piping and its answer fields."""
    question = prompt.question
    title = piping.text(question.text, prompt.instance)
    view = PromptView(prompt, title, piping.text(question.hint, prompt.instance))
    builder = builder_for(question.type)
    if builder is None or not prompt.has_answer:
        return view
    ctx = Context(question, piping, prompt)
    if question.items:
        targets = [(item.code, piping.text(item.text, prompt.instance)) for item in prompt.items]
        if len(prompt.items) == 1:
            view.caption, view.title = title, targets[0][1]
    else:
        targets = [(question.code, title)]
    for code, label in targets:
        spec, fields = builder(ctx, code, label)
        view.fields.append(spec)
        view.unbound.update(fields)
    return view


class StepForm(FlaskForm):
    """The answers of one step, plus the lock and start key that make double submits harmless."""

    class Meta:
        csrf_class = KeptCSRF

        def get_translations(self, form):
            return wtforms_translations

    lock = HiddenField()
    start = HiddenField()

    views: list[PromptView] = []

    def specs(self) -> list[FieldSpec]:
        return [spec for view in self.views for spec in view.fields]

    def token_refused(self) -> bool:
        """The form's CSRF token was missing or expired (after validate())."""
        return bool(self.csrf_token.errors) if hasattr(self, "csrf_token") else False

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        for spec in self.specs():
            if spec.other_name and OTHER_CODE in _as_list(self[spec.name].data) and not self[spec.other_name].data:
                self[spec.other_name].errors = [
                    *self[spec.other_name].errors,
                    _l("Fill in what you mean by \u2018other\u2019."),
                ]
                valid = False
        return valid

    def answers(self) -> dict[AnswerKey, tuple[object, str | None]]:
        """Each item's answer (None when left empty) and the text of "anders, namelijk"."""
        result = {}
        for spec in self.specs():
            value = self[spec.name].data
            if spec.widget == "number" and value:
                value = _number_text(value)
            if value in (None, "", [], "None"):
                value = None
            other = self[spec.other_name].data if spec.other_name else None
            if other and OTHER_CODE not in _as_list(value):
                other = None
            result[spec.key] = (value, other or None)
        return result

    def errors_in_order(self) -> list[tuple[str, str]]:
        """(element id to link to, message) for the error summary, in screen order; with several
        questions on the page each message names its question."""
        found = []
        specs = self.specs()
        for spec in specs:
            for name in (spec.name, spec.other_name):
                if name and self[name].errors:
                    target = name if spec.widget in ("text", "textarea", "number") or name != spec.name else f"{name}-0"
                    message = str(self[name].errors[0])
                    if len(specs) > 1:
                        message = str(_l("%(question)s: %(message)s", question=_short(spec.label), message=message))
                    found.append((target, message))
        if self.token_refused():
            found.insert(0, ("", str(_l("This page was open too long. Check your answer and send it again."))))
        return found


#: per process, for steps of a published questionnaire whose texts hold no pipe: the prompts (kept so their
#: ids stay their own), the screen description and the form class. Both hold only the questionnaire's texts
#: in one content language (messages are lazy, in the page's language when drawn), never an answer.
_COMPILED: dict[tuple, tuple[tuple[Prompt, ...], list[PromptView], type]] = {}
COMPILED_KEPT = 2048


def describe_step(step: Step, piping: Piping) -> list[PromptView]:
    """The screen description of a step; callers read it and never change it (it may be shared)."""
    return _compiled(step, piping)[0]


def build_step_form(
    step: Step, piping: Piping, data: dict | None = None, formdata=None, views: list[PromptView] | None = None
) -> StepForm:
    """The form of one step, filled with earlier answers (data) or what was just sent (formdata)."""
    if views is None:
        views, cls = _compiled(step, piping)
    else:
        kept = _COMPILED.get(_compiled_key(step, piping))
        cls = kept[2] if kept is not None and kept[1] is views else _form_class(views)
    form = cls(formdata=formdata, data=data or {})
    form.views = views
    return form


#: widgets whose sent value is checked here without binding a form: one option of a list, a line or a text
PLAIN_CHOICE = frozenset({"radio", "scale", "smiley"})
PLAIN_TEXT = frozenset({"text", "textarea"})


class _Sent:
    __slots__ = ("data", "errors")

    def __init__(self, data=None):
        self.data, self.errors = data, []


class PlainStep:
    """What the saving code reads of a ``StepForm`` whose every field was valid, made by ``plain_step_form``."""

    def __init__(self, views: list[PromptView], answers: dict, lock, start):
        self.views, self._answers = views, answers
        self.lock, self.start = _Sent(lock), _Sent(start)

    def specs(self) -> list[FieldSpec]:
        return [spec for view in self.views for spec in view.fields]

    def token_refused(self) -> bool:
        return False

    def answers(self) -> dict[AnswerKey, tuple[object, str | None]]:
        return dict(self._answers)

    def __getitem__(self, name: str) -> _Sent:
        return _Sent()  # no field has an error


def plain_step_form(step: Step, piping: Piping, formdata) -> PlainStep | None:
    """The sent step checked without WTForms' binding of each field, when every question on it is a choice
    of one option (without "anders, namelijk") or an open text and all is well: the form token is one this
    process signed for this session within its time limit, and each value is one of the question's options
    or a text within its length (stripped), an empty one only where no answer is required. The same checks
    as ``StepForm.validate``; None when any of them fails or needs a message, or for another kind of
    question, and the caller builds the ``StepForm``, which gives the message (and checks the token again)."""
    meta = _step_form_base()[1]()
    if meta.csrf and not (g.get("csrf_valid", False) or made_here(meta, formdata.get(meta.csrf_field_name))):
        return None
    views = describe_step(step, piping)
    answers = {}
    for view in views:
        for spec in view.fields:
            sent = formdata.getlist(spec.name)
            if spec.other_name or len(sent) > 1:
                return None
            value = sent[0] if sent else None
            if value is not None and value.strip() == "None":  # the form reads it as no answer
                return None
            if spec.widget in PLAIN_CHOICE:
                if value is None:
                    if spec.required:
                        return None
                elif not _is_option(spec, value):
                    return None
            elif spec.widget in PLAIN_TEXT and spec.max_length is not None:
                value = value.strip() if value is not None else ""
                if (spec.required and not value) or len(value) > spec.max_length:
                    return None
                value = value or None
            else:
                return None
            answers[spec.key] = (value, None)
    return PlainStep(views, answers, formdata.get("lock"), formdata.get("start"))


def _is_option(spec: FieldSpec, value: str) -> bool:
    return any(code == value for code, _ in spec.options) or any(code == value for code, _ in spec.escapes)


def is_kept_description(step: Step, piping: Piping, views: list[PromptView]) -> bool:
    """``views`` is the per-process description of this step (no piped text: the same for every respondent)."""
    kept = _COMPILED.get(_compiled_key(step, piping)) if piping.shared else None
    return kept is not None and kept[1] is views and all(a is b for a, b in zip(kept[0], step.prompts, strict=True))


def screen_token() -> str | None:
    """The form token a step form of this request carries (None when form tokens are off)."""
    meta = _step_form_base()[1]()
    return kept_csrf_token(meta.csrf_secret, meta.csrf_field_name) if meta.csrf else None


def _compiled_key(step: Step, piping: Piping) -> tuple:
    """The prompts, the content language and the page's language (a text in another language than the
    page is marked as foreign)."""
    return tuple(id(prompt) for prompt in step.prompts), piping.language, page_language(piping.language)


def _compiled(step: Step, piping: Piping) -> tuple[list[PromptView], type]:
    """Description and form class of a step: from the per-process store when the step belongs to a shared
    (published) document and none of its texts is piped, else made afresh."""
    key = _compiled_key(step, piping) if piping.shared else None
    kept = _COMPILED.get(key) if key is not None else None
    if kept is not None and all(a is b for a, b in zip(kept[0], step.prompts, strict=True)):
        return kept[1], kept[2]
    views = [describe_prompt(prompt, piping) for prompt in step.prompts]
    cls = _form_class(views)
    if key is not None and not any(is_piped(prompt.question) for prompt in step.prompts):
        if len(_COMPILED) >= COMPILED_KEPT:
            _COMPILED.clear()
        _COMPILED[key] = (step.prompts, views, cls)
    return views, cls


def _form_class(views: list[PromptView]) -> type:
    attrs = {name: unbound for view in views for name, unbound in view.unbound.items()}
    cls = type("GeneratedStepForm", (StepForm,), attrs)
    base_fields, meta = _step_form_base()
    # what WTForms' FormMeta would work out on first use (scanning dir() of the class), given directly
    cls._unbound_fields = base_fields + sorted(attrs.items(), key=lambda item: (item[1].creation_counter, item[0]))
    cls._wtforms_meta = meta
    return cls


@cache
def _step_form_base() -> tuple[list, type]:
    """StepForm's own fields in creation order and its combined Meta class, as FormMeta computes them."""
    fields = [
        (name, getattr(StepForm, name))
        for name in dir(StepForm)
        if not name.startswith("_") and hasattr(getattr(StepForm, name), "_formfield")
    ]
    fields.sort(key=lambda item: (item[1].creation_counter, item[0]))
    meta = type("Meta", tuple(c.Meta for c in StepForm.__mro__ if "Meta" in c.__dict__), {})
    return fields, meta


def stored_to_form(spec: FieldSpec, value, other_text: str | None) -> dict:
    """Form data for a field from a stored answer."""
    data = {spec.name: value}
    if spec.widget == "checkbox" and isinstance(value, str):
        data[spec.name] = json.loads(value)
    if spec.other_name:
        data[spec.other_name] = other_text or ""
    return data


def _short(text: str, limit: int = 70) -> str:
    text = text.rstrip(". ")
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _number_text(value: str) -> str:
    number = number_value(value)
    if number is None:
        return value
    return str(int(number)) if number == int(number) else repr(number)
