"""The ledger side of a respondent's visit: find the invitation for a token, mark started/completed,
and hand only coarse, k-anonymous background categories to the response.

Nothing here returns or stores anything that links an invitation to a response.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from survey.extensions import db
from survey.fieldwork.models import Invitation
from survey.questionnaires.models import Survey
from survey.tokens import normalise_short_code, token_hash


def local_today() -> date:
    """Today in the Netherlands: the ledger records days, never times."""
    return datetime.now(ZoneInfo("Europe/Amsterdam")).date()


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation of a personal link token, or None (unknown tokens and codes look alike)."""
    if not token or len(token) > 200:
        return None
    return db.session.scalar(select(Invitation).where(Invitation.token_hash == token_hash(token)))


def invitation_for_short_code(code: str) -> Invitation | None:
    normal = normalise_short_code(code)
    if len(normal) < 11:
        return None
    return db.session.scalar(select(Invitation).where(Invitation.short_code_hash == token_hash(normal)))


def mark_started(invitation: Invitation, today: date) -> None:
    if invitation.started_on is None:
        invitation.started_on = today


def mark_completed(invitation: Invitation, today: date) -> None:
    if invitation.started_on is None:
        invitation.started_on = today
    invitation.completed_on = today


def coarse_background(survey: Survey, invitation: Invitation) -> dict:
    """The invitee's background categories that at least k invitees of this survey share."""
    result = {}
    for variable, value in (invitation.background or {}).items():
        if value in (None, ""):
            continue
        shared = db.session.scalar(
            select(func.count()).select_from(Invitation).where(
                Invitation.survey_id == survey.id, Invitation.background[variable].as_string() == str(value)))
        if shared >= survey.min_cell:
            result[variable] = value
    return result
