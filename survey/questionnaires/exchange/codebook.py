"""The codebook of a questionnaire version, as researchers use it for the national CEO.

Variable names are the item codes; each variable has its Dutch label, question type, domain, measure
level, and one row per value code with its label. Escape answers (weet ik niet, niet van toepassing)
are marked as missing. Variables of a repeated section are stored once per list item. Written as CSV
(semicolon, UTF-8 with BOM, so Dutch Excel opens it directly) and as XLSX.
"""

from __future__ import annotations

import csv
import io

import xlsxwriter

from analysis.scores.scales import ESCAPE_CODES
from survey.questionnaires.content.document import Document, Question
from survey.questionnaires.content.registry import OTHER_CODE, REGISTRY

COLUMNS = [
    "variabele",
    "label",
    "vraagtype",
    "domein",
    "sectie",
    "herhaald_per",
    "meetniveau",
    "waarde",
    "waardelabel",
    "ontbrekend",
]
VARIABLE_COLUMNS = [*COLUMNS[: COLUMNS.index("waarde")], "aantal_waarden"]  # one row per variable
MEASURE = {
    "agreement": "ordinaal",
    "frequency": "ordinaal",
    "smiley": "ordinaal",
    "grade": "schaal",
    "scale": "schaal",
    "number": "schaal",
    "choice": "nominaal",
    "multi": "nominaal (meerdere codes)",
    "text": "tekst",
}


def codebook_rows(document: Document) -> list[dict]:
    """One row per value of every variable; a variable without value codes has one row."""
    rows: list[dict] = []
    for section in document.sections:
        for question in section.questions:
            qtype = REGISTRY[question.type]
            if not qtype.has_answer:
                continue
            for code, label in _variables(question):
                base = {
                    "variabele": code,
                    "label": label,
                    "vraagtype": question.type,
                    "domein": question.domain,
                    "sectie": section.key,
                    "herhaald_per": section.repeat or "",
                    "meetniveau": MEASURE.get(qtype.kind, ""),
                }
                values = _values(question) if code in question.item_codes else []
                if code.endswith("_" + OTHER_CODE) and code not in question.item_codes:
                    base["meetniveau"] = "tekst"
                rows += [
                    dict(base, waarde=v, waardelabel=lab, ontbrekend="ja" if v in ESCAPE_CODES else "")
                    for v, lab in values
                ] or [dict(base, waarde="", waardelabel="", ontbrekend="")]
    return rows


def _variables(question: Question) -> list[tuple[str, str]]:
    text = question.text.get("nl", "")
    if question.items:
        found = [(item.code, item.text.get("nl", "")) for item in question.items]
    else:
        found = [(question.code, text)]
    if question.settings.get("other"):
        found.append((f"{question.code}_{OTHER_CODE}", f"{text} – anders, namelijk"))
    return found


def _values(question: Question) -> list[tuple[str, str]]:
    values = [(o.code, o.label.get("nl", "")) for o in question.options]
    if question.settings.get("other"):
        values.append((OTHER_CODE, "Anders, namelijk"))
    return values


def variables(rows: list[dict]) -> list[dict]:
    """One row per variable (for the overview tab)."""
    seen: dict[str, dict] = {}
    for row in rows:
        entry = seen.setdefault(row["variabele"], {k: row[k] for k in VARIABLE_COLUMNS if k in row})
        entry["aantal_waarden"] = entry.get("aantal_waarden", 0) + (1 if row["waarde"] != "" else 0)
    return list(seen.values())


def codebook_csv(document: Document) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    for row in codebook_rows(document):
        writer.writerow({k: _safe_cell(v) for k, v in row.items()})
    return buffer.getvalue().encode("utf-8-sig")


def codebook_xlsx(document: Document) -> bytes:
    rows = codebook_rows(document)
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(
        buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}
    )
    bold = workbook.add_format({"bold": True})
    for name, columns, data in (("codeboek", COLUMNS, rows), ("variabelen", VARIABLE_COLUMNS, variables(rows))):
        sheet = workbook.add_worksheet(name)
        for column, header in enumerate(columns):
            sheet.write_string(0, column, header, bold)
            sheet.set_column(column, column, 45 if header in ("label", "waardelabel") else 14)
        for r, row in enumerate(data, start=1):
            for column, header in enumerate(columns):
                value = row.get(header, "")
                if isinstance(value, int):
                    sheet.write_number(r, column, value)
                elif value != "":
                    sheet.write_string(r, column, str(value))
        sheet.freeze_panes(1, 0)
    workbook.close()
    return buffer.getvalue()


def _safe_cell(value) -> str:
    """CSV opened in a spreadsheet must not run formulas: a leading = + - @ gets a quote mark."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
