"""One field builder per question kind (a type may have its own, looked up first).

Adding a question type is one registry entry, one builder here and one test (the tests are
parametrised over the registry). A builder returns the WTForms fields and a ``FieldSpec`` that tells
the template how to draw them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Optional

from analysis.scores.scales import ESCAPE_CODES
from forms.respondent_checks import ChoiceCheck, CountCheck, LengthCheck, NumberCheck, number_value
from survey.questionnaires.content.document import Question
from survey.questionnaires.content.registry import OTHER_CODE, REGISTRY
from survey.responses.display.piping import Piping, localized
from survey.responses.steps.flow import AnswerKey, Prompt

#: the smiley drawn for each stored code, by number of faces
FACES = {
    3: {"1": "sad", "2": "neutral", "3": "happy"},
    5: {"1": "very_sad", "2": "sad", "3": "neutral", "4": "happy", "5": "very_happy"},
}
DEFAULT_MAX_LENGTH = {"open_kort": 200, "open_lang": 5000}


@dataclass
class FieldSpec:
    """How one answer field looks: the template draws it from this."""

    name: str
    key: AnswerKey
    widget: str  # radio, scale, smiley, checkbox, text, textarea, number
    label: str
    required: bool
    options: list[tuple[str, str]] = field(default_factory=list)
    escapes: list[tuple[str, str]] = field(default_factory=list)
    faces: dict[str, str] = field(default_factory=dict)
    other_name: str | None = None
    max_length: int | None = None
    low_label: str = ""
    high_label: str = ""


@dataclass
class Context:
    question: Question
    piping: Piping
    prompt: Prompt

    @property
    def language(self) -> str:
        return self.piping.language

    def label(self, option) -> str:
        return localized(option.label, self.language) or option.code


def field_name(code: str, prompt: Prompt) -> str:
    """A unique form field name (and element id) for an item code, per repetition of a block."""
    if prompt.instance is None:
        return f"v-{code}"
    key = prompt.instance.key
    safe = re.sub(r"[^A-Za-z0-9_]", "_", key)[:30]
    if safe != key:
        safe += "_" + hashlib.sha256(key.encode()).hexdigest()[:6]
    return f"v-{code}-{safe}"


def _required(ctx: Context, message) -> list:
    return [InputRequired(message=message)] if ctx.question.required else [Optional()]


def _options(ctx: Context, offer_other: bool = False) -> tuple[list, list]:
    """(answer options, escape answers such as "weet ik niet") in the respondent's language."""
    options = [(o.code, ctx.label(o)) for o in ctx.question.options if o.code not in ESCAPE_CODES]
    escapes = [(o.code, ctx.label(o)) for o in ctx.question.options if o.code in ESCAPE_CODES]
    if offer_other and ctx.question.settings.get("other") and all(c != OTHER_CODE for c, _ in options):
        options.append((OTHER_CODE, str(_l("Other, namely"))))
    return options, escapes


def _add_other(spec: FieldSpec, fields: dict) -> None:
    if any(code == OTHER_CODE for code, _ in spec.options):
        spec.other_name = spec.name + "-anders"
        fields[spec.other_name] = StringField(_l("Other, namely"), filters=[_strip], validators=[LengthCheck(500)])


def _choice(ctx: Context, code: str, label: str, widget: str, offer_other: bool = False):
    name = field_name(code, ctx.prompt)
    options, escapes = _options(ctx, offer_other)
    choices = options + escapes
    validators = [*_required(ctx, _l("Choose an answer.")), ChoiceCheck([c for c, _ in choices])]
    spec = FieldSpec(name, (code, ctx.prompt.instance_key), widget, label, ctx.question.required, options, escapes)
    fields = {name: RadioField(label, choices=_choices(choices), validators=validators, validate_choice=False)}
    _add_other(spec, fields)
    return spec, fields


def build_agreement(ctx: Context, code: str, label: str):
    return _choice(ctx, code, label, "radio")


def build_scale(ctx: Context, code: str, label: str):
    spec, fields = _choice(ctx, code, label, "scale")
    spec.low_label = _setting_text(ctx, "low_label")
    spec.high_label = _setting_text(ctx, "high_label")
    return spec, fields


def _setting_text(ctx: Context, name: str) -> str:
    value = ctx.question.settings.get(name) or ""
    return localized(value, ctx.language) if isinstance(value, dict) else str(value)


def build_smiley(ctx: Context, code: str, label: str):
    spec, fields = _choice(ctx, code, label, "smiley")
    faces = FACES[3] if len(spec.options) == 3 else FACES[5]
    spec.faces = {c: faces.get(c, "neutral") for c, _ in spec.options}
    return spec, fields


def build_choice(ctx: Context, code: str, label: str):
    return _choice(ctx, code, label, "radio", offer_other=True)


def build_multi(ctx: Context, code: str, label: str):
    question = ctx.question
    name = field_name(code, ctx.prompt)
    options, escapes = _options(ctx, offer_other=True)
    choices = options + escapes
    low, high = _int(question.settings.get("min")), _int(question.settings.get("max"))
    if question.required:
        low = max(low or 0, 1)
    validators = [ChoiceCheck([c for c, _ in choices]), CountCheck(low, high)]
    spec = FieldSpec(name, (code, ctx.prompt.instance_key), "checkbox", label, question.required, options, escapes)
    fields = {name: SelectMultipleField(label, choices=_choices(choices), validators=validators, validate_choice=False)}
    _add_other(spec, fields)
    return spec, fields


def build_text(ctx: Context, code: str, label: str):
    question = ctx.question
    name = field_name(code, ctx.prompt)
    limit = _int(question.settings.get("max_length")) or DEFAULT_MAX_LENGTH.get(question.type, 5000)
    widget = "textarea" if question.type == "open_lang" else "text"
    validators = [
        DataRequired(message=_l("Fill in an answer.")) if question.required else Optional(),
        LengthCheck(limit),
    ]
    kind = TextAreaField if widget == "textarea" else StringField
    spec = FieldSpec(name, (code, ctx.prompt.instance_key), widget, label, question.required, max_length=limit)
    return spec, {name: kind(label, filters=[_strip], validators=validators)}


def build_number(ctx: Context, code: str, label: str):
    question = ctx.question
    name = field_name(code, ctx.prompt)
    low, high = number_value(question.settings.get("min")), number_value(question.settings.get("max"))
    validators = [
        DataRequired(message=_l("Fill in a number.")) if question.required else Optional(),
        NumberCheck(low, high),
    ]
    spec = FieldSpec(name, (code, ctx.prompt.instance_key), "number", label, question.required)
    return spec, {name: StringField(label, filters=[_strip], validators=validators)}


#: one builder per kind; a question type may have its own builder under its type key
FIELD_BUILDERS: dict[str, Callable] = {
    "agreement": build_agreement,
    "frequency": build_agreement,
    "grade": build_scale,
    "scale": build_scale,
    "smiley": build_smiley,
    "choice": build_choice,
    "multi": build_multi,
    "text": build_text,
    "number": build_number,
}


def builder_for(type_key: str) -> Callable | None:
    qtype = REGISTRY[type_key]
    return FIELD_BUILDERS.get(type_key) or FIELD_BUILDERS.get(qtype.kind)


def _choices(pairs: list[tuple[str, str]]) -> list[SelectChoice]:
    return [SelectChoice(code, label) for code, label in pairs]


def _strip(value):
    return value.strip() if isinstance(value, str) else value


def _int(value) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None
