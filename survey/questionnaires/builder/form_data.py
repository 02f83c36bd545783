"""Between the question form and the document: a Question from form data, and form data from a Question.

Translations survive an edit: a text, option or statement keeps its other languages when its Dutch
text is edited (the translation page flags what needs a new look only when Dutch is missing).
"""

from __future__ import annotations

import re

from survey.questionnaires.content.document import Condition, Item, Option, Question
from survey.questionnaires.content.registry import REGISTRY
from survey.questionnaires.content.validation import normalise_condition

TYPE_SETTINGS = ("other", "min", "max", "faces", "max_length", "low_label", "high_label")
OPTION_CODE = re.compile(r"^[A-Za-z0-9_]{1,20}$")


def parse_lines(text: str) -> list[tuple[str, str]]:
    """Lines ``code=text`` (or just ``text``) → [(code or "", text)], empty lines skipped."""
    found = []
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        code, sep, label = line.partition("=")
        if sep and OPTION_CODE.match(code.strip()):
            found.append((code.strip(), label.strip()))
        else:
            found.append(("", line))
    return found


def form_data(question: Question) -> dict:
    """Initial values for the question form."""
    settings = question.settings
    condition = question.condition
    value = condition.value if condition else ""
    return {
        "type": question.type,
        "code": question.code,
        "text": question.text.get("nl", ""),
        "hint": question.hint.get("nl", ""),
        "domain": question.domain,
        "required": question.required,
        "options": "\n".join(f"{o.code}={o.label.get('nl', '')}" for o in question.options),
        "statements": "\n".join(f"{i.code}={i.text.get('nl', '')}" for i in question.items),
        "other": bool(settings.get("other")),
        "min": settings.get("min"),
        "max": settings.get("max"),
        "faces": str(settings.get("faces", 5)),
        "max_length": settings.get("max_length"),
        "low_label": settings.get("low_label", ""),
        "high_label": settings.get("high_label", ""),
        "condition_item": condition.item if condition else "",
        "condition_op": condition.op if condition else "is",
        "condition_value": ",".join(map(str, value)) if isinstance(value, list) else ("" if value is None else value),
    }


def build_question(data: dict, type_key: str, languages: list[str], existing: Question | None = None) -> Question:
    """A Question of ``type_key`` from the form's data, keeping translations of ``existing``."""
    qtype = REGISTRY[type_key]
    same_type = existing is not None and existing.type == type_key
    settings = _settings(data, type_key)
    question = Question(
        code=(data.get("code") or "").strip(),
        type=type_key,
        domain=(data.get("domain") or "").strip(),
        text=with_dutch(existing.text if existing else {}, data.get("text")),
        hint=with_dutch(existing.hint if existing else {}, data.get("hint")),
        required=bool(data.get("required")) and qtype.has_answer,
        settings=settings,
        condition=condition_from(data.get("condition")),
    )
    if qtype.needs_options:
        question.options = _options(data.get("options") or "", existing.options if existing else [])
    elif qtype.default_options is not None:
        unchanged = same_type and existing.settings.get("faces") == settings.get("faces")
        question.options = (
            existing.options
            if unchanged
            else [
                Option(o.code, {k: v for k, v in o.label.items() if k in languages})
                for o in qtype.new_options(settings)
            ]
        )
    if qtype.grouped:
        question.items = _items(data.get("statements") or "", question.code, existing.items if existing else [])
    return question


def _settings(data: dict, type_key: str) -> dict:
    settings = dict(REGISTRY[type_key].settings)
    for name in TYPE_SETTINGS:
        if name not in settings:
            continue
        value = data.get(name)
        if name == "faces":
            value = 3 if str(value) == "3" else 5
        elif name == "other":
            value = bool(value)
        elif name in ("min", "max") and type_key == "meerkeuze":
            value = value or 0
        elif name in ("low_label", "high_label"):
            value = (value or "").strip()
        elif name == "max_length" and value in (None, ""):
            value = settings[name]
        settings[name] = value
    return settings


def with_dutch(texts: dict, dutch: str | None) -> dict:
    result = {k: v for k, v in (texts or {}).items() if k != "nl"}
    dutch = (dutch or "").strip()
    return {"nl": dutch, **result} if dutch else result


def _options(text: str, existing: list[Option]) -> list[Option]:
    known = {o.code: o.label for o in existing}
    lines = parse_lines(text)
    taken = {code for code, _label in lines if code}
    options, n = [], 0
    for code, label in lines:
        if not code:
            n += 1
            while str(n) in taken:
                n += 1
            code = str(n)
            taken.add(code)
        options.append(Option(code, with_dutch(known.get(code, {}), label)))
    return options


def _items(text: str, group_code: str, existing: list[Item]) -> list[Item]:
    known = {i.code: i.text for i in existing}
    lines = parse_lines(text)
    taken = {code for code, _t in lines if code}
    items, n = [], 0
    for code, statement in lines:
        if not code:
            n += 1
            while f"{group_code}_{n}" in taken:
                n += 1
            code = f"{group_code}_{n}"
            taken.add(code)
        items.append(Item(code, with_dutch(known.get(code, {}), statement)))
    return items


def condition_from(raw: dict | None) -> Condition | None:
    if not raw or not raw.get("item"):
        return None
    condition = Condition(item=raw["item"], op=raw["op"], value=raw.get("value"))
    normalise_condition(condition)
    return condition
