"""Invitation, reminder and letter texts: the survey's own text or the built-in one
(:mod:`survey.fieldwork.messages.texts`) per language and form of address, with placeholders such as {link},
{code}, {titel} and {einddatum}.

A line whose placeholder has no value is left out: a
reminder to someone who already started has no new {link}, and {verder} tells them to use the first one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from survey.fieldwork.messages.texts import CONTINUE, DEFAULTS, LANGUAGE_NOTE, LETTER
from survey.i18n import LOCALE_FALLBACK

#: placeholders staff can use in the texts
PLACEHOLDERS = ("titel", "link", "code", "codeadres", "einddatum", "minuten", "organisatie", "afmeldlink", "verder")
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
KINDS = ("invitation", "reminder", "letter")


def language_note(language: str | None, available: list[str]) -> str:
    """The line in the invitee's own language when the questionnaire lacks it (English for languages
    without a line of their own); empty when the questionnaire has the language."""
    if not language or language in available:
        return ""
    return LANGUAGE_NOTE[note_language(language)]


def note_language(language: str) -> str:
    """The language :func:`language_note`'s line for ``language`` is written in (for ``lang`` and ``dir``)."""
    own = LOCALE_FALLBACK.get(language, language)
    return own if own in LANGUAGE_NOTE else "en"


@dataclass(frozen=True)
class Text:
    subject: str
    body: str


def default_text(kind: str, language: str, form: str) -> Text | None:
    """The built-in text for a kind in a language (None when there is none in that language)."""
    texts = DEFAULTS.get((LOCALE_FALLBACK.get(language, language), form))  # Dari reads the Persian text
    return Text(*texts[kind]) if texts else None


def text_for(templates: dict, kind: str, language: str, form: str) -> Text | None:
    """The survey's own text for this kind and language, else the built-in one, else None."""
    own = (templates or {}).get(kind, {}).get(language)
    if own and own.get("body"):
        return Text(own.get("subject", ""), own["body"])
    return default_text(kind, language, form)


def letter_sentence(language: str, form: str) -> str:
    return LETTER.get((LOCALE_FALLBACK.get(language, language), form)) or LETTER[("nl", form)]


def continue_sentence(language: str, form: str) -> str:
    return CONTINUE.get((LOCALE_FALLBACK.get(language, language), form)) or CONTINUE[("nl", form)]


def unknown_placeholders(text: str) -> list[str]:
    """Placeholders in a text that do not exist (shown to staff when they edit a text)."""
    return sorted({name for name in PLACEHOLDER.findall(text or "") if name not in PLACEHOLDERS})


def fill(text: str, values: dict[str, str]) -> str:
    """Put the values in; a line whose placeholder has no value is left out; unknown braces stay as typed."""
    lines = []
    for line in (text or "").split("\n"):
        names = [n for n in PLACEHOLDER.findall(line) if n in PLACEHOLDERS]
        if any(not values.get(n) for n in names):
            continue
        lines.append(
            PLACEHOLDER.sub(
                lambda m: values.get(m.group(1), m.group(0)) if m.group(1) in PLACEHOLDERS else m.group(0), line
            )
        )
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
