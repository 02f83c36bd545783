"""The threshold curve as SVG coordinates: share of answers coded automatically (x) against accuracy (y).

The template draws it; a data table with the same figures sits next to it for screen readers.
"""

from dataclasses import dataclass

WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 560, 320, 56, 16, 16, 48


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float
    threshold: float
    share: float
    accuracy: float


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    points: list[ChartPoint]
    path: str
    x_ticks: list[tuple[float, int]]  #: (x position, percentage)
    y_ticks: list[tuple[float, int]]  #: (y position, percentage)
    left: int
    bottom: float
    right: float
    top: int


def _x(share: float) -> float:
    return round(LEFT + share * (WIDTH - LEFT - RIGHT), 1)


def _y(accuracy: float) -> float:
    return round(TOP + (1 - accuracy) * (HEIGHT - TOP - BOTTOM), 1)


def curve_chart(curve: list[dict]) -> Chart:
    """Coordinates for the rows of a threshold curve that auto-code at least one answer."""
    points = [ChartPoint(_x(row["share"]), _y(row["accuracy"]), row["threshold"], row["share"], row["accuracy"])
              for row in curve if row.get("accuracy") is not None]
    points.sort(key=lambda p: p.x)
    path = " ".join(("M" if i == 0 else "L") + f"{p.x},{p.y}" for i, p in enumerate(points))
    ticks = [0, 25, 50, 75, 100]
    return Chart(WIDTH, HEIGHT, points, path, [(_x(t / 100), t) for t in ticks], [(_y(t / 100), t) for t in ticks],
                 LEFT, _y(0), WIDTH - RIGHT, TOP)
