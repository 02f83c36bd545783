"""Programme objects for tests, each committed so requests (own sessions) see them."""

import itertools
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from survey.accounts.models import Membership, Role, User
from survey.extensions import db
from survey.programmes.models import (
    BudgetLine,
    Principle,
    Programme,
    Project,
    ProjectActionLine,
    RegionalActionLine,
    Target,
)
from survey.programmes.monitor.indicators import (
    Aggregation,
    Indicator,
    IndicatorSet,
    Measurement,
    MeasurementUpload,
    PeriodType,
)
from survey.programmes.progress_reports.models import Note, NoteKind, NoteSource, ProgressReport, ProgressStatus

_numbers = itertools.count(1)


def _saved(obj):
    db.session.add(obj)
    db.session.commit()
    return obj


def leader_of(region) -> User | None:
    """The region's first projectleider, who then leads the test project (so that role can reach it)."""
    stmt = (
        select(User)
        .join(Membership)
        .where(Membership.region_id == region.id, Membership.role == Role.PROJECTLEIDER)
        .order_by(User.id)
    )
    return db.session.scalar(stmt)


def make_programme(region, make_user=None, **fields) -> Programme:
    year = date.today().year
    values = {
        "name": f"Programma {next(_numbers)}",
        "start_year": year - 1,
        "end_year": year + 1,
        "report_months": [1, 4, 7, 10],
        "gemeenten": ["Schiedam", "Vlaardingen", "Maassluis"],
    }
    values.update(fields)
    return _saved(Programme(region_id=region.id, **values))


def make_principle(region, make_user=None) -> Principle:
    return _saved(Principle(programme=make_programme(region), title="Zo thuis mogelijk", text="Thuis."))


def make_regional_line(region, make_user=None) -> RegionalActionLine:
    return _saved(
        RegionalActionLine(
            programme=make_programme(region), title="Thuis in de regio", description="Zo min mogelijk buiten de regio."
        )
    )


_REGION_LEADER = object()


def make_project(region, make_user=None, *, programme=None, leader=_REGION_LEADER, **fields) -> Project:
    """A project on actielijn 2; led by the region's first projectleider unless ``leader`` is given."""
    programme = programme or make_programme(region)
    project = Project(
        programme=programme,
        name=fields.pop("name", f"Project {next(_numbers)}"),
        leader=leader_of(region) if leader is _REGION_LEADER else leader,
        **fields,
    )
    project.action_line_links = [ProjectActionLine(number=2)]
    return _saved(project)


def make_indicator_set(region, make_user=None, *, programme=None, pseudonym_column=None) -> IndicatorSet:
    return _saved(
        IndicatorSet(
            programme=programme or make_programme(region),
            name=f"Uitvraag {next(_numbers)}",
            pseudonym_column=pseudonym_column,
        )
    )


def make_indicator(region, make_user=None, *, indicator_set=None, name=None, **fields) -> Indicator:
    values = {
        "unit": "kinderen",
        "period_type": PeriodType.QUARTER,
        "aggregation": Aggregation.SUM,
        "per_gemeente": False,
    }
    values.update(fields)
    return _saved(
        Indicator(
            indicator_set=indicator_set or make_indicator_set(region),
            name=name or f"Indicator {next(_numbers)}",
            **values,
        )
    )


def make_target(region, make_user=None, *, project=None, indicator=None, **fields) -> Target:
    project = project or make_project(region)
    indicator = indicator or make_indicator(
        region, indicator_set=make_indicator_set(region, programme=project.programme)
    )
    values = {
        "description": "40 kinderen naar een gezin",
        "target_value": Decimal(40),
        "unit": "kinderen",
        "target_date": date(date.today().year + 1, 12, 31),
        "cumulative": True,
    }
    values.update(fields)
    return _saved(Target(project=project, indicator=indicator, **values))


def make_budget_line(region, make_user=None) -> BudgetLine:
    return _saved(BudgetLine(project=make_project(region), year=2026, budgeted=Decimal(1000), spent=None))


def make_measurement(region, make_user=None) -> Measurement:
    return _saved(Measurement(indicator=make_indicator(region), period="2026-K1", value=Decimal(3)))


def make_upload(region, make_user=None) -> MeasurementUpload:
    upload = _saved(
        MeasurementUpload(indicator_set=make_indicator_set(region), filename="a.xlsx", source="Aanbieder", row_count=0)
    )
    return upload


def make_report(region, make_user=None) -> ProgressReport:
    return _saved(
        ProgressReport(
            project=make_project(region),
            round=f"{date.today().year}-01",
            status=ProgressStatus.ON_TRACK,
            results="Goed.",
        )
    )


def make_note(region, make_user=None) -> Note:
    project = make_project(region)
    return _saved(
        Note(
            programme=project.programme,
            project=project,
            kind=NoteKind.PROUD,
            text="Trots.",
            source_type=NoteSource.AFTERNOON,
            noted_on=date.today(),
        )
    )


#: URL parameter → factory, for the URL-map walk in tests/survey/test_access_map.py
PARAM_FACTORIES = {
    "programme_id": make_programme,
    "principle_id": make_principle,
    "line_id": make_regional_line,
    "project_id": make_project,
    "target_id": make_target,
    "budget_line_id": make_budget_line,
    "indicator_set_id": make_indicator_set,
    "indicator_id": make_indicator,
    "measurement_id": make_measurement,
    "upload_id": make_upload,
    "report_id": make_report,
    "note_id": make_note,
}
