"""What a round reports on: its items, read from the questionnaire document of the survey.

Every question that stores an answer becomes one or more report items with a stable code: a group of
statements gives one item per statement, a section repeated over a list (per project) gives one item
per list entry with the code ``<code>.<key>`` (a dot never occurs in a real item code). Scored items
carry the :mod:`analysis.scores.scales` scale their answers are counted on.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.scores.scales import AGREEMENT, FREQUENCY, GRADE, SMILEY_3, SMILEY_5, ZERO_TEN, Scale
from survey.questionnaires.content.document import DocumentError, Question
from survey.questionnaires.content.parsing import parse_document
from survey.questionnaires.content.registry import REGISTRY
from survey.questionnaires.models import Survey, VersionStatus
from survey.responses.display.piping import report_text

#: separator between a question's code and the list entry of a repeated section
REPEAT_SEPARATOR = "."
#: report domains of the CEO in reporting order (*toegang, kwaliteit, effect*)
DOMAINS = ("toegang", "kwaliteit", "effect")
SCORED_KINDS = ("agreement", "frequency", "grade", "smiley", "scale")
CHOICE_KINDS = ("choice", "multi")


@dataclass(frozen=True)
class ReportItem:
    """One reported item: code, Dutch text, kind of answer, domain, scale and option labels."""

    code: str
    #: the item code answers are stored under, and the list entry for a repeated section
    stored_code: str
    instance: str
    label: str
    kind: str
    domain: str
    scale: Scale | None
    #: ((code, Dutch label), ...) as the questionnaire lists them
    options: tuple[tuple[str, str], ...]

    @property
    def scored(self) -> bool:
        """Counted on an answer scale (statements, frequency, grades, smileys, 0-10)."""
        return self.scale is not None

    @property
    def numeric(self) -> bool:
        """Reported as a mean and a distribution (grades, 0-10, smileys)."""
        return self.scale is not None and self.scale.numeric

    @property
    def is_open(self) -> bool:
        return self.kind == "text"


def scale_for(question: Question) -> Scale | None:
    """The analysis scale of a question, or None for unscored kinds."""
    kind = REGISTRY[question.type].kind
    if kind == "smiley":
        return SMILEY_3 if len(question.options) == 3 else SMILEY_5
    return {"agreement": AGREEMENT, "frequency": FREQUENCY, "grade": GRADE, "scale": ZERO_TEN}.get(kind)


def report_document(survey: Survey):
    """The questionnaire document results are reported on: the newest published version, else the newest."""
    versions = [v for v in survey.versions if v.status == VersionStatus.PUBLISHED] or list(survey.versions)
    if not versions:
        return None
    try:
        return parse_document(versions[-1].document or {})
    except DocumentError:
        return None


def report_items(survey: Survey) -> list[ReportItem]:
    """The items of a round in questionnaire order."""
    document = report_document(survey)
    if document is None:
        return []
    items = []
    for section in document.sections:
        entries = document.lists.get(section.repeat, []) if section.repeat else [None]
        for entry in entries:
            for question in section.questions:
                items += _question_items(question, entry)
    return items


def _question_items(question: Question, entry) -> list[ReportItem]:
    kind = REGISTRY[question.type].kind
    if kind == "none":
        return []
    scale = scale_for(question)
    options = tuple((o.code, _nl(o.label) or o.code) for o in question.options)
    if question.items:  # a group of statements: each statement is an item (its own text, else the group's)
        parts = [(i.code, _nl(i.text) or _nl(question.text)) for i in question.items]
    else:
        parts = [(question.code, _nl(question.text))]
    out = []
    for code, text in parts:
        instance = entry.key if entry is not None else ""
        item = (_nl(entry.label) or entry.key) if entry is not None else None
        resolved = report_text(text, item)  # {item} → the list item; answer pipes → a stand-in
        label = resolved if entry is None or "{item}" in text else f"{resolved} ({item})"
        out.append(
            ReportItem(
                code=code + (REPEAT_SEPARATOR + instance if instance else ""),
                stored_code=code,
                instance=instance,
                label=label or code,
                kind=kind,
                domain=question.domain,
                scale=scale,
                options=options,
            )
        )
    return out


def _nl(text: dict) -> str:
    return (text or {}).get("nl") or next(iter((text or {}).values()), "")


def scales_of(items: list[ReportItem]) -> dict[str, Scale]:
    """{item code: scale} of the scored items, in order."""
    return {i.code: i.scale for i in items if i.scored}


def domains_of(items: list[ReportItem], kind: str = "agreement") -> dict[str, str]:
    """{item code: domain} of the scored items of one kind (statements unless told) that belong to a report
    domain; a domain's score is a mean of its items' shares, so it never mixes kinds of answer."""
    return {i.code: i.domain for i in items if i.kind == kind and i.domain in DOMAINS}
