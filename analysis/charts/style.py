"""Colours, fill patterns and XML escaping for the server-rendered SVG charts.

Every category gets a colour *and* a pattern, so categories differ without colour (print in black and
white, colour blindness). All fill colours have a contrast of at least 4.5:1 with white, so the white
pattern marks, the white gaps between segments and the white label backgrounds stand out; text is
always dark (``TEXT``) on white, 4.5:1 or better.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

TEXT = "#1a1a1a"
MUTED_TEXT = "#4d4d4d"
BACKGROUND = "#ffffff"
TRACK = "#d9d9d9"

#: dark, distinct fills (all >= 4.5:1 against white)
PALETTE = (
    "#1f4e79",  # dark blue
    "#2f6db0",  # blue
    "#595959",  # grey
    "#b0500f",  # burnt orange
    "#8c2a0e",  # rust
    "#375623",  # dark green
    "#6a2c91",  # purple
    "#00636c",  # teal
    "#a50021",  # crimson
    "#3b3b98",  # indigo
    "#6b5200",  # olive brown
)

#: pattern marks drawn in white over the fill, on an 8 x 8 tile
_MARKS = (
    "",  # solid
    '<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#fff" stroke-width="1.6"/>',
    '<circle cx="4" cy="4" r="1.6" fill="#fff"/>',
    '<path d="M0,4 H8" stroke="#fff" stroke-width="1.6"/>',
    '<path d="M4,0 V8" stroke="#fff" stroke-width="1.6"/>',
    '<path d="M0,4 H8 M4,0 V8" stroke="#fff" stroke-width="1.2"/>',
    '<path d="M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4" stroke="#fff" stroke-width="1.6"/>',
    '<path d="M0,0 l8,8 M8,0 l-8,8" stroke="#fff" stroke-width="1.2"/>',
    '<circle cx="4" cy="4" r="2.4" fill="none" stroke="#fff" stroke-width="1.2"/>',
    '<path d="M0,6 L2,2 L4,6 L6,2 L8,6" fill="none" stroke="#fff" stroke-width="1.2"/>',
    '<rect x="1" y="1" width="3" height="3" fill="#fff"/>',
)

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ID_SAFE = re.compile(r"[^A-Za-z0-9_-]")


def esc(text) -> str:
    """Text safe inside an SVG element or a double-quoted attribute (characters XML forbids dropped)."""
    cleaned = _INVALID_XML.sub("", str(text))
    return escape(cleaned, {'"': "&quot;", "'": "&#x27;"})


def safe_id(text: str) -> str:
    """An XML id from any text: letters, digits, - and _ only, starting with a letter."""
    return "c-" + _ID_SAFE.sub("-", text)


def fill_for(index: int) -> tuple[str, str]:
    """(colour, pattern marks) of category ``index``; past the list they combine differently."""
    colour = PALETTE[index % len(PALETTE)]
    marks = _MARKS[(index + index // len(_MARKS)) % len(_MARKS)]
    return colour, marks


def pattern_defs(prefix: str, count: int) -> str:
    """``<defs>`` with one ``<pattern>`` per category: ``{prefix}-p0`` .. ``{prefix}-p{count-1}``."""
    parts = []
    for i in range(count):
        colour, marks = fill_for(i)
        parts.append(
            f'<pattern id="{prefix}-p{i}" patternUnits="userSpaceOnUse" width="8" height="8">'
            f'<rect width="8" height="8" fill="{colour}"/>{marks}</pattern>'
        )
    return "<defs>" + "".join(parts) + "</defs>"


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of a #rrggbb colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours (1 to 21)."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
