"""The words of a trend's verdict (``analysis.scores.trends.Verdict``): analysis compares two rounds and hands
back a code; this module words it for the trend page and the tussenevaluatie, in the reader's language."""

from __future__ import annotations

from flask_babel import gettext as _

from analysis.scores.trends import Verdict


def verdict_words(verdict: Verdict | str) -> str:
    """A verdict as a reader without statistics understands it ("duidelijk hoger dan vorige meting")."""
    words = {
        Verdict.HIGHER: _("clearly higher than the previous round"),
        Verdict.LOWER: _("clearly lower than the previous round"),
        Verdict.NO_DIFFERENCE: _("no clear difference"),
        Verdict.TOO_FEW: _("too few answers to compare"),
    }
    return words[Verdict(verdict)]
