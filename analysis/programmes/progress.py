"""Progress against a project's targets, from the measured values of its indicators.

Pure: measurements come in as plain tuples, results go out as numbers and frozen dataclasses, so a
report (the tussenevaluatie) and a notebook compute the same figures.

How values combine per period, across gemeenten and sources:
- ``sum``: counts (children, trajectories) add up;
- ``mean``: rates and grades are averaged (unweighted);
- ``distinct``: the number of different pseudonyms, so a child reported by two sources counts once.

Two values without a pseudonym for the same period and gemeente (a data-uitvraag figure and a figure
from a progress report, say) are a *conflict*: neither counts until a person chooses one
(``split_conflicts``), so a figure is never silently added to itself.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from analysis.programmes.periods import period_start
from analysis.programmes.targets import Direction, Status, evaluate

SUM, MEAN, DISTINCT = "sum", "mean", "distinct"
AGGREGATIONS = (SUM, MEAN, DISTINCT)


@dataclass(frozen=True)
class Value:
    """One stored measurement, as far as progress is concerned."""

    period: str
    value: Decimal
    pseudonym: str = ""
    gemeente: str = ""


@dataclass(frozen=True)
class TargetProgress:
    """Where a target stands: the latest period with data, the figure, % of the way realised and the
    status (``analysis.programmes.targets``), and the figure of every period so far (running totals when cumulative)."""

    period: str | None
    value: Decimal | None
    percent: float | None
    status: Status = Status.NO_DATA
    series: tuple[tuple[str, Decimal], ...] = ()
    #: periods left out because two values for one period and gemeente wait for a choice
    conflicts: tuple[str, ...] = ()


def split_conflicts(values: Iterable[Value]) -> tuple[list[Value], dict[tuple[str, str], list[Value]]]:
    """(values that count, conflicts by (period, gemeente)): values without a pseudonym that share a
    period and gemeente conflict; rows with a pseudonym are one child each and never conflict."""
    values = list(values)
    groups: dict[tuple[str, str], list[Value]] = defaultdict(list)
    for item in values:
        if not item.pseudonym:
            groups[(item.period, item.gemeente)].append(item)
    conflicts = {key: group for key, group in groups.items() if len(group) > 1}
    clean = [v for v in values if v.pseudonym or (v.period, v.gemeente) not in conflicts]
    return clean, conflicts


def _ordered(periods: Iterable[str]) -> list[str]:
    return sorted(set(periods), key=period_start)


def period_totals(values: Iterable[Value], aggregation: str) -> dict[str, Decimal]:
    """One figure per period, in time order."""
    grouped: dict[str, list[Value]] = defaultdict(list)
    for item in values:
        grouped[item.period].append(item)
    return {period: _combine(grouped[period], aggregation) for period in _ordered(grouped)}


def _combine(items: list[Value], aggregation: str) -> Decimal:
    if aggregation == DISTINCT:
        return Decimal(len({i.pseudonym for i in items if i.pseudonym}))
    total = sum((i.value for i in items), Decimal(0))
    if aggregation == MEAN:
        return total / len(items)
    return total


def cumulative_value(values: Iterable[Value], aggregation: str, until: str | None = None) -> Decimal | None:
    """Everything up to and including a period: a sum of sums, or the distinct pseudonyms overall."""
    items = [v for v in values if until is None or period_start(v.period) <= period_start(until)]
    if not items:
        return None
    if aggregation == DISTINCT:
        return _combine(items, DISTINCT)
    totals = period_totals(items, aggregation)
    return sum(totals.values(), Decimal(0))


def target_progress(
    values: Iterable[Value],
    aggregation: str,
    target: Decimal,
    baseline: Decimal | None = None,
    cumulative: bool = False,
    direction: str = Direction.INCREASE,
) -> TargetProgress:
    """The figure to hold against a target: the latest period's, or the running total since the start.
    Periods with a conflict are left out (and named) until someone chooses a value."""
    values, conflicts = split_conflicts(values)
    waiting = tuple(_ordered(period for period, _gemeente in conflicts))
    totals = period_totals(values, aggregation)
    if not totals:
        return TargetProgress(None, None, None, conflicts=waiting)
    if cumulative:
        series = tuple((period, cumulative_value(values, aggregation, until=period)) for period in totals)
    else:
        series = tuple(totals.items())
    latest, current = series[-1]
    state = evaluate(current, target, baseline, direction)
    return TargetProgress(latest, current, state.percent, state.status, series, waiting)


def budget_totals(lines: Iterable[tuple[int, Decimal, Decimal | None]]) -> tuple[Decimal, Decimal]:
    """(begroot, besteed) over budget lines of (year, budgeted, spent); missing spending counts as 0."""
    budgeted, spent = Decimal(0), Decimal(0)
    for _year, planned, used in lines:
        budgeted += planned
        spent += used or Decimal(0)
    return budgeted, spent
