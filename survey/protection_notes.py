"""The words of small-cell protection (DOMAIN.md section 4): analysis decides what is hidden and why and
hands back codes (``analysis.suppression.Note``, a hidden bar in a chart); these functions word them for
every output that shows them (the fieldwork tracking page, the results page, the API, the charts of the results
page and the tussenevaluatie). It belongs to no stage, so every stage that shows protected figures can use it."""

from __future__ import annotations

from collections.abc import Iterable

from flask_babel import gettext as _
from flask_babel import ngettext

from analysis.suppression import ROUNDED, SIGNAL, Note, Reason


def note_text(note: Note) -> str:
    """One note for under a protected table, in the reader's language."""
    if note.key == Reason.SMALL:
        return ngettext(
            "– = fewer than %(num)s answer. Not shown, so that nobody can be recognised.",
            "– = fewer than %(num)s answers. Not shown, so that nobody can be recognised.",
            note.n,
        )
    if note.key == SIGNAL:
        return ngettext(
            "* = fewer than %(num)s answer: a signal, not a conclusion.",
            "* = fewer than %(num)s answers: a signal, not a conclusion.",
            note.n,
        )
    words = {
        Reason.COMPLEMENT: _("Another count is hidden too, so that a small count cannot be worked out from the total."),
        Reason.TOTAL: _("A total is hidden, because it would otherwise give away a small count."),
        Reason.WITHHELD: _("This breakdown cannot be shown: there are too few groups to protect small counts."),
        ROUNDED: _("Counts are rounded to multiples of five, so they do not always add up exactly."),
    }
    return words[note.key]


def note_lines(notes: Iterable[Note]) -> tuple[str, ...]:
    """The notes of one or more tables, each once, in their order (a template filter on the results page)."""
    return tuple(note_text(note) for note in dict.fromkeys(notes))


def not_shown() -> str:
    """Beside the "–" of a hidden bar in a chart (``analysis.charts.bars``)."""
    return _("not shown")
