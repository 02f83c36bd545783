"""The threshold curve as SVG coordinates: share of answers coded automatically (x) against accuracy (y).

The template draws it; a data table with the same figures sits next to it for screen readers.
"""

from dataclasses import dataclass

from survey.i18n import number

WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 560, 320, 56, 16, 16, 48


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float
    threshold: float
    share: float
    accuracy: float
    #: every threshold that lands on this point (several thresholds often code the same answers)
    thresholds: tuple[float, ...] = ()

    @property
    def label(self) -> str:
        """The point's label: one threshold, or the lowest and highest of those that share it."""
        low, high = min(self.thresholds), max(self.thresholds)
        return number(low, 2) if low == high else f"{number(low, 2)}–{number(high, 2)}"


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

    @property
    def drawable(self) -> bool:
        """A curve needs two distinct points; one point says nothing about a trade-off."""
        return len(self.points) >= 2


def _x(share: float) -> float:
    return round(LEFT + share * (WIDTH - LEFT - RIGHT), 1)


def _y(accuracy: float) -> float:
    return round(TOP + (1 - accuracy) * (HEIGHT - TOP - BOTTOM), 1)


def curve_chart(curve: list[dict]) -> Chart:
    """Coordinates for the rows of a threshold curve that auto-code at least one answer; thresholds that give
    the same share and accuracy become one point, labelled with their range."""
    grouped: dict[tuple[float, float], list[dict]] = {}
    for row in curve:
        if row.get("accuracy") is not None:
            grouped.setdefault((_x(row["share"]), _y(row["accuracy"])), []).append(row)
    points = [
        ChartPoint(
            x,
            y,
            rows[0]["threshold"],
            rows[0]["share"],
            rows[0]["accuracy"],
            tuple(sorted(r["threshold"] for r in rows)),
        )
        for (x, y), rows in grouped.items()
    ]
    points.sort(key=lambda p: p.x)
    path = " ".join(("M" if i == 0 else "L") + f"{p.x},{p.y}" for i, p in enumerate(points))
    ticks = [0, 25, 50, 75, 100]
    return Chart(
        WIDTH,
        HEIGHT,
        points,
        path,
        [(_x(t / 100), t) for t in ticks],
        [(_y(t / 100), t) for t in ticks],
        LEFT,
        _y(0),
        WIDTH - RIGHT,
        TOP,
    )
