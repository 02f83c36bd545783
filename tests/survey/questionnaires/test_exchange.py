"""Import and export: a good file comes in whole; a bad file is refused whole, with a Dutch message that
names the row and column; big files and zip bombs are refused before any parser sees them."""

import csv
import io
import json
import zipfile

import openpyxl
import pytest
from sqlalchemy import func, select

from survey.audit.models import AuditEntry
from survey.questionnaires import versions
from survey.questionnaires.content.document import DocumentError
from survey.questionnaires.exchange import spreadsheet
from survey.questionnaires.exchange.codebook import codebook_rows
from survey.questionnaires.exchange.json_file import export_json, survey_settings
from survey.questionnaires.exchange.uploads import MAX_IMPORT_BYTES, read_upload
from survey.questionnaires.models import Survey
from tests.survey.questionnaires.helpers import document, text_of, token, url


def problems(data, filename="vragenlijst.xlsx"):
    with pytest.raises(DocumentError) as info:
        read_upload(data, filename)
    return [f"{where}: {msgid % params}" for where, msgid, params in info.value.problems]


def workbook_of(survey):
    data = spreadsheet.export_xlsx(survey_settings(survey), versions.document_of(survey.versions[-1]))
    return openpyxl.load_workbook(io.BytesIO(data))


def saved(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def column(sheet, name):
    return [c.value for c in sheet[1]].index(name) + 1


def row_of(sheet, code):
    return next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, column(sheet, "code")).value == code)


@pytest.fixture
def peo(make_survey):
    return make_survey("peo")


def test_unknown_question_type_is_named_with_row_and_column(peo):
    book = workbook_of(peo)
    sheet = book["vragen"]
    sheet.cell(row_of(sheet, "WP1"), column(sheet, "type")).value = "schuifregelaar"
    found = problems(saved(book))
    assert found == [f"tabblad vragen, rij {row_of(sheet, 'WP1')}, kolom type: Unknown question type schuifregelaar."]


def test_condition_pointing_forward_is_refused_at_its_cell(peo):
    book = workbook_of(peo)
    sheet = book["vragen"]
    sheet.cell(row_of(sheet, "WP1"), column(sheet, "condition")).value = "WD1 is 5"
    assert problems(saved(book)) == [
        f"tabblad vragen, rij {row_of(sheet, 'WP1')}, kolom condition: "
        "The condition refers to WD1, which is not an earlier question."
    ]


def test_duplicate_item_codes_name_the_second_row(peo):
    book = workbook_of(peo)
    sheet = book["vragen"]
    sheet.cell(row_of(sheet, "WD1"), column(sheet, "code")).value = "WP1"
    second = [r for r in range(2, sheet.max_row + 1) if sheet.cell(r, column(sheet, "code")).value == "WP1"][1]
    assert problems(saved(book)) == [f"tabblad vragen, rij {second}, kolom code: Item code WP1 is used twice."]


def test_duplicate_statement_code_inside_a_group_names_its_row(peo):
    book = workbook_of(peo)
    sheet = book["vragen"]
    pr3 = row_of(sheet, "PR3")
    sheet.cell(pr3, column(sheet, "code")).value = "PR1"
    assert problems(saved(book)) == [f"tabblad vragen, rij {pr3}, kolom code: Item code PR1 is used twice."]


def test_missing_columns_are_named(peo):
    book = workbook_of(peo)
    sheet = book["vragen"]
    sheet.delete_cols(column(sheet, "type"))
    assert problems(saved(book)) == ["tabblad vragen, rij 1, kolom type: The column type is missing."]


def test_many_problems_are_reported_together(peo):
    book = workbook_of(peo)
    sheet = book["vragen"]
    sheet.cell(row_of(sheet, "WP1"), column(sheet, "required")).value = "misschien"
    sheet.cell(row_of(sheet, "BL1"), column(sheet, "options::nl")).value = "ja Ja nee Nee"
    sheet.cell(row_of(sheet, "RG2"), column(sheet, "condition")).value = "RG1 groter 3"
    found = problems(saved(book))
    assert len(found) == 3
    assert any("kolom required: Write ja or nee." in p for p in found)
    assert any("kolom options::nl: Write options as code=label" in p for p in found)
    assert any("kolom condition: The condition RG1 groter 3 is not valid." in p for p in found)


def test_wrong_file_types_are_refused():
    assert problems(b"%PDF-1.7 ...", "vragen.pdf") == [
        "bestand: Upload a .json or .xlsx file exported from this platform. Other file types (such as .xls, .csv "
        "or .docx) cannot be read."
    ]
    assert problems(b"code;type\nT1;stelling", "vragen.csv")[0].startswith("bestand: Upload a .json or .xlsx")
    assert problems(b"not a zip at all", "vragen.xlsx") == ["bestand: The file is not an Excel workbook (.xlsx)."]
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<document/>")
    assert problems(docx.getvalue(), "vragen.xlsx") == [
        "bestand: The file could not be read as an Excel workbook (.xlsx)."
    ]
    assert problems(b"{not json", "vragen.json") == ["bestand: The file is not valid JSON (line 1, column 2)."]
    assert problems(json.dumps({"format": "iets anders"}).encode(), "x.json")[0].startswith(
        "bestand: This is not a questionnaire file"
    )


