"""What one screen of the questionnaire shows: shared by the respondent's pages, the staff preview and
interviewer entry, so a preview looks exactly like what a respondent sees."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, cached_property

from babel import Locale, UnknownLocaleError
from flask_babel import gettext as _

from forms.respondent import PromptView, StepForm, build_step_form, describe_step, stored_to_form
from survey.i18n import UI_LOCALES
from survey.questionnaires.models import Audience, DisplayMode, Survey
from survey.responses.display.piping import Piping, answer_label, localized
from survey.responses.steps.flow import Flow, Progress, Step, progress_of

#: languages of the page chrome (buttons, progress, messages); survey content may have more
CHROME_LANGUAGES = UI_LOCALES
#: widgets where a choice can take the respondent straight to the next screen
ADVANCING_WIDGETS = ("radio", "scale", "smiley")
#: of those, the grids of many small choices: there a choice moves on only when the respondent turned it on
GRID_WIDGETS = ("scale",)


#: own names of languages Babel's CLDR data does not know
OWN_NAMES = {"prs": "دری"}


@cache
def language_name(language: str) -> str:
    """The language's own name (Nederlands, English, العربية); worked out once per process and language."""
    if language in OWN_NAMES:
        return OWN_NAMES[language]
    try:
        name = Locale.parse(language.replace("-", "_")).get_display_name(language.replace("-", "_"))
    except (ValueError, TypeError, LookupError, UnknownLocaleError):
        return language
    return name[:1].upper() + name[1:] if name else language


@dataclass
class Screen:
    """Everything the step template needs."""

    survey: Survey
    language: str
    flow: Flow
    step: Step
    form: StepForm
    progress: Progress
    section_title: str = ""
    section_intro: str = ""
    previous: tuple[str, str] | None = None  # (question, answer) shown in conversational style
    languages: list[tuple[str, str]] = field(default_factory=list)
    #: on a page of several sections: (section title, intro) before the question at this index
    breaks: dict[int, tuple[str, str]] = field(default_factory=dict)

    @property
    def all_on_one(self) -> bool:
        return self.flow.mode == DisplayMode.ALL_ON_ONE_PAGE

    @property
    def survey_title(self) -> str:
        return localized(self.survey.title, self.language)

    @property
    def conversational(self) -> bool:
        return is_conversational(self.flow)

    @property
    def is_last(self) -> bool:
        return self.step.index == len(self.flow.steps) - 1

    @property
    def auto_advance(self) -> bool:
        specs = self.form.specs()
        return (
            self.conversational and len(specs) == 1 and specs[0].widget in ADVANCING_WIDGETS and not specs[0].other_name
        )

    @property
    def auto_advance_default(self) -> str:
        """ "off" for a grid of many options (0–10, grades: easy to tap the neighbour), else "on"."""
        specs = self.form.specs()
        return "off" if specs and specs[0].widget in GRID_WIDGETS else "on"

    @property
    def read_aloud(self) -> bool:
        return self.survey.audience == Audience.KIND

    @cached_property  # read three times per page; the screen does not change once drawn
    def progress_text(self) -> str:
        if self.progress.kind == "question":
            return _("Question %(n)s of %(total)s", n=self.progress.current, total=self.progress.total)
        if self.progress.kind == "step":
            return _("Step %(n)s of %(total)s", n=self.progress.current, total=self.progress.total)
        return ""

    @cached_property
    def page_title(self) -> str:
        views = self.form.views
        heading = self.progress_text or self.section_title or (views[0].title if views and not self.all_on_one else "")
        return " – ".join(
            part
            for part in (
                _("Error") if self.form.errors_in_order() else "",
                heading,
                localized(self.survey.title, self.language),
            )
            if part
        )


def step_data(views: list[PromptView], piping: Piping, others: dict) -> dict:
    """Initial form data for a step from the stored answers."""
    data = {}
    for spec in (spec for view in views for spec in view.fields):
        value = piping.answers.get(spec.key)
        if value is not None:
            data.update(stored_to_form(spec, value, others.get(spec.key)))
    return data


