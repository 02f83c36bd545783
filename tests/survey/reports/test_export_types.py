"""Every response export read back as a researcher would (pandas, openpyxl, pyreadstat): numeric items are
numeric columns with the same numbers in every format, escape answers 98/99 with their labels."""

import io

import numpy as np
import openpyxl
import pandas as pd
import pyreadstat
import pytest
from pandas.api.types import is_numeric_dtype

from tests.survey.reports.test_exports import NUMBERS, completed, export, survey  # noqa: F401

NUMERIC = ["respondent", "T1", "K1", "R1", "F1", "N1", "C1__thuis", "C1__school", "C1__anders", "O1_t_wachttijd"]


def expected(db, survey):  # noqa: F811
    """{column: values per completed response} from the database (98/99 for the escape answers)."""
    rows = []
    for response in completed(db, survey):
        answers = {a.item_code: a.value for a in response.answers}
        rows.append(
            {code: float(NUMBERS.get(answers[code], answers[code])) for code in ("T1", "K1", "R1", "F1")}
            | {"N1": float(answers["N1"])}
        )
    return {code: [row[code] for row in rows] for code in rows[0]}


def read(client, region, survey, tmp_path, fmt, **form):  # noqa: F811
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


@pytest.mark.parametrize("fmt, form", [("csv", {}), ("csv", {"delimiter": "semicolon"}), ("xlsx", {})])
def test_spreadsheet_exports_hold_the_spss_numbers(client, db, region, survey, researcher, tmp_path, fmt, form):  # noqa: F811
    frame = read(client, region, survey, tmp_path, fmt, **form)
    for column in NUMERIC:
        assert is_numeric_dtype(frame[column]), (column, frame[column].dtype)
    for code, values in expected(db, survey).items():
        assert frame[code].astype(float).tolist() == values, code
    assert {98.0, 99.0} <= set(frame["T1"])


@pytest.mark.parametrize("fmt", ["sav", "dta"])
def test_spss_and_stata_hold_the_same_numbers_with_missing_values(
    client,
    db,
    region,
    survey,  # noqa: F811
    researcher,
    tmp_path,
    fmt,
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


def test_labels_variant_is_text_but_keeps_the_grade_a_number(client, db, region, survey, researcher, tmp_path):  # noqa: F811
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
