"""The reports side of the close of fieldwork (``survey.closing``): what the results page reads from the
invitations is kept before they are cleared, and each completed response keeps no finer background than
the page shows.

* :func:`closing_figures`: the response per category (the results page's tables, protected as the page
  protects them), the background variables of the contact file (which the page lists even when every
  response lost them) and the background columns of the export;
* :func:`write_back_shown`: every completed response's stored language and background become what
  :func:`survey.reports.anonymity.shown_profiles` shows once the round is closed (k over the combination
  among the respondents too). From then on the page starts from the stored values and shows the same.

A per-respondent export of a questionnaire with background questions may leave out more per row
(:func:`survey.reports.anonymity.export_profiles`): that row also carries the answers to those
questions, which the database keeps as answers.
"""

from __future__ import annotations

from sqlalchemy import update

from survey.extensions import db
from survey.questionnaires.models import Survey
from survey.reports.anonymity import invitee_variables, shown_profiles
from survey.reports.exports.services import background_variables
from survey.reports.pages.figures import policy_for
from survey.reports.pages.response import category_tables, frozen_tables
from survey.reports.results import background_text, completed_filter, parse_background
from survey.responses.models import Response


def closing_figures(survey: Survey) -> dict:
    """What the results page reads from the invitations, as it reads it now (before they are cleared)."""
    policy = policy_for(survey)
    return {
        "invitee_variables": list(invitee_variables(survey.id)),
        "export_variables": list(background_variables(survey.id)),
        "response_tables": frozen_tables(category_tables(survey.id, policy), policy),
    }


def write_back_shown(survey: Survey) -> int:
    """Store on every completed response the language and background the round shows; returns how many
    responses changed (their version counter goes up, so cached counts per stored profile are made again)."""
    shown = shown_profiles(survey, closing=True)
    parsed: dict = {}
    changed = 0
    for (language, text), (shown_language, background) in shown.profiles.items():
        if shown_language == (language or "") and background == parse_background(text, parsed):
            continue
        same = (Response.language == language) if language is not None else Response.language.is_(None)
        stored = (background_text() == text) if text is not None else Response.background.is_(None)
        changed += db.session.execute(
            update(Response)
            .where(completed_filter(survey.id), same, stored)
            .values(
                language=shown_language,
                background=dict(background),
                lock_version=Response.lock_version + 1,
            )
            .execution_options(synchronize_session=False)
        ).rowcount
    return changed
