"""Response figures (*respons*) of a round: from the invitation ledger, or from the responses of an open link.

The ledger gives invited, started and completed, and the survey's daily counters the days; with no
invitation list (open link, poll) the responses give started and completed and only their week.
Response per category comes from the ledger's coarse background and is protected like any breakdown
(n = completed).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import sqlalchemy as sa
from sqlalchemy import func, select

from analysis.scores.breakdowns import UNKNOWN_GROUP
from analysis.scores.response import ResponseFigures, response_figures, responses_per_day
from analysis.suppression import Policy, Suppressed, protect_breakdown
from survey.extensions import db
from survey.fieldwork.models import Invitation, ParticipationDay
from survey.reports.results import parse_background
from survey.responses.models import Response, ResponseStatus


@dataclass(frozen=True, eq=False)
class ResponseSummary:
    """Totals, completed per day (ledger) or per week (responses), and response per category."""

    figures: ResponseFigures
    from_ledger: bool
    #: completed responses that count in the results (may differ from the ledger: open link as well)
    in_results: int
    per_day: pd.DataFrame = field(default_factory=pd.DataFrame)
    per_week: pd.DataFrame = field(default_factory=pd.DataFrame)
    per_category: dict[str, Suppressed] = field(default_factory=dict)


def _ledger_totals(survey_id: int) -> tuple[int, int, int]:
    row = db.session.execute(
        select(
            func.count(),
            func.count().filter(Invitation.started.is_(True)),
            func.count().filter(Invitation.completed.is_(True)),
        ).where(Invitation.survey_id == survey_id)
    ).one()
    return int(row[0]), int(row[1]), int(row[2])


def _response_totals(survey_id: int) -> tuple[int, int]:
    row = db.session.execute(
        select(func.count(), func.count().filter(Response.status == ResponseStatus.COMPLETED)).where(
            Response.survey_id == survey_id
        )
    ).one()
    return int(row[0]), int(row[1])


def response_summary(survey_id: int, policy: Policy) -> ResponseSummary:
    """The response of a round; per category only from the ledger."""
    invited, started, completed = _ledger_totals(survey_id)
    all_responses, in_results = _response_totals(survey_id)
    if invited:
        started, completed = min(started, invited), min(completed, started)
        days = db.session.execute(
            select(ParticipationDay.day, ParticipationDay.completed).where(
                ParticipationDay.survey_id == survey_id, ParticipationDay.completed > 0
            )
        )
        return ResponseSummary(
            response_figures(invited, started, completed),
            True,
            in_results,
            per_day=responses_per_day([d for d, n in days for _ in range(n)], invited),
            per_category=_per_category(survey_id, policy),
        )
    weeks = db.session.execute(
        select(Response.week, func.count())
        .where(Response.survey_id == survey_id, Response.status == ResponseStatus.COMPLETED)
        .group_by(Response.week)
        .order_by(Response.week)
    )
    per_week = pd.DataFrame([(w, int(n)) for w, n in weeks], columns=["week", "count"])
    return ResponseSummary(response_figures(None, all_responses, in_results), False, in_results, per_week=per_week)


def _per_category(survey_id: int, policy: Policy) -> dict[str, Suppressed]:
    text = sa.cast(Invitation.background, sa.Text)
    done = Invitation.completed
    rows = db.session.execute(
        select(text, done, func.count()).where(Invitation.survey_id == survey_id).group_by(text, done)
    )
    parsed: dict = {}
    frame = pd.DataFrame(
        [(parse_background(t, parsed), bool(d), int(n)) for t, d, n in rows],
        columns=["background", "completed", "count"],
    )
    variables = sorted({k for b in frame["background"] for k in b})
    return {
        variable: protect_category(
            frame["background"].map(lambda b, v=variable: b.get(v) or None),
            frame["completed"],
            frame["count"],
            variable,
            policy,
        )
        for variable in variables
    }


def protect_category(
    values: pd.Series, completed: pd.Series, counts: pd.Series, variable: str, policy: Policy
) -> Suppressed:
    """Invited, completed and response % per category, completed counts protected (total row first).

    ``values``, ``completed`` and ``counts`` describe groups of invitations: their category, whether they
    completed, and how many there are."""
    groups = values.where(values.notna(), UNKNOWN_GROUP).astype("str")
    data = pd.DataFrame(
        {variable: groups, "invited": counts.astype(int), "n": counts.astype(int) * completed.astype(int)}
    )
    table = data.groupby(variable, sort=True)[["invited", "n"]].sum().reset_index()
    total = pd.DataFrame({variable: [None], "invited": [int(data["invited"].sum())], "n": [int(data["n"].sum())]})
    frame = pd.concat([total, table], ignore_index=True)
    frame["pct"] = 100.0 * frame["n"] / frame["invited"]
    return protect_breakdown(frame, [variable], n="n", mask=("pct",), policy=policy)
