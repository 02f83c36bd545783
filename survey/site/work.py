"""What needs doing in a region, for the staff landing page: each list is what one permission acts on.

* running rounds (fieldwork open) with the completed responses so far, the invited, and the previous
  round's completed responses for comparison;
* open answers waiting to be coded or checked, per question;
* mid-term evaluations in draft (waiting for approval) or approved and not yet published;
* progress reports of the current report round that are missing (a project leader sees only their own);
* letter files waiting to be printed and deleted.

Only counts and names of rounds, questions and projects: nothing here shows an answer or an invitee.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from survey.accounts.models import Permission, Region, User
from survey.coding.models import CodedAnswer
from survey.evaluations.models import Evaluation, EvaluationStatus
from survey.extensions import db
from survey.fieldwork.models import Invitation, LetterBatch
from survey.programmes.models import Programme, Project
from survey.programmes.progress_reports.reporting import missing_reports
from survey.questionnaires.models import FieldworkStatus, Survey
from survey.responses.models import Response, ResponseStatus
from survey.timeutil import local_today


@dataclass(frozen=True)
class RunningRound:
    survey: Survey
    completed: int
    invited: int
    previous: int | None


@dataclass
class Work:
    """Everything to act on; a list is None when the user may not act on it (the section is not shown)."""

    rounds: list[RunningRound] | None = None
    coding: list[tuple[Survey, str, int]] | None = None
    evaluations: list[Evaluation] | None = None
    reports: list[tuple[Project, str]] | None = None
    letters: list[tuple[Survey, int, int]] | None = None


def _completed(survey_ids: list[int]) -> dict[int, int]:
    if not survey_ids:
        return {}
    rows = db.session.execute(
        select(Response.survey_id, func.count())
        .where(Response.survey_id.in_(survey_ids), Response.status == ResponseStatus.COMPLETED)
        .group_by(Response.survey_id)
    )
    return dict(rows.all())


def running_rounds(region: Region) -> list[RunningRound]:
    """Rounds with open fieldwork, with response so far and the previous round's final response."""
    surveys = list(
        db.session.scalars(
            select(Survey)
            .where(Survey.region_id == region.id, Survey.status == FieldworkStatus.OPEN)
            .order_by(Survey.created_at.desc(), Survey.id.desc())
        )
    )
    previous_ids = [s.previous_round_id for s in surveys if s.previous_round_id]
    completed = _completed([s.id for s in surveys] + previous_ids)
    invited = (
        dict(
            db.session.execute(
                select(Invitation.survey_id, func.count())
                .where(Invitation.survey_id.in_([s.id for s in surveys]), Invitation.invited_on.is_not(None))
                .group_by(Invitation.survey_id)
            ).all()
        )
        if surveys
        else {}
    )
    return [
        RunningRound(
            s,
            completed.get(s.id, 0),
            invited.get(s.id, 0),
            completed.get(s.previous_round_id, 0) if s.previous_round_id else None,
        )
        for s in surveys
    ]


def coding_waiting(region: Region) -> list[tuple[Survey, str, int]]:
    """(survey, open question, answers not checked by a person yet), largest first."""
    rows = db.session.execute(
        select(CodedAnswer.survey_id, CodedAnswer.item_code, func.count())
        .join(Survey, Survey.id == CodedAnswer.survey_id)
        .where(Survey.region_id == region.id, CodedAnswer.verified.is_(False))
        .group_by(CodedAnswer.survey_id, CodedAnswer.item_code)
        .order_by(func.count().desc(), CodedAnswer.survey_id, CodedAnswer.item_code)
    ).all()
    return [(db.session.get(Survey, survey_id), code, n) for survey_id, code, n in rows]


def evaluations_waiting(region: Region) -> list[Evaluation]:
    """Drafts (waiting for approval) and approved evaluations not yet published."""
    return list(
        db.session.scalars(
            select(Evaluation)
            .where(
                Evaluation.region_id == region.id,
                Evaluation.status.in_((EvaluationStatus.CONCEPT, EvaluationStatus.APPROVED)),
            )
            .order_by(Evaluation.created_at.desc())
        )
    )


def reports_missing(region: Region, user: User, everyone: bool) -> list[tuple[Project, str]]:
    """Missing progress reports of the current round in this region (only the user's own projects unless
    ``everyone``)."""
    programme_ids = set(db.session.scalars(select(Programme.id).where(Programme.region_id == region.id)))
    return [
        (project, round_)
        for project, round_ in missing_reports(local_today())
        if project.programme_id in programme_ids and (everyone or project.leader_id == user.id)
    ]


def letters_waiting(region: Region) -> list[tuple[Survey, int, int]]:
    """(survey, letter files, letters in them) still stored: to print, then delete."""
    rows = db.session.execute(
        select(LetterBatch.survey_id, func.count(LetterBatch.id), func.sum(LetterBatch.letter_count))
        .join(Survey, Survey.id == LetterBatch.survey_id)
        .where(Survey.region_id == region.id)
        .group_by(LetterBatch.survey_id)
        .order_by(LetterBatch.survey_id)
    ).all()
    return [(db.session.get(Survey, survey_id), files, int(letters or 0)) for survey_id, files, letters in rows]


def work_for(region: Region, user: User) -> Work:
    """The lists this user may act on in this region."""
    work = Work()
    if user.can(Permission.RUN_FIELDWORK, region):
        work.rounds = running_rounds(region)
        work.letters = letters_waiting(region)
    if user.can(Permission.CODE_ANSWERS, region):
        work.coding = coding_waiting(region)
    if user.can(Permission.APPROVE_REPORTS, region):
        work.evaluations = evaluations_waiting(region)
    if user.can(Permission.MANAGE_PROGRAMMES, region) or user.can(Permission.REPORT_PROGRESS, region):
        work.reports = reports_missing(region, user, user.can(Permission.MANAGE_PROGRAMMES, region))
    return work
