"""What the report says about small numbers, in one place for every output (DOMAIN.md section 3): small
numbers are shown as counts beside the percentages and called signals (*signalen*), not conclusions.

Whether a figure is a signal is decided when the report is drafted (the ``signal`` flags and counts in the
report dict, ``survey.evaluations.draft``); these functions word it. The web page and the PDF use them as
template globals (``evaluations/_report.html``), the Word file calls them directly, so the three say the same.
"""

from flask_babel import gettext as _
from flask_babel import ngettext

#: the mark beside a percentage that is a signal; its footnote explains it
SIGNAL_MARK = "*"


def signal_marked(text: str, row: dict) -> str:
    """A percentage as the report prints it: "67 % *" when its row is a signal, else as it is."""
    return f"{text} {SIGNAL_MARK}" if row.get("signal") else text


def signal_word(row: dict) -> str | None:
    """A figure's signal flag in a data file's "Signal" column: yes or no, nothing for a figure not shown."""
    if row.get("shown") is False:
        return None
    return _("yes") if row.get("signal") else _("no")


def response_note(report: dict, mark: bool = True) -> str:
    """The footnote under the response table when a survey has few responses; empty when none has.
    Without ``mark`` for a file that flags the signals in a column instead of with the mark."""
    if not any(m.get("signal") for m in report["method"]):
        return ""
    text = _("Fewer than %(n)s responses: the results are signals, not conclusions.", n=report["signal"])
    return f"{SIGNAL_MARK} {text}" if mark else text


def grade_caveat(grade: dict) -> str:
    """Beside a shown mean grade: how many gave it, and "(signal)" when they are few."""
    text = _("mean grade from %(n)s respondents", n=grade["n"])
    return text + " (" + _("signal") + ")" if grade.get("signal") else text


def hidden_grade_line(k: int) -> str:
    """Instead of a mean grade that fewer than k respondents gave."""
    return _("Fewer than %(k)s respondents gave a grade: not shown.", k=k)


def respondents_line(part: dict) -> str:
    """Above the themes of a survey: how many respondents answered, and how many answers have no theme."""
    text = ngettext(
        "%(num)s respondent answered; the numbers are answers per theme.",
        "%(num)s respondents answered; the numbers are answers per theme.",
        part["respondents"],
    )
    if part.get("uncoded"):
        uncoded = part["uncoded"]
        text += " " + ngettext("%(num)s answer has no theme yet.", "%(num)s answers have no theme yet.", uncoded)
    return text


def hidden_survey_line(k: int) -> str:
    """Instead of the themes of a survey that fewer than k answered."""
    return _("Fewer than %(k)s respondents answered this survey. To protect them, no themes or quotes are shown.", k=k)


def scores_note(report: dict) -> str:
    """Under the CEO/PEO tables: what "–" and the signal mark mean."""
    return _(
        "– = fewer than %(k)s answers, not shown. * = fewer than %(n)s answers: a signal, not a conclusion.",
        k=report["k"],
        n=report["signal"],
    )


def signals_rule(report: dict) -> str:
    """The general rule in the account of the figures ("About the figures")."""
    return _("Results under %(n)s answers are signals, not conclusions.", n=report["signal"])


#: registered as template globals by ``survey.evaluations.views``
TEMPLATE_GLOBALS = (
    signal_marked,
    response_note,
    grade_caveat,
    hidden_grade_line,
    respondents_line,
    hidden_survey_line,
    scores_note,
    signals_rule,
)
