"""Dutch sentences for the problems ``analysis.files.uploads`` finds in an upload."""

from flask_babel import gettext as _

from analysis.files.uploads import Problem
from analysis.programmes.periods import QUARTER

_MESSAGES = {
    "empty_file": lambda p: _("The file is empty."),
    "old_excel": lambda p: _("This is an old Excel file (.xls). Save it as .xlsx or CSV and upload it again."),
    "not_xlsx": lambda p: _(
        "This file cannot be read as an Excel file (.xlsx). Save it again in Excel and upload it once more."
    ),
    "unknown_format": lambda p: _("This is not a spreadsheet. Upload the template as .xlsx or CSV."),
    "bad_encoding": lambda p: _("The characters in this CSV file cannot be read. Save it as 'CSV UTF-8'."),
    "too_large": lambda p: _("The spreadsheet is too large once unpacked. Split it into smaller files."),
    "too_many_rows": lambda p: _(
        "The file has more than %(max)s rows. Split it into smaller files.", max=p.extra.get("max")
    ),
    "unknown_column": lambda p: _(
        "Column '%(column)s' is not part of the template. Remove it: only the template's columns are taken over.",
        column=p.column,
    ),
    "duplicate_column": lambda p: _("Column '%(column)s' appears twice.", column=p.column),
    "missing_column": lambda p: _(
        "Column '%(column)s' is missing. Columns found: %(found)s.", column=p.column, found=p.value or _("none")
    ),
    "bsn_column": lambda p: _(
        "Column '%(column)s' seems to hold citizen service numbers (BSN): %(hits)s of "
        "%(filled)s filled cells. The platform never stores a BSN, so the whole file "
        "has been refused. Remove the column, or use your own client number or a "
        "pseudonym instead.",
        column=p.column,
        hits=p.extra.get("hits"),
        filled=p.extra.get("filled"),
    ),
    "no_rows": lambda p: _("The file has column names but no rows."),
    "no_values": lambda p: _("No row has a value. Fill in the column 'waarde'."),
    "missing_indicator": lambda p: _("The indicator is missing."),
    "unknown_indicator": lambda p: _("'%(value)s' is not an indicator of this data request.", value=p.value),
    "not_a_number": lambda p: _("'%(value)s' is not a number.", value=p.value),
    "negative_number": lambda p: _(
        "'%(value)s' is below zero: an indicator's value is a number of 0 or more.", value=p.value
    ),
    "ambiguous_number": lambda p: _(
        "'%(value)s' is ambiguous: write it without a point (1234) or with a decimal comma (1,234).", value=p.value
    ),
    "missing_period": lambda p: _("The period is missing."),
    "bad_period": lambda p: (
        _("'%(value)s' is not a quarter such as 2026-K1.", value=p.value)
        if p.extra.get("period_type") == QUARTER
        else _("'%(value)s' is not a month such as 2026-03.", value=p.value)
    ),
    "missing_gemeente": lambda p: _("The gemeente is missing: this indicator is delivered per gemeente."),
    "unknown_gemeente": lambda p: _("'%(value)s' is not a gemeente of this programme.", value=p.value),
    "gemeente_not_expected": lambda p: _("This indicator is not delivered per gemeente: leave the gemeente empty."),
    "duplicate_row": lambda p: _(
        "The same indicator, period and gemeente are already in row %(first)s.", first=p.extra.get("first")
    ),
    "missing_pseudonym": lambda p: _("Column '%(column)s' is empty.", column=p.column),
    "remark_too_long": lambda p: _("The remark is longer than %(max)s characters.", max=p.extra.get("max")),
    "already_stored": lambda p: _(
        "A value from this supplier for this indicator and period (%(value)s) is "
        "already stored. Delete the earlier upload first.",
        value=p.value,
    ),
    "too_many_problems": lambda p: _(
        "More than %(max)s problems: the rest of the file was not checked.", max=p.extra.get("max")
    ),
}


def describe(problem: Problem) -> str:
    """One Dutch sentence for a problem (the row and column are shown beside it)."""
    message = _MESSAGES.get(problem.code)
    return message(problem) if message else _("This row cannot be read.")
