"""Languages of a questionnaire: names, right-to-left scripts, missing translations, and every
translatable text as a flat list (for the side-by-side translation page). Item codes never change."""

from __future__ import annotations

import re
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError

from survey.i18n import DRAFT_LOCALES, LOCALE_FALLBACK, UI_LOCALES, text_direction
from survey.questionnaires.content.document import Document
from survey.questionnaires.content.registry import REGISTRY

SOURCE = "nl"
#: offered first when adding a language (docs/domain.md, "Instruments")
COMMON_LANGUAGES = ("en", "ar", "tr", "pl", "uk", "ti", "fa", "prs", "so")
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
SETTING_LABELS = ("title", "introduction", "organiser", "privacy_statement", "help_text")


def is_rtl(language: str) -> bool:
    return text_direction(language) == "rtl"


def language_name(code: str, in_language: str = "nl") -> str:
    """The Dutch name of a language (Engels, Arabisch …), from the CLDR data Babel ships."""
    try:
        name = Locale.parse(in_language).languages.get(code)
    except (ValueError, UnknownLocaleError):
        name = None
    return name or code


def page_texts(code: str) -> str:
    """The respondent's page texts (buttons, messages) in this language: "checked", "draft" (a translation
    still to be checked by a native speaker) or "dutch" (no catalog: the page around the questions is Dutch)."""
    chrome = LOCALE_FALLBACK.get(code, code)
    if chrome not in UI_LOCALES:
        return "dutch"
    return "draft" if chrome in DRAFT_LOCALES else "checked"


def valid_language(code: str) -> bool:
    return bool(LANGUAGE_CODE.match(code or ""))


def add_language(document: Document, code: str) -> None:
    if code not in document.languages:
        document.languages.append(code)
    sync_scale_labels(document)


def remove_language(document: Document, code: str) -> None:
    """Drop a language and its texts (Dutch, the source language, stays)."""
    if code == SOURCE:
        return
    document.languages = [lang for lang in document.languages if lang != code]
    for entry in entries(document):
        entry.texts.pop(code, None)


def sync_scale_labels(document: Document) -> None:
    """Fixed scales (agreement, frequency, smileys …) carry their labels in the survey's languages only;
    a known label is filled in when a language is added."""
    for question in document.questions():
        qtype = REGISTRY[question.type]
        if qtype.default_options is None:
            continue
        known = {o.code: o.label for o in qtype.new_options(question.settings)}
        for option in question.options:
            builtin = dict(known.get(option.code, {}))
            if option.label.get(SOURCE, "").isdigit():  # a grade or 0–10 point reads the same in every language
                builtin.update({lang: option.label[SOURCE] for lang in document.languages})
            option.label = {
                lang: option.label.get(lang) or builtin.get(lang, "")
                for lang in document.languages
                if option.label.get(lang) or builtin.get(lang)
            }


@dataclass
class Entry:
    """One translatable text: where it is (``key``), what it is, and the live dict of its translations."""

    key: str
    place: str  # a code or section key to show beside it
    kind: str  # title, intro, text, hint, option, statement, list
    texts: dict


def entries(document: Document) -> list[Entry]:
    """Every text of the document in reading order, with a stable key for forms."""
    found: list[Entry] = []
    for sec in document.sections:
        found.append(Entry(f"sec:{sec.key}:title", sec.key, "title", sec.title))
        found.append(Entry(f"sec:{sec.key}:intro", sec.key, "intro", sec.intro))
        for q in sec.questions:
            ref = q.code or f"{sec.key}.{sec.questions.index(q) + 1}"
            found.append(Entry(f"q:{ref}:text", ref, "text", q.text))
            found.append(Entry(f"q:{ref}:hint", ref, "hint", q.hint))
            found.extend(_option_entry(q, ref, o) for o in q.options)
            found.extend(Entry(f"q:{ref}:item:{i.code}", i.code, "statement", i.text) for i in q.items)
    for name, items in document.lists.items():
        found.extend(Entry(f"list:{name}:{i.key}", f"{name}: {i.key}", "list", i.label) for i in items)
    return found


def _option_entry(question, ref: str, option) -> Entry:
    """Options of a fixed scale share one entry per label, so "Mee eens" is translated once for all."""
    if REGISTRY[question.type].default_options is not None:
        faces = question.settings.get("faces", "")
        return Entry(
            f"scale:{question.type}:{faces}:{option.code}", f"{question.type} = {option.code}", "scale", option.label
        )
    return Entry(f"q:{ref}:opt:{option.code}", f"{ref} = {option.code}", "option", option.label)


def translatable(document: Document) -> list[Entry]:
    """The entries that have a Dutch source text (empty hints and intros need no translation), each key once."""
    seen: set[str] = set()
    found = []
    for entry in entries(document):
        if entry.texts.get(SOURCE) and entry.key not in seen:
            seen.add(entry.key)
            found.append(entry)
    return found


def missing(document: Document, language: str) -> list[Entry]:
    return [entry for entry in translatable(document) if not entry.texts.get(language)]


def completeness(document: Document) -> dict[str, tuple[int, int]]:
    """Per language: (translated, total) over the texts that have Dutch."""
    total = translatable(document)
    return {lang: (sum(1 for e in total if e.texts.get(lang)), len(total)) for lang in document.languages}


def missing_by_question(document: Document) -> dict[str, list[str]]:
    """Per item code: the languages in which some text of that question is missing."""
    result: dict[str, list[str]] = {}
    for q in document.questions():
        texts = [q.text, q.hint, *(o.label for o in q.options), *(i.text for i in q.items)]
        langs = [
            lang
            for lang in document.languages
            if lang != SOURCE and any(t.get(SOURCE) and not t.get(lang) for t in texts)
        ]
        if langs:
            result[q.code] = langs
    return result


def apply_translations(document: Document, language: str, values: dict[str, str]) -> int:
    """Store the texts of one language (by entry key); an empty value removes it. Returns the count."""
    changed = 0
    for entry in entries(document):
        if entry.key not in values:
            continue
        value = (values[entry.key] or "").strip()
        if value != entry.texts.get(language, ""):
            changed += 1
        if value:
            entry.texts[language] = value
        else:
            entry.texts.pop(language, None)
    return changed
