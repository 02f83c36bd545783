"""Dutch labels (English msgids) for the programme's kinds and states, for forms and templates."""

from flask_babel import lazy_gettext as _l
from wtforms.fields import SelectChoice

from analysis.programmes.targets import Direction
from analysis.programmes.targets import Status as TargetStatus
from survey.programmes.models import ProjectStatus
from survey.programmes.monitor.indicators import Aggregation, PeriodType
from survey.programmes.progress_reports.models import NoteKind, NoteSource, ProgressStatus

PROJECT_STATUS = {
    ProjectStatus.PREPARING: _l("In preparation"),
    ProjectStatus.RUNNING: _l("Running"),
    ProjectStatus.FINISHED: _l("Finished"),
    ProjectStatus.STOPPED: _l("Stopped"),
}
PROGRESS_STATUS = {
    ProgressStatus.ON_TRACK: _l("On track"),
    ProgressStatus.ATTENTION: _l("Needs attention"),
    ProgressStatus.RISK: _l("At risk"),
}
NOTE_KIND = {
    NoteKind.PROUD: _l("Proud of"),
    NoteKind.WORKS: _l("Works well"),
    NoteKind.ATTENTION: _l("Attention"),
    NoteKind.NOTABLE: _l("Notable"),
}
NOTE_SOURCE = {
    NoteSource.INTERVIEW: _l("Interview"),
    NoteSource.AFTERNOON: _l("Team afternoon (heimiddag)"),
    NoteSource.ARENA: _l("Effect arena (effectenarena)"),
    NoteSource.OTHER: _l("Other"),
}
PERIOD_TYPE = {
    PeriodType.MONTH: _l("Per month"),
    PeriodType.QUARTER: _l("Per quarter"),
}
AGGREGATION = {
    Aggregation.SUM: _l("Add up (numbers of children, trajectories)"),
    Aggregation.MEAN: _l("Average (percentages, grades, waiting days)"),
    Aggregation.DISTINCT: _l("Count unique pseudonyms (unique children across sources)"),
}

DIRECTION = {
    Direction.INCREASE: _l("Increase: more is better"),
    Direction.DECREASE: _l("Decrease: less is better"),
    Direction.AT_MOST: _l("Keep at or below the target value"),
    Direction.AT_LEAST: _l("Keep at or above the target value"),
    Direction.ZERO: _l("Reach zero"),
}
TARGET_STATUS = {
    TargetStatus.NO_DATA: _l("No figure yet"),
    TargetStatus.WORSE: _l("Further from the target than at the baseline"),
    TargetStatus.UNDER_WAY: _l("On the way"),
    TargetStatus.REACHED: _l("Target reached"),
    TargetStatus.PAST: _l("Past the target"),
}

_ALL = {
    **PROJECT_STATUS,
    **PROGRESS_STATUS,
    **NOTE_KIND,
    **NOTE_SOURCE,
    **PERIOD_TYPE,
    **AGGREGATION,
    **DIRECTION,
    **TARGET_STATUS,
}


def label(value) -> str:
    """The Dutch label of any kind or state of this stage; empty for None."""
    if value is None:
        return ""
    found = _ALL.get(value)
    return str(found) if found is not None else str(value)


def choices(labels: dict) -> list[SelectChoice]:
    """Form choices for an Enum's labels."""
    return [SelectChoice(key.value, text) for key, text in labels.items()]
