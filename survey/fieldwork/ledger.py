"""The ledger side of a respondent's visit: find the invitation for a token, mark started/completed,
and hand only coarse, k-anonymous background categories to the response.

Nothing here returns or stores anything that links an invitation to a response. An invitation keeps
only *whether* it started and finished; the day goes into the survey's daily counters
(``ParticipationDay``), which name no invitee.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm.attributes import set_committed_value

from survey.extensions import db
from survey.fieldwork.models import Invitation, ParticipationDay
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
    """The invitee sent a first step: the flag on the invitation, one more starter in today's count."""
    if _set_flag(invitation, "started"):
        count_day(invitation.survey_id, today, started=1)


def mark_completed(invitation: Invitation, today: date) -> None:
    mark_started(invitation, today)
    if _set_flag(invitation, "completed"):
        count_day(invitation.survey_id, today, completed=1)


def _set_flag(invitation: Invitation, column: str) -> bool:
    """Set started/completed in one conditional UPDATE: True only for the request that changed it, so two
    requests at once never count one invitee twice."""
    if invitation.id is None:
        db.session.flush()
    changed = db.session.execute(
        update(Invitation).where(Invitation.id == invitation.id, getattr(Invitation, column).is_(False))
        .values({column: True}).execution_options(synchronize_session=False)).rowcount
    set_committed_value(invitation, column, True)
    return changed == 1


def count_day(survey_id: int, day: date, *, started: int = 0, completed: int = 0) -> None:
    """Add to the survey's counters for one day (an atomic insert-or-add, safe with concurrent requests)."""
    dialect = db.session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(ParticipationDay).values(survey_id=survey_id, day=day, started=started, completed=completed)
    db.session.execute(statement.on_conflict_do_update(
        index_elements=["survey_id", "day"],
        set_={"started": ParticipationDay.started + started, "completed": ParticipationDay.completed + completed}))


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
