"""Survey lists of projects: picked from the programme with the projects' stable keys, and a check for
lists whose keys look like a database id of another project (``flask programmes check-list-keys``).

Answers in a repeated block are stored under the list item's key. Reports match items to projects by
the project's stable key or its name, never by a database id; this check finds older surveys whose
keys (``p3``, ``3``, ``project-3``) could once have been read as project 3 while their label names
another project, so their figures can be looked at again.
"""

import re
from dataclasses import dataclass

from sqlalchemy import func, select

from survey.extensions import db
from survey.programmes.models import Programme, Project
from survey.questionnaires.content.document import DocumentError
from survey.questionnaires.content.parsing import parse_document
from survey.questionnaires.models import Survey
from survey.responses.models import Answer, Response

ID_LIKE = re.compile(r"^(?:p|project-?)?(\d+)$", re.I)


def programme_list(projects) -> list[dict]:
    """A list for a repeated block: one item per project, keyed by its stable key."""
    return [{"key": p.key, "label": {"nl": p.name}} for p in projects]


def programme_lines(programme: Programme) -> list[tuple[str, str]]:
    """(key, Dutch label) lines for the builder's list editor."""
    return [(p.key, p.name) for p in programme.projects]


@dataclass(frozen=True)
class Collision:
    """A list item whose key looks like the database id of a project it does not name."""

    survey_id: int
    survey_title: str
    list_name: str
    key: str
    label: str
    project_id: int
    project_name: str
    answers: int

    def line(self) -> str:
        return (
            f"Vragenlijst {self.survey_id} ({self.survey_title}), lijst {self.list_name}: sleutel "
            f"{self.key!r} ({self.label}) lijkt op project {self.project_id} ({self.project_name}); "
            f"{self.answers} antwoord(en) onder deze sleutel."
        )


def _documents(survey: Survey):
    for version in survey.versions:
        try:
            yield parse_document(version.document)
        except DocumentError:
            continue


def collisions(region_id: int | None = None) -> list[Collision]:
    """Every list item (of a list that a block repeats over) whose key collides with another project's id."""
    stmt = select(Survey).order_by(Survey.id)
    if region_id is not None:
        stmt = stmt.where(Survey.region_id == region_id)
    found: dict[tuple, Collision] = {}
    for survey in db.session.scalars(stmt):
        projects = {
            p.id: p
            for p in db.session.scalars(select(Project).join(Programme).where(Programme.region_id == survey.region_id))
        }
        for document in _documents(survey):
            repeated = {s.repeat for s in document.sections if s.repeat}
            for name in sorted(repeated):
                for item in document.lists.get(name, []):
                    match = ID_LIKE.match(item.key)
                    project = projects.get(int(match.group(1))) if match else None
                    label = (item.label.get("nl") or "").strip()
                    if (
                        project is None
                        or item.key == project.key
                        or label.casefold() == project.name.strip().casefold()
                    ):
                        continue
                    key = (survey.id, name, item.key)
                    found.setdefault(
                        key,
                        Collision(
                            survey.id,
                            survey.text("title"),
                            name,
                            item.key,
                            label,
                            project.id,
                            project.name,
                            _answers(survey, item.key),
                        ),
                    )
    return list(found.values())


def _answers(survey: Survey, instance: str) -> int:
    return (
        db.session.scalar(
            select(func.count(Answer.id))
            .join(Response, Response.id == Answer.response_id)
            .where(Response.survey_id == survey.id, Answer.instance == instance)
        )
        or 0
    )
