"""Warnings when an edit changes what an existing item code means (pure; no database).

Results are compared over versions and rounds by item code. If the draft gives a code another type,
scale, options or wording than the last published version or the previous round, the trend breaks:
the builder warns (it does not block). A code that disappears is reported too.
"""

from __future__ import annotations

from dataclasses import dataclass

from survey.questionnaires.content.document import Document, Question

TYPE, OPTIONS, TEXT, REMOVED = "type", "options", "text", "removed"


@dataclass(frozen=True)
class MeaningChange:
    code: str
    change: str  # type, options, text or removed
    baseline: str  # which earlier document: "published" (this survey) or "previous_round"
    before: str = ""
    after: str = ""


def compare(draft: Document, earlier: Document, baseline: str) -> list[MeaningChange]:
    """Every item code of ``earlier`` whose meaning differs in ``draft``."""
    now = _by_item(draft)
    found: list[MeaningChange] = []
    for code, (question, text) in _by_item(earlier).items():
        if code not in now:
            found.append(MeaningChange(code, REMOVED, baseline, text))
            continue
        new_question, new_text = now[code]
        if new_question.type != question.type:
            found.append(MeaningChange(code, TYPE, baseline, question.type, new_question.type))
        elif _options(new_question) != _options(question):
            found.append(MeaningChange(code, OPTIONS, baseline, _option_text(question), _option_text(new_question)))
        if _normal(new_text) != _normal(text):
            found.append(MeaningChange(code, TEXT, baseline, text, new_text))
    return found


def by_code(changes: list[MeaningChange], draft: Document) -> dict[str, list[MeaningChange]]:
    """Changes grouped under the question that shows them (a statement's change under its group)."""
    owner = {code: q.code for q in draft.questions() for code in q.item_codes}
    grouped: dict[str, list[MeaningChange]] = {}
    for change in changes:
        grouped.setdefault(owner.get(change.code, change.code), []).append(change)
    return grouped


def _by_item(document: Document) -> dict[str, tuple[Question, str]]:
    """item code → (question, its Dutch wording); a statement's wording includes the group's text."""
    result = {}
    for question in document.questions():
        if question.items:
            for item in question.items:
                result[item.code] = (question, item.text.get("nl", ""))
        elif question.code:
            result[question.code] = (question, question.text.get("nl", ""))
    return result


def _options(question: Question) -> list[tuple[str, str]]:
    return [(o.code, _normal(o.label.get("nl", ""))) for o in question.options]


def _option_text(question: Question) -> str:
    return "; ".join(f"{o.code}={o.label.get('nl', '')}" for o in question.options)[:300]


def _normal(text: str) -> str:
    return " ".join((text or "").split()).casefold()
