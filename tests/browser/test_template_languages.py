"""Every shipped template in every language it has, walked in real Chromium at phone size (360×740), one
question per screen: every screen answered, checked by axe-core and read for untranslated text.

The templates and their languages come from the template registry, so a new template or language is
walked without changing this file. On a page in language L, no Dutch text of the template (questions,
options, section titles, privacy and help texts, scale labels) and no Dutch text of the page catalog may
be shown, unless it sits in an element marked ``lang="nl"`` (a Dutch fallback that says so); text in
another language than the page carries its own ``lang`` and is laid out in that language's direction.

axe runs once per kind of screen (welcome, each question widget, check page, thanks) of every template in
Dutch, and once per kind of screen in every other language: the screens of one kind share their markup and
differ in text only, and the text itself is read on every screen. (Checking every Dutch screen made the
walk in Dutch take a minute of the suite; per kind and template it takes about half.) With six templates in
six languages that is about 550 screens.

In Dutch every screen is answered by tapping, as a phone user does (a tapped choice may take the respondent
on by itself): so every shipped template is also completed by pointer at phone size. In the other
languages, where the text is what is checked, a script answers the screen and sends it with its Next button.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from analysis.scores.scales import SCALES, respondent_options
from survey.config import PROJECT_ROOT
from survey.extensions import db as _db
from survey.i18n import chrome_language, text_direction
from survey.questionnaires import services, versions
from survey.questionnaires.content.document import ListItem
from survey.questionnaires.models import DisplayMode, FieldworkStatus
from survey.questionnaires.templates import TEMPLATE_DIR, list_templates
from tests.browser.conftest import AXE, AXE_TAGS, PHONE, assert_no_horizontal_scroll
from tests.browser.respondent_steps import answer_by_pointer

pytestmark = pytest.mark.slow

SHOTS = Path("/work/shots/walklang")
TRANSLATIONS = PROJECT_ROOT / "translations"
#: list items for templates that repeat a block over a list (the region fills it in; these are names)
LIST_ITEMS = [{"key": "p1", "label": {"nl": "Thuis opgroeien"}}, {"key": "p2", "label": {"nl": "Samen naar school"}}]
#: a Dutch text (or piece of one) shorter than this many letters is not looked for: "van", "uw", "ja"
MIN_LETTERS = 5
WORD = re.compile(r"\w+")
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{[^{}]*\}|<[^>]+>|\n")

READ_PAGE = r"""() => {
    const root = document.documentElement;
    const parts = new Map();  // the nearest element with a lang attribute -> its own text
    const part = (el) => {
        const owner = el.closest('[lang]') || root;
        if (!parts.has(owner)) {
            parts.set(owner, {lang: owner.getAttribute('lang'), direction: getComputedStyle(owner).direction,
                              tag: owner.tagName.toLowerCase(), text: [], attrs: []});
        }
        return parts.get(owner);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let previous = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!node.data.trim() || ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE'].includes(el.tagName)) continue;
        if (!el.checkVisibility({visibilityProperty: true})) continue;
        const own = part(el);
        own.text.push(el === previous ? node.data : '\n' + node.data);
        previous = el;
    }
    for (const el of document.body.querySelectorAll('*')) {
        for (const attr of el.attributes) {
            const name = attr.name, value = attr.value.trim();
            if (!value || /^(\/|https?:|#|tel:|mailto:)/.test(value)) continue;
            if (['aria-label', 'alt', 'title', 'placeholder'].includes(name) || name.startsWith('data-')) {
                part(el).attrs.push(value);
            }
        }
    }
    return {lang: root.lang, dir: root.dir, title: document.title,
            parts: [...parts.values()].map((p) => ({...p, text: p.text.join(''), attrs: p.attrs.join('\n')}))};
}"""

WIDGET = """() => {
    if (location.pathname.endsWith('/klaar')) return 'thanks';
    if (location.pathname.endsWith('/controle')) return 'check';
    if (!location.pathname.includes('/vraag/')) return 'welcome';
    const el = document.querySelector(
        '.question [class^=options], .question textarea, .question input.input, .info-text');
    return el ? el.className.split(' ').pop() : 'none';
}"""

#: answers every question of the screen that has no answer yet and sends the screen with its Next button
ANSWER = """() => {
    const form = document.querySelector('form.step-form');
    const groups = {};
    form.querySelectorAll('.options:not(.options-escape) input[type=radio], .options input[type=checkbox]')
        .forEach((input) => { (groups[input.name] = groups[input.name] || []).push(input); });
    Object.values(groups).forEach((inputs) => {
        if (inputs.some((input) => input.checked)) return;
        (inputs[0].type === 'radio' ? inputs[Math.floor(inputs.length / 2)] : inputs[0]).checked = true;
    });
    form.querySelectorAll('.question input.input, .question textarea').forEach((field) => {
        if (!field.value && !field.name.endsWith('-anders')) {
            field.value = field.getAttribute('inputmode') === 'decimal' ? '3' : 'OK 123';
        }
    });
    setTimeout(() => form.requestSubmit(form.querySelector('button[value=volgende]')));  // after this returns
    return Object.keys(groups).length + form.querySelectorAll('.question input.input, .question textarea').length;
}"""


def walks() -> list[tuple[str, str]]:
    """(template, language) for every language of every shipped template."""
    return [(info.key, language) for info in list_templates() for language in info.languages]


#: every language a shipped template has, Dutch first
LANGUAGES = sorted({language for _key, language in walks()}, key=lambda language: (language != "nl", language))


def texts_of(value, language: str) -> list[str]:
    """Every text in ``language`` in a template file (settings, sections, questions, options, labels)."""
    found = []
    if isinstance(value, dict):
        if isinstance(value.get(language), str):
            found.append(value[language])
        for key, inner in value.items():
            if key != "template":  # the builder's name and description of the template, not shown to respondents
                found.extend(texts_of(inner, language))
    elif isinstance(value, list):
        for inner in value:
            found.extend(texts_of(inner, language))
    return found


def scale_texts(language: str) -> list[str]:
    """The worded options of every scale in ``language`` (numbered scales read the same in every language)."""
    return [
        label[language]
        for key in SCALES
        for _code, label in respondent_options(key)
        if label.get(language) and not label[language].isdigit()
    ]


@cache
def catalog_texts(language: str) -> tuple[str, ...]:
    """The page texts of a catalog in ``language``: every translation in its messages.po (none without one)."""
    path = TRANSLATIONS / language / "LC_MESSAGES" / "messages.po"
    if not path.exists():
        return ()
    with path.open("rb") as handle:
        catalog = read_po(handle)
    found = []
    for message in catalog:
        if message.id:
            strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
            found.extend(s for s in strings if s)
    return tuple(found)


def pieces(text: str) -> set[str]:
    """A text without its placeholders, cut where one stood: the pieces long enough to recognise."""
    found = set()
    for piece in PLACEHOLDER.split(text):
        piece = " ".join(piece.split()).strip(" .,:;!?()«»\"'–-")
        if sum(char.isalpha() for char in piece) >= MIN_LETTERS:
            found.add(piece)
    return found


@cache
def template_file(key: str) -> dict:
    return json.loads((TEMPLATE_DIR / f"{key}.json").read_text(encoding="utf-8"))


class Finder:
    """Finds whole texts (cut at word boundaries) in a page's text, through an index on each text's first
    word: a regular expression with thousands of alternatives takes longer to search than to walk the page."""

    def __init__(self, texts: set[str]):
        self.by_word: dict[str, list[tuple[str, int]]] = {}
        for text in texts:
            first = WORD.search(text)
            if first:
                self.by_word.setdefault(first.group(0), []).append((text, first.start()))

    def search(self, page: str) -> str | None:
        for word in WORD.finditer(page):
            for text, offset in self.by_word.get(word.group(0), ()):
                start = word.start() - offset
                end = start + len(text)
                if (
                    start >= 0
                    and page.startswith(text, start)
                    and not (start and page[start - 1].isalnum())
                    and not (end < len(page) and page[end].isalnum())
                ):
                    return text
        return None


@cache
def finder(key: str, source: str, language: str) -> Finder:
    """The ``source``-language texts of template ``key`` and of the page catalog that a page in ``language``
    can never rightly show outside an element marked ``lang=source``; a text that also occurs in that
    language's own texts (a name, "Professional") is left out."""
    own = "\n".join([*texts_of(template_file(key), language), *scale_texts(language), *catalog_texts(language)])
    wanted = set()
    for text in [*texts_of(template_file(key), source), *scale_texts(source), *catalog_texts(source)]:
        wanted |= {piece for piece in pieces(text) if piece not in own}
    return Finder(wanted)


def flat(text: str) -> str:
    return " ".join(text.split())


def read_screen(page, key: str, language: str) -> list[str]:
    """What is wrong with the language of this screen (an empty list when nothing is)."""
    seen = page.evaluate(READ_PAGE)
    problems = []
    chrome = chrome_language(language)
    if seen["lang"] != chrome or seen["dir"] != text_direction(chrome):
        problems.append(f"<html lang={seen['lang']} dir={seen['dir']}>, expected {chrome}")
    has_catalog = (TRANSLATIONS / language / "LC_MESSAGES" / "messages.po").exists()
    if has_catalog and chrome != language:
        problems.append(f"there is a {language} catalog, but the page chrome is {chrome}")
    dutch = finder(key, "nl", language) if language != "nl" else None
    own = finder(key, language, "nl") if language != "nl" else None
    if dutch is not None and seen["lang"] != "nl" and (hit := dutch.search(flat(seen["title"]))):  # no lang of its own
        problems.append(f"Dutch text {hit!r} in the page title")
    for part in seen["parts"]:
        lang = part["lang"] or seen["lang"]
        text = flat(part["text"] + "\n" + part["attrs"])
        if part["tag"] != "html" and lang != seen["lang"] and part["direction"] != text_direction(lang):
            problems.append(f"<{part['tag']} lang={lang}> is laid out {part['direction']}: {flat(part['text'])[:60]!r}")
        if dutch is not None and lang != "nl" and (hit := dutch.search(text)):
            problems.append(f"Dutch text {hit!r} in a {lang} part of the page")
        if own is not None and lang != language and (hit := own.search(text)):
            problems.append(f"{language} text {hit!r} is not marked lang={language}")
    return problems


def accessibility(page) -> list[str]:
    """axe-core's violations on this page (the rules of conftest's ``axe_violations``; only violations are
    collected, which makes a run several times faster)."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return [f"axe {v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


def open_survey(region, key: str, language: str) -> str:
    """A questionnaire made from the template as an author makes it, published and open, one question per
    screen; returns its open link in ``language``."""
    survey = services.create_from_template(region, key)
    document = versions.editable_document(survey)
    if any(not items for items in document.lists.values()):
        for name, items in document.lists.items():
            if not items:
                document.lists[name] = [ListItem(item["key"], item["label"]) for item in LIST_ITEMS]
        versions.save_document(survey, document, versions.lock_token(survey))
    versions.publish(survey, versions.lock_token(survey))
    survey.status = FieldworkStatus.OPEN
    survey.display_mode = DisplayMode.ONE_PER_SCREEN
    survey.public_key = f"wandeling-{key.replace('_', '-')}-{language}"
    _db.session.commit()
    return f"/v/{survey.public_key}?taal={language}"


class Walk:
    """One language's walk: the problems found (each once, with the screens it was seen on) and the kinds
    of screen axe has checked."""

    def __init__(self, language: str):
        self.language = language
        self.problems: dict[str, list[str]] = {}
        self.checked: set = set()
        self.shot: set[str] = set()

    def note(self, where: str, problems: list[str]) -> None:
        for problem in problems:
            self.problems.setdefault(problem, []).append(where)

    def report(self) -> str:
        return "\n".join(
            f"{problem} — on {len(places)} screen(s), first {places[0]}" for problem, places in self.problems.items()
        )

    def template(self, page, url: str, key: str) -> int:
        """Answer every screen from the welcome page to the thanks page; returns the number of screens."""
        page.goto(url)
        for number in range(1, 80):
            kind = page.evaluate(WIDGET)
            where = f"{key} screen {number} ({kind}, {page.url.split('/v/')[-1]})"
            self.note(where, read_screen(page, key, self.language))
            checked = (key, kind) if self.language == "nl" else kind
            if checked not in self.checked:
                self.checked.add(checked)
                self.note(where, accessibility(page))
            if (
                self.language == "ar"
                and key == "ceo_kind"
                and kind in ("welcome", "options-smiley")
                and kind not in self.shot
            ):  # right to left: the welcome page and the first smiley question
                self.shot.add(kind)
                SHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SHOTS / f"{key}-ar-{kind}.png"))
            if kind == "thanks":
                assert_no_horizontal_scroll(page)
                return number
            if kind == "welcome":
                with page.expect_navigation():
                    page.locator("a.button-start").click()
                continue
            if kind == "check":
                with page.expect_navigation():
                    page.locator("form button[type=submit]").click()
                continue
            before = page.url
            if self.language == "nl":  # tapped as on a phone (a choice may take the respondent on by itself)
                answer_by_pointer(page)
            else:
                with page.expect_navigation():
                    answered = page.evaluate(ANSWER)
                assert kind == "info-text" or answered, f"{where}: nothing to answer"
            if page.url == before or page.locator(".error-summary").count():
                raise AssertionError(
                    f"{where}: the answer was not accepted: {page.locator('.error-summary').all_inner_texts()}"
                )
        raise AssertionError(f"{key}/{self.language}: the questionnaire did not end")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_template_walked_in(browser, live_server, region, language):
    keys = [key for key, walked in walks() if walked == language]
    assert keys, f"no shipped template in {language}"
    walk = Walk(language)
    for key in keys:
        url = live_server + open_survey(region, key, language)
        context = browser.new_context(
            viewport=PHONE, is_mobile=True, has_touch=True, locale="nl-NL", bypass_csp=True
        )  # only to inject axe
        try:
            screens = walk.template(context.new_page(), url, key)
        finally:
            context.close()
        assert screens > 3, f"{key}: only {screens} screens"
    assert not walk.problems, f"{language}:\n{walk.report()}"