def test_a_50_mb_file_is_refused_before_parsing(monkeypatch):
    def no_parsing(*args, **kwargs):
        raise AssertionError("the parser must not see an oversized file")

    monkeypatch.setattr("survey.questionnaires.exchange.uploads.read_json", no_parsing)
    monkeypatch.setattr("survey.questionnaires.exchange.uploads.check_zip", no_parsing)
    big = b"{" + b" " * (50 * 1024 * 1024) + b"}"
    assert problems(big, "groot.json") == [
        f"bestand: The file is larger than {MAX_IMPORT_BYTES // 2**20} MB and was not read."
    ]
    assert problems(b"PK\x03\x04" + bytes(50 * 1024 * 1024), "groot.xlsx")[0].startswith("bestand: The file is larger")


def test_a_zip_bomb_is_refused_before_openpyxl_opens_it(monkeypatch):
    def no_openpyxl(*args, **kwargs):
        raise AssertionError("openpyxl must not open a zip bomb")

    monkeypatch.setattr("openpyxl.load_workbook", no_openpyxl)
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"0" * (60 * 1024 * 1024))
    data = bomb.getvalue()
    assert len(data) < MAX_IMPORT_BYTES
    assert problems(data, "bom.xlsx") == [
        "bestand: The file is too large once unpacked (more than 50 MB) or packed suspiciously tightly; it was "
        "not opened."
    ]


def test_json_with_problems_names_settings_and_questions(peo):
    data = json.loads(export_json(peo, versions.document_of(peo.versions[0])))
    data["survey"]["kind"] = "enquete"
    data["document"]["sections"][0]["questions"][1]["type"] = "slider"
    found = problems(json.dumps(data).encode(), "x.json")
    assert found == [
        "survey.kind: Unknown value enquete; choose one of ceo, peo, peiling, stakeholder, overig.",
        "sectie 1, vraag 2: Unknown question type slider.",
    ]


def test_bad_import_over_http_imports_nothing(researcher, peo, db):
    before = versions.document_of(peo.versions[0]).to_dict()
    book = workbook_of(peo)
    sheet = book["vragen"]
    sheet.cell(row_of(sheet, "WD2"), column(sheet, "label::nl")).value = "Hoe vaak werk je over?"  # fine
    sheet.cell(row_of(sheet, "WD3"), column(sheet, "type")).value = "onbekend"  # not fine
    response = researcher.post(
        url(peo, "/importeren"),
        data={"lock": token(peo), "file": (io.BytesIO(saved(book)), "peo.xlsx")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 200
    page = text_of(response)
    assert "Het bestand is niet geïmporteerd" in page
    assert f"tabblad vragen, rij {row_of(sheet, 'WD3')}, kolom type: Onbekend vraagtype onbekend." in page
    assert document(peo).to_dict() == before
    assert len(peo.versions) == 1
    assert (
        db.session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "survey.import")) == 0
    )


