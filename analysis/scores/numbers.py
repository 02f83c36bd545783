"""Dutch number formatting for every report, page and file: decimal comma, point for thousands,
rounding half away from zero, a space before the percent sign ("62 %").

The one rounding rule: half away from zero (7,25 -> 7,3; 72,5 % -> 73 %; -0,25 -> -0,3) as readers
learnt at school, not to the even neighbour as Python's ``round`` and Babel do. HTML, PDF, DOCX and
the XLSX (which stores the rounded figure as a number) all round here. Floats are taken at their shortest decimal form
(``repr``), so 7.25 rounds up although its binary value is a hair below; exact fractions (a mean as
total / n) are rounded exactly.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from numbers import Integral, Real

#: shown where a number is missing or hidden
MISSING = "–"


def round_half_up(value: Real | Fraction | Decimal, decimals: int = 0) -> Decimal:
    """``value`` rounded half up (away from zero on .5) to ``decimals`` places, as a Decimal."""
    quantum = Decimal(1).scaleb(-decimals)
    if isinstance(value, Fraction):
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        return exact.quantize(quantum, rounding=ROUND_HALF_UP)
    if isinstance(value, Decimal):
        exact = value
    elif isinstance(value, Integral):
        exact = Decimal(int(value))
    else:
        exact = Decimal(repr(float(value)))
    return exact.quantize(quantum, rounding=ROUND_HALF_UP)


def is_missing(value) -> bool:
    """True for None, NaN and pandas NA."""
    if value is None:
        return True
    try:
        return bool(value != value) or (isinstance(value, float) and math.isnan(value))
    except TypeError:  # pandas.NA refuses bool()
        return True


def format_number(value, decimals: int = 1) -> str:
    """``7,2``; ``1.234,5``; ``–`` when missing. Half-up rounding to ``decimals`` places."""
    if is_missing(value):
        return MISSING
    rounded = round_half_up(value, decimals)
    if rounded == 0:
        rounded = abs(rounded)  # never show "-0,0"
    text = f"{rounded:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def format_grade(value) -> str:
    """A mean grade with one decimal and a decimal comma: ``7,2``."""
    return format_number(value, 1)


#: between a number and its percent sign
PERCENT_SIGN = " %"


def format_percentage(value, decimals: int = 0) -> str:
    """A percentage as reports show it: ``73 %``; ``–`` when missing or hidden."""
    if is_missing(value):
        return MISSING
    return f"{format_number(value, decimals)}{PERCENT_SIGN}"


def amount_decimals(value) -> int:
    """0 for a whole number, else 1: 40 kinderen, 7,5 weken."""
    exact = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    return 0 if exact == exact.to_integral_value() else 1


def format_amount(value, unit: str = "") -> str:
    """A figure with its unit: ``40 kinderen``; ``7,5 weken``; ``73 %``; ``–`` when missing."""
    if is_missing(value):
        return MISSING
    text = format_number(value, amount_decimals(value))
    if unit.strip() == "%":
        return text + PERCENT_SIGN
    return f"{text} {unit.strip()}".strip()


def format_count(value) -> str:
    """A whole count with a thousands point: ``1.234``; ``–`` when missing or hidden."""
    return format_number(value, 0)


def whole_percentages(counts: Sequence[int], headline: Iterable[int] = ()) -> list[int]:
    """The parts of one bar (counts of one base) as whole percentages that add up, by largest remainder.

    The ``headline`` parts (positions in ``counts``, e.g. "helemaal mee eens" and "mee eens") add up to
    their share rounded half up, the figure the headline shows (24 % + 42 % = 66 %, not 24 % + 41 %), and
    the other parts to the rest of 100 %. Within each set every part is rounded down, and the points left
    go to the parts with the largest remainders (the first of equal ones). All 0 when the counts are.
    """
    total = sum(int(c) for c in counts)
    if total <= 0:
        return [0 for _ in counts]
    exact = [Fraction(100 * int(c), total) for c in counts]
    top = list(dict.fromkeys(headline))
    rest = [i for i in range(len(counts)) if i not in top]
    target = int(round_half_up(sum((exact[i] for i in top), Fraction(0))))
    parts = [0] * len(counts)
    for members, points in ((top, target), (rest, 100 - target)):
        floors = {i: math.floor(exact[i]) for i in members}
        left = points - sum(floors.values())
        by_remainder = sorted(members, key=lambda i: (floors[i] - exact[i], i))
        for position, i in enumerate(by_remainder):
            parts[i] = floors[i] + (1 if position < left else 0)
    return parts