def make_screen(
    survey: Survey,
    flow: Flow,
    step: Step,
    piping: Piping,
    *,
    form: StepForm | None = None,
    extra: dict | None = None,
    languages: list[str] | None = None,
) -> Screen:
    """The screen of a step: a fresh form with earlier answers, or the form just sent (with errors)."""
    if form is None:
        views = describe_step(step, piping)
        data = step_data(views, piping, piping.others)
        data.update(extra or {})
        form = build_step_form(step, piping, data=data, views=views)
    screen = Screen(
        survey,
        piping.language,
        flow,
        step,
        form,
        progress_of(flow, step),
        languages=[(code, language_name(code)) for code in (languages or [])],
    )
    screen.section_title, screen.section_intro, screen.breaks = section_texts(flow, step, piping)
    if screen.conversational and step.index > 0:
        screen.previous = previous_answer(flow, step, piping)
    return screen


def is_conversational(flow: Flow) -> bool:
    """One question per screen, with the answer of the screen before shown above the next."""
    return flow.mode == DisplayMode.ONE_PER_SCREEN


def section_texts(flow: Flow, step: Step, piping: Piping) -> tuple[str, str, dict[int, tuple[str, str]]]:
    """(section title, section intro, breaks) of a step's screen, by the display mode: all on one page only
    breaks (the survey's title heads the page); a section per page its title, its intro where it begins and
    the breaks after its first question; one question per screen the title and intro where a section begins."""
    if flow.mode == DisplayMode.ALL_ON_ONE_PAGE:
        return "", "", section_breaks(flow, step, piping)
    if not step.starts_section and flow.mode == DisplayMode.ONE_PER_SCREEN:
        return "", "", {}
    title = piping.text(step.section.title, step.instance)
    intro = piping.text(step.section.intro, step.instance) if step.starts_section else ""
    breaks = {}
    if flow.mode == DisplayMode.SECTION_PER_PAGE:
        breaks = {index: texts for index, texts in section_breaks(flow, step, piping).items() if index}
    return title, intro, breaks


def section_breaks(flow: Flow, step: Step, piping: Piping) -> dict[int, tuple[str, str]]:
    """(title, intro) before each question of the step that begins a section (or a repetition); the intro
    only where that section is seen for the first time."""
    seen = {(p.section.key, p.instance_key) for before in flow.steps[: step.index] for p in before.prompts}
    breaks: dict[int, tuple[str, str]] = {}
    current = None
    for index, prompt in enumerate(step.prompts):
        block = (prompt.section.key, prompt.instance_key)
        if block == current:
            continue
        current = block
        intro = piping.text(prompt.section.intro, prompt.instance) if block not in seen else ""
        breaks[index] = (piping.text(prompt.section.title, prompt.instance), intro)
        seen.add(block)
    return breaks


def previous_answer(flow: Flow, step: Step, piping: Piping) -> tuple[str, str] | None:
    """The question and answer of the screen before, for the conversational summary."""
    before = flow.step(step.index - 1)
    if before is None or not before.has_answers:
        return None
    prompt = before.prompts[0]
    key = prompt.keys[0]
    value = piping.answers.get(key)
    if value in (None, "", []):
        return None
    question = prompt.question
    label = answer_label(question, value, piping.language, piping.others.get(key))
    text = piping.text(prompt.items[0].text if prompt.items else question.text, prompt.instance)
    return text, _short(label)


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@dataclass
class CheckRow:
    """One answer on the check page, with the step to change it."""

    question: str
    answer: str
    step: int
    section: str = ""


def check_rows(flow: Flow, piping: Piping) -> list[CheckRow]:
    rows = []
    for step in flow.steps:
        for prompt in step.prompts:
            for key, item in _keyed_items(prompt):
                question = prompt.question
                text = piping.text(item.text if item else question.text, prompt.instance)
                value = piping.answers.get(key)
                answer = answer_label(question, value, piping.language, piping.others.get(key))
                section = localized(prompt.instance.label, piping.language) if prompt.instance else ""
                rows.append(CheckRow(text, answer or _("(not answered)"), step.index + 1, section))
    return rows


def _keyed_items(prompt):
    if prompt.items:
        return [((item.code, prompt.instance_key), item) for item in prompt.items]
    return [(key, None) for key in prompt.keys]
