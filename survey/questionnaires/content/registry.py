"""The question-type registry: adding a type is one entry here, one field builder in
forms/respondent.py and one test (the tests are parametrised over this registry)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from analysis.scores.scales import respondent_options
from survey.questionnaires.content.document import Option, Question


@dataclass(frozen=True)
class QuestionType:
    key: str
    label: object  # lazy msgid
    #: how the answer is stored and reported: agreement, frequency, grade, scale, smiley, choice, multi,
    #: text, number or none (an information text)
    kind: str
    #: the options a new question of this type starts with (settings → options); None: author-given
    default_options: Callable[[dict], list[tuple[str, dict]]] | None = None
    #: the author must give options (single and multiple choice)
    needs_options: bool = False
    #: a group of statements sharing the scale, each with its own item code
    grouped: bool = False
    #: settings the builder offers, with defaults
    settings: tuple[tuple[str, object], ...] = ()

    @property
    def has_answer(self) -> bool:
        return self.kind != "none"

    def new_options(self, settings: dict) -> list[Option]:
        if self.default_options is None:
            return []
        return [Option(code, dict(label)) for code, label in self.default_options(settings)]


def _smileys(settings: dict):
    return respondent_options("smiley3" if int(settings.get("faces", 5)) == 3 else "smiley5")


REGISTRY: dict[str, QuestionType] = {
    t.key: t
    for t in [
        QuestionType(
            "stelling", _l("Statement (agree–disagree)"), "agreement", lambda s: respondent_options("agreement")
        ),
        QuestionType(
            "stellingen",
            _l("Group of statements sharing one scale"),
            "agreement",
            lambda s: respondent_options("agreement"),
            grouped=True,
        ),
        QuestionType(
            "frequentie", _l("Frequency (always–never)"), "frequency", lambda s: respondent_options("frequency")
        ),
        QuestionType("rapportcijfer", _l("Grade 1–10"), "grade", lambda s: respondent_options("grade")),
        QuestionType("smiley", _l("Smiley scale"), "smiley", _smileys, settings=(("faces", 5),)),
        QuestionType(
            "schaal_0_10",
            _l("Scale 0–10"),
            "scale",
            lambda s: respondent_options("zero_ten"),
            settings=(("low_label", ""), ("high_label", "")),
        ),
        QuestionType("keuze", _l("Single choice"), "choice", needs_options=True, settings=(("other", False),)),
        QuestionType(
            "meerkeuze",
            _l("Multiple choice"),
            "multi",
            needs_options=True,
            settings=(("min", 0), ("max", 0), ("other", False)),
        ),
        QuestionType("open_kort", _l("Short open answer"), "text", settings=(("max_length", 200),)),
        QuestionType("open_lang", _l("Long open answer"), "text", settings=(("max_length", 5000),)),
        QuestionType("getal", _l("Number"), "number", settings=(("min", None), ("max", None))),
        QuestionType("informatie", _l("Information text (no answer)"), "none"),
    ]
}

#: kinds whose answers are free text (coded into themes, scrubbed before anyone else reads them)
OPEN_KINDS = ("text",)
#: the code stored for the free text of "anders, namelijk"
OTHER_CODE = "anders"


def question_type(key: str) -> QuestionType:
    return REGISTRY[key]


def new_question(code: str, type_key: str, text: dict, **fields) -> Question:
    """A question of this type with the type's default options and settings."""
    qtype = REGISTRY[type_key]
    settings = dict(qtype.settings)
    settings.update(fields.pop("settings", {}) or {})
    options = fields.pop("options", None)
    question = Question(code=code, type=type_key, text=text, settings=settings, **fields)
    question.options = options if options is not None else qtype.new_options(settings)
    return question
