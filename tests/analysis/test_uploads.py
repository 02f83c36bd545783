"""Reading a data-uitvraag upload: every bad input is reported per row and field, nothing half-read."""

import io
import struct
import zipfile
from datetime import datetime
from decimal import Decimal

import pytest
from openpyxl import Workbook

from analysis.files import sheets
from analysis.files.uploads import IndicatorSpec, UploadSpec, pseudonymise, read_upload

SPEC = UploadSpec(
    indicators=(
        IndicatorSpec(1, "Kinderen naar gezin", "quarter"),
        IndicatorSpec(2, "Wachttijd vroeghulp", "month"),
        IndicatorSpec(3, "POH-jeugd", "quarter", per_gemeente=True),
    ),
    gemeenten=("Schiedam", "Súdwest-Fryslân"),
)


def csv_bytes(text: str, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding)


def xlsx_bytes(rows, sheet="Gegevens") -> bytes:
    workbook = Workbook()
    sheet_ = workbook.active
    sheet_.title = sheet
    for row in rows:
        sheet_.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def codes(result):
    return [(p.code, p.row, p.column) for p in result.problems]


GOOD = (
    "indicator;periode;gemeente;waarde;opmerking\nKinderen naar gezin;2026-K1;;7,5;\n"
    "POH-jeugd;2026-K1;Súdwest-Fryslân;1.234,5;na correctie\nWachttijd vroeghulp;2026-03;;12;\n"
)


@pytest.mark.parametrize("encoding,prefix", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b"")])
def test_csv_in_every_common_encoding_with_semicolons_and_dutch_decimals(encoding, prefix):
    result = read_upload(prefix + csv_bytes(GOOD, encoding), "cijfers.csv", SPEC)
    assert result.ok, codes(result)
    assert [(r.row, r.indicator, r.period, r.gemeente, r.value) for r in result.rows] == [
        (2, 1, "2026-K1", "", Decimal("7.5")),
        (3, 3, "2026-K1", "Súdwest-Fryslân", Decimal("1234.5")),
        (4, 2, "2026-03", "", Decimal("12")),
    ]
    assert result.rows[1].remark == "na correctie"


def test_comma_separated_csv_with_quoted_decimal_comma():
    text = 'indicator,periode,waarde\n"Kinderen naar gezin",2026 K2,"7,5"\n'
    result = read_upload(csv_bytes(text), "x.csv", UploadSpec(SPEC.indicators[:1]))
    assert result.ok and result.rows[0].value == Decimal("7.5") and result.rows[0].period == "2026-K2"


def test_xlsx_with_numbers_dates_and_text():
    rows = [
        ["Indicator", "Periode", "Gemeente", "Waarde", "Opmerking"],
        ["kinderen naar gezin", "K1 2026", None, 7.5, None],
        ["Wachttijd vroeghulp", datetime(2026, 3, 1), None, "6,5", None],
        ["POH-jeugd", "2026-Q2", "schiedam", 40, "geschat"],
    ]
    result = read_upload(xlsx_bytes(rows), "cijfers.xlsx", SPEC)
    assert result.ok, codes(result)
    assert [(r.period, r.gemeente, r.value) for r in result.rows] == [
        ("2026-K1", "", Decimal("7.5")),
        ("2026-03", "", Decimal("6.5")),
        ("2026-K2", "Schiedam", Decimal(40)),
    ]


def test_broken_rows_are_each_reported_by_row_and_column_and_nothing_is_returned():
    text = (
        "indicator;periode;gemeente;waarde;opmerking\n"
        "Kinderen naar gezin;2026-K1;;zeven;\n"  # row 2: text in a number cell
        "Onbekend ding;2026-K1;;3;\n"  # row 3: unknown indicator
        "Kinderen naar gezin;2026-13;;3;\n"  # row 4: not a quarter
        "Kinderen naar gezin;2026-K2;;4;\n"  # row 5: fine
        "Kinderen naar gezin;2026-K2;;5;\n"  # row 6: same period again
        "POH-jeugd;2026-K1;;5;\n"  # row 7: gemeente missing
        "POH-jeugd;2026-K1;Atlantis;5;\n"  # row 8: unknown gemeente
        "Wachttijd vroeghulp;2026-03;Schiedam;5;\n"  # row 9: gemeente not expected
        "Kinderen naar gezin;2026-K3;;1.234;\n"
    )  # row 10: ambiguous number
    result = read_upload(csv_bytes(text), "x.csv", SPEC)
    assert not result.ok and result.rows == ()
    assert codes(result) == [
        ("not_a_number", 2, "waarde"),
        ("unknown_indicator", 3, "indicator"),
        ("bad_period", 4, "periode"),
        ("duplicate_row", 6, "periode"),
        ("missing_gemeente", 7, "gemeente"),
        ("unknown_gemeente", 8, "gemeente"),
        ("gemeente_not_expected", 9, "gemeente"),
        ("ambiguous_number", 10, "waarde"),
    ]
    duplicate = result.problems[3]
    assert duplicate.extra["first"] == 5 and duplicate.value == "2026-K2"
    assert result.problems[0].value == "zeven"


