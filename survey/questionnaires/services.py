"""Surveys as a whole: create (blank, from a template or from a file), settings, new round, delete.

Services flush and write audit entries; the view commits once.
"""

from __future__ import annotations

from sqlalchemy import func, select

from survey.accounts.models import Region
from survey.audit.services import record
from survey.extensions import db
from survey.questionnaires import versions
from survey.questionnaires.builder.editing import assign_missing_codes
from survey.questionnaires.content.document import Document, Section
from survey.questionnaires.content.validation import validate_document
from survey.questionnaires.exchange.json_file import SETTING_CHOICES, SETTING_DEFAULTS, SETTING_TEXTS, Exchange
from survey.questionnaires.languages import services as languages
from survey.questionnaires.models import FieldworkStatus, Survey, SurveyKind, SurveyVersion, VersionStatus
from survey.questionnaires.templates import load_template
from survey.responses.models import Response

#: settings a survey copies into its next round
ROUND_SETTINGS = (
    "kind",
    "audience",
    "address_form",
    "display_mode",
    "show_check_page",
    "estimated_minutes",
    "retention_months",
    "min_cell",
    "generalise_order",
    "template_key",
    *SETTING_TEXTS,
)


class SurveyInUse(RuntimeError):
    """The survey has answers, so it cannot be deleted (its data would go with it)."""


def surveys_in_region(
    region: Region, kind: SurveyKind | None = None, status: FieldworkStatus | None = None
) -> list[Survey]:
    stmt = select(Survey).where(Survey.region_id == region.id)
    if kind is not None:
        stmt = stmt.where(Survey.kind == kind)
    if status is not None:
        stmt = stmt.where(Survey.status == status)
    return list(
        db.session.scalars(stmt.order_by(Survey.kind, Survey.series_key, Survey.created_at.desc(), Survey.id.desc()))
    )


def blank_document(language_codes: list[str] | None = None) -> Document:
    return Document(languages=list(language_codes or ["nl"]), sections=[Section(key="S1")])


def create_survey(
    region: Region,
    settings: dict,
    document: Document,
    *,
    round_label: str = "",
    template_key: str | None = None,
    audit: str | None = "survey.create",
) -> Survey:
    """A new survey in the region with version 1 as a draft."""
    settings = _coerce({**SETTING_DEFAULTS, **settings})
    checked = validate_document(document.to_dict())
    languages.sync_scale_labels(checked)
    assign_missing_codes(checked)
    survey = Survey(
        region_id=region.id,
        round_label=round_label.strip(),
        template_key=template_key,
        status=FieldworkStatus.DRAFT,
        **settings,
    )
    db.session.add(survey)
    db.session.add(SurveyVersion(survey=survey, number=1, status=VersionStatus.DRAFT, document=checked.to_dict()))
    db.session.flush()
    if audit:
        record(audit, survey, kind=survey.kind.value, template=template_key or "", items=len(checked.item_codes()))
    return survey


def create_from_template(region: Region, key: str, *, title: str = "", round_label: str = "") -> Survey:
    exchange = load_template(key)
    settings = dict(exchange.settings)
    if title.strip():
        settings["title"] = {**settings.get("title", {}), "nl": title.strip()}
    return create_survey(region, settings, exchange.document, round_label=round_label, template_key=key)


def create_from_exchange(region: Region, exchange: Exchange, *, source: str) -> Survey:
    """A new survey from an imported file (JSON or spreadsheet)."""
    survey = create_survey(region, dict(exchange.settings), exchange.document, audit=None)
    record("survey.import", survey, source=source, items=len(exchange.document.item_codes()))
    return survey


def import_into(survey: Survey, exchange: Exchange, token: str | None, *, source: str) -> None:
    """Replace the draft's questions with an imported document (survey settings stay as they are)."""
    languages.sync_scale_labels(exchange.document)
    versions.save_document(survey, exchange.document, token)
    record("survey.import", survey, source=source, items=len(exchange.document.item_codes()))


def update_settings(survey: Survey, values: dict, lock: int | None) -> None:
    """Change survey settings; ``lock`` is the survey's lock counter the form was built from."""
    if lock != survey.lock_version:
        raise versions.ConflictError()
    for name, value in _coerce(values).items():
        setattr(survey, name, value)
    db.session.flush()


def response_count(survey: Survey) -> int:
    return db.session.scalar(select(func.count()).select_from(Response).where(Response.survey_id == survey.id))


def delete_survey(survey: Survey) -> None:
    """Delete a survey that nobody answered yet (answers are never deleted this way)."""
    if response_count(survey):
        raise SurveyInUse()
    record("survey.delete", survey, kind=survey.kind.value, versions=len(survey.versions))
    db.session.delete(survey)
    db.session.flush()


def new_round(survey: Survey, round_label: str, *, title: str = "") -> Survey:
    """The next *meting*: same series and item codes, a copy of the newest version as draft 1."""
    source = survey.published_version or versions.current_version(survey)
    settings = {name: _copy(getattr(survey, name)) for name in ROUND_SETTINGS}
    if title.strip():
        settings["title"] = {**settings.get("title", {}), "nl": title.strip()}
    copy = Survey(
        region_id=survey.region_id,
        series_key=survey.series_key,
        previous_round_id=survey.id,
        round_label=round_label.strip(),
        status=FieldworkStatus.DRAFT,
        **settings,
    )
    db.session.add(copy)
    document = versions.document_of(source)
    db.session.add(SurveyVersion(survey=copy, number=1, status=VersionStatus.DRAFT, document=document.to_dict()))
    db.session.flush()
    record("survey.new_round", copy, previous=survey.id, items=len(document.item_codes()))
    return copy


def rounds_of(survey: Survey) -> list[Survey]:
    """Every round of the survey's series in the region, oldest first."""
    return list(
        db.session.scalars(
            select(Survey)
            .where(Survey.region_id == survey.region_id, Survey.series_key == survey.series_key)
            .order_by(Survey.created_at, Survey.id)
        )
    )


def _coerce(settings: dict) -> dict:
    """Kind, audience, address form and display mode as their Enum members (forms give strings)."""
    return {
        name: (SETTING_CHOICES[name](value) if name in SETTING_CHOICES else value) for name, value in settings.items()
    }


def _copy(value):
    return dict(value) if isinstance(value, dict) else value
