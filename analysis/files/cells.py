"""Reading single spreadsheet cells the Dutch way: numbers with a decimal comma, and BSN detection.

Pure: plain values in, plain values out.
"""

import math
import re
from decimal import Decimal, InvalidOperation

NOT_A_NUMBER = "not_a_number"
AMBIGUOUS_NUMBER = "ambiguous_number"
#: an indicator's value is a count, a duration, a share or an amount: never below zero
NEGATIVE_NUMBER = "negative_number"

_SIGN = r"[-+]?"
_PLAIN = re.compile(_SIGN + r"\d+")
_DECIMAL_COMMA = re.compile(_SIGN + r"\d*,\d+")
_DUTCH_GROUPS = re.compile(_SIGN + r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_ENGLISH_GROUPS = re.compile(_SIGN + r"\d{1,3}(?:,\d{3})+\.\d+|" + _SIGN + r"\d{1,3}(?:,\d{3}){2,}")
_DECIMAL_POINT = re.compile(_SIGN + r"\d*\.\d+")
_ONE_GROUP = re.compile(_SIGN + r"[1-9]\d{0,2}\.\d{3}")


def parse_number(
    value, *, point_groups_thousands: bool = False, negative: bool = True
) -> tuple[Decimal | None, str | None]:
    """(number, None) or (None, problem code). "7,5" is 7.5 and "1.234,5" is 1234.5.

    "1.234" alone is refused as ambiguous (Dutch thousand separator or English decimal point?) unless
    ``point_groups_thousands`` says it is Dutch (amounts in euros); a trailing "%" and spaces between
    digit groups are allowed. ``negative=False``: a number below zero is refused (``NEGATIVE_NUMBER``).
    """
    number, problem = _parse_value(value, point_groups_thousands)
    if number is not None and not negative and number < 0:
        return None, NEGATIVE_NUMBER
    return number, problem


def _parse_value(value, point_groups_thousands: bool) -> tuple[Decimal | None, str | None]:
    if isinstance(value, bool):
        return None, NOT_A_NUMBER
    if isinstance(value, int):
        return Decimal(value), None
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return None, NOT_A_NUMBER
        return Decimal(repr(value)), None
    text = str(value).strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    text = text.removesuffix("%").replace("\u2212", "-")
    return _parse_text(text, point_groups_thousands)


def _parse_text(text: str, point_groups_thousands: bool) -> tuple[Decimal | None, str | None]:
    if _ONE_GROUP.fullmatch(text):
        if not point_groups_thousands:
            return None, AMBIGUOUS_NUMBER
        return Decimal(text.replace(".", "")), None
    if _PLAIN.fullmatch(text) or _DECIMAL_POINT.fullmatch(text):
        normal = text
    elif _DECIMAL_COMMA.fullmatch(text):
        normal = text.replace(",", ".")
    elif _DUTCH_GROUPS.fullmatch(text):
        normal = text.replace(".", "").replace(",", ".")
    elif _ENGLISH_GROUPS.fullmatch(text):
        normal = text.replace(",", "")
    else:
        return None, NOT_A_NUMBER
    try:
        return Decimal(normal), None
    except InvalidOperation:  # pragma: no cover - the patterns above only let valid numbers through
        return None, NOT_A_NUMBER


def cell_text(value) -> str:
    """A cell as trimmed text; whole floats lose their ".0" (Excel stores 123 as 123.0)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


_BSN_SEPARATORS = re.compile(r"[\s.\-]")
#: words of a column name that name a BSN by themselves (lower case, letters only)
BSN_WORDS = ("bsn", "burgerservicenummer", "sofinummer", "sofinr", "sofi", "citizenservicenumber")
_BSN_NAME_PARTS = ("burgerservice", "sofinummer", "citizenservice")


def is_bsn_name(title) -> bool:
    """True when a column name names a citizen service number: bsn, BSN-nummer, "BSN nr", bsnnummer,
    client_bsn, burgerservicenummer, sofinummer. A word must start or end with "bsn", so that a name
    such as "clubsnaam" is not taken for one."""
    text = cell_text(title).lower()
    words = [w for w in re.split(r"[^a-z]+", text) if w]
    letters = "".join(words)
    return (
        any(w.startswith("bsn") or w.endswith("bsn") or w in BSN_WORDS for w in words)
        or any(part in letters for part in _BSN_NAME_PARTS)
        or letters in BSN_WORDS
    )


def looks_like_bsn(value) -> bool:
    """Nine digits (or eight, when a spreadsheet dropped the leading zero) that pass the 11-test."""
    digits = _BSN_SEPARATORS.sub("", cell_text(value))
    if not digits.isdigit() or len(digits) not in (8, 9):
        return False
    digits = digits.zfill(9)
    if digits == "000000000":
        return False
    total = sum(int(d) * weight for d, weight in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


def bsn_share(values) -> tuple[int, int]:
    """(cells that look like a BSN, non-empty cells) of one column."""
    filled = [v for v in values if cell_text(v)]
    return sum(1 for v in filled if looks_like_bsn(v)), len(filled)


def is_bsn_column(values) -> bool:
    """True when most filled cells of a column look like a BSN."""
    hits, filled = bsn_share(values)
    return hits > 0 and hits * 2 > filled
