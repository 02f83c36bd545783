"""Survey texts in the respondent's language, with piping filled in.

``{T1}`` shows the label of the earlier answer to T1, ``{var:gemeente}`` a background variable of the
response, ``{item}`` the list item of a repeated block. Unknown or unanswered pipes become empty, so a
respondent never sees braces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flask import g, has_app_context
from markupsafe import escape

from survey.questionnaires.content.document import PIPE_PATTERN, Document, ListItem, Question
from survey.questionnaires.content.registry import OTHER_CODE
from survey.responses.steps.flow import Answers


class Foreign(str):
    """A text in another language than the one asked for (the Dutch text inside an Arabic page). It is an
    ordinary string everywhere, except in HTML: there it carries its own ``lang`` and ``dir``, so a screen
    reader pronounces it right and right-to-left layout does not scramble it ("?Hoe oud is uw kind")."""

    lang: str

    def __new__(cls, value: str, lang: str):
        text = super().__new__(cls, value)
        text.lang = lang
        return text

    @property
    def dir(self) -> str:
        from survey.i18n import text_direction

        return text_direction(self.lang)

    def __html__(self) -> str:
        return f'<span lang="{escape(self.lang)}" dir="{self.dir}">{escape(str(self))}</span>'


def localized(text: dict | None, language: str) -> str:
    """The text in this language, else Dutch, else any language it has; marked as ``Foreign`` when that is
    not the language of the page being drawn (a Dutch fallback, or Turkish texts on a page whose buttons
    and headings are Dutch because there is no Turkish page chrome)."""
    text = text or {}
    chosen = language if text.get(language) else next((lang for lang in ("nl", *text) if text.get(lang)), None)
    if chosen is None:
        return ""
    value = text[chosen]
    if chosen == page_language(language) or not any(char.isalpha() for char in value):
        return value  # a number ("7") reads the same in every language
    return Foreign(value, chosen)


def page_language(asked: str) -> str:
    """``<html lang>`` of the respondent page being drawn; outside one, the language asked for."""
    return g.get("html_lang", asked) if has_app_context() else asked


def option_label(question: Question, code: str, language: str) -> str:
    for option in question.options:
        if option.code == code:
            return localized(option.label, language) or code
    return code


def answer_label(question: Question, value, language: str, other_text: str | None = None) -> str:
    """An answer as the respondent would read it: option labels, or the number or text itself."""
    if value in (None, "", []):
        return ""
    if question.options:
        codes = value if isinstance(value, list) else [value]
        labels = [
            other_text if code == OTHER_CODE and other_text else option_label(question, code, language)
            for code in codes
        ]
        marks = {getattr(label, "lang", None) for label in labels}
        if len(marks) == 1 and None not in marks:  # labels in another language than the page keep saying so
            return Foreign(", ".join(labels), marks.pop())
        return ", ".join(labels)
    return str(value)


@dataclass
class Piping:
    """Everything piping needs for one response."""

    document: Document
    answers: Answers
    language: str = "nl"
    variables: dict = field(default_factory=dict)
    others: dict = field(default_factory=dict)  # (code, instance) → "anders, namelijk" text
    #: the document is a published one from the per-process store: nobody changes it
    shared: bool = False

    def text(self, text: dict | None, instance: ListItem | None = None) -> str:
        """The localized text with every pipe filled in."""
        raw = localized(text, self.language)
        if "{" not in raw:
            return raw
        filled = PIPE_PATTERN.sub(lambda m: self._fill(m.group(1), instance), raw)
        filled = re.sub(r"[ \t]{2,}", " ", filled)
        filled = re.sub(r" +([.,;:!?])", r"\1", filled).strip()
        return Foreign(filled, raw.lang) if isinstance(raw, Foreign) else filled

    def _fill(self, name: str, instance: ListItem | None) -> str:
        if name == "item":
            return localized(instance.label, self.language) if instance else ""
        if name.startswith("var:"):
            value = self.variables.get(name[4:])
            return "" if value is None else str(value)
        question = self.document.question(name)
        if question is None:
            return ""
        key = self._key(name, instance)
        return answer_label(question, self.answers.get(key), self.language, self.others.get(key))

    def _key(self, code: str, instance: ListItem | None) -> tuple[str, str]:
        if instance is not None and (code, instance.key) in self.answers:
            return code, instance.key
        return code, ""


def pipes_respondent(text: dict | None) -> bool:
    """A text holds a pipe that fills in something of the respondent (an answer or an invitation's variable);
    ``{item}``, a list item of the questionnaire's own, is the same for everyone."""
    return any(
        match.group(1) != "item"
        for value in (text or {}).values()
        if isinstance(value, str)
        for match in PIPE_PATTERN.finditer(value)
    )


def is_piped(question: Question) -> bool:
    """The question's texts (text, hint, statements) hold a pipe, so they differ per respondent."""
    texts = (question.text, question.hint, *(item.text for item in question.items))
    return any("{" in value for text in texts if text for value in text.values() if isinstance(value, str))


def report_text(text: str, item: str | None = None) -> str:
    """A question's wording for a report over many respondents: ``{item}`` becomes the project (or
    list item) the figures are about, or "dit project"; an answer or variable pipe, which differs per
    respondent, becomes a bracketed stand-in ("[gemeente]", "[antwoord op T1]"). No brace survives."""
    if not text or "{" not in text:
        return text or ""

    def fill(match: re.Match) -> str:
        name = match.group(1)
        if name == "item":
            return item or "dit project"
        if name.startswith("var:"):
            return f"[{name[4:]}]"
        return f"[antwoord op {name}]"

    filled = PIPE_PATTERN.sub(fill, text)
    filled = re.sub(r"[ \t]{2,}", " ", filled)
    return re.sub(r" +([.,;:!?])", r"\1", filled).strip()


def resolve_report_pipes(value, item: str | None = None):
    """Every string in a report structure through :func:`report_text` (dicts, lists and tuples walked)."""
    if isinstance(value, str):
        return report_text(value, item)
    if isinstance(value, dict):
        return {key: resolve_report_pipes(v, item) for key, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(resolve_report_pipes(v, item) for v in value)
    return value