def test_duplicate_periods_written_differently_are_still_duplicates():
    text = "indicator;periode;waarde\nKinderen naar gezin;2026-K1;1\nKinderen naar gezin;K1-2026;2\n"
    result = read_upload(csv_bytes(text), "x.csv", UploadSpec(SPEC.indicators[:1]))
    assert codes(result) == [("duplicate_row", 3, "periode")]


@pytest.mark.parametrize(
    "header,expected",
    [
        ("indicator;periode;gemeente;opmerking", [("missing_column", 1, "waarde")]),
        ("indicator;periode;gemeente;waarde;naam kind", [("unknown_column", 1, "naam kind")]),
        ("indicator;periode;gemeente;waarde;waarde", [("duplicate_column", 1, "waarde")]),
    ],
)
def test_wrong_columns_refuse_the_file(header, expected):
    result = read_upload(csv_bytes(header + "\nKinderen naar gezin;2026-K1;;3;x\n"), "x.csv", SPEC)
    assert codes(result) == expected and result.rows == ()


def test_the_gemeente_column_is_needed_only_for_indicators_per_gemeente():
    text = "indicator;periode;waarde\nKinderen naar gezin;2026-K1;3\nPOH-jeugd;2026-K1;4\n"
    assert codes(read_upload(csv_bytes(text), "x.csv", SPEC)) == [("missing_gemeente", 3, "gemeente")]


@pytest.mark.parametrize(
    "data,code",
    [
        (b"", "empty_file"),
        (b"  \n\n", "empty_file"),
        ("\ufeff".encode(), "empty_file"),
        (b"indicator;periode;gemeente;waarde\n", "no_rows"),
        (b"indicator;periode;gemeente;waarde\nKinderen naar gezin;2026-K1;;\n", "no_values"),
    ],
)
def test_empty_files(data, code):
    result = read_upload(data, "x.csv", SPEC)
    assert [p.code for p in result.problems] == [code] and not result.ok


def test_empty_xlsx_is_empty():
    assert [p.code for p in read_upload(xlsx_bytes([]), "x.xlsx", SPEC).problems] == ["empty_file"]


def test_rows_without_a_value_are_skipped_and_counted():
    text = "indicator;periode;gemeente;waarde\nKinderen naar gezin;2026-K1;;\nKinderen naar gezin;2026-K2;;3\n\n"
    result = read_upload(csv_bytes(text), "x.csv", SPEC)
    assert result.ok and result.skipped_without_value == 1 and len(result.rows) == 1


BSNS = ["111222333", "123456782", "010000446"]  # valid by the 11-test (test numbers, not real people)


def test_a_bsn_column_refuses_the_whole_file_without_echoing_the_numbers():
    lines = ["indicator;periode;gemeente;waarde;klant"] + [
        f"Kinderen naar gezin;2026-K{i + 1};;1;{bsn}" for i, bsn in enumerate(BSNS)
    ]
    result = read_upload(csv_bytes("\n".join(lines)), "x.csv", SPEC)
    assert codes(result) == [("bsn_column", None, "klant")] and result.rows == ()
    assert result.problems[0].extra == {"hits": 3, "filled": 3}
    assert not any(bsn in repr(result) for bsn in BSNS)


def test_bsn_with_dropped_leading_zero_in_xlsx_numbers_is_found():
    rows = [
        ["indicator", "periode", "waarde", "nummer"],
        ["Kinderen naar gezin", "2026-K1", 1, 10000446],
        ["Kinderen naar gezin", "2026-K2", 1, 111222333],
    ]
    result = read_upload(xlsx_bytes(rows), "x.xlsx", UploadSpec(SPEC.indicators[:1]))
    assert [p.code for p in result.problems] == ["bsn_column"]


def test_nine_digit_numbers_failing_the_eleven_test_are_not_taken_for_bsns():
    rows = [
        ["indicator", "periode", "waarde"],
        ["Kinderen naar gezin", "2026-K1", 123456789],
        ["Kinderen naar gezin", "2026-K2", 987654321],
    ]
    assert read_upload(xlsx_bytes(rows), "x.xlsx", UploadSpec(SPEC.indicators[:1])).ok


