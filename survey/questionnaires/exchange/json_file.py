"""Exchange of a whole questionnaire as one JSON file (docs/questionnaire-format.md).

The file holds the survey settings (kind, audience, texts per language …) and the version's document.
Reading checks everything first and raises DocumentError naming every problem; nothing is stored here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from survey.questionnaires.content.document import Document, DocumentError
from survey.questionnaires.content.parsing import parse_document
from survey.questionnaires.content.validation import Problems, validate_document
from survey.questionnaires.models import AddressForm, Audience, DisplayMode, Survey, SurveyKind

FORMAT = "vragenlijst"
FORMAT_VERSION = 1
SETTING_TEXTS = ("title", "introduction", "organiser", "privacy_statement", "help_text")
SETTING_CHOICES = {"kind": SurveyKind, "audience": Audience, "address_form": AddressForm, "display_mode": DisplayMode}
SETTING_DEFAULTS = {
    "kind": SurveyKind.OVERIG,
    "audience": Audience.OUDERS,
    "address_form": AddressForm.U,
    "display_mode": DisplayMode.ONE_PER_SCREEN,
    "show_check_page": False,
    "estimated_minutes": 5,
}
SETTING_NUMBERS = {"estimated_minutes": (1, 120), "retention_months": (1, 120), "min_cell": (5, 1000)}


@dataclass
class Exchange:
    """A questionnaire outside the database: survey settings plus one document."""

    settings: dict
    document: Document

    def copy(self) -> Exchange:
        settings = {k: (dict(v) if isinstance(v, dict) else v) for k, v in self.settings.items()}
        return Exchange(settings, parse_document(self.document.to_dict()))


def survey_settings(survey: Survey) -> dict:
    """The settings of a survey as plain data (what an exchange file carries)."""
    data: dict[str, Any] = {name: getattr(survey, name).value for name in SETTING_CHOICES}
    data.update(
        show_check_page=survey.show_check_page,
        estimated_minutes=survey.estimated_minutes,
        retention_months=survey.retention_months,
        min_cell=survey.min_cell,
    )
    data.update({name: dict(getattr(survey, name) or {}) for name in SETTING_TEXTS})
    return data


def export_data(survey: Survey, document: Document) -> dict:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "survey": survey_settings(survey),
        "document": document.to_dict(),
    }


def export_json(survey: Survey, document: Document) -> bytes:
    return json.dumps(export_data(survey, document), ensure_ascii=False, indent=1).encode("utf-8")


def read_json(data: bytes) -> Exchange:
    """A questionnaire from the bytes of a JSON file, or DocumentError."""
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise DocumentError(Problems().flag("bestand", "The file is not UTF-8 text.")) from None
    except RecursionError:
        raise DocumentError(
            Problems().flag("bestand", "The file is nested too deeply to be a questionnaire.")
        ) from None
    except json.JSONDecodeError as error:
        raise DocumentError(
            Problems().flag(
                "bestand",
                "The file is not valid JSON (line %(line)s, column %(column)s).",
                line=error.lineno,
                column=error.colno,
            )
        ) from None
    return read_exchange(raw)


def read_exchange(raw: Any) -> Exchange:
    """Check a questionnaire in the exchange format: settings and document, all problems at once."""
    problems = Problems()
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        problems.flag("bestand", 'This is not a questionnaire file of this platform (format must be "vragenlijst").')
        raise DocumentError(list(problems))
    if raw.get("format_version") != FORMAT_VERSION:
        problems.flag(
            "format_version",
            "Format version %(version)s is not supported; use 1.",
            version=str(raw.get("format_version"))[:20],
        )
    settings = parse_settings(raw.get("survey") or {}, problems)
    document = None
    try:
        document = validate_document(raw.get("document"))
    except DocumentError as error:
        problems.extend(error.problems)
    if problems:
        raise DocumentError(list(problems))
    return Exchange(settings, document)


def parse_settings(raw: Any, problems: Problems) -> dict:
    """Survey settings from plain data; unknown values are problems, missing ones get defaults."""
    settings: dict[str, Any] = dict(SETTING_DEFAULTS)
    if not isinstance(raw, dict):
        problems.flag("survey", "The survey settings are not valid.")
        return settings
    for name, enum_cls in SETTING_CHOICES.items():
        if raw.get(name) in (None, ""):
            continue
        try:
            settings[name] = enum_cls(raw[name])
        except ValueError:
            problems.flag(
                f"survey.{name}",
                "Unknown value %(value)s; choose one of %(choices)s.",
                value=str(raw[name])[:40],
                choices=", ".join(m.value for m in enum_cls),
            )
    for name, (low, high) in SETTING_NUMBERS.items():
        if raw.get(name) in (None, ""):
            continue
        value = raw[name]
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            problems.flag(f"survey.{name}", "Enter a whole number from %(low)s to %(high)s.", low=low, high=high)
        else:
            settings[name] = value
    if "show_check_page" in raw:
        settings["show_check_page"] = bool(raw["show_check_page"])
    for name in SETTING_TEXTS:
        value = raw.get(name) or {}
        if not isinstance(value, dict):
            problems.flag(f"survey.{name}", 'Texts must be given per language, such as {"nl": "…"}.')
            continue
        if any(not isinstance(v, str | int | float) for v in value.values() if v is not None):
            problems.flag(f"survey.{name}", 'Texts must be given per language, such as {"nl": "…"}.')
            continue
        settings[name] = {str(k): str(v) for k, v in value.items() if v not in (None, "")}
    return settings
