"""Reading a questionnaire spreadsheet back (format: spreadsheet.py and docs/questionnaire-format.md).

Everything is checked before anything is used: a problem anywhere refuses the whole file, with the
tab, row and column named. Call it through uploads.read_upload, which checks size and zip bombs first.
"""

from __future__ import annotations

import io
import json
import re

import openpyxl

from survey.questionnaires.content.document import DocumentError
from survey.questionnaires.content.validation import Problems, validate_document
from survey.questionnaires.exchange.json_file import Exchange, parse_settings
from survey.questionnaires.exchange.spreadsheet import (
    LISTS,
    NO,
    QUESTIONS,
    SECTIONS,
    SETTINGS,
    STATEMENT_TYPE,
    YES,
    at,
    parse_condition,
    split_options,
)
from survey.questionnaires.languages.services import valid_language

MAX_ROWS = 2000
MAX_COLUMNS = 200
REQUIRED_COLUMNS = ("section", "code", "type", "label::nl")
TRUE = {YES, "yes", "true", "1", "waar", "j", "y"}
FALSE = {NO, "no", "false", "0", "onwaar", "n", ""}
#: which column a document problem belongs to, by msgid
COLUMN_OF = {
    "The question has no text.": "label::nl",
    "Unknown question type %(type)s.": "type",
    "A choice question needs at least two options.": "options::nl",
    "Two options have the same code.": "options::nl",
    "A group of statements needs at least one statement.": "type",
    "The minimum must be a number.": "settings",
    "The maximum must be a number.": "settings",
    "The minimum is higher than the maximum.": "settings",
    "The maximum length must be a number between 1 and 100000.": "settings",
    "The condition is not valid.": "condition",
    "The condition refers to %(code)s, which is not an earlier question.": "condition",
    "The section repeats over list %(name)s, which does not exist.": "repeat",
    "Section key %(key)s is used twice.": "section",
    "The condition needs a number to compare with.": "condition",
    "{item} only works in a section that repeats over a list.": "label::nl",
    "The text shows the answer to %(code)s, which is not an earlier question.": "label::nl",
    "%(code)s is answered once per list item; its answer can only be shown inside the same repeated section.": "label::nl",  # noqa: E501
}


def read_xlsx(data: bytes) -> Exchange:
    """A questionnaire from the bytes of an XLSX file, or DocumentError naming tab, row and column."""
    sheets = _read_sheets(data)
    if QUESTIONS not in sheets:
        raise DocumentError(Problems().flag("bestand", 'The workbook has no tab named "%(name)s".', name=QUESTIONS))
    return _Reader(sheets).exchange()


def _read_sheets(data: bytes) -> dict[str, list[dict]]:
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - any failure of a damaged workbook means: cannot be read
        raise _unreadable() from None
    try:
        return {sheet.title: _rows(sheet) for sheet in workbook.worksheets}
    except DocumentError:
        raise
    except Exception:  # noqa: BLE001
        raise _unreadable() from None
    finally:
        workbook.close()


def _unreadable() -> DocumentError:
    return DocumentError(Problems().flag("bestand", "The file could not be read as an Excel workbook (.xlsx)."))


