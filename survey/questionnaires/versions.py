"""Versions of a survey: the draft being edited, publishing (freezing), and the optimistic lock.

Every edit goes through ``save_document``: it checks the lock token the author's page was built from,
validates the whole document, and only then stores it in the draft. Editing a survey whose newest
version is published first makes a new draft copied from it; the published version never changes.
"""

from __future__ import annotations

import copy

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from survey.audit.services import record
from survey.extensions import db
from survey.questionnaires.builder import changes
from survey.questionnaires.builder.editing import assign_missing_codes
from survey.questionnaires.content.document import Document, DocumentError, Section
from survey.questionnaires.content.parsing import parse_document
from survey.questionnaires.content.validation import Problems, publish_problems, validate_document
from survey.questionnaires.models import Survey, SurveyVersion, VersionStatus
from survey.timeutil import utcnow


class ConflictError(RuntimeError):
    """Someone else changed the survey since this page was loaded."""


def current_version(survey: Survey) -> SurveyVersion:
    """What the builder shows: the draft if there is one, else the newest published version."""
    if not survey.versions:  # made elsewhere without questions: start an empty draft
        return editable_version(survey)
    return survey.draft_version or survey.versions[-1]


def lock_token(survey: Survey) -> str:
    """A token for the state a page was built from: version number and its lock counter."""
    version = current_version(survey)
    return f"{version.number}.{version.lock_version}"


def check_lock(survey: Survey, token: str | None) -> None:
    if token != lock_token(survey):
        raise ConflictError()


def document_of(version: SurveyVersion) -> Document:
    """The version's document as dataclasses: a deep copy, so edits never touch the stored JSON in place."""
    return parse_document(copy.deepcopy(version.document))


def editable_document(survey: Survey) -> Document:
    """A working copy of the current document, to change and then pass to save_document."""
    return document_of(current_version(survey))


def editable_version(survey: Survey) -> SurveyVersion:
    """The draft; made as a copy of the newest published version when there is none."""
    if survey.draft_version is not None:
        return survey.draft_version
    if not survey.versions:
        document = Document(sections=[Section(key="S1")]).to_dict()
        draft = SurveyVersion(survey=survey, number=1, status=VersionStatus.DRAFT, document=document)
        db.session.add(draft)
        db.session.flush()
        return draft
    source = survey.versions[-1]
    draft = SurveyVersion(
        survey_id=survey.id,
        number=source.number + 1,
        status=VersionStatus.DRAFT,
        document=document_of(source).to_dict(),
    )
    try:
        with db.session.begin_nested():  # someone else may be making the same draft at this moment
            db.session.add(draft)
    except IntegrityError:
        db.session.expire(survey)  # the other draft is the current one now
        raise ConflictError() from None
    db.session.expire(survey, ["versions"])
    return draft


def save_document(survey: Survey, document: Document | dict, token: str | None) -> SurveyVersion:
    """Validate and store an edited document in the draft; ConflictError or DocumentError change nothing."""
    check_lock(survey, token)
    data = document.to_dict() if isinstance(document, Document) else document
    checked = validate_document(data)
    assign_missing_codes(checked)
    version = editable_version(survey)
    version.document = checked.to_dict()
    db.session.flush()
    return version


def publish(survey: Survey, token: str | None) -> SurveyVersion:
    """Freeze the draft: respondents answer it from now on; its document never changes again."""
    check_lock(survey, token)
    version = survey.draft_version
    if version is None:
        raise DocumentError(Problems().flag("document", "There is no draft to publish."))
    document = validate_document(version.document)
    problems = publish_problems(document)
    if problems:
        raise DocumentError(list(problems))
    version.status = VersionStatus.PUBLISHED
    version.published_at = utcnow()
    db.session.flush()
    record("survey.publish", survey, version=version.number, items=len(document.item_codes()))
    return version


def previous_round(survey: Survey) -> Survey | None:
    if survey.previous_round_id is None:
        return None
    return db.session.scalar(
        select(Survey).where(Survey.id == survey.previous_round_id, Survey.region_id == survey.region_id)
    )


def meaning_changes(survey: Survey, draft: Document) -> list[changes.MeaningChange]:
    """How the draft changes the meaning of items of the last published version and the previous round."""
    found: list[changes.MeaningChange] = []
    if survey.draft_version is not None and survey.published_version is not None:
        found += changes.compare(draft, document_of(survey.published_version), "published")
    earlier = previous_round(survey)
    if earlier is not None and (earlier.published_version or earlier.versions):
        base = earlier.published_version or earlier.versions[-1]
        found += changes.compare(draft, document_of(base), "previous_round")
    return found
