"""The translation catalogs: which msgids each locale must translate, what is missing, filling in.

Dutch (nl) translates every msgid. The respondent's other languages (English, Arabic, Turkish, Polish,
Ukrainian, Tigrinya, Persian, Somali) translate every text a respondent reads (the "respondent chrome":
buttons, progress, messages, the welcome and thank-you pages); staff pages are always Dutch. The catalogs
of the later languages hold only those msgids. A message with a context (u-form / je-form texts) is keyed
as "context|msgid".
"""

from __future__ import annotations

import re
from collections import Counter
from gettext import c2py
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po, write_po

from survey.config import PROJECT_ROOT
from survey.i18n import DRAFT_LOCALES, UI_LOCALES

TRANSLATIONS = PROJECT_ROOT / "translations"
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None, "flag": (2,)}

#: every file whose texts a respondent reads; staff pages on the same blueprint are left out
RESPONDENT_SOURCES = [
    "forms/respondent.py",
    "forms/respondent_checks.py",
    "forms/respondent_entry.py",
    "forms/respondent_fields.py",
    "survey/responses/display/screens.py",
    "survey/responses/steps/views.py",
    "survey/responses/views.py",
    "survey/responses/display/wording.py",
    "survey/templates/base.html",
    "survey/templates/_macros/forms.html",
    "survey/templates/responses/_question.html",
    "survey/templates/responses/_screen.html",
    "survey/templates/responses/base.html",
    "survey/templates/responses/check.html",
    "survey/templates/responses/code.html",
    "survey/templates/responses/later.html",
    "survey/templates/responses/privacy.html",
    "survey/templates/responses/problem.html",
    "survey/templates/responses/step.html",
    "survey/templates/responses/thanks.html",
    "survey/templates/responses/welcome.html",
    # public pages a respondent can meet outside the questionnaire
    "survey/templates/fieldwork/optout.html",
    "survey/templates/fieldwork/optout_done.html",
    "survey/templates/fieldwork/optout_invalid.html",
    "survey/templates/site/accessibility.html",
    "survey/templates/errors/error.html",
    "survey/site/errors.py",
]
#: catalogs holding every msgid (the staff texts empty in en and ar); the others hold the respondent's only
FULL_CATALOGS = ("nl", "en", "ar")
#: the respondent's own locales beside Dutch
RESPONDENT_LOCALES = tuple(locale for locale in UI_LOCALES if locale != "nl")


def po_path(locale: str) -> Path:
    return TRANSLATIONS / locale / "LC_MESSAGES" / "messages.po"


def key_of(message: Message) -> str:
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    return f"{message.context}|{msgid}" if message.context else msgid


def read_catalog(locale: str) -> Catalog:
    with po_path(locale).open("rb") as handle:
        return read_po(handle, locale=locale)


def respondent_keys() -> set[str]:
    """Keys of every msgid in the respondent's pages."""
    keys = set()
    for relative in RESPONDENT_SOURCES:
        path = PROJECT_ROOT / relative
        method = "python" if path.suffix == ".py" else "jinja2.ext:babel_extract"
        with path.open("rb") as handle:
            for _lineno, msgid, _comments, context in extract(method, handle, keywords=KEYWORDS):
                text = msgid if isinstance(msgid, str) else msgid[0]
                keys.add(f"{context}|{text}" if context else text)
    return keys


DRAFT_NOTE = (
    "Draft translation of the respondent's page texts, not yet checked by a native speaker: have "
    "one check it before respondents read it (survey.i18n.DRAFT_LOCALES)."
)


def new_catalog(locale: str) -> Catalog:
    """A catalog of the respondent's msgids only, with the locale's plural forms, marked as a draft."""
    source = read_catalog("nl")  # the complete catalog
    wanted = respondent_keys()
    comment = f"# {locale} translations of the respondent's page texts.\n#"
    if locale in DRAFT_LOCALES:
        comment += f"\n# {DRAFT_NOTE}\n#"
    catalog = Catalog(locale=locale, header_comment=comment, project="survey", fuzzy=False)
    for message in source:
        if message.id and key_of(message) in wanted:
            empty = tuple("" for _ in range(catalog.num_plurals)) if isinstance(message.id, tuple) else ""
            catalog.add(message.id, empty, flags=message.flags - {"fuzzy"}, context=message.context)
    return catalog


