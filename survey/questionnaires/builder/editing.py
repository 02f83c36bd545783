"""Edits of a questionnaire document: sections and questions added, changed, moved, copied, removed.

Pure functions on a Document (no database); the caller validates the result with validate_document
and stores it only when it is valid, so a failing edit changes nothing.
"""

from __future__ import annotations

import copy
import re

from survey.questionnaires.content.document import Condition, Document, ListItem, Question, Section

UP, DOWN = "up", "down"
MAX_CODE = 20
LIST_NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


class NotFound(LookupError):
    """A section key or item code that is not in the document (the view answers 404)."""


def section(document: Document, key: str) -> Section:
    for candidate in document.sections:
        if candidate.key == key:
            return candidate
    raise NotFound(key)


def locate(document: Document, code: str) -> tuple[Section, int, Question]:
    """The section, position and question with this code (a group's own code, not a statement's)."""
    for candidate in document.sections:
        for index, question in enumerate(candidate.questions):
            if question.code == code and code:
                return candidate, index, question
    raise NotFound(code)


def taken_codes(document: Document) -> set[str]:
    return {code for q in document.questions() for code in [q.code, *q.item_codes] if code}


def free_code(base: str, taken: set[str]) -> str:
    """``base`` if free, else base_2, base_3 … (kept within the 20 characters of an item code)."""
    if base and base not in taken:
        return base
    stem = (base or "V")[: MAX_CODE - 4]
    n = 2
    while f"{stem}_{n}" in taken:
        n += 1
    return f"{stem}_{n}"


def next_code(document: Document, prefix: str = "V") -> str:
    """The next unused code V1, V2 … for a new question."""
    taken = taken_codes(document)
    n = 1
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"


def next_section_key(document: Document) -> str:
    keys = {s.key for s in document.sections}
    n = len(document.sections) + 1
    while f"S{n}" in keys:
        n += 1
    return f"S{n}"


def assign_missing_codes(document: Document) -> None:
    """Every question gets a code (information texts: I1, I2 …) so the builder can address it."""
    for question in document.questions():
        if not question.code:
            question.code = next_code(document, "I")


# sections -------------------------------------------------------------------------------------------


def add_section(document: Document, new: Section) -> Section:
    new.key = next_section_key(document)
    document.sections.append(new)
    return new


def update_section(document: Document, key: str, **fields) -> Section:
    target = section(document, key)
    for name, value in fields.items():
        setattr(target, name, value)
    return target


def move_section(document: Document, key: str, direction: str) -> None:
    index = document.sections.index(section(document, key))
    _swap(document.sections, index, direction)


def duplicate_section(document: Document, key: str) -> Section:
    """A copy right after the original, with a new key and new item codes."""
    original = section(document, key)
    clone = copy.deepcopy(original)
    clone.key = next_section_key(document)
    taken = taken_codes(document)
    for question in clone.questions:
        _recode(question, taken)
    document.sections.insert(document.sections.index(original) + 1, clone)
    return clone


def delete_section(document: Document, key: str) -> None:
    document.sections.remove(section(document, key))


# questions ------------------------------------------------------------------------------------------


def add_question(document: Document, section_key: str, question: Question) -> Question:
    section(document, section_key).questions.append(question)
    return question


def replace_question(document: Document, code: str, question: Question) -> Question:
    """Put the edited question in place; a changed item code is renamed everywhere it is used."""
    owner, index, old = locate(document, code)
    owner.questions[index] = question
    if old.code != question.code:
        rename_references(document, old.code, question.code)
    old_items = [i.code for i in old.items]
    new_items = [i.code for i in question.items]
    if len(old_items) == len(new_items):
        for before, after in zip(old_items, new_items, strict=True):
            if before != after:
                rename_references(document, before, after)
    return question


