"""Reading a results page the way a reader does: text without markup, and the cells of a table row."""

import html as html_lib
import re


def page_text(html: str) -> str:
    """The visible text of a page, SVG left out, whitespace collapsed."""
    html = re.sub(r"<svg.*?</svg>", " ", html, flags=re.S)
    html = re.sub(r"<(script|style|head)\b.*?</\1>", " ", html, flags=re.S)
    text = html_lib.unescape(re.sub(r"<[^>]+>", " ", html))
    return re.sub(r"\s+", " ", text).strip()


def _clean(cell: str) -> str:
    cell = re.sub(r'<span class="visually-hidden">.*?</span>', "", cell, flags=re.S)
    return re.sub(r"\s+", " ", html_lib.unescape(re.sub(r"<[^>]+>", "", cell))).strip()


def cells_of_row(html: str, header: str) -> list[str]:
    """The data cells of the first table row whose row header reads ``header``."""
    for row in re.findall(r"<tr>(.*?)</tr>", html, flags=re.S):
        th = re.search(r'<th scope="row">(.*?)</th>', row, flags=re.S)
        if th and _clean(th.group(1)) == header:
            return [_clean(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)]
    raise AssertionError(f"no row {header!r}")
