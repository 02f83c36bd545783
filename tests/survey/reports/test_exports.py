"""Every export read back with the reader a researcher uses (csv, openpyxl, pandas, pyreadstat) and compared
with the database: numeric items are numeric columns with the same numbers in every format (SPSS, Stata, CSV,
Excel), escape answers 98/99 with their labels; open answers only scrubbed unless raw text is asked for."""

import codecs
import csv
import io
import json

import numpy as np
import openpyxl
import pandas as pd
import pyreadstat
import pytest
from pandas.api.types import is_numeric_dtype
from sqlalchemy import select

from analysis.files.export_safety import csv_unprotect
from survey.accounts.models import Role
from survey.audit.models import AuditEntry
from survey.responses.models import Response, ResponseStatus
from tests.survey.reports import builders

RISKY = ["=1+1", "+31 6 12345678 bellen", "-boos en verdrietig", "@team: meer tijd", "'al een quote", "=SUM(A1:A9)"]
#: the number in every export of a stored code that is not a number itself
NUMBERS = {"weet_niet": 98, "nvt": 99, "altijd": 4, "vaak": 3, "soms": 2, "nooit": 1}
NUMBER = {"code": "N1", "type": "getal", "text": {"nl": "Hoeveel weken wachtte u?"}, "required": False}
#: the columns that are numbers in every format
NUMERIC = ["respondent", "T1", "K1", "R1", "F1", "N1", "C1__thuis", "C1__school", "C1__anders", "O1_t_wachttijd"]


@pytest.fixture
def survey(db, region):
    """Six completed responses with risky scrubbed texts, one raw-only text, a decimal number and escapes."""
    survey = builders.make_survey(db, region, min_cell=5, document=builders.ceo_document([NUMBER]))
    themes = builders.codebook(db, region, survey)
    for i, text in enumerate(RISKY):
        response = builders.add_response(
            db,
            survey,
            {
                "T1": ["5", "weet_niet", "nvt", "1", "4", "3"][i],
                "K1": "4",
                "R1": 5 + i,
                "F1": "vaak",
                "C1": ["thuis", "anders"] if i == 0 else None,
                "N1": "2.5" if i == 0 else "12",
                "O1": f"Ruwe tekst {i} van Jan Jansen",
            },
            language="en" if i == 5 else "nl",
            background={"gemeente": "Delft"},
            scrubbed={"O1": text},
            other={"C1": "Bij opa, Kerkstraat 1"} if i == 0 else None,
        )
        db.session.flush()
        if i < 2:
            builders.code(
                db,
                survey,
                builders.answer_of(response, "O1"),
                [(themes["wachttijd"], "mens", None, True)],
                verified=True,
            )
    builders.add_response(db, survey, {"T1": "2", "O1": "nog bezig"}, status=ResponseStatus.IN_PROGRESS)
    db.session.commit()
    return survey


def export(client, region, survey, buffered=True, **form):
    data = {"format": "csv", "delimiter": "comma", "values": "codes"} | form
    response = client.post(f"/beheer/{region.slug}/resultaten/{survey.id}/export", data=data, buffered=buffered)
    assert response.status_code == 200, response.status_code
    return response


def completed(db, survey):
    return list(
        db.session.scalars(
            select(Response)
            .where(Response.survey_id == survey.id, Response.status == ResponseStatus.COMPLETED)
            .order_by(Response.id)
        )
    )


def read_csv(data: bytes, delimiter=","):
    assert data.startswith(codecs.BOM_UTF8)
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=delimiter))


def expected(db, survey):
    """{column: values per completed response} from the database (98/99 for the escape answers)."""
    rows = []
    for response in completed(db, survey):
        answers = {a.item_code: a.value for a in response.answers}
        rows.append(
            {code: float(NUMBERS.get(answers[code], answers[code])) for code in ("T1", "K1", "R1", "F1")}
            | {"N1": float(answers["N1"])}
        )
    return {code: [row[code] for row in rows] for code in rows[0]}


