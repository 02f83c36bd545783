"""A questionnaire as a spreadsheet (XLSX) that a translator or another region can edit and send back.
This module writes it and holds the cell formats (options, conditions).

Tabs: ``vragen`` (one row per question, plus one row per statement of a group), ``secties``, ``lijsten``
and ``vragenlijst`` (settings). Texts have one column per language: ``label::nl``, ``label::en`` …
The format is described in docs/questionnaire-format.md; reading it back is spreadsheet_import.py.
"""

from __future__ import annotations

import io
import json
import re

import xlsxwriter

from survey.questionnaires.content.document import CONDITION_OPS, Condition, Document, Question
from survey.questionnaires.exchange.json_file import FORMAT, FORMAT_VERSION, SETTING_TEXTS

QUESTIONS, SECTIONS, LISTS, SETTINGS = "vragen", "secties", "lijsten", "vragenlijst"
STATEMENT_TYPE = "groepsstelling"  # a row holding one statement of the group above it
YES, NO = "ja", "nee"
OPTION_SEPARATOR = "|"
UNESCAPED_BAR = re.compile(r"(?<!\\)\|")


def text_languages(document: Document, extra: list[dict] | None = None) -> list[str]:
    """The document's languages first, then any other language that has a text somewhere."""
    found = list(document.languages)
    texts = list(extra or [])
    for sec in document.sections:
        texts += [sec.title, sec.intro]
        for q in sec.questions:
            texts += [q.text, q.hint, *(o.label for o in q.options), *(i.text for i in q.items)]
    texts += [i.label for items in document.lists.values() for i in items]
    for text in texts:
        found += sorted(lang for lang in text if lang not in found)
    return found


def condition_text(condition: Condition | None) -> str:
    """``T1 is 5``, ``T1 in 4,5``, ``R1 gte 6``, ``R1 lte 5`` or ``T1 answered``."""
    if condition is None:
        return ""
    if condition.op == "answered":
        return f"{condition.item} answered"
    value = condition.value
    if isinstance(value, list):
        value = ",".join(str(v) for v in value)
    return f"{condition.item} {condition.op} {value}"


def options_text(question: Question, language: str) -> str:
    return OPTION_SEPARATOR.join(f"{o.code}={_escape(o.label.get(language, ''))}" for o in question.options)


def split_options(text: str) -> list[tuple[str, str]] | None:
    """``5=Helemaal mee eens|4=Mee eens`` → [("5", "Helemaal mee eens"), …]; None when malformed."""
    if not text:
        return []
    pairs = []
    for part in UNESCAPED_BAR.split(text):
        code, sep, label = part.partition("=")
        if not sep or not code.strip():
            return None
        pairs.append((code.strip(), label.strip().replace("\\|", "|").replace("\\\\", "\\")))
    return pairs


def parse_condition(text: str):
    """``T1 is 5``, ``T1 in 4,5``, ``R1 gte 6``, ``R1 lte 5``, ``T1 answered``; None when empty; ValueError."""
    if not text:
        return None
    parts = text.split(None, 2)
    if len(parts) < 2 or parts[1] not in CONDITION_OPS or (parts[1] != "answered") != (len(parts) == 3):
        raise ValueError(text)
    item, op = parts[0], parts[1]
    if op == "answered":
        return {"item": item, "op": op, "value": None}
    value = parts[2].strip()
    if op == "in":
        return {"item": item, "op": op, "value": [v.strip() for v in value.split(",") if v.strip()]}
    return {"item": item, "op": op, "value": value}


def at(tab: str, row: int | None = None, column: str | None = None) -> str:
    """A place in the workbook, as the author reads it: tabblad vragen, rij 7, kolom type."""
    return f"tabblad {tab}" + (f", rij {row}" if row else "") + (f", kolom {column}" if column else "")


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(OPTION_SEPARATOR, "\\" + OPTION_SEPARATOR)


