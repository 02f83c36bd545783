"""The R pair: a CSV that read.csv reads with numeric columns, its codebook and inlezen.R, in one zip."""

import io
import json
import zipfile

import pandas as pd
import pyreadstat
from pandas.api.types import is_numeric_dtype
from sqlalchemy import select

from analysis.files.export_safety import csv_unprotect
from survey.audit.models import AuditEntry
from tests.survey.reports.test_exports import NUMERIC, RISKY, completed, expected, export, survey  # noqa: F401


def unzip(response):
    archive = zipfile.ZipFile(io.BytesIO(response.data))
    return {name: archive.read(name) for name in archive.namelist()}


def r_pair(client, region, survey, **form):  # noqa: F811
    response = export(client, region, survey, format="r", **form)
    files = unzip(response)
    data = next(v for k, v in files.items() if k.startswith("antwoorden"))
    codebook = files[f"codeboek-{survey.id}-2026.csv"]
    return response, files, pd.read_csv(io.BytesIO(data)), pd.read_csv(io.BytesIO(codebook))


def test_r_csv_has_numeric_columns_with_na_for_escapes(client, db, region, survey, researcher):  # noqa: F811
    response, files, frame, _codebook = r_pair(client, region, survey)
    name = f"antwoorden-R-{survey.id}-2026.zip"
    assert response.headers["Content-Disposition"] == f'attachment; filename="{name}"'
    assert response.mimetype == "application/zip"
    assert sorted(files) == [f"antwoorden-{survey.id}-2026.csv", f"codeboek-{survey.id}-2026.csv", "inlezen.R"]
    data = files[f"antwoorden-{survey.id}-2026.csv"]
    assert not data.startswith(b"\xef\xbb\xbf") and b";" not in data.splitlines()[0]  # R: no BOM, commas
    for column in NUMERIC:
        assert is_numeric_dtype(frame[column]), (column, frame[column].dtype)
    values = expected(db, survey)
    for code in ("K1", "R1", "F1", "N1"):
        assert frame[code].tolist() == values[code]
    # 98/99 are NA: a mean leaves them out, as SPSS does with its user-missing values
    assert [None if pd.isna(x) else x for x in frame["T1"]] == [None if v >= 98 else v for v in values["T1"]]
    assert 2.5 in frame["N1"].tolist()  # decimal point
    # generalised backgrounds (too few per combination) are NA, as empty cells in every other export
    assert frame["taal"].isna().all() and frame["gemeente"].isna().all()
    assert frame["week"].tolist() == [r.week.isoformat() for r in completed(db, survey)]
    texts = [csv_unprotect(t) for t in frame["O1"]]
    scrubbed = [{a.item_code: a for a in r.answers}["O1"].scrubbed_text for r in completed(db, survey)]
    assert texts == scrubbed and sorted(texts) == sorted(RISKY)  # every character back
    # five protected for a spreadsheet (a quote before = + - @), one that starts with a quote of its own
    assert frame["O1"].str.startswith("'").sum() == 6 and "Jan Jansen" not in data.decode()


def test_r_codebook_labels_match_the_spss_file(client, db, region, survey, researcher, tmp_path):  # noqa: F811
    _response, _files, frame, codebook = r_pair(client, region, survey)
    path = tmp_path / "export.sav"
    path.write_bytes(export(client, region, survey, format="sav").data)
    _sav, meta = pyreadstat.read_sav(str(path), user_missing=True)
    assert list(codebook.columns) == [
        "naam",
        "label",
        "type",
        "meetniveau",
        "r",
        "waarde",
        "code",
        "waardelabel",
        "ontbrekend",
    ]
    assert list(dict.fromkeys(codebook["naam"])) == list(frame.columns) == meta.column_names
    variables = codebook.drop_duplicates("naam").set_index("naam")
    assert variables["label"].to_dict() == meta.column_names_to_labels
    for name, labels in meta.variable_value_labels.items():
        rows = codebook[codebook["naam"] == name]
        assert dict(zip(rows["waarde"].astype(float), rows["waardelabel"], strict=True)) == labels, name
    assert meta.missing_ranges["T1"] == [{"lo": 98.0, "hi": 98.0}, {"lo": 99.0, "hi": 99.0}]
    t1 = codebook[codebook["naam"] == "T1"]
    assert t1.loc[t1["ontbrekend"], "waarde"].tolist() == [98, 99]
    assert t1["r"].iloc[0] == "ordered" and variables.loc["R1", "r"] == "numeric"
    assert variables.loc["C1__thuis", "r"] == "integer" and variables.loc["kanaal", "r"] == "factor"
    assert codebook["waarde"].dtype.kind in "if" and codebook["ontbrekend"].dtype == object  # TRUE/FALSE/NA


def test_r_script_reads_both_files_and_applies_the_labels(client, region, survey, researcher):  # noqa: F811
    _response, files, _frame, _codebook = r_pair(client, region, survey)
    script = files["inlezen.R"].decode()
    assert f'read.csv("antwoorden-{survey.id}-2026.csv", fileEncoding = "UTF-8"' in script
    assert f'read.csv("codeboek-{survey.id}-2026.csv", fileEncoding = "UTF-8"' in script
    assert "factor(x, levels = waarden, labels = regels$waardelabel" in script and "as.Date(x)" in script
    assert "# Leest de antwoorden" in script and "warning(" not in script


def test_raw_r_pair_is_marked_and_audited(client, db, region, survey, researcher):  # noqa: F811
    response, files, frame, codebook = r_pair(client, region, survey, raw_text="y")
    assert f"antwoorden-R-ONGESCHOOND-{survey.id}-2026.zip" in response.headers["Content-Disposition"]
    assert f"antwoorden-ONGESCHOOND-{survey.id}-2026.csv" in files
    assert files["LET-OP-ONGESCHOOND.txt"].decode().startswith("LET OP: dit bestand bevat de ONGESCHOONDE")
    assert "O1_ruw" in frame.columns and "O1" not in frame.columns
    assert "Ruwe tekst 0 van Jan Jansen" in set(frame["O1_ruw"])
    assert "ONGESCHOOND" in codebook.set_index("naam").loc["O1_ruw", "label"]
    assert 'warning("LET OP: dit bestand bevat de ONGESCHOONDE' in files["inlezen.R"].decode()
    entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "results.export_raw")).one()
    assert entry.details["format"] == "r" and entry.details["responses"] == 6
    assert "Jan Jansen" not in json.dumps(entry.details)
