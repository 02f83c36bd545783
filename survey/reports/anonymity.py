"""k over the combination at reporting time: what the results page, the exports and the API may show of a
respondent's background and answer language.

One rule (:mod:`analysis.suppression.combinations`), applied to the *profiles* of a round (answer
language + stored background) before any page, filter, breakdown, export or API answer sees them:

* while the round's invitees still carry their preferred language (fieldwork open), every profile is
  generalised against the invitees, the population someone holding the contact file joins on. This also
  covers responses stored before the rule, or stored when fewer invitees were known;
* responses without an invitation (open link, interview, poll) are generalised against the respondents
  of those channels themselves, on their own background answers (language and stored background);
* after the close of fieldwork the contact data (and the preferred languages) are deleted, and the
  ledger no longer says who finished. A combination shared by k invitees may be shared by a single
  respondent, and whoever knows who finished (an old copy, a reminder, the invitee himself) searches
  only among the respondents: so every profile is then generalised once more among the round's
  respondents. The close writes what it shows back onto the responses (``survey.reports.closed``), so
  the database holds no finer combination than the page, and from then on the stored values are the
  starting point (the last step leaves them as they are, unless k was raised or responses were deleted).

Every respondent whose profile lost a value (or had none) is counted, so the page and the codebook can
say how many backgrounds are shown as "onbekend".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import sqlalchemy as sa
from flask_babel import ngettext
from sqlalchemy import func, select

from analysis.suppression import build
from analysis.suppression.combinations import LANGUAGE
from survey.extensions import db
from survey.fieldwork import closed, ledger
from survey.fieldwork.models import Invitation
from survey.questionnaires.models import Survey
from survey.reports.results import background_keys, background_text, completed_filter, parse_background
from survey.responses.models import Answer, Channel, Response

Key = tuple[str | None, str | None]


@dataclass(frozen=True)
class Shown:
    """The shown profile of every stored one: (language, background text) -> (language or '', background)."""

    profiles: dict[Key, tuple[str, dict]] = field(default_factory=dict)
    #: respondents whose language or a background variable of the round is shown as onbekend
    generalised: int = 0
    #: completed respondents in the round
    respondents: int = 0

    def of(self, language: str | None, text: str | None) -> tuple[str, dict]:
        """The shown (language, background) of a stored profile; unknown ones show nothing."""
        return self.profiles.get((language, text), ("", {}))


def _rows(survey_id: int) -> list[tuple[str | None, str, str | None, int]]:
    """(language, channel, background text, respondents) of the completed responses."""
    channel = sa.cast(Response.channel, sa.String)
    stmt = (
        select(Response.language, channel, background_text(), func.count())
        .where(completed_filter(survey_id))
        .group_by(Response.language, channel, background_text())
    )
    return [(language, str(c), text, int(n)) for language, c, text, n in db.session.execute(stmt)]


def invitee_variables(survey_id: int) -> tuple[str, ...]:
    """The background variables of the round's contact file (kept at the close, when the rows are cleared)."""
    frozen = closed.frozen_figures(survey_id)
    if frozen is not None:
        return tuple(frozen["reports"]["invitee_variables"])
    texts = db.session.scalars(
        select(sa.cast(Invitation.background, sa.Text)).where(Invitation.survey_id == survey_id).distinct()
    )
    parsed: dict = {}
    return background_keys(parse_background(text, parsed) for text in texts)


def shown_profiles(survey: Survey, *, closing: bool = False) -> Shown:
    """Apply the rule to every profile of the round's completed responses (see the module docstring);
    ``closing``: as the round will show them once its contact data are deleted (the close writes that back)."""
    rows = _rows(survey.id)
    parsed: dict = {}
    records = [
        ({**parse_background(text, parsed), LANGUAGE: language}, channel, (language, text), n)
        for language, channel, text, n in rows
    ]
    written_back = closed.frozen_figures(survey.id) is not None
    invitees = None if written_back or closing else ledger.invitee_generaliser(survey)
    has_invitees = bool(
        db.session.scalar(select(func.count()).select_from(Invitation).where(Invitation.survey_id == survey.id))
    )
    variables = tuple(v for v in background_keys(r for r, *_ in records) if v != LANGUAGE)  # the language apart
    if has_invitees:
        variables = tuple(sorted(set(variables) | set(invitee_variables(survey.id))))
    own = [
        r
        for r in records
        if invitees is None and not written_back and (r[1] != Channel.PERSONAL.value or not has_invitees)
    ]
    order = ledger.survey_order(survey)
    self_rule = build(_expand(own), (*variables, LANGUAGE), survey.min_cell, order)
    first: dict[Key, dict] = {}
    for record, channel, key, _n in records:
        if invitees is not None:
            values = invitees.generalise(record)
        elif written_back or (channel == Channel.PERSONAL.value and has_invitees):
            values = dict(record)  # written back at the close / generalised at completion against the invitees
        else:
            values = self_rule.generalise(record)
        if key in first:  # the same stored profile in two channels: show what both allow
            values = {v: x if first[key].get(v) == x else None for v, x in values.items()}
        first[key] = values
    if invitees is None and (has_invitees or written_back):
        # the invitees are gone: among the respondents, for whoever knows who finished searches only among them
        respondents = build(
            (first[key] for _r, _c, key, n in records for _ in range(n)),
            (*variables, LANGUAGE),
            survey.min_cell,
            order,
        )
        first = {key: respondents.generalise(values) for key, values in first.items()}
    shown: dict[Key, tuple[str, dict]] = {}
    for key, values in first.items():
        language = values.pop(LANGUAGE, None) or ""
        shown[key] = (language, {v: values[v] for v in variables if values.get(v) not in (None, "")})
    generalised = 0
    for _record, _channel_value, key, n in records:
        language, background = shown[key]
        if not language or any(v not in background for v in variables):
            generalised += n
    return Shown(shown, generalised, sum(n for *_, n in records))


