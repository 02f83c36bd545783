"""Response tracking for the onderzoeker: figures from the participation ledger only, never from answers."""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass
from datetime import date

from flask_babel import gettext
from sqlalchemy import select

from analysis.files.contacts import BACKGROUND
from analysis.files.export_safety import csv_safe
from analysis.suppression import Reason
from analysis.suppression.fieldwork import (
    Day,
    DayCount,
    Group,
    LedgerRow,
    Totals,
    group_notes,
    per_category,
    per_day,
    totals,
)
from survey.extensions import db
from survey.fieldwork import ledger
from survey.fieldwork.models import FieldworkSettings, Invitation, ParticipationDay
from survey.i18n import number
from survey.protection_notes import note_text
from survey.questionnaires.models import FieldworkStatus, Survey


def variable_labels() -> dict[str, str]:
    return {
        "gemeente": gettext("Municipality (gemeente)"),
        "soort_hulp": gettext("Kind of help"),
        "leeftijd": gettext("Age band"),
        "respondenttype": gettext("Respondent type"),
    }


def hidden_label(group: Group, column: str, k: int) -> str | None:
    """What a hidden count of a tracking table says instead of its number (None when it is shown): only a
    count hidden for being small says "fewer than k"; one hidden so that a small count cannot be worked
    out says "hidden", explained by :func:`table_notes`."""
    reason = group.reasons.get(column)
    if reason is None:
        return None
    return gettext("fewer than %(k)s", k=k) if reason is Reason.SMALL else gettext("hidden")


def table_notes(groups: list[Group], k: int) -> tuple[str, ...]:
    """The lines under one tracking table that explain its "hidden" counts (small counts are explained
    by the text above the tables)."""
    return tuple(note_text(n) for n in group_notes(groups, k) if n.key != Reason.SMALL)


@dataclass(frozen=True)
class Tracking:
    totals: Totals
    days: list[Day]
    groups: dict[str, list[Group]]  # background variable → its categories
    opted_out: int
    k: int
    #: while fieldwork runs, started/completed reach the totals per this many invitees (the ledger's batch);
    #: the day counters have them at once. None once closed: the totals are final.
    batch: int | None = None


def ledger_rows(survey: Survey) -> list[LedgerRow]:
    rows = db.session.execute(
        select(Invitation.invited_on, Invitation.started, Invitation.completed, Invitation.background).where(
            Invitation.survey_id == survey.id
        )
    )
    return [LedgerRow(i, bool(s), bool(c), b or {}) for i, s, c, b in rows]


def day_counts(survey: Survey) -> list[DayCount]:
    """The survey's daily counters of starts and completions."""
    rows = db.session.execute(
        select(ParticipationDay.day, ParticipationDay.started, ParticipationDay.completed)
        .where(ParticipationDay.survey_id == survey.id)
        .order_by(ParticipationDay.day)
    )
    return [DayCount(d, s, c) for d, s, c in rows]


def tracking(survey: Survey) -> Tracking:
    """Invited, started, completed and response, in total, per day and per background category; once the
    close has cleared the invitations, as they were at the close (:func:`frozen`)."""
    settings = db.session.get(FieldworkSettings, survey.id)
    if settings is not None and settings.closing_figures is not None:
        return thawed(settings.closing_figures["tracking"], survey.min_cell)
    rows = ledger_rows(survey)
    groups = {v: per_category(rows, v, survey.min_cell) for v in BACKGROUND}
    opted_out = db.session.scalar(
        select(db.func.count())
        .select_from(Invitation)
        .where(Invitation.survey_id == survey.id, Invitation.opted_out.is_(True))
    )
    return Tracking(
        totals=totals(rows),
        days=per_day(rows, day_counts(survey)),
        groups={v: g for v, g in groups.items() if g},
        opted_out=opted_out,
        k=survey.min_cell,
        batch=None if survey.status == FieldworkStatus.CLOSED else ledger.batch_size(survey),
    )


def frozen(figures: Tracking) -> dict:
    """The figures as plain JSON values, kept at the close (they are shown as they are: hidden counts are
    None, with their reason)."""
    return {
        "totals": asdict(figures.totals),
        "days": [[d.day.isoformat(), d.invited, d.started, d.completed, d.response_so_far] for d in figures.days],
        "groups": [
            [variable, [[g.category, g.invited, g.started, g.completed, g.response, _reasons(g)] for g in groups]]
            for variable, groups in figures.groups.items()
        ],
        "opted_out": figures.opted_out,
        "k": figures.k,
    }


def _reasons(group: Group) -> dict[str, str]:
    return {column: reason.value for column, reason in group.reasons.items()}


def thawed(data: dict, k: int) -> Tracking:
    """The figures kept at the close. Their tables per category were protected with the k of that moment:
    when k has been raised since, they are left out (a count between the two would show)."""
    groups = {
        variable: [
            Group(variable, category, invited, started, completed, response, {c: Reason(r) for c, r in why.items()})
            for category, invited, started, completed, response, why in rows
        ]
        for variable, rows in data["groups"]
    }
    return Tracking(
        totals=Totals(**data["totals"]),
        days=[Day(date.fromisoformat(day), *counts) for day, *counts in data["days"]],
        groups=groups if k <= data["k"] else {},
        opted_out=data["opted_out"],
        k=data["k"],
    )


def tracking_csv(survey: Survey) -> str:
    """The tracking figures as CSV for Excel (semicolons, decimal comma): no answers, no contact data."""
    figures = tracking(survey)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [
            gettext("Breakdown"),
            gettext("Category"),
            gettext("Invited"),
            gettext("Started"),
            gettext("Completed"),
            gettext("Response %"),
        ]
    )
    t = figures.totals
    writer.writerow([gettext("Total"), "", t.invited, t.started, t.completed, _pct(t.response)])
    for day in figures.days:
        writer.writerow(
            [gettext("Day"), day.day.isoformat(), day.invited, day.started, day.completed, _pct(day.response_so_far)]
        )
    labels = variable_labels()
    for variable, groups in figures.groups.items():
        for g in groups:
            writer.writerow(
                [labels.get(variable, variable), csv_safe(g.category)]
                + [hidden_label(g, c, figures.k) or getattr(g, c) for c in ("invited", "started", "completed")]
                + [_pct(g.response)]
            )
        for line in table_notes(groups, figures.k):
            writer.writerow([labels.get(variable, variable), gettext("Note"), line])
    return "\ufeff" + out.getvalue()


def _pct(value: float | None) -> str:
    return "" if value is None else number(value, 1)