def read(client, region, survey, tmp_path, fmt, **form):
    data = export(client, region, survey, format=fmt, **form).data
    if fmt == "csv" and form.get("delimiter") == "semicolon":
        return pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    if fmt == "csv":
        return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    if fmt == "xlsx":
        return pd.read_excel(io.BytesIO(data), sheet_name="Antwoorden", engine="openpyxl")
    path = tmp_path / f"export.{fmt}"
    path.write_bytes(data)
    return (pyreadstat.read_sav if fmt == "sav" else pyreadstat.read_dta)(str(path))[0]


def test_csv_matches_the_database_and_keeps_every_character(client, db, region, survey, researcher):
    download = export(client, region, survey)
    assert download.headers["Content-Type"] == "text/csv; charset=utf-8"  # one charset: a strict reader refuses two
    rows = read_csv(download.data)
    responses = completed(db, survey)
    assert len(rows) == len(responses) == 6
    for number, (row, response) in enumerate(zip(rows, responses, strict=True), start=1):
        answers = {a.item_code: a for a in response.answers}
        assert row["respondent"] == str(number)
        assert row["week"] == response.week.isoformat() and row["kanaal"] == "open"
        # k over the combination: 5 Delft/nl and 1 Delft/en (open link, k = 5). The English answer may not
        # stand out, and "the one row that is not Delft/nl" would single it out too: nothing is kept
        assert row["taal"] == "" and row["gemeente"] == ""
        for code in ("T1", "K1", "R1", "F1"):  # numbers, escapes as 98/99 (never the text weet_niet)
            assert row[code] == str(NUMBERS.get(answers[code].value, answers[code].value))
        assert csv_unprotect(row["O1"]) == answers["O1"].scrubbed_text  # every character, formula or not
        assert row["O1"][0] not in "=+-@" or row["O1"].startswith("'")  # a spreadsheet never runs it


def test_csv_never_carries_ids_or_raw_text(client, db, region, survey, researcher):
    data = export(client, region, survey).data.decode("utf-8-sig")
    header = data.splitlines()[0].split(",")
    assert header[:5] == ["respondent", "kanaal", "taal", "week", "gemeente"]
    for response in completed(db, survey):
        assert response.id not in data
    assert "Jan Jansen" not in data and "Kerkstraat" not in data and "nog bezig" not in data
    assert "C1_anders" not in header


def test_semicolon_variant_for_dutch_excel(client, db, region, survey, researcher):
    rows = read_csv(export(client, region, survey, delimiter="semicolon").data, delimiter=";")
    by_number = {r["respondent"]: r for r in rows}
    decimal = [r for r in rows if r["N1"] not in ("12", "")]
    assert [r["N1"] for r in decimal] == ["2,5"]
    assert all(r["T1"] for r in by_number.values())


def test_open_answers_carry_themes_sentiment_and_provenance(client, db, region, survey, researcher):
    rows = read_csv(export(client, region, survey).data)
    coded = [r for r in rows if r["O1_themas"]]
    assert len(coded) == 2
    for row in coded:
        assert row["O1_themas"] == "Wachttijd"
        assert row["O1_t_wachttijd"] == "1" and row["O1_t_serieus"] == "0"
        assert row["O1_sentiment"] == "negatief"
        assert row["O1_herkomst"] == "wachttijd=mens gecontroleerd"
    uncoded = [r for r in rows if not r["O1_themas"]]
    assert all(r["O1_t_wachttijd"] == "" for r in uncoded)


def test_multiple_choice_becomes_zero_one_columns(client, db, region, survey, researcher):
    rows = read_csv(export(client, region, survey).data)
    chosen = [(r["C1__thuis"], r["C1__school"], r["C1__anders"]) for r in rows if r["C1__thuis"]]
    assert chosen == [("1", "0", "1")]


