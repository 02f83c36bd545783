"""Reading a questionnaire document from plain data, with every problem named by place.

Used on save in the builder and on import: a document with any problem is refused whole.
Messages are English msgids with placeholders; the caller translates them.
"""

from __future__ import annotations

from typing import Any

from survey.questionnaires.content.document import (
    CODE_PATTERN,
    CONDITION_OPS,
    Condition,
    Document,
    DocumentError,
    Item,
    ListItem,
    Option,
    Question,
    Section,
)
from survey.questionnaires.content.registry import REGISTRY

MAX_QUESTIONS = 500
MAX_TEXT = 5000


class _Problems(list):
    def flag(self, where: str, msgid: str, **params):  # msgid extracted with the "flag:2" keyword
        self.append((where, msgid, params))


def parse_document(data: Any) -> Document:
    """A validated Document, or DocumentError listing every problem."""
    problems = _Problems()
    if not isinstance(data, dict):
        problems.flag("document", "The file does not contain a questionnaire.")
        raise DocumentError(list(problems))
    languages = data.get("languages") or ["nl"]
    if not isinstance(languages, list) or not all(isinstance(x, str) and 2 <= len(x) <= 8 for x in languages):
        problems.flag("languages", "The list of languages is not valid.")
        languages = ["nl"]
    lists = _lists(data.get("lists") or {}, problems)
    sections = []
    seen_codes: list[str] = []
    seen_sections: set[str] = set()
    raw_sections = data.get("sections")
    if not isinstance(raw_sections, list) or not raw_sections:
        problems.flag("sections", "The questionnaire has no sections.")
        raw_sections = []
    for s_index, raw in enumerate(raw_sections, start=1):
        where = f"sectie {s_index}"
        if not isinstance(raw, dict):
            problems.flag(where, "This section is not valid.")
            continue
        key = str(raw.get("key") or f"S{s_index}")
        if key in seen_sections:
            problems.flag(where, "Section key %(key)s is used twice.", key=key)
        seen_sections.add(key)
        repeat = raw.get("repeat") or None
        if repeat is not None and repeat not in lists:
            problems.flag(where, "The section repeats over list %(name)s, which does not exist.", name=repeat)
        condition = _condition(raw.get("condition"), where, seen_codes, problems)
        questions = []
        for q_index, raw_q in enumerate(raw.get("questions") or [], start=1):
            question = _question(raw_q, f"{where}, vraag {q_index}", seen_codes, problems)
            if question is not None:
                questions.append(question)
                seen_codes.extend(question.item_codes)
        sections.append(
            Section(
                key=key,
                title=_text(raw.get("title")),
                intro=_text(raw.get("intro")),
                questions=questions,
                condition=condition,
                repeat=repeat,
            )
        )
    if len(seen_codes) > MAX_QUESTIONS:
        problems.flag("document", "A questionnaire can have at most %(n)s questions.", n=MAX_QUESTIONS)
    if problems:
        raise DocumentError(list(problems))
    return Document(languages=languages, sections=sections, lists=lists)


def _text(value) -> dict[str, str]:
    if isinstance(value, str):
        return {"nl": value[:MAX_TEXT]} if value else {}
    if isinstance(value, dict):
        return {str(k): str(v)[:MAX_TEXT] for k, v in value.items() if v not in (None, "")}
    return {}


def _lists(raw, problems) -> dict[str, list[ListItem]]:
    result = {}
    if not isinstance(raw, dict):
        problems.flag("lists", "The lists for repeated blocks are not valid.")
        return result
    for name, items in raw.items():
        if not isinstance(items, list):
            problems.flag(f"lijst {name}", "This list is not valid.")
            continue
        result[str(name)] = [
            ListItem(key=str(i.get("key") or n), label=_text(i.get("label")))
            for n, i in enumerate(items, start=1)
            if isinstance(i, dict)
        ]
    return result


def _question(raw, where, seen_codes, problems) -> Question | None:
    if not isinstance(raw, dict):
        problems.flag(where, "This question is not valid.")
        return None
    code = str(raw.get("code") or "").strip()
    type_key = str(raw.get("type") or "").strip()
    if type_key not in REGISTRY:
        problems.flag(where, "Unknown question type %(type)s.", type=type_key or "—")
        return None
    qtype = REGISTRY[type_key]
    text = _text(raw.get("text"))
    if not text:
        problems.flag(where, "The question has no text.")
    if qtype.has_answer or code:
        _check_code(code, where, seen_codes, problems)
    options = [
        Option(str(o.get("code")), _text(o.get("label")))
        for o in raw.get("options") or []
        if isinstance(o, dict) and o.get("code") not in (None, "")
    ]
    if not options:
        options = qtype.new_options(raw.get("settings") or {})
    if qtype.needs_options and len(options) < 2:
        problems.flag(where, "A choice question needs at least two options.")
    if len({o.code for o in options}) != len(options):
        problems.flag(where, "Two options have the same code.")
    items = [
        Item(str(i.get("code") or "").strip(), _text(i.get("text")))
        for i in raw.get("items") or []
        if isinstance(i, dict)
    ]
    if qtype.grouped:
        if not items:
            problems.flag(where, "A group of statements needs at least one statement.")
        for item in items:
            _check_code(item.code, where, seen_codes + [code], problems)
            seen_codes = seen_codes + [item.code]
    settings = dict(qtype.settings)
    settings.update(raw.get("settings") or {})
    _check_settings(settings, len(options), where, problems)
    condition = _condition(raw.get("condition"), where, seen_codes, problems)
    return Question(
        code=code,
        type=type_key,
        text=text,
        domain=str(raw.get("domain") or ""),
        hint=_text(raw.get("hint")),
        required=bool(raw.get("required", qtype.has_answer)),
        options=options,
        items=items,
        settings=settings,
        condition=condition,
    )


def _check_code(code, where, seen_codes, problems):
    if not CODE_PATTERN.match(code or ""):
        problems.flag(
            where,
            "Item code %(code)s is not valid: use a letter followed by letters or digits, such as T1.",
            code=code or "—",
        )
    elif code in seen_codes:
        problems.flag(where, "Item code %(code)s is used twice.", code=code)


def _check_settings(settings, n_options, where, problems):
    low, high = _int(settings.get("min")), _int(settings.get("max"))
    if settings.get("min") not in (None, "") and low is None:
        problems.flag(where, "The minimum must be a number.")
    if settings.get("max") not in (None, "") and high is None:
        problems.flag(where, "The maximum must be a number.")
    if low is not None and high is not None and high and low > high:
        problems.flag(where, "The minimum is higher than the maximum.")
    length = settings.get("max_length")
    if length is not None and (_int(length) is None or not 1 <= _int(length) <= 100_000):
        problems.flag(where, "The maximum length must be a number between 1 and 100000.")


def _int(value):
    if value in (None, ""):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _condition(raw, where, seen_codes, problems) -> Condition | None:
    if not raw:
        return None
    if not isinstance(raw, dict) or raw.get("op") not in CONDITION_OPS:
        problems.flag(where, "The condition is not valid.")
        return None
    item = str(raw.get("item") or "")
    if item not in seen_codes:
        problems.flag(where, "The condition refers to %(code)s, which is not an earlier question.", code=item or "—")
        return None
    return Condition(item=item, op=raw["op"], value=raw.get("value"))
