"""The questionnaire document: sections and questions of one survey version, as plain data.

A version's content is one JSON document (schema below), so a published version is frozen by simply
never changing its document, a new version or round is a copy, and export/import is the document
itself. Multilingual texts are dicts ``{language: text}``; item codes are identical in every language.

    {"schema": 1, "languages": ["nl", "en"],
     "lists": {"projecten": [{"key": "p1", "label": {"nl": "Thuis opgroeien"}}]},
     "sections": [{"key": "S1", "title": {"nl": "..."}, "intro": {"nl": "..."},
                   "condition": null, "repeat": null | "projecten",
                   "questions": [{"code": "T1", "type": "stelling", "domain": "toegang",
                                  "text": {"nl": "..."}, "hint": {}, "required": true,
                                  "options": [{"code": "5", "label": {"nl": "Helemaal mee eens"}}],
                                  "items": [{"code": "K1", "text": {"nl": "..."}}],
                                  "settings": {"min": 1, "max": 3, "other": true},
                                  "condition": {"item": "T1", "op": "in", "value": ["4", "5"]}}]}]}

Conditions: ``op`` is one of is, in, gte, lte, answered; they may only point to earlier questions.
Piping: ``{T1}`` in a text shows the answer to T1, ``{var:gemeente}`` a fieldwork variable,
``{item}`` the list item of a repeated section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = 1
CONDITION_OPS = ("is", "in", "gte", "lte", "answered")
CODE_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,19}$")
PIPE_PATTERN = re.compile(r"\{(var:[a-z_]+|item|[A-Za-z][A-Za-z0-9_]{0,19})\}")

Text = dict[str, str]


class DocumentError(ValueError):
    """A questionnaire document that cannot be used; ``problems`` lists (location, msgid, params)."""

    def __init__(self, problems: list[tuple[str, str, dict]]):
        super().__init__("; ".join(f"{where}: {msg % params}" for where, msg, params in problems))
        self.problems = problems


@dataclass
class Option:
    code: str
    label: Text

    def to_dict(self) -> dict:
        return {"code": self.code, "label": dict(self.label)}


@dataclass
class Item:
    """A statement inside a group of statements (*stellingen*), with its own item code."""

    code: str
    text: Text

    def to_dict(self) -> dict:
        return {"code": self.code, "text": dict(self.text)}


@dataclass
class Condition:
    item: str
    op: str
    value: Any = None

    def to_dict(self) -> dict:
        return {"item": self.item, "op": self.op, "value": self.value}

    def holds(self, answers: dict[str, Any]) -> bool:
        """Whether the condition holds for the answers given so far (unanswered: only 'answered' can fail)."""
        given = answers.get(self.item)
        if self.op == "answered":
            return given not in (None, "", [])
        if given in (None, "", []):
            return False
        values = given if isinstance(given, list) else [given]
        if self.op == "is":
            return str(self.value) in values
        if self.op == "in":
            return any(v in [str(x) for x in (self.value or [])] for v in values)
        number = _number(values[0])
        if number is None or _number(self.value) is None:
            return False
        return number >= _number(self.value) if self.op == "gte" else number <= _number(self.value)


def _number(value) -> float | None:
    try:
        return float(str(value).replace(",", "."))
    except (TypeError, ValueError):
        return None


@dataclass
class Question:
    code: str
    type: str
    text: Text
    domain: str = ""
    hint: Text = field(default_factory=dict)
    required: bool = True
    options: list[Option] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    settings: dict = field(default_factory=dict)
    condition: Condition | None = None

    @property
    def item_codes(self) -> list[str]:
        """The item codes this question stores answers under (a group stores one per statement)."""
        return [item.code for item in self.items] if self.items else [self.code]

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "type": self.type,
            "domain": self.domain,
            "text": dict(self.text),
            "hint": dict(self.hint),
            "required": self.required,
            "options": [o.to_dict() for o in self.options],
            "items": [i.to_dict() for i in self.items],
            "settings": dict(self.settings),
            "condition": self.condition.to_dict() if self.condition else None,
        }


@dataclass
class Section:
    key: str
    title: Text = field(default_factory=dict)
    intro: Text = field(default_factory=dict)
    questions: list[Question] = field(default_factory=list)
    condition: Condition | None = None
    repeat: str | None = None  # name of a list in Document.lists

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "title": dict(self.title),
            "intro": dict(self.intro),
            "condition": self.condition.to_dict() if self.condition else None,
            "repeat": self.repeat,
            "questions": [q.to_dict() for q in self.questions],
        }


@dataclass
class ListItem:
    key: str
    label: Text

    def to_dict(self) -> dict:
        return {"key": self.key, "label": dict(self.label)}


@dataclass
class Document:
    languages: list[str] = field(default_factory=lambda: ["nl"])
    sections: list[Section] = field(default_factory=list)
    lists: dict[str, list[ListItem]] = field(default_factory=dict)

    def questions(self) -> list[Question]:
        return [q for s in self.sections for q in s.questions]

    def question(self, code: str) -> Question | None:
        for q in self.questions():
            if code == q.code or code in q.item_codes:
                return q
        return None

    def item_codes(self) -> list[str]:
        return [code for q in self.questions() for code in q.item_codes]

    def to_dict(self) -> dict:
        return {
            "schema": SCHEMA_VERSION,
            "languages": list(self.languages),
            "lists": {name: [i.to_dict() for i in items] for name, items in self.lists.items()},
            "sections": [s.to_dict() for s in self.sections],
        }