def test_xlsx_cells_are_typed_and_formulas_stay_text(client, db, region, survey, researcher):
    workbook = openpyxl.load_workbook(io.BytesIO(export(client, region, survey, format="xlsx").data))
    assert workbook.sheetnames == ["Antwoorden", "Codeboek"]
    sheet = workbook["Antwoorden"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, [c for c in row], strict=True)) for row in sheet.iter_rows(min_row=2)]
    responses = completed(db, survey)
    for row, response in zip(rows, responses, strict=True):
        answers = {a.item_code: a for a in response.answers}
        assert row["O1"].value == answers["O1"].scrubbed_text and row["O1"].data_type == "s"
        assert row["T1"].value == int(NUMBERS.get(answers["T1"].value, answers["T1"].value))
        assert row["T1"].data_type == row["R1"].data_type == row["F1"].data_type == "n"
        assert row["week"].value.date() == response.week
    assert {r["O1"].value for r in rows} == set(RISKY)
    codebook = [[c.value for c in row] for row in workbook["Codeboek"].iter_rows()]
    assert ["T1", None, None, None, 98, "Weet ik niet", "weet_niet", "ja"] in codebook


def test_sav_has_variable_labels_value_labels_and_missing_values(client, db, region, survey, researcher, tmp_path):
    """The numbers and the escapes' labels per format: test_spss_and_stata_hold_the_same_numbers_with_missing_values."""
    path = tmp_path / "export.sav"
    path.write_bytes(export(client, region, survey, format="sav").data)
    frame, meta = pyreadstat.read_sav(str(path), user_missing=True)
    responses = completed(db, survey)
    assert len(frame) == len(responses)
    labels = meta.column_names_to_labels
    assert labels["T1"] == "T1 Ik wist waar ik terecht kon met mijn vraag."
    assert labels["O1"] == "Wat kan beter? (geschoond)"
    assert meta.variable_value_labels["F1"] == {4.0: "Altijd", 3.0: "Vaak", 2.0: "Soms", 1.0: "Nooit"}
    assert {r["lo"] for r in meta.missing_ranges["T1"]} == {98.0, 99.0}
    assert sorted(frame["O1"]) == sorted(RISKY)
    assert pd.to_datetime(frame["week"]).dt.date.tolist() == [r.week for r in responses]


@pytest.mark.parametrize("fmt, form", [("csv", {}), ("csv", {"delimiter": "semicolon"}), ("xlsx", {})])
def test_spreadsheet_exports_hold_the_spss_numbers(client, db, region, survey, researcher, tmp_path, fmt, form):
    frame = read(client, region, survey, tmp_path, fmt, **form)
    for column in NUMERIC:
        assert is_numeric_dtype(frame[column]), (column, frame[column].dtype)
    for code, values in expected(db, survey).items():
        assert frame[code].astype(float).tolist() == values, code
    assert {98.0, 99.0} <= set(frame["T1"])


@pytest.mark.parametrize("fmt", ["sav", "dta"])
def test_spss_and_stata_hold_the_same_numbers_with_missing_values(
    client, db, region, survey, researcher, tmp_path, fmt
):
    frame = read(client, region, survey, tmp_path, fmt)
    for column in NUMERIC:
        assert is_numeric_dtype(frame[column]), (column, frame[column].dtype)
    path = tmp_path / f"export.{fmt}"
    reader = pyreadstat.read_sav if fmt == "sav" else pyreadstat.read_dta
    kept, meta = reader(str(path), user_missing=True)
    values = expected(db, survey)
    for code in ("K1", "R1", "F1", "N1"):
        assert frame[code].tolist() == values[code]
    # without user-missing values the escapes are empty; with them they are 98/99 (SPSS) or .a/.b (Stata)
    assert [None if np.isnan(x) else x for x in frame["T1"]] == [None if v >= 98 else v for v in values["T1"]]
    escapes = {98.0: "a", 99.0: "b"} if fmt == "dta" else {98.0: 98.0, 99.0: 99.0}
    assert kept["T1"].tolist() == [escapes.get(v, v) for v in values["T1"]]
    labels = meta.variable_value_labels["T1"]
    assert labels[escapes[98.0]] == "Weet ik niet" and labels[escapes[99.0]] == "Niet van toepassing"
    assert labels[5] == "Helemaal mee eens"


