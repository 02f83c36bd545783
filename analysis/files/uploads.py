"""Reading and checking a data-uitvraag file (XLSX or CSV) row by row, before anything is stored.

Pure: bytes in, rows and problems out. A problem is a code with the row and column it concerns (row
numbers as the spreadsheet shows them, header = row 1); the web layer turns codes into Dutch
sentences. The caller imports the rows only when there is no problem at all (all or nothing).

Files are read safely in ``analysis.files.sheets``. A column that looks like citizen service numbers (BSN)
refuses the whole file: the platform never stores a BSN.
"""

import hmac
from dataclasses import dataclass, field
from decimal import Decimal
from hashlib import sha256

from analysis.files.cells import bsn_share, cell_text, is_bsn_column, parse_number
from analysis.files.sheets import Limits, SheetError, read_rows
from analysis.programmes.periods import parse_period

#: the column names of the data-uitvraag template, with other spellings people use
COLUMNS = {
    "indicator": ("indicator", "indicatornaam", "naam indicator"),
    "period": ("periode", "period", "kwartaal", "maand"),
    "gemeente": ("gemeente", "gemeentenaam"),
    "value": ("waarde", "aantal", "value"),
    "remark": ("opmerking", "opmerkingen", "toelichting"),
}
HEADERS = {
    "indicator": "indicator",
    "period": "periode",
    "gemeente": "gemeente",
    "value": "waarde",
    "remark": "opmerking",
}
DATA_SHEET = "Gegevens"
MAX_REMARK = 500
MAX_PROBLEMS = 200


@dataclass(frozen=True)
class IndicatorSpec:
    """What an upload may contain for one indicator."""

    key: object
    name: str
    period_type: str
    per_gemeente: bool = False


@dataclass(frozen=True)
class UploadSpec:
    """The indicators of one data-uitvraag and the limits for its files."""

    indicators: tuple[IndicatorSpec, ...]
    gemeenten: tuple[str, ...] = ()
    pseudonym_column: str | None = None
    max_rows: int = 50_000
    max_uncompressed: int = 50 * 1024 * 1024
    max_zip_entries: int = 500


@dataclass(frozen=True)
class Problem:
    """Why (part of) a file cannot be imported. ``row`` is None for the whole file."""

    code: str
    row: int | None = None
    column: str | None = None
    value: str = ""
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class UploadRow:
    """One checked row. ``pseudonym`` is the raw identifier: hash it at once, never store it."""

    row: int
    indicator: object
    period: str
    gemeente: str
    value: Decimal
    remark: str
    pseudonym: str = ""


@dataclass(frozen=True)
class UploadResult:
    rows: tuple[UploadRow, ...]
    problems: tuple[Problem, ...]
    skipped_without_value: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)


def pseudonymise(identifier: str, key: bytes) -> str:
    """HMAC-SHA-256 of a normalised identifier with the region's key (hex, 64 characters)."""
    normal = " ".join(str(identifier).split()).upper()
    return hmac.new(key, normal.encode("utf-8"), sha256).hexdigest()


def read_upload(data: bytes, filename: str, spec: UploadSpec) -> UploadResult:
    """Check a whole upload; rows are returned only together with an empty problem list."""
    limits = Limits(spec.max_rows, spec.max_uncompressed, spec.max_zip_entries)
    try:
        table = read_rows(data, filename, limits, DATA_SHEET)
    except SheetError as error:
        return UploadResult((), (Problem(error.code, extra=error.extra),))
    return check_table(table, spec)


def check_table(table: list[list], spec: UploadSpec) -> UploadResult:
    """Check header and rows of a table already read from a file."""
    rows = [(number, row) for number, row in enumerate(table, start=1) if any(cell_text(c) for c in row)]
    if not rows:
        return UploadResult((), (Problem("empty_file"),))
    header_number, header = rows[0]
    columns, problems = _map_columns(header, header_number, spec)
    bsn = _bsn_columns(header, [row for _, row in rows[1:]])
    if bsn:
        return UploadResult((), tuple(bsn))
    if problems:
        return UploadResult((), tuple(problems))
    if len(rows) == 1:
        return UploadResult((), (Problem("no_rows"),))
    return _check_rows(rows[1:], columns, spec)


def _header_name(value, index: int) -> str:
    return cell_text(value) or column_letter(index)


