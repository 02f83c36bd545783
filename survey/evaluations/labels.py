"""The sections of a tussenevaluatie and the Dutch labels (English msgids) of its kinds and states."""

from flask_babel import lazy_gettext as _l

from survey.coding.models import RemarkKind
from survey.evaluations.models import EvaluationStatus
from survey.programmes.progress_reports.models import NoteKind
from survey.questionnaires.models import SurveyKind

#: sections about the programme as a whole, in report order, each with a text of the evaluator
PROGRAMME_SECTIONS = {
    "introduction": _l("Introduction"),
    "method": _l("Method and response"),
    "grade": _l("Grade for the programme"),
    "proud": _l("What respondents are proud of"),
    "works": _l("What works well"),
    "attention": _l("What needs attention"),
    "notable": _l("Notable points"),
    "scores": _l("Experiences of clients and professionals per actielijn"),
    "coherence": _l("Coherence and next steps"),
    "vignette": _l("A case from practice"),
    "voices": _l("Stakeholders in their own words"),
    "conclusion": _l("Conclusions and recommendations"),
}
#: sections per project with a text of the evaluator (ambition, actielijn, principle and activities
#: come from the programme as they are)
PROJECT_SECTIONS = {
    "results": _l("Results"),
    "proud": _l("Proud of"),
    "notable": _l("Notable points"),
    "works": _l("What works well"),
    "attention": _l("What needs attention"),
    "budget": _l("Budget"),
    "next_year": _l("Goals for next year"),
}
#: the sections that gather themes and statements
PROGRAMME_THEME_SECTIONS = ("proud", "works", "attention", "notable")
PROJECT_THEME_SECTIONS = ("proud", "notable", "works", "attention")

STATUS = {
    EvaluationStatus.CONCEPT: _l("Draft"),
    EvaluationStatus.APPROVED: _l("Approved"),
    EvaluationStatus.PUBLISHED: _l("Published"),
}
REMARK_KIND = {
    RemarkKind.COMPLIMENT: _l("Compliment"),
    RemarkKind.CONCERN: _l("Concern or complaint"),
    RemarkKind.SUGGESTION: _l("Suggestion or wish"),
    RemarkKind.OBSERVATION: _l("Observation"),
    RemarkKind.QUESTION: _l("Question"),
}
SURVEY_KIND = {
    SurveyKind.CEO: _l("Client experience survey (CEO)"),
    SurveyKind.PEO: _l("Professional experience survey (PEO)"),
    SurveyKind.PEILING: _l("Quick poll"),
    SurveyKind.STAKEHOLDER: _l("Stakeholder survey"),
    SurveyKind.OVERIG: _l("Other survey"),
}
SURVEY_ROLE = {
    "proud": _l("Proud of (stakeholder survey)"),
    "works": _l("Works well (stakeholder survey)"),
    "attention": _l("Attention (stakeholder survey)"),
    "notable": _l("Notable (stakeholder survey)"),
}

#: where a statement of each kind of remark goes in the report
REMARK_SECTION = {
    RemarkKind.COMPLIMENT: "works",
    RemarkKind.OBSERVATION: "notable",
    RemarkKind.CONCERN: "attention",
    RemarkKind.SUGGESTION: "attention",
    RemarkKind.QUESTION: "attention",
}
#: where a programme statement goes
NOTE_SECTION = {
    NoteKind.PROUD: "proud",
    NoteKind.WORKS: "works",
    NoteKind.ATTENTION: "attention",
    NoteKind.NOTABLE: "notable",
}
#: open questions of the stakeholder-enquête per section
PROJECT_ROLE_SECTION = {"proud": "proud", "notable": "notable", "works": "works", "attention": "attention"}


def label(value) -> str:
    """The Dutch label of a status, kind of remark or survey kind."""
    for labels in (STATUS, REMARK_KIND, SURVEY_KIND):
        if value in labels:
            return str(labels[value])
    return "" if value is None else str(value)
