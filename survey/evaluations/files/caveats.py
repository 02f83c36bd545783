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


def response_note(report: dict) -> str:
    """The footnote under the response table when a survey has few responses; empty when none has."""
    if not any(m.get("signal") for m in report["method"]):
        return ""
    return f"{SIGNAL_MARK} " + _(
        "Fewer than %(n)s responses: the results are signals, not conclusions.", n=report["signal"]
    )


def grade_caveat(grade: dict) -> str:
    """Beside a shown mean grade: how many gave it, and "(signal)" when they are few."""
    text = _("mean grade from %(n)s respondents", n=grade["n"])
    return text + " (" + _("signal") + ")" if grade.get("signal") else text


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


#: registered as template globals by ``survey.evaluations.views``
TEMPLATE_GLOBALS = (signal_marked, response_note, grade_caveat, respondents_line, hidden_survey_line, scores_note)