def refresh_respondent_catalog(locale: str) -> None:
    """A respondent-only catalog with today's respondent msgids, keeping the translations it had."""
    catalog = new_catalog(locale)
    if po_path(locale).exists():
        old = {key_of(message): message for message in read_catalog(locale) if message.id}
        for message in catalog:
            kept = old.get(key_of(message)) if message.id else None
            if kept is not None and kept.id == message.id:
                message.string = kept.string
                if kept.fuzzy:
                    message.flags.add("fuzzy")
    write_catalog(locale, catalog)


def write_catalog(locale: str, catalog: Catalog) -> None:
    po_path(locale).parent.mkdir(parents=True, exist_ok=True)
    with po_path(locale).open("wb") as handle:
        write_po(handle, catalog, width=100, omit_header=False, sort_output=True, include_lineno=False)


def untranslated(message: Message) -> bool:
    if not message.id:
        return False
    strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
    return message.fuzzy or not all(strings)


def missing(locale: str, respondent_only: bool | None = None) -> dict[str, object]:
    """Untranslated msgids of a locale ({key: ""} or {key: ["", ""]} for plurals)."""
    if respondent_only is None:
        respondent_only = locale != "nl"
    wanted = respondent_keys() if respondent_only else None
    result: dict[str, object] = {}
    for message in read_catalog(locale):
        if untranslated(message) and (wanted is None or key_of(message) in wanted):
            result[key_of(message)] = ["" for _ in message.string] if isinstance(message.id, tuple) else ""
    return result


PLACEHOLDER = re.compile(r"%\((\w+)\)[sdf]")


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text or ""))


def problems(locale: str, catalog: Catalog | None = None) -> list[str]:
    """What keeps a respondent locale's catalog from being complete: a respondent msgid missing, empty or
    fuzzy, a placeholder (%(name)s) not the msgid's, a plural form missing, or plural forms other than the
    language's (Babel's table)."""
    catalog = catalog or read_catalog(locale)
    expected = get_plural(locale)
    found = []
    if catalog.num_plurals != expected.num_plurals or catalog.plural_expr != expected.plural_expr:
        found.append(f"Plural-Forms: {catalog.plural_forms!r}, expected {expected.plural_forms!r}")
    single = _single_number_forms(expected.plural_expr)
    present = {key_of(message): message for message in catalog if message.id}
    for key in sorted(respondent_keys()):
        message = present.get(key)
        if message is None or untranslated(message):
            found.append(f"untranslated: {key}")
            continue
        if isinstance(message.id, tuple):
            wanted = set(placeholders(message.id[0])) | set(placeholders(message.id[1]))
            strings = list(message.string)
            if len(strings) != expected.num_plurals:
                found.append(f"{len(strings)} plural forms instead of {expected.num_plurals}: {key}")
        else:
            wanted, strings = set(placeholders(message.id)), [message.string]
        for index, string in enumerate(strings):
            have = set(placeholders(string))
            # the form for one single number ("one answer", Arabic's dual) may say it in words
            spared = {"num"} if isinstance(message.id, tuple) and index in single else set()
            if not wanted - spared <= have <= wanted:
                found.append(f"placeholders {sorted(have)} instead of {sorted(wanted)} (form {index}): {key}")
    return found


def _single_number_forms(plural_expr: str) -> set[int]:
    """The plural forms used for exactly one number (Arabic: 0, 1 and 2; English: 1)."""
    choose = c2py(plural_expr)
    counts = Counter(choose(n) for n in range(1000))
    return {form for form, count in counts.items() if count == 1}


def fill(locale: str, translations: dict[str, object]) -> int:
    """Write translations {key: text or [plural forms]} into the locale's catalog; returns how many."""
    catalog = read_catalog(locale)
    filled = 0
    for message in catalog:
        value = translations.get(key_of(message)) if message.id else None
        if not value:
            continue
        message.string = tuple(value) if isinstance(message.id, tuple) else value
        message.flags.discard("fuzzy")
        filled += 1
    write_catalog(locale, catalog)
    return filled