def _expand(records: Iterable[tuple]) -> list[dict]:
    return [record for record, _c, _k, n in records for _ in range(n)]


def generalised_note(generalised: int, k: int) -> str:
    """The Dutch sentence for the results page and the codebook; '' when no background was generalised."""
    if not generalised:
        return ""
    return ngettext(
        'The background of %(num)s respondent is shown partly or wholly as "unknown": otherwise the '
        "combination of municipality, age band, kind of help, respondent type and language would point to "
        "fewer than %(k)s people.",
        'The background of %(num)s respondents is shown partly or wholly as "unknown": otherwise the '
        "combination of municipality, age band, kind of help, respondent type and language would point to "
        "fewer than %(k)s people.",
        generalised,
        k=k,
    )


def export_notes(survey: Survey) -> tuple[str, ...]:
    """Notes for the codebook of a round's export: how many backgrounds are generalised."""
    note = generalised_note(shown_profiles(survey).generalised, max(survey.min_cell, 5))
    return (note,) if note else ()


#: the questionnaire domain of background questions (A1 "wie vult in", A2 "leeftijd", …)
BACKGROUND_DOMAIN = "achtergrond"


def background_items(survey: Survey) -> list[str]:
    """Stored codes of the round's background questions answered with codes or numbers."""
    from survey.reports.items import report_items

    return sorted({i.stored_code for i in report_items(survey) if i.domain == BACKGROUND_DOMAIN and not i.is_open})


def export_profiles(survey: Survey, shown: Shown) -> dict[str, tuple[str, dict, frozenset[str]]]:
    """Per completed response id: the language, background and background *answers* a per-respondent
    export may show, when the questionnaire has background questions (else empty: ``shown`` applies).

    A row of the export carries the answers to background questions beside the stored background, so the
    rule runs once more over the whole row, among the respondents themselves: the answers to background
    questions go first, then the stored background in the survey's order. Returns (language, background,
    item codes to leave empty)."""
    codes = background_items(survey)
    if not codes:
        return {}
    answer = (
        select(Answer.response_id, Answer.item_code, Answer.value)
        .join(Response, Response.id == Answer.response_id)
        .where(completed_filter(survey.id), Answer.item_code.in_(codes), Answer.instance == "")
    )
    answers: dict[str, dict] = {}
    for response_id, code, value in db.session.execute(answer):
        answers.setdefault(response_id, {})[code] = value
    people = select(Response.id, Response.language, background_text()).where(completed_filter(survey.id))
    records: dict[str, dict] = {}
    for response_id, language, text in db.session.execute(people):
        shown_language, background = shown.of(language, text)
        records[response_id] = {**background, LANGUAGE: shown_language or None, **answers.get(response_id, {})}
    stored = background_keys(b for _l, b in shown.profiles.values())
    variables = tuple(dict.fromkeys([*(f"item:{c}" for c in codes), *stored, LANGUAGE]))
    keyed = {rid: {(f"item:{k}" if k in codes else k): v for k, v in r.items()} for rid, r in records.items()}
    rule = build(keyed.values(), variables, survey.min_cell, ledger.survey_order(survey))
    out = {}
    for response_id, record in keyed.items():
        values = rule.generalise(record)
        language = values.pop(LANGUAGE, None) or ""
        dropped = frozenset(c for c in codes if values.get(f"item:{c}") is None)
        background = {v: x for v, x in values.items() if not v.startswith("item:") and x is not None}
        out[response_id] = (language, background, dropped)
    return out