def test_a_translated_spreadsheet_comes_back_into_the_draft(researcher, make_survey, db):
    survey = make_survey("peiling")
    book = workbook_of(survey)
    sheet = book["vragen"]
    sheet.cell(1, sheet.max_column + 1).value = "label::tr"
    tr = sheet.max_column
    sheet.cell(row_of(sheet, "P1"), tr).value = "Gerekeni yapmak için yeterli alanım var."
    book["vragenlijst"].cell(4, 2).value = "nl,tr"  # the languages row
    response = researcher.post(
        url(survey, "/importeren"),
        data={"lock": token(survey), "file": (io.BytesIO(saved(book)), "peiling-tr.xlsx")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    doc = document(survey)
    assert doc.languages == ["nl", "tr"]
    assert doc.question("P1").text["tr"] == "Gerekeni yapmak için yeterli alanım var."
    assert doc.item_codes() == ["P1", "P2", "P3"]
    assert doc.question("P1").options[0].label["tr"] == "Kesinlikle katılıyorum"


def test_import_a_file_from_another_region_as_a_new_survey(researcher, region, db, make_survey, other_region):
    source = make_survey("stakeholder", in_region=other_region)
    data = export_json(source, versions.document_of(source.versions[0]))
    response = researcher.post(
        f"/beheer/{region.slug}/vragenlijsten/importeren",
        data={"file": (io.BytesIO(data), "stakeholder.json")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    imported = db.session.scalars(select(Survey).where(Survey.region_id == region.id)).one()
    assert imported.kind.value == "stakeholder" and imported.series_key != source.series_key
    assert versions.document_of(imported.versions[0]).to_dict() == versions.document_of(source.versions[0]).to_dict()


def test_exports_download_and_are_audited(researcher, make_survey, db):
    survey = make_survey("ceo_ouders")
    response = researcher.get(url(survey, "/export.json"))
    assert response.status_code == 200 and response.mimetype == "application/json"
    assert json.loads(response.data)["document"]["languages"] == ["nl", "en", "ar", "tr", "pl", "uk"]
    response = researcher.get(url(survey, "/export.xlsx"))
    workbook = openpyxl.load_workbook(io.BytesIO(response.data), read_only=True)
    header = [c.value for c in next(workbook["vragen"].iter_rows(max_row=1))]
    assert header[:5] == ["section", "code", "type", "domain", "required"]
    assert {"label::nl", "label::en", "label::ar", "hint::nl", "options::nl", "condition", "settings"} <= set(header)
    rows = list(workbook["vragen"].iter_rows(min_row=2, values_only=True))
    t1 = next(r for r in rows if r[1] == "T1")
    assert t1[header.index("options::nl")].startswith("5=Helemaal mee eens|4=Mee eens|")
    workbook.close()
    entries = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "survey.export")).all()
    assert [e.details["format"] for e in entries] == ["json", "xlsx"]


def test_codebook_uses_item_codes_labels_and_value_codes(researcher, make_survey):
    survey = make_survey("ceo_ouders")
    rows = codebook_rows(versions.document_of(survey.versions[0]))
    t1 = [r for r in rows if r["variabele"] == "T1"]
    assert [(r["waarde"], r["waardelabel"], r["ontbrekend"]) for r in t1] == [
        ("5", "Helemaal mee eens", ""),
        ("4", "Mee eens", ""),
        ("3", "Niet mee eens, niet mee oneens", ""),
        ("2", "Niet mee eens", ""),
        ("1", "Helemaal niet mee eens", ""),
        ("weet_niet", "Weet ik niet", "ja"),
        ("nvt", "Niet van toepassing", "ja"),
    ]
    assert t1[0]["label"] == "Ik wist waar ik terecht kon met mijn vraag." and t1[0]["meetniveau"] == "ordinaal"
    r1 = [r for r in rows if r["variabele"] == "R1"]
    assert [r["waarde"] for r in r1] == [str(n) for n in range(1, 11)] and r1[0]["meetniveau"] == "schaal"
    response = researcher.get(url(survey, "/codeboek.csv"))
    assert response.data.startswith("\ufeff".encode())
    table = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig")), delimiter=";"))
    assert table[0]["variabele"] == "T1" and {r["variabele"] for r in table} >= {"T1", "R1", "O1", "A3"}
    response = researcher.get(url(survey, "/codeboek.xlsx"))
    workbook = openpyxl.load_workbook(io.BytesIO(response.data), read_only=True)
    assert workbook.sheetnames == ["codeboek", "variabelen"]
    variables = [r[0] for r in workbook["variabelen"].iter_rows(min_row=2, values_only=True)]
    assert variables[:3] == ["T1", "T2", "T3"] and len(variables) == len(set(variables))
    workbook.close()


def test_codebook_lists_statements_of_a_group_and_repeated_sections(make_survey):
    rows = codebook_rows(versions.document_of(make_survey("peo").versions[0]))
    assert {"PR1", "PR2", "PR3", "PR4"} <= {r["variabele"] for r in rows} and "PR" not in {r["variabele"] for r in rows}
    rows = codebook_rows(versions.document_of(make_survey("stakeholder").versions[0]))
    assert {r["herhaald_per"] for r in rows if r["variabele"] == "PRJ_TROTS"} == {"projecten"}


def test_an_upload_over_the_request_limit_is_refused_with_a_dutch_page(researcher, make_survey):
    survey = make_survey("peiling")
    before = document(survey).to_dict()
    boundary = "grens"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="groot.json"\r\n'
            "Content-Type: application/json\r\n\r\n"
        ).encode()
        + b" " * (21 * 1024 * 1024)
        + f"\r\n--{boundary}--\r\n".encode()
    )  # built in memory: the test client would spool it to a file
    response = researcher.post(
        url(survey, "/importeren"), data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )
    assert response.status_code == 413
    assert "Bestand of tekst te groot" in text_of(response)
    assert document(survey).to_dict() == before


@pytest.mark.parametrize(
    "change,message",
    [
        (lambda q: q.__setitem__("options", 5), "sectie 1, vraag 1: The part options has the wrong kind of value."),
        (lambda q: q.__setitem__("settings", [1]), "sectie 1, vraag 1: The part settings has the wrong kind of value."),
        (
            lambda q: q.__setitem__("required", "nee"),
            "sectie 1, vraag 1: The part required has the wrong kind of value.",
        ),
        (
            lambda q: q.update(type="smiley", settings={"faces": "veel"}),
            "sectie 1, vraag 1: A smiley scale has 3 or 5 faces.",
        ),
    ],
)
def test_json_with_values_of_the_wrong_kind_is_refused_not_crashed(peo, change, message):
    data = json.loads(export_json(peo, versions.document_of(peo.versions[0])))
    change(data["document"]["sections"][0]["questions"][0])
    assert message in problems(json.dumps(data).encode(), "x.json")


def test_deeply_nested_json_is_refused():
    assert problems(b"[" * 100_000, "x.json") == ["bestand: The file is nested too deeply to be read."]
