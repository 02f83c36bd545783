"""Exports: text that looks like a formula never runs in a spreadsheet, and no character is lost."""

import csv
import datetime as dt
import io
import math
import re
import zipfile
from decimal import Decimal

import numpy as np
import openpyxl
import pandas as pd
import pytest
import xlsxwriter
from defusedxml import ElementTree as safe_xml

from analysis.files.export_safety import Cell, csv_safe, csv_unprotect, needs_text_protection, safe_cell

RISKY = [
    "=1+1",
    '=HYPERLINK("http://x","klik")',
    "+31 6 12345678",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "\n=cmd",
    "=",
    "-",
    "+",
    "@",
]
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
HARMLESS = ["De hulp was goed", "", "'", "1+1", " =1", "-5", "-2,5", "+3.25", "-1e3", "7,2"]


@pytest.mark.parametrize("text", RISKY)
def test_formula_like_text_is_protected(text):
    assert needs_text_protection(text)
    assert csv_safe(text) == "'" + text
    assert safe_cell(text) == Cell(text, "text") and safe_cell(text).protected


@pytest.mark.parametrize("text", HARMLESS)
def test_plain_text_and_plain_numbers_are_left_alone(text):
    assert not needs_text_protection(text)


def test_numbers_stay_numbers():
    for value in (-5, -2.5, 0, 7, Decimal("-1.25"), np.int64(-3), np.float64(-0.5)):
        assert csv_safe(value) is value
        assert safe_cell(value).kind == "number" and safe_cell(value).value == value
        assert not needs_text_protection(value)


def test_other_kinds():
    assert safe_cell(None).kind == "blank" and safe_cell(float("nan")).kind == "blank"
    assert safe_cell(pd.NA).kind == "blank"
    assert safe_cell(True) == Cell(True, "bool") and safe_cell(np.bool_(False)) == Cell(False, "bool")
    assert safe_cell(dt.date(2026, 11, 23)).kind == "date"
    assert safe_cell(math.inf) == Cell("inf", "text")
    assert safe_cell(["a"]) == Cell("['a']", "text")


#: every Unicode code point that can appear in text (surrogates excluded)
EVERY_CHARACTER = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
#: all of them in strings of 4096, each string once plain and once behind each risky first character
CHUNKS = ["".join(EVERY_CHARACTER[i : i + 4096]) for i in range(0, len(EVERY_CHARACTER), 4096)]


def test_csv_protection_round_trips_every_character():
    firsts = [*sorted(set("=+-@\t\r\n'")), "''", "'="]
    texts = [prefix + chunk for chunk in CHUNKS for prefix in ("", *firsts)]
    # and every code point as the first character, alone and before a formula sign
    texts += [ch + tail for ch in EVERY_CHARACTER[::7] + EVERY_CHARACTER[:0x3000] for tail in ("", "=1")]
    for text in texts:
        assert csv_unprotect(csv_safe(text)) == text
        assert safe_cell(text).value == text  # the typed cell keeps the text itself


def test_csv_file_round_trip_keeps_every_character_and_stays_inert():
    texts = [*CHUNKS, *RISKY, *HARMLESS, "'=already quoted", "''", "-5"]
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows([[csv_safe(t)] for t in texts])
    read = [row[0] if row else "" for row in csv.reader(io.StringIO(buffer.getvalue(), newline=""))]
    assert [csv_unprotect(t) for t in read] == texts
    assert not any(needs_text_protection(t) for t in read)  # nothing starts like a formula


def ooxml_text(raw: str) -> str:
    """Decode ST_Xstring escapes as a spreadsheet does: _xHHHH_ is one character, _x005F_ a '_'."""
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), raw)


def test_xlsx_explicit_strings_round_trip_and_are_never_formulas(tmp_path):
    # XML 1.0 cannot hold C0 control characters; the file escapes them as _xHHHH_ and literal
    # "_x0041_" as "_x005F_x0041_", which spreadsheets decode back
    texts = [
        *RISKY,
        *HARMLESS,
        "_x0041_",
        "=" + "".join(chr(c) for c in range(0x20)),
        *(chunk.replace("\ufffe", "").replace("\uffff", "") for chunk in CHUNKS[:16]),
    ]
    path = tmp_path / "export.xlsx"
    with xlsxwriter.Workbook(path) as book:
        sheet = book.add_worksheet()
        for row, value in enumerate([*texts, -5, -2.5]):
            cell = safe_cell(value)
            if cell.kind == "text":
                sheet.write_string(row, 0, cell.value)
            else:
                sheet.write_number(row, 0, cell.value)
    with zipfile.ZipFile(path) as archive:
        strings = safe_xml.fromstring(archive.read("xl/sharedStrings.xml"))
        cells = safe_xml.fromstring(archive.read("xl/worksheets/sheet1.xml")).iter(f"{MAIN}c")
        cells = list(cells)
    shared = [ooxml_text("".join(si.itertext())) for si in strings.iter(f"{MAIN}si")]
    assert [shared[int(c.find(f"{MAIN}v").text)] for c in cells[: len(texts)]] == texts
    assert all(c.get("t") == "s" and c.find(f"{MAIN}f") is None for c in cells[: len(texts)])  # never "f"
    assert [c.find(f"{MAIN}v").text for c in cells[len(texts) :]] == ["-5", "-2.5"]
    assert all(c.get("t") is None for c in cells[len(texts) :])  # numbers
    sheet = openpyxl.load_workbook(path).active
    assert [sheet.cell(row=len(texts) + r, column=1).value for r in (1, 2)] == [-5, -2.5]
    assert sheet.cell(row=1, column=1).value == "=1+1" and sheet.cell(row=1, column=1).data_type == "s"


@pytest.mark.parametrize("text", ["'t is goed", "'", "''", "'al een quote", "1+1", "-5"])
def test_csv_changes_only_what_a_spreadsheet_would_run(text):
    assert csv_safe(text) == text  # shown as written in Excel and LibreOffice, no extra quote


def test_a_quote_before_formula_like_text_is_doubled_so_reading_back_is_exact():
    assert csv_safe("'=1") == "''=1" and csv_unprotect("''=1") == "'=1"