def _rows(sheet) -> dict:
    """Header names and the data rows (as dicts) with their row numbers in the sheet."""
    rows = sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 2, max_col=MAX_COLUMNS)
    header = [_cell(v).lower() for v in next(rows, ())]
    body = []
    for number, values in enumerate(rows, start=2):
        if number > MAX_ROWS + 1:
            raise DocumentError(
                Problems().flag(f"tabblad {sheet.title}", "A tab may have at most %(n)s rows.", n=MAX_ROWS)
            )
        cells = {name: _cell(v) for name, v in zip(header, values, strict=False) if name}
        if any(cells.values()):
            body.append((number, cells))
    return {"header": header, "rows": body}


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class _Reader:
    """Turns the tabs into an exchange document, collecting every problem with its place."""

    def __init__(self, sheets: dict):
        self.sheets = sheets
        self.problems = Problems()
        self.places: dict[str, int] = {}  # document place ("sectie 1, vraag 2") → row number
        self.question_codes: dict[int, str] = {}  # row number → code of the question on that row
        self.statement_rows: dict[str, list[int]] = {}
        self.section_rows: dict[str, int] = {}

    def exchange(self) -> Exchange:
        languages = self._languages()
        lists = self._lists()
        sections = self._sections()
        self._questions(sections)
        settings = self._settings()
        data = {"languages": languages, "lists": lists, "sections": list(sections.values())}
        if self.problems:
            raise DocumentError(list(self.problems))
        try:
            document = validate_document(data)
        except DocumentError as error:
            raise DocumentError([self._place(p) for p in error.problems]) from None
        return Exchange(settings, document)

    def flag(self, where: str, msgid: str, **params):  # msgid extracted with the "flag:2" keyword
        self.problems.append((where, msgid, params))

    def _languages(self) -> list[str]:
        declared = self._setting_value("languages")
        header = self.sheets[QUESTIONS]["header"]
        langs = (
            [lang.strip() for lang in declared.split(",") if lang.strip()]
            if declared
            else ["nl"] + [h.split("::", 1)[1] for h in header if h.startswith("label::") and h != "label::nl"]
        )
        for lang in langs:
            if not valid_language(lang):
                self.flag(
                    at(SETTINGS if declared else QUESTIONS),
                    "Language code %(code)s is not valid; use codes such as nl, en, ar.",
                    code=lang[:12],
                )
        return langs if "nl" in langs else ["nl", *langs]

    def _setting_value(self, name: str) -> str:
        for _number, cells in self.sheets.get(SETTINGS, {}).get("rows", []):
            if cells.get("setting") == name:
                return cells.get("value", "")
        return ""

    def _lists(self) -> dict:
        lists: dict[str, list] = {}
        for number, cells in self.sheets.get(LISTS, {}).get("rows", []):
            if not cells.get("list") or not cells.get("key"):
                self.flag(at(LISTS, number, "list" if not cells.get("list") else "key"), "This cell may not be empty.")
                continue
            lists.setdefault(cells["list"], []).append({"key": cells["key"], "label": _texts(cells, "label")})
        return lists

    def _sections(self) -> dict[str, dict]:
        sections: dict[str, dict] = {}
        for number, cells in self.sheets.get(SECTIONS, {}).get("rows", []):
            key = cells.get("section", "")
            if not key:
                self.flag(at(SECTIONS, number, "section"), "This cell may not be empty.")
                continue
            if key in sections:
                self.flag(at(SECTIONS, number, "section"), "Section key %(key)s is used twice.", key=key)
            sections[key] = {
                "key": key,
                "title": _texts(cells, "title"),
                "intro": _texts(cells, "intro"),
                "condition": self._condition(SECTIONS, number, cells),
                "repeat": cells.get("repeat") or None,
                "questions": [],
            }
            self.section_rows[key] = number
        return sections

    def _questions(self, sections: dict) -> None:
        sheet = self.sheets[QUESTIONS]
        missing = [c for c in REQUIRED_COLUMNS if c not in sheet["header"]]
        for column in missing:
            self.flag(at(QUESTIONS, 1, column), "The column %(column)s is missing.", column=column)
        if missing:
            return
        group = None
        for number, cells in sheet["rows"]:
            key = cells.get("section", "")
            if not key:
                self.flag(at(QUESTIONS, number, "section"), "This cell may not be empty.")
                continue
            section = sections.setdefault(key, {"key": key, "title": {}, "intro": {}, "questions": []})
            self.section_rows.setdefault(key, number)
            if cells.get("type") == STATEMENT_TYPE:
                if group is None or group not in section["questions"]:
                    self.flag(
                        at(QUESTIONS, number, "type"),
                        "A statement row must follow a question of type stellingen in the same section.",
                    )
                    continue
                group["items"].append({"code": cells.get("code", ""), "text": _texts(cells, "label")})
                self.statement_rows.setdefault(cells.get("code", ""), []).append(number)
                continue
            question = self._question(number, cells)
            section["questions"].append(question)
            self.places[f"{key}#{len(section['questions'])}"] = number
            self.question_codes[number] = question["code"]
            group = question if question["type"] == "stellingen" else None

    def _question(self, number: int, cells: dict) -> dict:
        required = cells.get("required", YES).lower()
        if required not in TRUE | FALSE:
            self.flag(at(QUESTIONS, number, "required"), "Write ja or nee.")
        return {
            "code": cells.get("code", ""),
            "type": cells.get("type", ""),
            "domain": cells.get("domain", ""),
            "text": _texts(cells, "label"),
            "hint": _texts(cells, "hint"),
            "required": required in TRUE,
            "options": self._options(number, cells),
            "items": [],
            "settings": self._json(number, cells),
            "condition": self._condition(QUESTIONS, number, cells),
        }

    def _options(self, number: int, cells: dict) -> list[dict]:
        source = split_options(cells.get("options::nl", ""))
        if source is None:
            self.flag(
                at(QUESTIONS, number, "options::nl"), "Write options as code=label, separated by |, such as 1=Ja|2=Nee."
            )
            return []
        options = {code: {"code": code, "label": {"nl": label} if label else {}} for code, label in source}
        for name in (c for c in cells if c.startswith("options::") and c != "options::nl"):
            pairs = split_options(cells[name])
            if pairs is None:
                self.flag(
                    at(QUESTIONS, number, name), "Write options as code=label, separated by |, such as 1=Ja|2=Nee."
                )
                continue
            for code, label in pairs:
                if code not in options:
                    self.flag(at(QUESTIONS, number, name), "Option %(code)s is not in options::nl.", code=code[:20])
                elif label:
                    options[code]["label"][name.split("::", 1)[1]] = label
        return list(options.values())

    def _json(self, number: int, cells: dict) -> dict:
        text = cells.get("settings", "")
        if not text:
            return {}
        try:
            value = json.loads(text)
        except ValueError:
            value = None
        if not isinstance(value, dict):
            self.flag(at(QUESTIONS, number, "settings"), 'Write the settings as JSON, such as {"max_length": 200}.')
            return {}
        return value

    def _condition(self, tab: str, number: int, cells: dict):
        try:
            return parse_condition(cells.get("condition", ""))
        except ValueError:
            self.flag(
                at(tab, number, "condition"),
                "The condition %(text)s is not valid. Write, for example, "
                "T1 is 5, T1 in 4,5, R1 gte 6, R1 lte 5 or T1 answered.",
                text=cells.get("condition", "")[:60],
            )
            return None

    def _settings(self) -> dict:
        raw: dict = {}
        rows: dict[str, int] = {}
        for number, cells in self.sheets.get(SETTINGS, {}).get("rows", []):
            name, value = cells.get("setting", ""), cells.get("value", "")
            rows.setdefault(name.split("::", 1)[0], number)
            if "::" in name:
                base, lang = name.split("::", 1)
                raw.setdefault(base, {})[lang] = value
            elif name in ("estimated_minutes", "retention_months", "min_cell"):
                raw[name] = int(value) if value.isdigit() else value
            elif name == "show_check_page":
                raw[name] = value.lower() in TRUE
            elif name not in ("format", "format_version", "languages"):
                raw[name] = value
        problems = Problems()
        settings = parse_settings(raw, problems)
        for where, msgid, params in problems:
            name = where.removeprefix("survey.")
            self.problems.append((at(SETTINGS, rows.get(name), "value"), msgid, params))
        return settings

    def _place(self, problem):
        """Rewrite 'sectie 2, vraag 3' into 'tabblad vragen, rij 7, kolom condition'."""
        where, msgid, params = problem
        column = COLUMN_OF.get(msgid)
        match = re.match(r"sectie (\d+)(?:, vraag (\d+))?$", where)
        if match is None:
            return problem
        keys = list(self._section_order)
        section_key = keys[int(match.group(1)) - 1] if int(match.group(1)) <= len(keys) else ""
        if match.group(2) is None:
            row = self.section_rows.get(section_key)
            return at(SECTIONS, row, column), msgid, params
        row = self.places.get(f"{section_key}#{match.group(2)}")
        if msgid.startswith("Item code"):
            row, column = self._code_row(row, params.get("code")), "code"
        return at(QUESTIONS, row, column), msgid, params

    def _code_row(self, row: int | None, code: str | None) -> int | None:
        """The row of the question itself, or of the (last) statement with that code below it."""
        if row is None or self.question_codes.get(row) == code:
            return row
        below = [r for r in self.statement_rows.get(code or "", []) if r > row]
        return below[-1] if below else row

    @property
    def _section_order(self):
        return self.section_rows.keys()


def _texts(cells: dict, prefix: str) -> dict:
    return {name.split("::", 1)[1]: value for name, value in cells.items() if name.startswith(prefix + "::") and value}