def question_headers(langs: list[str]) -> list[str]:
    return [
        "section",
        "code",
        "type",
        "domain",
        "required",
        *(f"label::{lang}" for lang in langs),
        *(f"hint::{lang}" for lang in langs),
        *(f"options::{lang}" for lang in langs),
        "condition",
        "settings",
    ]


def question_rows(document: Document, langs: list[str]) -> list[list[str]]:
    rows = []
    for sec in document.sections:
        for q in sec.questions:
            rows.append(
                [
                    sec.key,
                    q.code,
                    q.type,
                    q.domain,
                    YES if q.required else NO,
                    *(q.text.get(lang, "") for lang in langs),
                    *(q.hint.get(lang, "") for lang in langs),
                    *(options_text(q, lang) if q.options else "" for lang in langs),
                    condition_text(q.condition),
                    json.dumps(q.settings, ensure_ascii=False, sort_keys=True) if q.settings else "",
                ]
            )
            for item in q.items:
                rows.append(
                    [
                        sec.key,
                        item.code,
                        STATEMENT_TYPE,
                        "",
                        "",
                        *(item.text.get(lang, "") for lang in langs),
                        *([""] * (2 * len(langs))),
                        "",
                        "",
                    ]
                )
    return rows


def section_rows(document: Document, langs: list[str]) -> tuple[list[str], list[list[str]]]:
    headers = [
        "section",
        *(f"title::{lang}" for lang in langs),
        *(f"intro::{lang}" for lang in langs),
        "condition",
        "repeat",
    ]
    rows = [
        [
            s.key,
            *(s.title.get(lang, "") for lang in langs),
            *(s.intro.get(lang, "") for lang in langs),
            condition_text(s.condition),
            s.repeat or "",
        ]
        for s in document.sections
    ]
    return headers, rows


def list_rows(document: Document, langs: list[str]) -> tuple[list[str], list[list[str]]]:
    headers = ["list", "key", *(f"label::{lang}" for lang in langs)]
    rows = [
        [name, item.key, *(item.label.get(lang, "") for lang in langs)]
        for name, items in document.lists.items()
        for item in items
    ]
    return headers, rows


def setting_rows(settings: dict, document: Document, langs: list[str]) -> list[list[str]]:
    rows = [["format", FORMAT], ["format_version", str(FORMAT_VERSION)], ["languages", ",".join(document.languages)]]
    for name, value in settings.items():
        if name in SETTING_TEXTS:
            rows += [[f"{name}::{lang}", value.get(lang, "")] for lang in langs if value.get(lang)]
        elif isinstance(value, bool):
            rows.append([name, YES if value else NO])
        else:
            rows.append([name, str(getattr(value, "value", value))])
    return rows


def export_xlsx(settings: dict, document: Document) -> bytes:
    """The workbook as bytes. Every cell is written as a string: nothing is evaluated as a formula."""
    langs = text_languages(document, [settings.get(name) or {} for name in SETTING_TEXTS])
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}
    )
    bold = workbook.add_format({"bold": True})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    _sheet(workbook, QUESTIONS, question_headers(langs), question_rows(document, langs), bold, wrap)
    _sheet(workbook, SECTIONS, *section_rows(document, langs), bold, wrap)
    _sheet(workbook, LISTS, *list_rows(document, langs), bold, wrap)
    _sheet(workbook, SETTINGS, ["setting", "value"], setting_rows(settings, document, langs), bold, wrap)
    workbook.close()
    return buffer.getvalue()


def _sheet(workbook, name, headers, rows, bold, wrap):
    sheet = workbook.add_worksheet(name)
    for column, header in enumerate(headers):
        sheet.write_string(0, column, header, bold)
        wide = header.startswith(("label::", "options::", "title::", "intro::", "hint::")) or header == "value"
        sheet.set_column(column, column, 40 if wide else 12, wrap if wide else None)
    for row_number, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            if value not in (None, ""):
                sheet.write_string(row_number, column, str(value))
    sheet.freeze_panes(1, 0)