def test_pseudonym_column_is_required_and_returned_raw_for_hashing():
    spec = UploadSpec(SPEC.indicators[:1], pseudonym_column="kindnummer")
    text = (
        "indicator;periode;kindnummer;waarde\nKinderen naar gezin;2026-K1;K-001;1\n"
        "Kinderen naar gezin;2026-K1;K-002;1\nKinderen naar gezin;2026-K1;;1\n"
    )
    result = read_upload(csv_bytes(text), "x.csv", spec)
    assert codes(result) == [("missing_pseudonym", 4, "kindnummer")]
    ok = read_upload(csv_bytes(text.rsplit("\n", 2)[0] + "\n"), "x.csv", spec)
    assert [r.pseudonym for r in ok.rows] == ["K-001", "K-002"]


def test_pseudonymise_is_keyed_and_normalised():
    key = b"k" * 32
    assert pseudonymise(" k-001 ", key) == pseudonymise("K-001", key)
    assert pseudonymise("K-001", key) != pseudonymise("K-001", b"x" * 32)
    assert len(pseudonymise("K-001", key)) == 64 and "K-001" not in pseudonymise("K-001", key)


def test_zip_bomb_is_refused_before_openpyxl_reads_it(monkeypatch):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (3 * 1024 * 1024))
    assert len(buffer.getvalue()) < 20_000

    def must_not_run(*args, **kwargs):
        raise AssertionError("openpyxl was asked to read a zip bomb")

    monkeypatch.setattr(sheets, "load_workbook", must_not_run)
    spec = UploadSpec(SPEC.indicators, max_uncompressed=1024 * 1024)
    assert [p.code for p in read_upload(buffer.getvalue(), "bom.xlsx", spec).problems] == ["too_large"]


def test_an_archive_that_lies_about_its_size_is_not_unpacked_past_the_lie():
    """zipfile stops at the declared size (and then fails the CRC), so the size check cannot be fooled."""
    rows = [["indicator", "periode", "waarde"]] + [["Kinderen naar gezin", "2026-K1", i] for i in range(3000)]
    data = bytearray(xlsx_bytes(rows))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        sheet = next(i for i in archive.infolist() if i.filename.endswith("sheet1.xml"))
    central = data.find(b"PK\x01\x02" + data[sheet.header_offset + 4 : sheet.header_offset + 6])
    while data[central + 46 : central + 46 + len(sheet.filename)] != sheet.filename.encode():
        central = data.find(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", data, sheet.header_offset + 22, 100)  # local header: uncompressed size
    struct.pack_into("<I", data, central + 24, 100)  # central directory: idem
    result = read_upload(bytes(data), "x.xlsx", UploadSpec(SPEC.indicators[:1]))
    assert [p.code for p in result.problems] == ["not_xlsx"] and result.rows == ()


def test_other_files_are_refused_with_a_reason():
    assert read_upload(b"\xd0\xcf\x11\xe0rest", "oud.xls", SPEC).problems[0].code == "old_excel"
    assert read_upload(b"not a zip", "x.xlsx", SPEC).problems[0].code == "not_xlsx"
    assert read_upload(b"PK\x03\x04broken", "x.xlsx", SPEC).problems[0].code == "not_xlsx"
    assert read_upload(b"\x89PNG\r\n\x1a\n\x00\x00", "foto.png", SPEC).problems[0].code == "unknown_format"
    assert read_upload(b"\x81\x8d\x8f\x90", "x.csv", SPEC).problems[0].code == "bad_encoding"


def test_too_many_rows_are_refused():
    text = "indicator;periode;waarde\n" + "Kinderen naar gezin;2026-K1;1\n" * 11
    result = read_upload(csv_bytes(text), "x.csv", UploadSpec(SPEC.indicators[:1], max_rows=10))
    assert [p.code for p in result.problems] == ["too_many_rows"]


def test_data_sheet_is_found_by_name():
    workbook = Workbook()
    workbook.active.title = "Toelichting"
    workbook.active.append(["Lees dit eerst"])
    data = workbook.create_sheet("Gegevens")
    data.append(["indicator", "periode", "waarde"])
    data.append(["Kinderen naar gezin", "2026-K1", 4])
    buffer = io.BytesIO()
    workbook.save(buffer)
    result = read_upload(buffer.getvalue(), "x.xlsx", UploadSpec(SPEC.indicators[:1]))
    assert result.ok and result.rows[0].value == Decimal(4)