def move_question(document: Document, code: str, direction: str) -> None:
    """Up or down within the section; from the top or bottom of a section into the next one."""
    owner, index, question = locate(document, code)
    position = document.sections.index(owner)
    if direction == UP and index == 0 and position > 0:
        owner.questions.pop(index)
        document.sections[position - 1].questions.append(question)
    elif direction == DOWN and index == len(owner.questions) - 1 and position < len(document.sections) - 1:
        owner.questions.pop(index)
        document.sections[position + 1].questions.insert(0, question)
    else:
        _swap(owner.questions, index, direction)


def duplicate_question(document: Document, code: str) -> Question:
    owner, index, original = locate(document, code)
    clone = copy.deepcopy(original)
    _recode(clone, taken_codes(document))
    owner.questions.insert(index + 1, clone)
    return clone


def delete_question(document: Document, code: str) -> Question:
    owner, index, question = locate(document, code)
    return owner.questions.pop(index)


def _recode(question: Question, taken: set[str]) -> None:
    if question.code:
        question.code = free_code(question.code, taken)
        taken.add(question.code)
    for item in question.items:
        item.code = free_code(item.code, taken)
        taken.add(item.code)


def _swap(items: list, index: int, direction: str) -> None:
    other = index - 1 if direction == UP else index + 1
    if 0 <= other < len(items):
        items[index], items[other] = items[other], items[index]


# references -----------------------------------------------------------------------------------------


def rename_references(document: Document, old: str, new: str) -> None:
    """Conditions and piping that pointed at ``old`` point at ``new``."""
    if not old or not new or old == new:
        return
    pattern = re.compile(r"\{" + re.escape(old) + r"\}")
    for sec in document.sections:
        _rename_condition(sec.condition, old, new)
        sec.title = _rename_texts(sec.title, pattern, new)
        sec.intro = _rename_texts(sec.intro, pattern, new)
        for question in sec.questions:
            _rename_condition(question.condition, old, new)
            question.text = _rename_texts(question.text, pattern, new)
            question.hint = _rename_texts(question.hint, pattern, new)
            for option in question.options:
                option.label = _rename_texts(option.label, pattern, new)
            for item in question.items:
                item.text = _rename_texts(item.text, pattern, new)


def _rename_condition(condition: Condition | None, old: str, new: str) -> None:
    if condition is not None and condition.item == old:
        condition.item = new


def _rename_texts(texts: dict, pattern: re.Pattern, new: str) -> dict:
    return {lang: pattern.sub("{" + new + "}", text) for lang, text in texts.items()}


def references_to(document: Document, codes: list[str]) -> list[str]:
    """Codes of questions whose condition or piping uses one of ``codes`` (to explain a refusal)."""
    wanted = set(codes)
    found = []
    for question in document.questions():
        texts = " ".join([*question.text.values(), *question.hint.values()])
        uses = {m for m in re.findall(r"\{([A-Za-z][A-Za-z0-9_]*)\}", texts)}
        if (question.condition and question.condition.item in wanted) or uses & wanted:
            found.append(question.code)
    return found


# lists for repeated sections -------------------------------------------------------------------------


def set_list(document: Document, name: str, lines: list[tuple[str, str]], old_name: str | None = None) -> None:
    """Create or replace a list from (key, Dutch label) lines; keys that stay keep their translations.
    Renaming a list also renames it in the sections that repeat over it."""
    known = {item.key: item.label for item in document.lists.get(old_name or name, [])}
    items, taken = [], {key for key, _label in lines if key}
    n = 0
    for key, label in lines:
        if not key:
            n += 1
            while f"i{n}" in taken:
                n += 1
            key = f"i{n}"
            taken.add(key)
        items.append(ListItem(key, {"nl": label, **{k: v for k, v in known.get(key, {}).items() if k != "nl"}}))
    if old_name and old_name != name:
        document.lists = {(name if k == old_name else k): v for k, v in document.lists.items()}
        for sec in document.sections:
            if sec.repeat == old_name:
                sec.repeat = name
    document.lists[name] = items


def delete_list(document: Document, name: str) -> None:
    if name not in document.lists:
        raise NotFound(name)
    del document.lists[name]
