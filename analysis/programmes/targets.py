"""Where a target stands: one rule for every page, chart, table, sentence and file.

A target goes from a baseline (*nulmeting*) to a target value (*streefwaarde*) in a direction:

- ``increase``: more is better, the way runs up from the baseline (empty baseline: 0);
- ``decrease``: less is better, the way runs down from the baseline (a waiting time from 10 to 6 weeks);
- ``at_most`` / ``at_least``: a norm to keep (at or below, at or above the target value);
- ``zero``: less is better and the target value is 0 (no child in a closed setting).

``evaluate`` gives the status and the "% of the way from baseline to target": 0 % at the baseline,
100 % at the target, above 100 % past it (increase and decrease only: a norm or zero is met or not), below 0 %
when the figure moved away from the target. Where the way is unknown (less-is-better without a
baseline) or has no length (the baseline already meets the target) the percentage is None unless the
target is met, which counts as 100 %.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal


class Direction(enum.StrEnum):
    INCREASE = "increase"
    DECREASE = "decrease"
    AT_MOST = "at_most"
    AT_LEAST = "at_least"
    ZERO = "zero"


class Status(enum.StrEnum):
    NO_DATA = "no_data"  # no figure yet
    WORSE = "worse"  # further from the target than at the baseline
    UNDER_WAY = "under_way"  # between baseline and target (or: not met, way unknown)
    REACHED = "reached"  # at the target, or a norm that is met
    PAST = "past"  # beyond the target in the good direction


#: more is better in these directions; in the others less is better
UPWARD = frozenset({Direction.INCREASE, Direction.AT_LEAST})
NORMS = frozenset({Direction.AT_MOST, Direction.AT_LEAST})
#: a figure can pass the target in these directions; a norm or zero is met or not
JOURNEYS = frozenset({Direction.INCREASE, Direction.DECREASE})


@dataclass(frozen=True)
class TargetState:
    """The outcome of :func:`evaluate`."""

    status: Status
    #: % of the way from baseline to target (may be < 0 or > 100); None when it cannot be said
    percent: float | None
    #: the baseline the way was measured from (0 for an empty baseline when more is better)
    start: Decimal | None

    @property
    def met(self) -> bool:
        return self.status in (Status.REACHED, Status.PAST)


def infer_direction(baseline: Decimal | float | None, target: Decimal | float) -> Direction:
    """For targets stored before directions existed: a baseline above the target means a decrease."""
    if Decimal(str(target)) == 0 and baseline is not None and Decimal(str(baseline)) > 0:
        return Direction.ZERO
    if baseline is not None and Decimal(str(baseline)) > Decimal(str(target)):
        return Direction.DECREASE
    return Direction.INCREASE


def _dec(value) -> Decimal | None:
    if value is None:
        return None
    return value if isinstance(value, Decimal) else Decimal(str(value))


def evaluate(current, target, baseline=None, direction: str = Direction.INCREASE) -> TargetState:
    """Status and % of the way for one figure against one target (see the module text)."""
    direction = Direction(direction)
    current, target, baseline = _dec(current), _dec(target), _dec(baseline)
    if direction == Direction.ZERO:
        target = Decimal(0)
    sign = 1 if direction in UPWARD else -1
    start = baseline if baseline is not None else (Decimal(0) if sign > 0 else None)
    if current is None:
        return TargetState(Status.NO_DATA, None, start)
    beyond = (current - target) * sign  # > 0: past the target in the good direction
    met = beyond >= 0
    if met:
        status = Status.PAST if beyond > 0 and direction in JOURNEYS else Status.REACHED
    else:
        status = Status.UNDER_WAY
    if start is None:
        return TargetState(status, 100.0 if met else None, start)
    needed = (target - start) * sign
    gained = (current - start) * sign
    if needed <= 0:  # the baseline already met the target: there is no way to go
        if met:
            return TargetState(status, 100.0, start)
        return TargetState(Status.WORSE, None, start)
    percent = float(gained / needed * 100)
    if gained < 0:
        status = Status.WORSE
    if direction not in JOURNEYS and met:
        percent = 100.0
    return TargetState(status, percent, start)