def column_letter(index: int) -> str:
    """A, B, … Z, AA for a 0-based column index, as spreadsheets show them."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _map_columns(header: list, number: int, spec: UploadSpec) -> tuple[dict[str, int], list[Problem]]:
    wanted = dict(COLUMNS)
    if spec.pseudonym_column:
        wanted["pseudonym"] = (spec.pseudonym_column.strip().lower(),)
    columns, problems = {}, []
    for index, value in enumerate(header):
        name = cell_text(value).lower()
        if not name:
            continue
        role = next((role for role, names in wanted.items() if name in names), None)
        if role is None:
            problems.append(Problem("unknown_column", row=number, column=cell_text(value)))
        elif role in columns:
            problems.append(Problem("duplicate_column", row=number, column=cell_text(value)))
        else:
            columns[role] = index
    required = ["indicator", "period", "value"]  # without a gemeente column, rows per gemeente are refused
    if spec.pseudonym_column:
        required.append("pseudonym")
    for role in required:
        if role not in columns:
            name = spec.pseudonym_column if role == "pseudonym" else HEADERS[role]
            found = ", ".join(cell_text(v) for v in header if cell_text(v))
            problems.append(Problem("missing_column", row=number, column=name, value=found))
    return columns, problems


def _bsn_columns(header: list, body: list[list]) -> list[Problem]:
    width = max([len(header)] + [len(row) for row in body])
    problems = []
    for index in range(width):
        values = [row[index] if index < len(row) else None for row in body]
        if is_bsn_column(values):
            hits, filled = bsn_share(values)
            name = _header_name(header[index] if index < len(header) else None, index)
            problems.append(Problem("bsn_column", column=name, extra={"hits": hits, "filled": filled}))
    return problems


def _check_rows(rows: list[tuple[int, list]], columns: dict[str, int], spec: UploadSpec) -> UploadResult:
    checker = _RowChecker(columns, spec)
    for number, row in rows:
        checker.check(number, row)
        if len(checker.problems) >= MAX_PROBLEMS:
            checker.problems.append(Problem("too_many_problems", extra={"max": MAX_PROBLEMS}))
            break
    if not checker.problems and not checker.rows:
        return UploadResult((), (Problem("no_values"),), checker.skipped)
    if checker.problems:
        return UploadResult((), tuple(checker.problems), checker.skipped)
    return UploadResult(tuple(checker.rows), (), checker.skipped)


class _RowChecker:
    """Checks one row at a time and remembers keys to find duplicates."""

    def __init__(self, columns: dict[str, int], spec: UploadSpec):
        self.columns = columns
        self.spec = spec
        self.by_name = {" ".join(i.name.split()).lower(): i for i in spec.indicators}
        self.gemeenten = {g.lower(): g for g in spec.gemeenten}
        self.rows: list[UploadRow] = []
        self.problems: list[Problem] = []
        self.seen: dict[tuple, int] = {}
        self.skipped = 0

    def cell(self, row: list, role: str):
        index = self.columns.get(role)
        return row[index] if index is not None and index < len(row) else None

    def check(self, number: int, row: list) -> None:
        raw_value = self.cell(row, "value")
        if not cell_text(raw_value):
            self.skipped += 1
            return
        before = len(self.problems)
        indicator = self._indicator(number, row)
        value = self._value(number, raw_value)
        remark = cell_text(self.cell(row, "remark"))
        if len(remark) > MAX_REMARK:
            self.problems.append(Problem("remark_too_long", number, HEADERS["remark"], extra={"max": MAX_REMARK}))
        pseudonym = self._pseudonym(number, row)
        if indicator is None:
            return
        period = self._period(number, row, indicator)
        gemeente = self._gemeente(number, row, indicator)
        if len(self.problems) > before:
            return
        key = (indicator.key, period, gemeente.lower(), pseudonym.upper())
        if key in self.seen:
            self.problems.append(
                Problem("duplicate_row", number, HEADERS["period"], period, extra={"first": self.seen[key]})
            )
            return
        self.seen[key] = number
        self.rows.append(UploadRow(number, indicator.key, period, gemeente, value, remark, pseudonym))

    def _indicator(self, number: int, row: list) -> IndicatorSpec | None:
        name = cell_text(self.cell(row, "indicator"))
        if not name:
            self.problems.append(Problem("missing_indicator", number, HEADERS["indicator"]))
            return None
        indicator = self.by_name.get(name.lower())
        if indicator is None:
            self.problems.append(Problem("unknown_indicator", number, HEADERS["indicator"], name))
        return indicator

    def _value(self, number: int, raw) -> Decimal | None:
        value, code = parse_number(raw, negative=False)  # an indicator's value is never below zero
        if code:
            self.problems.append(Problem(code, number, HEADERS["value"], cell_text(raw)))
        return value

    def _period(self, number: int, row: list, indicator: IndicatorSpec) -> str:
        raw = self.cell(row, "period")
        if not cell_text(raw):
            self.problems.append(Problem("missing_period", number, HEADERS["period"]))
            return ""
        period = parse_period(raw, indicator.period_type)
        if period is None:
            self.problems.append(
                Problem(
                    "bad_period",
                    number,
                    HEADERS["period"],
                    cell_text(raw),
                    extra={"period_type": indicator.period_type},
                )
            )
        return period or ""

    def _gemeente(self, number: int, row: list, indicator: IndicatorSpec) -> str:
        name = cell_text(self.cell(row, "gemeente"))
        if not indicator.per_gemeente:
            if name:
                self.problems.append(Problem("gemeente_not_expected", number, HEADERS["gemeente"], name))
            return ""
        if not name:
            self.problems.append(Problem("missing_gemeente", number, HEADERS["gemeente"]))
            return ""
        if self.gemeenten and name.lower() not in self.gemeenten:
            self.problems.append(Problem("unknown_gemeente", number, HEADERS["gemeente"], name))
            return name
        return self.gemeenten.get(name.lower(), name)

    def _pseudonym(self, number: int, row: list) -> str:
        if not self.spec.pseudonym_column:
            return ""
        value = cell_text(self.cell(row, "pseudonym"))
        if not value:
            self.problems.append(Problem("missing_pseudonym", number, self.spec.pseudonym_column))
        return value
