"""The ledger side of a respondent's visit: find the invitation for a token, mark started/completed,
and hand a response only background categories whose *combination* (with the answer language) at
least k invitees share.

Nothing here returns or stores anything that links an invitation to a response. An invitation keeps
only *whether* it started and finished; the day goes into the survey's daily counters
(``ParticipationDay``), which name no invitee.
"""

import json
from datetime import date, datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm.attributes import set_committed_value

from analysis.contacts import BACKGROUND
from analysis.suppression import Generaliser, build, parse_order
from analysis.suppression.combinations import LANGUAGE
from survey.extensions import db
from survey.fieldwork.models import Invitation, ParticipationDay
from survey.questionnaires.models import Survey
from survey.tokens import normalise_short_code, token_hash

#: what a response's background may carry, the answer language last
BACKGROUND_VARIABLES = (*BACKGROUND, LANGUAGE)


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


def invitee_generaliser(survey: Survey) -> Generaliser | None:
    """The k-over-the-combination rule over this round's invitees (their background and preferred
    language, the columns of the contact file), or None when the round has no invitees or their languages
    were deleted with the contact data at the close of fieldwork (stored values then stand as they are).

    The invitees are read as distinct combinations with their counts; the rule built from them is kept
    per process for as long as those counts do not change (it is asked for at every start and completion).
    """
    background = sa.cast(Invitation.background, sa.Text)
    rows = db.session.execute(select(Invitation.language, background, func.count(),
                                     func.count(Invitation.contact_deleted_on))
                              .where(Invitation.survey_id == survey.id)
                              .group_by(Invitation.language, background)).all()
    if not rows or any(deleted for *_rest, deleted in rows):
        return None
    counted = tuple(sorted((language or "", text or "", int(n)) for language, text, n, _d in rows))
    key = (survey.min_cell, survey_order(survey), hash(counted), len(counted))
    if key not in _RULES:
        if len(_RULES) >= 32:
            _RULES.clear()
        parsed = {}
        population = ({**_background(text, parsed), LANGUAGE: language}
                      for language, text, n in counted for _ in range(n))
        _RULES[key] = build(population, BACKGROUND_VARIABLES, survey.min_cell, survey_order(survey))
    return _RULES[key]


_RULES: dict[tuple, Generaliser] = {}


def _background(text: str, parsed: dict) -> dict:
    if text not in parsed:
        try:
            value = json.loads(text) if text else {}
        except ValueError:
            value = {}
        parsed[text] = value if isinstance(value, dict) else {}
    return parsed[text]


def survey_order(survey: Survey) -> tuple[str, ...]:
    """The order in which this survey drops background values (its setting, else the default)."""
    return parse_order(getattr(survey, "generalise_order", None))


def coarse_profile(survey: Survey, invitation: Invitation, language: str) -> tuple[dict, str]:
    """The background and answer language a response of this invitee may keep: the combination of
    gemeente, age band, kind of help, respondent type and the language actually used must be shared by
    ≥ k invitees (``analysis.suppression.combinations``); dropped values are left out, a dropped
    language is "" (onbekend)."""
    generaliser = invitee_generaliser(survey)
    if generaliser is None:  # contact data deleted: nobody can answer any more
        return {}, ""
    shown = generaliser.generalise({**(invitation.background or {}), LANGUAGE: language})
    language_shown = shown.pop(LANGUAGE, None) or ""
    return {v: value for v, value in shown.items() if value is not None}, language_shown


def coarse_background(survey: Survey, invitation: Invitation, language: str | None = None) -> dict:
    """The invitee's background categories a response may keep: see :func:`coarse_profile` (with the
    invitee's preferred language when no other language is given)."""
    return coarse_profile(survey, invitation, language or invitation.language)[0]
