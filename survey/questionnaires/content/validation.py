"""Checks on top of parse_document: piping refers to earlier items, and what publishing needs.

Problems use the same (place, msgid, params) form as parse_document, so the builder and the import
show them the same way. The msgids are extracted with the ``flag:2`` keyword.
"""

from __future__ import annotations

import copy
from typing import Any

from survey.questionnaires.content.document import PIPE_PATTERN, Condition, Document, DocumentError, Section
from survey.questionnaires.content.parsing import parse_document
from survey.questionnaires.content.registry import REGISTRY


class Problems(list):
    """(place, msgid, params) problems; ``flag`` returns the list so a single problem can be raised at once:
    ``raise DocumentError(Problems().flag("bestand", "…"))``."""

    def flag(self, where: str, msgid: str, **params) -> Problems:
        self.append((where, msgid, params))
        return self


def validate_document(data: Any) -> Document:
    """A fully checked Document (structure, codes, conditions and piping), or DocumentError."""
    wrong = shape_problems(data)
    if wrong:
        raise DocumentError(list(wrong))
    document = parse_document(copy.deepcopy(data))
    problems = piping_problems(document)
    for where, condition in _conditions(document):
        if condition.op in ("gte", "lte") and _number(condition.value) is None:
            problems.flag(where, "The condition needs a number to compare with.")
        normalise_condition(condition)
    if problems:
        raise DocumentError(list(problems))
    return document


#: what each part of a question must be in a file (None is always allowed: the part is left out)
QUESTION_SHAPE = {
    "code": (str,),
    "type": (str,),
    "domain": (str,),
    "text": (dict, str),
    "hint": (dict, str),
    "required": (bool,),
    "options": (list,),
    "items": (list,),
    "settings": (dict,),
    "condition": (dict,),
}
SECTION_SHAPE = {
    "key": (str,),
    "title": (dict, str),
    "intro": (dict, str),
    "condition": (dict,),
    "repeat": (str,),
    "questions": (list,),
}


def shape_problems(data: Any) -> Problems:
    """Parts of an imported document that have the wrong kind of value (a number where a list belongs …),
    found before anything else reads the document."""
    problems = Problems()
    if not isinstance(data, dict):
        return problems  # parse_document names this one
    if not isinstance(data.get("lists") or {}, dict) or not isinstance(data.get("sections") or [], list):
        return problems.flag("document", "The lists or sections of the questionnaire are not valid.")
    for s_index, section in enumerate(data.get("sections") or [], start=1):
        if not isinstance(section, dict):
            continue
        _check_shape(section, SECTION_SHAPE, f"sectie {s_index}", problems)
        questions = section.get("questions") if isinstance(section.get("questions"), list) else []
        for q_index, question in enumerate(questions, start=1):
            if isinstance(question, dict):
                where = f"sectie {s_index}, vraag {q_index}"
                _check_shape(question, QUESTION_SHAPE, where, problems)
                _check_parts(question, where, problems)
    return problems


def _check_shape(raw: dict, shape: dict, where: str, problems: Problems) -> None:
    for name, kinds in shape.items():
        if raw.get(name) is not None and not isinstance(raw[name], kinds):
            problems.flag(where, "The part %(name)s has the wrong kind of value.", name=name)


def _check_parts(question: dict, where: str, problems: Problems) -> None:
    for name in ("options", "items"):
        parts = question.get(name) if isinstance(question.get(name), list) else []
        if any(not isinstance(p, dict) or isinstance(p.get("code"), dict | list) for p in parts):
            problems.flag(where, "The part %(name)s has the wrong kind of value.", name=name)
    settings = question.get("settings") if isinstance(question.get("settings"), dict) else {}
    if "faces" in settings and str(settings["faces"]) not in ("3", "5"):
        problems.flag(where, "A smiley scale has 3 or 5 faces.")


def normalise_condition(condition: Condition) -> None:
    """One stored form per operator: is → text, in → list of texts, gte/lte → number, answered → None."""
    if condition.op == "answered":
        condition.value = None
    elif condition.op == "in":
        values = condition.value if isinstance(condition.value, list) else str(condition.value or "").split(",")
        condition.value = [str(v).strip() for v in values if str(v).strip()]
    elif condition.op == "is":
        condition.value = "" if condition.value is None else str(condition.value).strip()
    else:
        number = _number(condition.value)
        condition.value = int(number) if number is not None and number.is_integer() else number


def _number(value) -> float | None:
    try:
        return float(str(value).replace(",", ".").strip())
    except (TypeError, ValueError):
        return None


def _conditions(document: Document):
    for s_index, section in enumerate(document.sections, start=1):
        if section.condition:
            yield f"sectie {s_index}", section.condition
        for q_index, question in enumerate(section.questions, start=1):
            if question.condition:
                yield f"sectie {s_index}, vraag {q_index}", question.condition


def piping_problems(document: Document) -> Problems:
    """``{T1}`` must name an earlier question, outside a repeated block unless in the same block;
    ``{item}`` only works inside a repeated section."""
    problems = Problems()
    earlier: list[str] = []
    repeated: dict[str, str] = {}  # item code → key of the repeated section it belongs to
    for s_index, section in enumerate(document.sections, start=1):
        where = f"sectie {s_index}"
        for text in (*section.title.values(), *section.intro.values()):
            _check_text(text, where, section, earlier, repeated, problems)
        for q_index, question in enumerate(section.questions, start=1):
            q_where = f"{where}, vraag {q_index}"
            for text in _question_texts(question):
                _check_text(text, q_where, section, earlier, repeated, problems)
            earlier.extend(question.item_codes)
            if section.repeat:
                repeated.update({code: section.key for code in question.item_codes})
    return problems


def _question_texts(question):
    yield from question.text.values()
    yield from question.hint.values()
    for option in question.options:
        yield from option.label.values()
    for item in question.items:
        yield from item.text.values()


def _check_text(text: str, where: str, section: Section, earlier: list[str], repeated: dict, problems: Problems):
    for match in PIPE_PATTERN.finditer(text or ""):
        name = match.group(1)
        if name.startswith("var:"):
            continue
        if name == "item":
            if not section.repeat:
                problems.flag(where, "{item} only works in a section that repeats over a list.")
            continue
        if name not in earlier:
            problems.flag(where, "The text shows the answer to %(code)s, which is not an earlier question.", code=name)
        elif name in repeated and repeated[name] != section.key:
            problems.flag(
                where,
                "%(code)s is answered once per list item; its answer can only be shown "
                "inside the same repeated section.",
                code=name,
            )


def publish_problems(document: Document) -> Problems:
    """What must be true before respondents can see a version: something to answer, filled lists."""
    problems = Problems()
    if not any(REGISTRY[q.type].has_answer for q in document.questions()):
        problems.flag("document", "The questionnaire has no questions to answer yet.")
    for s_index, section in enumerate(document.sections, start=1):
        if section.repeat and not document.lists.get(section.repeat):
            problems.flag(
                f"sectie {s_index}",
                "The section repeats over list %(name)s, but that list is empty.",
                name=section.repeat,
            )
        for q_index, question in enumerate(section.questions, start=1):
            if not question.text.get("nl"):
                problems.flag(f"sectie {s_index}, vraag {q_index}", "The question has no Dutch text.")
    return problems
