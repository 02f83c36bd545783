"""Status and % of the way for every direction × position × zero target (analysis.programmes.targets)."""

from decimal import Decimal

import pytest

from analysis.programmes.targets import Direction, Status, evaluate, infer_direction

D = Direction
# direction, baseline, target, then per position (current, status, percent):
# before the baseline (moved the wrong way), between, at the goal, past the goal
CASES = [
    (
        D.INCREASE,
        20,
        40,
        [
            (10, Status.WORSE, -50.0),
            (30, Status.UNDER_WAY, 50.0),
            (40, Status.REACHED, 100.0),
            (50, Status.PAST, 150.0),
        ],
    ),
    (
        D.DECREASE,
        10,
        6,
        [(12, Status.WORSE, -50.0), (7.5, Status.UNDER_WAY, 62.5), (6, Status.REACHED, 100.0), (4, Status.PAST, 150.0)],
    ),
    (
        D.AT_MOST,
        10,
        6,
        [
            (12, Status.WORSE, -50.0),
            (8, Status.UNDER_WAY, 50.0),
            (6, Status.REACHED, 100.0),
            (4, Status.REACHED, 100.0),
        ],
    ),
    (
        D.AT_LEAST,
        20,
        40,
        [
            (10, Status.WORSE, -50.0),
            (30, Status.UNDER_WAY, 50.0),
            (40, Status.REACHED, 100.0),
            (50, Status.REACHED, 100.0),
        ],
    ),
    (
        D.ZERO,
        28,
        0,
        [
            (35, Status.WORSE, -25.0),
            (14, Status.UNDER_WAY, 50.0),
            (0, Status.REACHED, 100.0),
            (-1, Status.REACHED, 100.0),
        ],
    ),
    # zero as the target value in the other less-is-better directions
    (
        D.DECREASE,
        28,
        0,
        [
            (30, Status.WORSE, -100 / 14),
            (21, Status.UNDER_WAY, 25.0),
            (0, Status.REACHED, 100.0),
            (-2, Status.PAST, 100 + 100 / 14),
        ],
    ),
    (
        D.AT_MOST,
        5,
        0,
        [
            (6, Status.WORSE, -20.0),
            (3, Status.UNDER_WAY, 40.0),
            (0, Status.REACHED, 100.0),
            (-1, Status.REACHED, 100.0),
        ],
    ),
    # more is better from a zero baseline
    (
        D.INCREASE,
        0,
        600,
        [
            (-10, Status.WORSE, -10 / 6),
            (95, Status.UNDER_WAY, 95 / 6),
            (600, Status.REACHED, 100.0),
            (660, Status.PAST, 110.0),
        ],
    ),
]
POSITIONS = ("before baseline", "between", "at goal", "past goal")


@pytest.mark.parametrize(
    ("direction", "baseline", "target", "current", "status", "percent"),
    [
        pytest.param(direction, baseline, target, current, status, percent, id=f"{direction}-{baseline}-{target}-{pos}")
        for direction, baseline, target, rows in CASES
        for pos, (current, status, percent) in zip(POSITIONS, rows, strict=True)
    ],
)
def test_every_direction_and_position(direction, baseline, target, current, status, percent):
    state = evaluate(Decimal(str(current)), Decimal(target), Decimal(baseline), direction)
    assert state.status == status
    assert state.percent == pytest.approx(percent)


def test_the_faults_found_in_the_report():
    # a waiting time from 10 to 6 weeks, now 7,5: 62,5 % of the way, not 125 % of the goal
    assert evaluate(Decimal("7.5"), 6, 10, D.DECREASE).percent == 62.5
    # fewer young people in residential care, 20 -> 5, now 12: 53 %, not 240 %
    assert evaluate(12, 5, 20, D.DECREASE).percent == pytest.approx(53.333, abs=0.001)
    # a target of 0 from 28, now 28: no way made yet, not a full bar
    state = evaluate(28, 0, 28, D.ZERO)
    assert state.percent == 0.0 and state.status == Status.UNDER_WAY


@pytest.mark.parametrize("direction", list(D))
def test_no_figure_yet(direction):
    state = evaluate(None, 10, 5, direction)
    assert state.status == Status.NO_DATA and state.percent is None


def test_missing_baseline_counts_from_zero_when_more_is_better():
    assert evaluate(30, 40, None, D.INCREASE).percent == 75.0
    assert evaluate(30, 40, None, D.AT_LEAST).status == Status.UNDER_WAY


@pytest.mark.parametrize("direction", [D.DECREASE, D.AT_MOST, D.ZERO])
def test_missing_baseline_when_less_is_better_gives_no_percentage_until_met(direction):
    target = 0 if direction == D.ZERO else 6
    assert evaluate(8, target, None, direction).percent is None
    assert evaluate(8, target, None, direction).status == Status.UNDER_WAY
    met = evaluate(target, target, None, direction)
    assert met.percent == 100.0 and met.met


def test_baseline_already_at_the_target():
    assert evaluate(6, 6, 6, D.AT_MOST).status == Status.REACHED
    slipped = evaluate(7, 6, 6, D.AT_MOST)
    assert slipped.status == Status.WORSE and slipped.percent is None
    assert evaluate(0, 0, 0, D.ZERO).percent == 100.0


def test_direction_of_old_targets_is_inferred():
    assert infer_direction(10, 6) == D.DECREASE
    assert infer_direction(None, 40) == D.INCREASE
    assert infer_direction(55, 90) == D.INCREASE
    assert infer_direction(28, 0) == D.ZERO
    assert infer_direction(None, 0) == D.INCREASE
