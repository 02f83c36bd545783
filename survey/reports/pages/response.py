"""Response figures (*respons*) of a round: from the invitation ledger, or from the responses of an open link.

The ledger gives invited, started and completed, and the survey's daily counters the days; with no
invitation list (open link, poll) the responses give started and completed and only their week.
Response per category comes from the ledger's coarse background and is protected like any breakdown
(n = completed).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd
import sqlalchemy as sa
from sqlalchemy import func, select

from analysis.scores.breakdowns import UNKNOWN_GROUP
from analysis.scores.response import ResponseFigures, response_figures, responses_per_day
from analysis.suppression import HiddenCell, Policy, Reason, Suppressed, protect_breakdown
from survey.extensions import db
from survey.fieldwork import closed
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


def _response_totals(survey_id: int) -> tuple[int, int]:
    row = db.session.execute(
        select(func.count(), func.count().filter(Response.status == ResponseStatus.COMPLETED)).where(
            Response.survey_id == survey_id
        )
    ).one()
    return int(row[0]), int(row[1])


def response_summary(survey_id: int, policy: Policy) -> ResponseSummary:
    """The response of a round; per category only from the ledger."""
    invited, started, completed = closed.ledger_totals(survey_id)
    all_responses, in_results = _response_totals(survey_id)
    all_responses += closed.unfinished_deleted(survey_id)  # they had started
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
    frozen = closed.frozen_figures(survey_id)
    if frozen is not None:
        return thawed_tables(frozen["reports"]["response_tables"], policy)
    return category_tables(survey_id, policy)


def category_tables(survey_id: int, policy: Policy) -> dict[str, Suppressed]:
    """Response per category of each background variable, from the invitations (fieldwork not closed)."""
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


#: the columns of a protected response table after its category column
TABLE_COLUMNS = ("invited", "n", "pct", "hidden", "reason", "signal")


def frozen_tables(tables: dict[str, Suppressed], policy: Policy) -> dict:
    """The protected tables as plain JSON values, kept at the close: what the page shows, hidden counts None."""
    return {
        "k": policy.k,
        "public": policy.public,
        "tables": [
            [
                variable,
                [
                    [_plain(group), int(invited), _plain(n), _plain(pct), bool(hidden), _plain(reason), bool(signal)]
                    for group, invited, n, pct, hidden, reason, signal in table.table[
                        [variable, *TABLE_COLUMNS]
                    ].itertuples(index=False, name=None)
                ],
                [[list(cell.key), cell.reason.value] for cell in table.hidden],
            ]
            for variable, table in tables.items()
        ],
    }


def thawed_tables(data: dict, policy: Policy) -> dict[str, Suppressed]:
    """The tables kept at the close, for a page with the same policy; none for a public page or when k has
    been raised since (a count between the two would show)."""
    kept = Policy(k=data["k"], public=data["public"])
    if policy.public != kept.public or policy.k > kept.k:
        return {}
    tables = {}
    for variable, rows, hidden in data["tables"]:
        columns = list(zip(*rows, strict=True)) if rows else [[]] * 7
        frame = pd.DataFrame(
            {
                variable: pd.Series(columns[0], dtype="object"),
                "invited": pd.Series(columns[1], dtype="int64"),
                "n": pd.array(columns[2], dtype="Int64"),
                "pct": pd.Series([float("nan") if v is None else v for v in columns[3]], dtype="float64"),
                "hidden": pd.Series(columns[4], dtype="bool"),
                "reason": pd.Series(columns[5], dtype="object"),
                "signal": pd.Series(columns[6], dtype="bool"),
            }
        )
        cells = tuple(HiddenCell(tuple(key), Reason(reason)) for key, reason in hidden)
        tables[variable] = Suppressed(frame, cells, kept)
    return tables


def _plain(value):
    """A cell as a JSON value: None for a missing one, Python numbers for numpy ones."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return value.item() if hasattr(value, "item") else value
