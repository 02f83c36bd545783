"""What the builder tells the author: document problems, taalcheck findings and meaning changes, in Dutch.

analysis/questions/readability.py returns codes with data; the messages (English msgids) live here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from analysis.questions import readability
from survey.questionnaires.builder.changes import MeaningChange
from survey.questionnaires.content.document import Document, DocumentError
from survey.questionnaires.content.registry import REGISTRY

FINDING_MESSAGES = {
    readability.LONG_SENTENCE: _l("Sentence of %(words)s words: keep sentences to at most %(max)s words."),
    readability.LONG_WORD: _l('Long word "%(word)s" (%(letters)s letters): use a shorter word or split it.'),
    readability.JARGON: _l('Jargon: "%(word)s". Explain it or write, for example: %(alternative)s.'),
    readability.PASSIVE: _l('Passive voice ("%(auxiliary)s … %(participle)s"): say who does it.'),
    readability.DOUBLE_NEGATIVE: _l("Double negative (%(words)s): say it positively."),
    readability.MULTIPLE_QUESTIONS: _l("More than one question in one text: ask one thing at a time."),
}
FINDING_NAMES = {
    readability.LONG_SENTENCE: _l("long sentences"),
    readability.LONG_WORD: _l("long words"),
    readability.JARGON: _l("jargon"),
    readability.PASSIVE: _l("passive voice"),
    readability.DOUBLE_NEGATIVE: _l("double negatives"),
    readability.MULTIPLE_QUESTIONS: _l("more than one question"),
}
CHANGE_MESSAGES = {
    ("type", "published"): _l(
        "%(code)s has another question type than in the published version "
        "(%(before)s → %(after)s): results no longer compare."
    ),
    ("options", "published"): _l("%(code)s has other answer options than in the published version."),
    ("text", "published"): _l("The wording of %(code)s differs from the published version."),
    ("removed", "published"): _l("%(code)s was in the published version and is no longer in this draft."),
    ("type", "previous_round"): _l(
        "%(code)s has another question type than in the previous round (%(before)s → %(after)s): the trend breaks."
    ),
    ("options", "previous_round"): _l(
        "%(code)s has other answer options than in the previous round: the trend breaks."
    ),
    ("text", "previous_round"): _l(
        "The wording of %(code)s differs from the previous round: check that it still means the same."
    ),
    ("removed", "previous_round"): _l("%(code)s was in the previous round and is not in this one: no trend for it."),
}


def problem_messages(error: DocumentError) -> list[str]:
    """Every problem as one Dutch line: where it is and what is wrong."""
    return [
        f"{where}: {_(msgid, **params)}" if where else _(msgid, **params) for where, msgid, params in error.problems
    ]


def change_message(change: MeaningChange) -> str:
    return str(CHANGE_MESSAGES[(change.change, change.baseline)]) % {
        "code": change.code,
        "before": change.before,
        "after": change.after,
    }


def describe(finding: readability.Finding) -> str:
    return str(FINDING_MESSAGES[finding.code]) % finding.data


def settings() -> readability.Settings:
    config = current_app.config
    return readability.Settings(
        max_words=int(config.get("TAALCHECK_MAX_WORDS", 15)),
        max_word_length=int(config.get("TAALCHECK_MAX_WORD_LENGTH", 15)),
    )


@dataclass
class Taalcheck:
    """Findings per question code and per section key, and counts for the whole questionnaire."""

    questions: dict[str, list[str]] = field(default_factory=dict)
    sections: dict[str, list[str]] = field(default_factory=dict)
    survey: list[str] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    flagged_texts: int = 0

    def summary(self) -> list[tuple[str, int]]:
        return [(str(FINDING_NAMES[code]), self.counts[code]) for code in readability.CODES if self.counts[code]]


def texts_of(question) -> list[str]:
    """The Dutch texts a respondent reads for this question (author-written options included)."""
    texts = [question.text.get("nl", ""), question.hint.get("nl", "")]
    texts += [item.text.get("nl", "") for item in question.items]
    if REGISTRY[question.type].needs_options:
        texts += [option.label.get("nl", "") for option in question.options]
    return [t for t in texts if t]


def run_taalcheck(document: Document, survey_texts: dict[str, str] | None = None) -> Taalcheck:
    """The taalcheck over every Dutch text of the questionnaire."""
    config, result = settings(), Taalcheck()

    def check(texts: list[str]) -> list[str]:
        messages = []
        for text in texts:
            findings = readability.check(text, config)
            result.counts.update(f.code for f in findings)
            result.flagged_texts += bool(findings)
            messages += [describe(f) for f in findings]
        return messages

    for section in document.sections:
        found = check([section.title.get("nl", ""), section.intro.get("nl", "")])
        if found:
            result.sections[section.key] = found
        for question in section.questions:
            found = check(texts_of(question))
            if found:
                result.questions[question.code or str(id(question))] = found
    result.survey = check([t for t in (survey_texts or {}).values() if t])
    return result
