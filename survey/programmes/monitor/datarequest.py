"""The data-uitvraag template: an XLSX file that providers and gemeenten fill in and send back.

Sheets: "Gegevens" (the rows to fill in, with drop-down lists and number checks), "Toelichting"
(instructions in Dutch), "Indicatoren" (definitions) and a hidden "Lijsten" for the drop-downs. With
a period the rows come pre-filled: one per indicator (per gemeente, per month) for that period.
"""

import io

from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from analysis.files.uploads import DATA_SHEET, HEADERS
from analysis.programmes.periods import QUARTER, parse_period, period_of, period_start, periods_between
from survey.programmes.monitor.indicators import IndicatorSet

LISTS_SHEET = "Lijsten"
EMPTY_ROWS = 500
HEADER_FILL = PatternFill("solid", fgColor="DDE5EE")


def template_bytes(indicator_set: IndicatorSet, period: str | None = None) -> bytes:
    """The template as XLSX bytes; ``period`` ("2026-K1" or "2026-03") pre-fills the rows."""
    workbook = Workbook()
    data = workbook.active
    data.title = DATA_SHEET
    columns = [HEADERS[k] for k in ("indicator", "period", "gemeente", "value", "remark")]
    if indicator_set.pseudonym_column:
        columns.insert(3, indicator_set.pseudonym_column)
    _header(data, columns)
    rows = [] if indicator_set.pseudonym_column or not period else prefilled_rows(indicator_set, period)
    for row in rows:
        data.append(row)
    _lists(workbook, indicator_set)
    _validations(data, indicator_set, columns, len(rows) + EMPTY_ROWS)
    _instructions(workbook.create_sheet(_("Instructions")), indicator_set)
    _definitions(workbook.create_sheet(_("Indicators")), indicator_set)
    workbook.move_sheet(workbook[_("Instructions")], offset=-2)
    workbook.active = workbook.index(data)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def prefilled_rows(indicator_set: IndicatorSet, period: str) -> list[list]:
    """[indicator, period, gemeente, "", ""] for every indicator, gemeente and month of the period."""
    quarter = parse_period(period, QUARTER)
    start = period_start(quarter) if quarter else period_start(period)
    gemeenten = list(indicator_set.programme.gemeenten or [])
    rows = []
    for indicator in indicator_set.indicators:
        kind = indicator.period_type.value
        periods = (
            [period_of(start, kind)]
            if kind == QUARTER or not quarter
            else periods_between(period_of(start, kind), f"{start.year:04d}-{start.month + 2:02d}")
        )
        places = gemeenten if indicator.per_gemeente and gemeenten else [""]
        rows.extend([indicator.name, p, place, None, None] for p in periods for place in places)
    return rows


def _header(sheet, columns: list[str]) -> None:
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    sheet.freeze_panes = "A2"
    widths = {HEADERS["indicator"]: 50, HEADERS["remark"]: 40}
    for index, name in enumerate(columns, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = widths.get(name, 18)


def _lists(workbook, indicator_set: IndicatorSet) -> None:
    lists = workbook.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    lists.append([HEADERS["indicator"], HEADERS["gemeente"]])
    names = [i.name for i in indicator_set.indicators]
    gemeenten = list(indicator_set.programme.gemeenten or [])
    for index in range(max(len(names), len(gemeenten))):
        lists.append(
            [names[index] if index < len(names) else None, gemeenten[index] if index < len(gemeenten) else None]
        )


def _validations(sheet, indicator_set: IndicatorSet, columns: list[str], last_row: int) -> None:
    def column_range(name: str) -> str:
        letter = sheet.cell(row=1, column=columns.index(name) + 1).column_letter
        return f"{letter}2:{letter}{last_row + 1}"

    period_column = columns.index(HEADERS["period"]) + 1
    for row in range(2, last_row + 2):
        sheet.cell(row=row, column=period_column).number_format = "@"  # "2026-03" stays text, not a date
    names = len(indicator_set.indicators)
    if names:
        choose = DataValidation(
            type="list",
            formula1=f"={LISTS_SHEET}!$A$2:$A${names + 1}",
            allow_blank=True,
            error=_("Choose an indicator from the list."),
            showErrorMessage=True,
        )
        choose.add(column_range(HEADERS["indicator"]))
        sheet.add_data_validation(choose)
    gemeenten = len(indicator_set.programme.gemeenten or [])
    if gemeenten:
        place = DataValidation(
            type="list",
            formula1=f"={LISTS_SHEET}!$B$2:$B${gemeenten + 1}",
            allow_blank=True,
            error=_("Choose a gemeente from the list."),
            showErrorMessage=True,
        )
        place.add(column_range(HEADERS["gemeente"]))
        sheet.add_data_validation(place)
    number = DataValidation(
        type="decimal",
        operator="between",
        formula1="-1000000000",
        formula2="1000000000",
        allow_blank=True,
        error=_("Enter a number, such as 40 or 7,5."),
        showErrorMessage=True,
    )
    number.add(column_range(HEADERS["value"]))
    sheet.add_data_validation(number)


def _instructions(sheet, indicator_set: IndicatorSet) -> None:
    lines = [
        _("Data request: %(name)s", name=indicator_set.name),
        indicator_set.description or "",
        "",
        _("How to fill in this file"),
        _("1. Fill in one row per indicator and period on the sheet %(sheet)s.", sheet=DATA_SHEET),
        _("2. Column %(col)s: choose the indicator from the list.", col=HEADERS["indicator"]),
        _(
            "3. Column %(col)s: a quarter as 2026-K1 or a month as 2026-03, as the indicator asks.",
            col=HEADERS["period"],
        ),
        _("4. Column %(col)s: only for indicators per gemeente; otherwise leave it empty.", col=HEADERS["gemeente"]),
        _("5. Column %(col)s: a number. A decimal comma is fine (7,5).", col=HEADERS["value"]),
        _("6. Column %(col)s: optional, a short explanation of the figure.", col=HEADERS["remark"]),
        _("Rows without a value are skipped. Do not change the column names."),
        "",
        _("Privacy"),
        _(
            "Never fill in a BSN, names, addresses or dates of birth. A file with a column of BSNs is "
            "refused as a whole."
        ),
    ]
    if indicator_set.pseudonym_column:
        lines.append(
            _(
                "Column %(col)s: your own client number or pseudonym, one child per row. The "
                "platform replaces it on upload by a code made with a secret key and does not store "
                "the original.",
                col=indicator_set.pseudonym_column,
            )
        )
    for line in lines:
        sheet.append([line])
    sheet.column_dimensions["A"].width = 110
    for cell in sheet["A"]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in (1, 4, 13):
        sheet.cell(row=row, column=1).font = Font(bold=True, size=12 if row > 1 else 14)


def _definitions(sheet, indicator_set: IndicatorSet) -> None:
    sheet.append([_("Indicator"), _("Unit"), _("Period"), _("Per gemeente"), _("Definition")])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for indicator in indicator_set.indicators:
        sheet.append(
            [
                indicator.name,
                indicator.unit,
                _("quarter") if indicator.period_type.value == QUARTER else _("month"),
                _("yes") if indicator.per_gemeente else _("no"),
                indicator.description,
            ]
        )
    for letter, width in zip("ABCDE", (50, 14, 12, 14, 80), strict=True):
        sheet.column_dimensions[letter].width = width