def test_labels_variant_is_text_but_keeps_the_grade_a_number(client, db, region, survey, researcher, tmp_path):
    response = export(client, region, survey, format="xlsx", values="labels")
    assert "antwoorden-labels-" in response.headers["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(response.data))["Antwoorden"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2)]
    assert {r["T1"].value for r in rows} >= {"Weet ik niet", "Niet van toepassing", "Helemaal mee eens"}
    assert all(r["R1"].data_type == "n" for r in rows)
    assert [r["R1"].value for r in rows] == [int(v) for v in expected(db, survey)["R1"]]
    frame = read(client, region, survey, tmp_path, "csv", values="labels")
    assert is_numeric_dtype(frame["R1"]) and not is_numeric_dtype(frame["T1"])


def test_codebook_csv_lists_variables_labels_and_values(client, db, region, survey, researcher):
    rows = read_csv(export(client, region, survey, format="codebook_csv").data)
    t1 = [r for r in rows if r["Variabele"] == "T1"]
    assert t1[0]["Label"] == "T1 Ik wist waar ik terecht kon met mijn vraag."
    assert [(r["Waarde"], r["Opgeslagen code"], r["Ontbrekend in SPSS"]) for r in t1[1:]] == [
        ("5", "5", ""),
        ("4", "4", ""),
        ("3", "3", ""),
        ("2", "2", ""),
        ("1", "1", ""),
        ("98", "weet_niet", "ja"),
        ("99", "nvt", "ja"),
    ]
    assert any(r["Variabele"] == "O1_t_wachttijd" and r["Label"] == "O1 thema: Wachttijd" for r in rows)


def test_raw_text_only_on_request_for_researchers_and_audited(client, db, region, survey, researcher, make_user, login):
    response = export(client, region, survey, raw_text="y")
    assert "-ONGESCHOOND-" in response.headers["Content-Disposition"]
    data = response.data.decode("utf-8-sig")
    warning, header = data.splitlines()[:2]
    assert warning.strip('"').startswith("LET OP: dit bestand bevat de ONGESCHOONDE open antwoorden")
    assert "O1_ruw" in header.split(",") and "C1_anders_ruw" in header.split(",") and "O1" not in header.split(",")
    assert "Ruwe tekst 0 van Jan Jansen" in data and "Bij opa, Kerkstraat 1" in data
    entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "results.export_raw")).one()
    assert entry.details["raw_text"] is True and entry.details["format"] == "csv"
    login(make_user(region, Role.BEHEERDER))
    log = client.get(f"/beheer/{region.slug}/audit/").get_data(as_text=True)
    assert "ONGESCHOONDE" in log


