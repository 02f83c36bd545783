"""Which screens a respondent sees, in which order.

Pure computation on a questionnaire Document and the answers given so far: the steps for a display
mode, honouring conditions (a question or section whose condition fails is skipped) and repeated
blocks (a section repeated per list item, answers stored with that item's key as ``instance``).
Steps are recomputed from the answers on every request, so changing an earlier answer changes the
way forward, and the progress count ("Vraag 3 van 12") always follows the current path.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from survey.questionnaires.content.document import Condition, Document, Item, ListItem, Question, Section
from survey.questionnaires.content.registry import REGISTRY
from survey.questionnaires.models import DisplayMode

#: (item_code, instance); instance is "" outside repeated blocks
AnswerKey = tuple[str, str]
#: stored answers: an option code or text (str), or a list of codes (multiple choice)
Answers = dict[AnswerKey, object]


@dataclass(frozen=True)
class Prompt:
    """One question as shown on a screen: a whole question, or some statements of a group."""

    question: Question
    section: Section
    instance: ListItem | None = None
    #: the statements of a group shown here (all of them, or one per screen)
    items: tuple[Item, ...] = ()

    @property
    def instance_key(self) -> str:
        return self.instance.key if self.instance else ""

    @property
    def has_answer(self) -> bool:
        return REGISTRY[self.question.type].has_answer

    @property
    def codes(self) -> list[str]:
        """The item codes answered on this prompt."""
        if not self.has_answer:
            return []
        return [item.code for item in self.items] if self.question.items else [self.question.code]

    @property
    def keys(self) -> list[AnswerKey]:
        return [(code, self.instance_key) for code in self.codes]


@dataclass(frozen=True)
class Step:
    """One screen (or page) of the questionnaire."""

    index: int
    prompts: tuple[Prompt, ...]
    #: 1-based number of the first question on this step, counting only questions with an answer
    number: int | None = None
    #: this step starts its section (or its repetition): show the section title and intro
    starts_section: bool = False

    @property
    def section(self) -> Section:
        return self.prompts[0].section

    @property
    def instance(self) -> ListItem | None:
        return self.prompts[0].instance

    @property
    def keys(self) -> list[AnswerKey]:
        return [key for prompt in self.prompts for key in prompt.keys]

    @property
    def has_answers(self) -> bool:
        return any(prompt.has_answer for prompt in self.prompts)


@dataclass(frozen=True)
class Flow:
    """The steps of the current path and the number of questions on it."""

    steps: tuple[Step, ...]
    total_questions: int
    mode: DisplayMode = DisplayMode.ONE_PER_SCREEN

    def __len__(self) -> int:
        return len(self.steps)

    def step(self, index: int) -> Step | None:
        return self.steps[index] if 0 <= index < len(self.steps) else None

    def visible_keys(self) -> set[AnswerKey]:
        return {key for step in self.steps for key in step.keys}

    def first_missing(self, answers: Answers) -> int | None:
        """Index of the first step with a required question left unanswered, or None."""
        for step in self.steps:
            if any(missing_required(prompt, answers) for prompt in step.prompts):
                return step.index
        return None


def missing_required(prompt: Prompt, answers: Answers) -> bool:
    return prompt.question.required and any(answers.get(key) in (None, "", []) for key in prompt.keys)


def condition_answers(answers: Answers, instance: str = "") -> dict[str, object]:
    """Answers by item code as a condition sees them: this repetition's answers over the others."""
    view = {code: value for (code, inst), value in answers.items() if inst == ""}
    if instance:
        view.update({code: value for (code, inst), value in answers.items() if inst == instance})
    return view


def compute_flow(document: Document, mode: DisplayMode | str, answers: Answers, *, shared: bool = False) -> Flow:
    """The steps a respondent with these answers sees, in order. ``shared``: the document is a published
    one that no one changes any more, so its pages are cut once per process."""
    mode = DisplayMode(mode)
    if shared:
        kept = _FLOWS.get((id(document), mode))
        if kept is not None and kept[0] is document:
            return kept[1]
    pages = _shared_pages(document, mode) if shared else _pages(document, mode)
    flow = _flow_of(pages, answers, mode)
    if shared and not any(p.section.condition or p.question.condition for page in pages for p in page):
        if len(_FLOWS) >= PAGES_KEPT:
            _FLOWS.clear()
        _FLOWS[(id(document), mode)] = (document, flow)  # no condition: every respondent's path is this one
    return flow


