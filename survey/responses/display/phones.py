"""Telephone numbers in a survey's texts as links a phone can call (the help line on the thank-you page)."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

#: a Dutch number: 0, +31 or 0031, then 7 to 10 more digits in groups split by a space or a dash
PHONE = re.compile(r"(?<![\w+/.,])(?:\+31[\s-]?|0031[\s-]?|0)\d(?:[\s-]?\d){6,9}(?![\w/])")
DATE = re.compile(r"\d{1,2}-\d{1,2}-\d{4}")


def phone_links(text) -> Markup:
    """The text, escaped, with every telephone number a ``tel:`` link (a date is left alone)."""
    text = "" if text is None else str(text)
    parts, last = [], 0
    for match in PHONE.finditer(text):
        number = match.group(0)
        if DATE.fullmatch(number):
            continue
        parts.append(escape(text[last : match.start()]))
        parts.append(Markup('<a href="tel:{}" dir="ltr">{}</a>').format(re.sub(r"[^\d+]", "", number), number))
        last = match.end()
    parts.append(escape(text[last:]))
    return Markup("").join(parts)