def test_scrubbed_export_is_the_default_and_unmarked(client, db, region, survey, researcher):
    response = export(client, region, survey, format="xlsx")
    assert "ONGESCHOOND" not in response.headers["Content-Disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(response.data))
    assert workbook.sheetnames == ["Antwoorden", "Codeboek"]
    assert not any(str(c.value).endswith("_ruw") for c in workbook["Antwoorden"][1])


def test_raw_excel_spss_and_stata_are_marked(client, db, region, survey, researcher, tmp_path):
    response = export(client, region, survey, format="xlsx", raw_text="y")
    assert f"antwoorden-ONGESCHOOND-{survey.id}" in response.headers["Content-Disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(response.data))
    assert workbook.sheetnames == ["LET OP", "Antwoorden", "Codeboek"]
    assert "ONGESCHOONDE" in workbook["LET OP"]["A2"].value
    assert "O1_ruw" in [c.value for c in workbook["Antwoorden"][1]]
    for fmt, read in (("sav", pyreadstat.read_sav), ("dta", pyreadstat.read_dta)):
        response = export(client, region, survey, format=fmt, raw_text="y")
        assert "antwoorden-ONGESCHOOND-" in response.headers["Content-Disposition"]
        path = tmp_path / f"raw.{fmt}"
        path.write_bytes(response.data)
        frame, meta = read(str(path))
        assert "O1_ruw" in frame.columns and "ONGESCHOOND" in meta.file_label
        assert "ONGESCHOOND" in meta.column_names_to_labels["O1_ruw"]


def test_administrators_cannot_export_raw_text(client, db, region, survey, make_user, login):
    login(make_user(region, Role.BEHEERDER))
    page = client.get(f"/beheer/{region.slug}/resultaten/{survey.id}/export").get_data(as_text=True)
    assert 'name="raw_text"' not in page
    response = client.post(
        f"/beheer/{region.slug}/resultaten/{survey.id}/export",
        data={"format": "csv", "delimiter": "comma", "values": "codes", "raw_text": "y"},
    )
    assert response.status_code == 403
    scrubbed = export(client, region, survey).data.decode("utf-8-sig")
    assert "Jan Jansen" not in scrubbed


def test_every_export_writes_an_audit_entry_without_content(client, db, region, survey, researcher):
    for fmt in ("csv", "xlsx", "sav", "codebook_csv", "codebook_xlsx"):
        export(client, region, survey, format=fmt)
    entries = list(
        db.session.scalars(select(AuditEntry).where(AuditEntry.action == "results.export").order_by(AuditEntry.id))
    )
    assert [e.details["format"] for e in entries] == ["csv", "xlsx", "sav", "codebook_csv", "codebook_xlsx"]
    assert all(e.details["responses"] == 6 and e.details["raw_text"] is False for e in entries)
    dumped = json.dumps([e.details for e in entries])
    for text in [*RISKY, "Jan Jansen", "Delft"]:
        assert text not in dumped


def test_labels_instead_of_codes(client, db, region, survey, researcher):
    rows = read_csv(export(client, region, survey, values="labels").data)
    assert {r["K1"] for r in rows} == {"Mee eens"}
    assert {r["kanaal"] for r in rows} == {"open link"}


def test_csv_export_is_a_stream_that_starts_at_once(app, db, region, survey):
    from survey.reports.exports.services import start_export

    with app.test_request_context():
        export_ = start_export(survey, "csv")
        first = next(export_.stream)
        assert first.startswith(codecs.BOM_UTF8) and b"respondent" in first
        rest = b"".join(export_.stream)
    assert len((first + rest).decode("utf-8-sig").splitlines()) == 7


def test_codebook_xlsx_reads_back(client, db, region, survey, researcher):
    workbook = openpyxl.load_workbook(io.BytesIO(export(client, region, survey, format="codebook_xlsx").data))
    rows = [[c.value for c in row] for row in workbook["Codeboek"].iter_rows()]
    assert rows[0][:4] == ["Variabele", "Label", "Soort", "Meetniveau"]
    assert ["O1", "Wat kan beter? (geschoond)", "tekst", "nominal", None, None, None, None] in rows
    assert ["N1", "N1 Hoeveel weken wachtte u?", "getal", "scale", None, None, None, None] in rows


def test_sav_reads_as_a_researcher_expects_in_spss(client, db, region, survey, researcher, tmp_path):
    """Codes show as 5 and 98, not 5.00 and 98.00; a decimal number keeps its decimals; the week is a date
    without a time; the file's documents say what an empty background cell means and how many backgrounds
    were generalised; an empty language or background cell is user-missing, not a category of its own."""
    path = tmp_path / "export.sav"
    path.write_bytes(export(client, region, survey, format="sav").data)
    _frame, meta = pyreadstat.read_sav(str(path), user_missing=True)
    formats = meta.original_variable_types
    assert formats["T1"] == "F2.0" and formats["R1"] == "F2.0" and formats["respondent"] == "F1.0"
    assert formats["C1__thuis"] == "F1.0" and formats["O1_t_wachttijd"] == "F1.0"
    assert formats["N1"] == "F8.2"  # 2.5 and 12
    assert formats["week"] == "EDATE10"
    assert " ".join(meta.notes).startswith("Een lege cel bij taal of achtergrond: niet bekend, of weggelaten")
    assert meta.missing_user_values.get("taal") == [""] or {r["lo"] for r in meta.missing_ranges["taal"]} == {""}