def _flow_of(pages: list[list[Prompt]], answers: Answers, mode: DisplayMode) -> Flow:
    steps: list[Step] = []
    number = 0
    seen_blocks: set[tuple[str, str]] = set()
    views: dict[str, dict] = {}  # condition_answers per repetition, made when a condition needs it
    for page in pages:
        prompts = tuple(p for p in page if _visible(p, answers, views))
        if not prompts:
            continue
        block = (prompts[0].section.key, prompts[0].instance_key)
        first = sum(1 for p in prompts if p.has_answer)
        steps.append(
            Step(
                index=len(steps),
                prompts=prompts,
                number=number + 1 if first else None,
                starts_section=block not in seen_blocks,
            )
        )
        seen_blocks.update((p.section.key, p.instance_key) for p in prompts)
        number += first
    return Flow(steps=tuple(steps), total_questions=number, mode=mode)


def _visible(prompt: Prompt, answers: Answers, views: dict[str, dict]) -> bool:
    section, question = prompt.section, prompt.question
    if section.condition is None and question.condition is None:
        return True
    view = views.get(prompt.instance_key)
    if view is None:
        view = views[prompt.instance_key] = condition_answers(answers, prompt.instance_key)
    return _holds(section.condition, view) and _holds(question.condition, view)


#: pages per shared document and display mode; the document is kept with them, so its id stays its own
_PAGES: dict[tuple[int, DisplayMode], tuple[Document, list[list[Prompt]]]] = {}
PAGES_KEPT = 128
#: the one flow of a shared document without any condition (it does not depend on the answers)
_FLOWS: dict[tuple[int, DisplayMode], tuple[Document, Flow]] = {}


def _shared_pages(document: Document, mode: DisplayMode) -> list[list[Prompt]]:
    """``_pages`` once per shared document object; callers only read the pages."""
    kept = _PAGES.get((id(document), mode))
    if kept is not None and kept[0] is document:
        return kept[1]
    if len(_PAGES) >= PAGES_KEPT:
        _PAGES.clear()
    pages = _pages(document, mode)
    _PAGES[(id(document), mode)] = (document, pages)
    return pages


def _holds(condition: Condition | None, view: dict[str, object]) -> bool:
    return condition is None or condition.holds(view)


def _blocks(document: Document) -> list[tuple[Section, ListItem | None]]:
    """Every section, and every repetition of a repeated section, in order."""
    blocks = []
    for section in document.sections:
        if section.repeat:
            blocks.extend((section, item) for item in document.lists.get(section.repeat, []))
        else:
            blocks.append((section, None))
    return blocks


def _pages(document: Document, mode: DisplayMode) -> list[list[Prompt]]:
    """The questionnaire cut into pages before any condition is applied."""
    if mode == DisplayMode.ONE_PER_SCREEN:
        return [
            [prompt]
            for section, instance in _blocks(document)
            for question in section.questions
            for prompt in _single_prompts(question, section, instance)
        ]
    pages: list[list[Prompt]] = []
    current: list[Prompt] = []
    for section, instance in _blocks(document):
        if mode == DisplayMode.SECTION_PER_PAGE or _depends_on(section.condition, current):
            current = _close(pages, current)
        for question in section.questions:
            if _depends_on(question.condition, current):
                current = _close(pages, current)
            current.append(Prompt(question, section, instance, tuple(question.items)))
    _close(pages, current)
    return pages


def _single_prompts(question: Question, section: Section, instance: ListItem | None) -> list[Prompt]:
    """One prompt per screen: a group of statements becomes one screen per statement."""
    if question.items:
        return [Prompt(question, section, instance, (item,)) for item in question.items]
    return [Prompt(question, section, instance)]


def _depends_on(condition: Condition | None, page: list[Prompt]) -> bool:
    """A condition on an answer given on the same page needs a page break: it is only known after sending."""
    return condition is not None and any(condition.item in p.codes or condition.item == p.question.code for p in page)


def _close(pages: list[list[Prompt]], current: list[Prompt]) -> list[Prompt]:
    if current:
        pages.append(current)
    return []


@dataclass
class Progress:
    """What the respondent reads above the question and in the page title."""

    kind: str  # "question" ("Vraag 3 van 12"), "step" ("Stap 2 van 5") or "" (no count)
    current: int = 0
    total: int = 0
    fraction: float = field(default=0.0)


def progress_of(flow: Flow, step: Step) -> Progress:
    """One question per screen counts questions; pages count steps; an information screen has no count."""
    total_steps = len(flow.steps)
    fraction = step.index / total_steps if total_steps else 0.0
    if flow.mode == DisplayMode.ONE_PER_SCREEN:
        if step.number is None:
            return Progress("", fraction=fraction)
        return Progress("question", step.number, flow.total_questions, fraction)
    if total_steps <= 1:
        return Progress("", fraction=fraction)
    return Progress("step", step.index + 1, total_steps, fraction)
