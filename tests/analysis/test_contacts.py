"""Reading contact files: encodings, separators, broken rows, duplicates, BSN refusal, safe XLSX."""

import io
import zipfile

import pytest
from openpyxl import Workbook

from analysis.files.cells import looks_like_bsn
from analysis.files.contacts import age_band, read_contacts
from analysis.files.spreadsheets import UnusableFile

DUTCH_EXCEL = (
    "E-mailadres;Naam;Straat;Huisnummer;Postcode;Woonplaats;Taal;Gemeente;Soort hulp;Leeftijd\r\n"
    "jan@example.nl;;;;;;;Schiedam;Ambulant;14\r\n"
    ";Fam. Çelik;Coolsingel;40;3011ad;Rotterdam;Turks;Rotterdam;Verblijf;17\r\n"
    "geen-adres;;;;;;;Rotterdam;Ambulant;15\r\n"
)


def xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_dutch_excel_csv_is_read_in_every_common_encoding(encoding):
    result = read_contacts(DUTCH_EXCEL.encode(encoding), "genodigden.csv")
    assert [c.row for c in result.contacts] == [2, 3]
    letter = result.contacts[1]
    assert letter.postal_address == "Fam. Çelik\nCoolsingel 40\n3011 AD  ROTTERDAM"
    assert letter.language == "tr"
    assert letter.background == {"gemeente": "Rotterdam", "soort_hulp": "Verblijf", "leeftijd": "16–17"}
    assert result.contacts[0].background["leeftijd"] == "12–15"  # exact ages become bands
    (problem,) = result.problems
    assert (problem.row, problem.field, problem.params) == (4, "E-mailadres", {"value": "geen-adres"})


def test_comma_separated_with_quoted_address_lines():
    data = b'email,adres,gemeente\r\na@example.nl,,Delft\r\n,"Postbus 12\n2600 AA Delft",Delft\r\n'
    result = read_contacts(data, "x.csv")
    assert result.contacts[1].postal_address == "Postbus 12\n2600 AA Delft"


def test_broken_rows_are_reported_by_row_and_field_and_the_rest_imported():
    data = (
        b"email;postcode;straat;huisnummer;woonplaats\n"
        b"a@example.nl;;;;\n"
        b";1234;Dorpsstraat;1;Ons Dorp\n"  # bad postcode
        b";3011 AB;Dorpsstraat;;\n"  # incomplete address
        b"b@example.nl;;;;;extra\n"  # more values than columns
        b";;;;\n"  # empty line: ignored
        b"a@example.nl;;;;\n"  # same as row 2
        b"c@example.nl;;;;\n"
    )
    result = read_contacts(data)
    assert [c.email for c in result.contacts] == ["a@example.nl", "c@example.nl"]
    by_row = {p.row: p for p in result.problems}
    assert by_row[3].field == "postcode" and "postcode" in by_row[3].msgid
    assert by_row[4].params == {"part": "woonplaats"}
    assert "more values" in by_row[5].msgid
    assert by_row[7].params == {"other": 2}
    assert 6 not in by_row
    assert result.skipped_rows == 4


def test_same_email_with_other_background_is_kept_with_a_warning():
    data = b"email;leeftijd\nouder@example.nl;14\nouder@example.nl;17\n"
    result = read_contacts(data)
    assert len(result.contacts) == 2
    (warning,) = result.problems
    assert not warning.skipped and warning.params == {"other": 2}


def test_unknown_language_falls_back_to_dutch_with_a_warning():
    result = read_contacts(b"email;taal\na@example.nl;Klingon\nb@example.nl;Arabisch\n")
    assert [c.language for c in result.contacts] == ["nl", "ar"]
    assert not result.problems[0].skipped


def test_unused_columns_are_named_and_not_kept():
    result = read_contacts(b"email;telefoon;opmerking\na@example.nl;0612345678;lastige klant\n")
    assert result.ignored == ["telefoon", "opmerking"]
    assert "0612345678" not in repr(result.contacts)


