"""The open questions of a survey and their answers, as the coding screens see them.

Open questions are question types whose registry kind is "text". A survey may have several versions;
an item code keeps its meaning across versions, so the newest version's wording is shown.
"""

from dataclasses import dataclass

from sqlalchemy import Select, select

from survey.questionnaires.content.registry import OPEN_KINDS, REGISTRY
from survey.questionnaires.models import Survey, made_once_if_published
from survey.responses.display.piping import report_text
from survey.responses.models import Answer, Response, ResponseStatus


@dataclass(frozen=True)
class OpenQuestion:
    survey_id: int
    item_code: str
    #: the question text in Dutch (or the first language it has)
    text: str


def open_items(document: dict) -> dict[str, str]:
    """Item code → question text for every open question of a questionnaire document, as a report words it
    over all respondents (``report_text``): in a section that repeats over a list, ``{item}`` stands for that
    list in brackets ("[projecten]"); an answer pipe becomes a stand-in. No placeholder is shown raw."""
    found = {}
    for section in (document or {}).get("sections") or []:
        each = f"[{section['repeat']}]" if section.get("repeat") else None
        for question in section.get("questions") or []:
            qtype = REGISTRY.get(question.get("type", ""))
            if qtype is None or qtype.kind not in OPEN_KINDS or not question.get("code"):
                continue
            text = question.get("text") or {}
            found[question["code"]] = report_text(text.get("nl") or next(iter(text.values()), ""), each)
    return found


def open_questions(survey: Survey) -> list[OpenQuestion]:
    """The open questions of a survey over all its versions, in questionnaire order."""
    texts: dict[str, str] = {}
    for version in sorted(survey.versions, key=lambda v: v.number):
        for code, text in version_open_items(version).items():
            texts[code] = text  # a newer version's wording replaces an older one
    return [OpenQuestion(survey.id, code, text) for code, text in texts.items()]


#: the open items of published versions per process (``frozen_key``): every completion asks for them
_PUBLISHED_ITEMS: dict[tuple, dict[str, str]] = {}
PUBLISHED_ITEMS_KEPT = 256


def version_open_items(version) -> dict[str, str]:
    """``open_items`` of a version's document; of a published one worked out once per process, without
    reading its document again (a respondent's completion asks, ``scrubbing.waiting_responses``)."""
    return made_once_if_published(version, _PUBLISHED_ITEMS, PUBLISHED_ITEMS_KEPT, open_items)


def open_question(survey: Survey, item_code: str) -> OpenQuestion | None:
    return next((q for q in open_questions(survey) if q.item_code == item_code), None)


def completed_answers(survey_id: int, item_code: str) -> Select:
    """Non-empty answers to an open question from completed responses."""
    return (
        select(Answer)
        .join(Response, Answer.response_id == Response.id)
        .where(
            Response.survey_id == survey_id,
            Response.status == ResponseStatus.COMPLETED,
            Answer.item_code == item_code,
            Answer.value != "",
        )
        .order_by(Answer.id)
    )


def machine_text(answer: Answer) -> str:
    """The text rules and models read: the scrubbed copy, or the raw text while it is not scrubbed yet.

    It never leaves the process: codes, probabilities and counts are stored, never this text.
    """
    return answer.scrubbed_text if answer.scrubbed_text is not None else (answer.value or "")
