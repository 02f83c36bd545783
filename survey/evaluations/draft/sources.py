"""Reading the chosen surveys for a report: their questions by role, the list items of each project, coded
open answers, the grade, the closed answers, the response and the previous round.

Read-only. Open answers are read through their scrubbed copy only, never the raw text.
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy import func, select

from analysis.evaluation.themes import CodedRemark
from analysis.scores.grades import GradeSummary, summarise_counts
from analysis.scores.response import ResponseFigures, response_figures
from analysis.scores.scales import GRADE
from survey.coding.queries import final_codings
from survey.extensions import db
from survey.fieldwork import closed
from survey.programmes.models import Project
from survey.questionnaires.content.document import Document, DocumentError
from survey.questionnaires.content.parsing import parse_document
from survey.questionnaires.content.registry import REGISTRY
from survey.questionnaires.models import FieldworkStatus, Survey
from survey.responses.models import Answer, Response, ResponseStatus

#: roles of an open question in a stakeholder-enquête; "attention" is tried first ("wat kan beter")
ROLES = ("proud", "works", "attention", "notable")
_ROLE_PATTERNS = (
    ("attention", re.compile(r"aandacht|verbeter|kan beter|kunnen beter|niet goed|zorgen|knelpunt", re.I)),
    ("proud", re.compile(r"trots", re.I)),
    ("works", re.compile(r"werkt|gaat (?:er )?goed|goed gaat|ging (?:er )?goed", re.I)),
    ("notable", re.compile(r"opvall|valt .*op|viel .*op", re.I)),
)


@dataclass(frozen=True)
class OpenQuestion:
    """An open question that feeds a section: its item code, its role and whether it repeats per project."""

    code: str
    role: str
    repeated: bool
    text: str


def document_of(survey: Survey) -> Document | None:
    """The questions respondents answered (the newest published version), or None."""
    version = survey.published_version
    if version is None:
        return None
    try:
        return parse_document(version.document)
    except DocumentError:
        return None


def question_role(text: str) -> str | None:
    """Which section an open question feeds, from its wording ("Waar bent u trots op?" -> proud)."""
    for role, pattern in _ROLE_PATTERNS:
        if pattern.search(text or ""):
            return role
    return None


def open_questions(document: Document) -> list[OpenQuestion]:
    """The open questions with a role; in a block without recognisable wording: proud, works, attention."""
    found = []
    for section in document.sections:
        texts = [q for q in section.questions if REGISTRY[q.type].kind == "text"]
        for position, question in enumerate(texts):
            text = question.text.get("nl") or next(iter(question.text.values()), "")
            role = question_role(text) or (ROLES[position] if position < 3 else None)
            if role:
                found.append(OpenQuestion(question.code, role, section.repeat is not None, text))
    return found


def grade_codes(document: Document) -> list[str]:
    """Item codes of the grades (1-10) outside repeated blocks: the grade for the programme."""
    return [q.code for s in document.sections if s.repeat is None for q in s.questions if q.type == "rapportcijfer"]


def project_keys(document: Document, projects: list[Project]) -> dict[int, set[str]]:
    """Per project the list-item keys its repeated answers are stored under (``Answer.instance``).

    A list item belongs to a project when its key is the project's stable key (``Project.key``, as a
    list picked from the programme has it), or when its Dutch label is the project's name. Never by a
    database id: a list keyed ``p1``…``p7`` says nothing about projects 1…7.
    """
    result: dict[int, set[str]] = {p.id: set() for p in projects}
    repeated = {s.repeat for s in document.sections if s.repeat}
    for name in repeated:
        for item in document.lists.get(name, []):
            label = (item.label.get("nl") or "").strip().casefold()
            for project in projects:
                if item.key == project.key or (label and label == project.name.strip().casefold()):
                    result[project.id].add(item.key)
    return result


def response_of(survey: Survey) -> ResponseFigures:
    """Invited, started and completed from the ledger (as kept at the close once the round is closed);
    without invitations, from the responses (with those deleted at the close as started)."""
    invited, started, completed = closed.ledger_totals(survey.id)
    if not invited:
        invited = None
        started, completed = db.session.execute(
            select(
                func.count(Response.id), func.count(Response.id).filter(Response.status == ResponseStatus.COMPLETED)
            ).where(Response.survey_id == survey.id)
        ).one()
        started += closed.unfinished_deleted(survey.id)
    completed = min(completed, started)
    return response_figures(invited, min(started, invited) if invited else started, completed)


def remarks_by_item(survey: Survey, codes: list[str]) -> dict[tuple[str, str], list[CodedRemark]]:
    """(item code, instance) -> the coded answers: final themes and the scrubbed copy, never the raw text."""
    if not codes:
        return {}
    stmt = (
        select(Answer.id, Answer.response_id, Answer.item_code, Answer.instance, Answer.scrubbed_text)
        .join(Response, Response.id == Answer.response_id)
        .where(
            Response.survey_id == survey.id, Response.status == ResponseStatus.COMPLETED, Answer.item_code.in_(codes)
        )
        .order_by(Answer.id)
    )
    rows = list(db.session.execute(stmt))
    codings = final_codings(survey.id, [row.id for row in rows]) if rows else {}
    result: dict[tuple[str, str], list[CodedRemark]] = {}
    for row in rows:
        coding = codings.get(row.id)
        themes = tuple((c.theme_key, c.theme_label) for c in coding.themes) if coding else ()
        text = (row.scrubbed_text or "").strip() or None
        result.setdefault((row.item_code, row.instance or ""), []).append(CodedRemark(row.response_id, themes, text))
    return result


def grade_of(survey: Survey, code: str) -> GradeSummary:
    """Mean, median and distribution of a grade item (completed responses, outside repeated blocks)."""
    stmt = (
        select(Answer.value)
        .join(Response, Response.id == Answer.response_id)
        .where(
            Response.survey_id == survey.id,
            Response.status == ResponseStatus.COMPLETED,
            Answer.item_code == code,
            Answer.instance == "",
        )
    )
    return summarise_counts(code, Counter(db.session.scalars(stmt)), GRADE)


def scored_rows(survey: Survey, codes: list[str]) -> list[tuple[str, str, str]]:
    """(response id, item code, value) of closed items, completed responses, outside repeated blocks."""
    if not codes:
        return []
    stmt = (
        select(Answer.response_id, Answer.item_code, Answer.value)
        .join(Response, Response.id == Answer.response_id)
        .where(
            Response.survey_id == survey.id,
            Response.status == ResponseStatus.COMPLETED,
            Answer.item_code.in_(codes),
            Answer.instance == "",
        )
    )
    return [tuple(row) for row in db.session.execute(stmt)]


def previous_round(survey: Survey) -> Survey | None:
    """The round before this one in its series (*vorige meting*), in the same region."""
    if survey.previous_round_id:
        previous = db.session.get(Survey, survey.previous_round_id)
        if previous is not None and previous.region_id == survey.region_id:
            return previous
    stmt = (
        select(Survey)
        .where(
            Survey.region_id == survey.region_id,
            Survey.series_key == survey.series_key,
            Survey.id < survey.id,
            Survey.status != FieldworkStatus.DRAFT,
        )
        .order_by(Survey.id.desc())
        .limit(1)
    )
    return db.session.scalar(stmt)


@dataclass
class StakeholderSurvey:
    """A stakeholder-enquête with its open questions, grade items and coded answers."""

    survey: Survey
    document: Document
    questions: list[OpenQuestion]
    grades: list[str]
    remarks: dict[tuple[str, str], list[CodedRemark]]
    keys: dict[int, set[str]] = field(default_factory=dict)
    #: completed questionnaires of the whole survey: the size the per-survey disclosure rule checks
    completed: int = 0

    def remarks_for(self, role: str, instances: set[str] | None) -> list[CodedRemark]:
        """Answers to the questions of a role: about the programme (None) or about these list items."""
        found = []
        for question in self.questions:
            if question.role != role or question.repeated != (instances is not None):
                continue
            for instance in instances if instances is not None else {""}:
                found.extend(self.remarks.get((question.code, instance), []))
        return found

    def question_text(self, role: str, repeated: bool) -> str:
        return next((q.text for q in self.questions if q.role == role and q.repeated == repeated), "")
