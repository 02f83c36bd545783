"""Series of rounds (*reeksen van metingen*): continuing a series from a template, linking afterwards.

Rounds share a ``series_key``; trends compare the same item codes round by round. A region that makes
this year's questionnaire from the template it used last year is offered the existing series instead of
a new one. A survey made without that link can be joined to a series afterwards: the item codes are
compared first (same codes, codes only in one of the two, codes whose meaning changed), in Dutch, and a
survey without a single shared code is refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from survey.accounts.models import Region
from survey.audit.services import record
from survey.extensions import db
from survey.questionnaires import versions
from survey.questionnaires.builder.changes import compare
from survey.questionnaires.builder.feedback import change_message
from survey.questionnaires.content.document import Document
from survey.questionnaires.models import Survey


class NoSharedItems(ValueError):
    """The two questionnaires have no item code in common, so there would be no trend at all."""


@dataclass(frozen=True)
class SeriesCheck:
    """How a survey compares with the round it would follow."""

    shared: list[str]
    only_here: list[str]
    only_earlier: list[str]
    messages: list[str] = field(default_factory=list)

    @property
    def linkable(self) -> bool:
        return bool(self.shared)


def newest_document(survey: Survey) -> Document:
    """The published version, else the newest draft."""
    return versions.document_of(survey.published_version or versions.current_version(survey))


def latest_rounds(surveys: list[Survey]) -> list[Survey]:
    """The newest round of every series among ``surveys`` (by creation), newest series first."""
    newest: dict[str, Survey] = {}
    for survey in sorted(surveys, key=lambda s: (s.created_at, s.id)):
        newest[survey.series_key] = survey
    return sorted(newest.values(), key=lambda s: (s.created_at, s.id), reverse=True)


def template_series(region: Region, template_key: str) -> list[Survey]:
    """The newest round of each series in the region that was made from this template."""
    surveys = db.session.scalars(
        select(Survey).where(Survey.region_id == region.id, Survey.template_key == template_key)
    )
    return latest_rounds(list(surveys))


def used_templates(region: Region) -> dict[str, list[Survey]]:
    """{template key: newest round of each series made from it} for the region."""
    surveys = db.session.scalars(select(Survey).where(Survey.region_id == region.id, Survey.template_key.is_not(None)))
    grouped: dict[str, list[Survey]] = {}
    for survey in surveys:
        grouped.setdefault(survey.template_key, []).append(survey)
    return {key: latest_rounds(rounds) for key, rounds in grouped.items()}


def link_candidates(survey: Survey) -> list[Survey]:
    """Rounds of other series of the same kind in the region that this survey could follow."""
    surveys = db.session.scalars(
        select(Survey)
        .where(Survey.region_id == survey.region_id, Survey.kind == survey.kind, Survey.series_key != survey.series_key)
        .order_by(Survey.created_at.desc(), Survey.id.desc())
    )
    return list(surveys)


def check_link(survey: Survey, earlier: Survey) -> SeriesCheck:
    """Shared item codes, codes on one side only, and every change of meaning, in Dutch."""
    here, before = newest_document(survey), newest_document(earlier)
    codes_here, codes_before = set(here.item_codes()), set(before.item_codes())
    changes = [c for c in compare(here, before, "previous_round") if c.change != "removed"]
    return SeriesCheck(
        shared=sorted(codes_here & codes_before),
        only_here=sorted(codes_here - codes_before),
        only_earlier=sorted(codes_before - codes_here),
        messages=[change_message(c) for c in changes],
    )


def link_to_series(survey: Survey, earlier: Survey) -> SeriesCheck:
    """Make ``survey`` (and the rounds of its own series) the continuation of ``earlier``'s series."""
    check = check_link(survey, earlier)
    if not check.linkable:
        raise NoSharedItems()
    old_key = survey.series_key
    for round_ in db.session.scalars(
        select(Survey).where(Survey.region_id == survey.region_id, Survey.series_key == old_key)
    ):
        round_.series_key = earlier.series_key
    survey.previous_round_id = earlier.id
    db.session.flush()
    record(
        "survey.link_series",
        survey,
        previous=earlier.id,
        shared_items=len(check.shared),
        only_here=len(check.only_here),
        only_earlier=len(check.only_earlier),
    )
    return check