@pytest.mark.parametrize(
    "data, fragment",
    [
        (b"", "empty"),
        (b"   \n  ", "empty"),
        (b"email;gemeente\n", "no rows"),
        (b"naam;gemeente\nJan;Delft\n", "No column with e-mail"),
        (b"%PDF-1.7 binary", "PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 old excel", ".xls"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a CSV"),
        (b"PK\x03\x04 not really a zip", "not a CSV"),
    ],
)
def test_unusable_files_are_refused_whole(data, fragment):
    with pytest.raises(UnusableFile) as refused:
        read_contacts(data, "x")
    assert fragment in refused.value.problem.msgid


def test_bsn_column_by_content_refuses_the_whole_file_without_echoing_numbers():
    rows = ["email;klantnummer"] + [
        f"p{n}@example.nl;{bsn}" for n, bsn in enumerate(["111222333", "123456782", "010000008", "999999990"])
    ]
    with pytest.raises(UnusableFile) as refused:
        read_contacts("\n".join(rows).encode())
    problem = refused.value.problem
    assert problem.params == {"column": "klantnummer"} and "BSN" in problem.msgid
    assert "111222333" not in str(refused.value)


def test_bsn_column_by_name_is_refused_even_when_empty():
    with pytest.raises(UnusableFile):
        read_contacts(b"email;BSN\na@example.nl;\n")


def test_nine_digit_numbers_that_fail_the_eleven_test_are_not_a_bsn():
    assert looks_like_bsn("111222333") and looks_like_bsn("10000008")  # leading zero dropped by Excel
    assert not looks_like_bsn("123456789") and not looks_like_bsn("0612345678") and not looks_like_bsn("000000000")
    rows = ["email;nummer"] + [f"p{n}@example.nl;{100000000 + n}" for n in range(20)]
    assert len(read_contacts("\n".join(rows).encode()).contacts) == 20


def test_xlsx_is_read_with_numbers_and_dates_as_text():
    data = xlsx(
        [
            ["E-mail", "Postcode", "Straat", "Huisnummer", "Plaats", "Leeftijd"],
            ["a@example.nl", None, None, None, None, 19],
            [None, "2511 CV", "Spui", 70, "Den Haag", 12.0],
        ]
    )
    result = read_contacts(data, "lijst.xlsx")
    assert result.contacts[0].background == {"leeftijd": "18–23"}
    assert result.contacts[1].postal_address == "Spui 70\n2511 CV  DEN HAAG"


def test_xlsx_with_bsn_numbers_is_refused():
    data = xlsx([["email", "id"], ["a@example.nl", 111222333], ["b@example.nl", 123456782]])
    with pytest.raises(UnusableFile):
        read_contacts(data, "x.xlsx")


def test_zip_bomb_is_refused_before_unpacking():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (20 * 1024 * 1024))
    assert len(buffer.getvalue()) < 100_000
    with pytest.raises(UnusableFile) as refused:
        read_contacts(buffer.getvalue(), "bom.xlsx")
    assert "too large" in refused.value.problem.msgid


def test_zip_that_is_not_a_workbook_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    with pytest.raises(UnusableFile):
        read_contacts(buffer.getvalue(), "brief.docx")


def test_age_bands():
    assert [age_band(a) for a in (8, 12, 15, 16, 17, 18, 23, 40)] == [
        "0–11",
        "12–15",
        "12–15",
        "16–17",
        "16–17",
        "18–23",
        "18–23",
        "24+",
    ]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read(codec):
    text = "e-mail;gemeente;naam\r\nouder@example.nl;Rotterdam;Fam. Özdemir\r\n"
    result = read_contacts(text.encode(codec), "genodigden.csv")
    assert [c.email for c in result.contacts] == ["ouder@example.nl"]
    assert result.contacts[0].background == {"gemeente": "Rotterdam"}
