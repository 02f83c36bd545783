"""The monitor: data requests, indicators, the XLSX template, uploads (all or nothing), pseudonyms."""

import html
import io
from decimal import Decimal

from openpyxl import load_workbook
from sqlalchemy import func, select, text

from analysis.files.uploads import pseudonymise
from survey.accounts.models import Role
from survey.audit.models import AuditEntry
from survey.database import Base
from survey.programmes.monitor.indicators import Indicator, IndicatorSet, Measurement, MeasurementUpload, PseudonymKey
from tests.survey.programmes.factories import (
    make_indicator,
    make_indicator_set,
    make_programme,
    make_target,
)

BASE = "/beheer/rijnmond/programma"


def values(db):
    return db.session.scalar(select(func.count()).select_from(Measurement))


def upload(client, indicator_set, data: bytes, filename: str, source="Aanbieder Horizon"):
    return client.post(
        f"{BASE}/uitvraag/{indicator_set.id}/uploaden",
        data={"file": (io.BytesIO(data), filename), "source": source},
        content_type="multipart/form-data",
    )


def monitor(region, pseudonym_column=None):
    programme = make_programme(region, gemeenten=["Schiedam", "Vlaardingen"])
    indicator_set = make_indicator_set(region, programme=programme, pseudonym_column=pseudonym_column)
    make_indicator(region, indicator_set=indicator_set, name="Kinderen naar gezin")
    make_indicator(region, indicator_set=indicator_set, name="POH-jeugd", per_gemeente=True)
    return indicator_set


def test_data_request_and_indicator_are_made_through_the_pages(client, login, db, region, make_user):
    login(make_user(region, Role.ONDERZOEKER))
    programme = make_programme(region)
    assert client.get(f"{BASE}/{programme.id}/indicatoren/nieuw").status_code == 302  # a set comes first
    page = client.post(
        f"{BASE}/{programme.id}/uitvragen/nieuw", data={"name": "Monitor", "pseudonym_column": "bsn"}
    ).get_data(as_text=True)
    assert "Het platform bewaart nooit een BSN." in page
    client.post(f"{BASE}/{programme.id}/uitvragen/nieuw", data={"name": "Monitor", "pseudonym_column": ""})
    indicator_set = db.session.scalar(select(IndicatorSet))
    page = client.post(
        f"{BASE}/{programme.id}/indicatoren/nieuw",
        data={
            "name": "Uniek",
            "indicator_set": str(indicator_set.id),
            "period_type": "quarter",
            "aggregation": "distinct",
        },
    ).get_data(as_text=True)
    assert "alleen in een data-uitvraag met een pseudoniemkolom" in page
    client.post(
        f"{BASE}/{programme.id}/indicatoren/nieuw",
        data={
            "name": "Wachttijd  vroeghulp",
            "indicator_set": str(indicator_set.id),
            "unit": "weken",
            "period_type": "month",
            "aggregation": "mean",
        },
    )
    indicator = db.session.scalar(select(Indicator))
    assert (indicator.name, indicator.period_type.value, indicator.aggregation.value) == (
        "Wachttijd vroeghulp",
        "month",
        "mean",
    )
    page = client.post(f"{BASE}/indicator/{indicator.id}/", data={"period": "2026-K1", "value": "3"})
    assert "Vul een maand in, zoals 2026-03." in page.get_data(as_text=True)
    client.post(f"{BASE}/indicator/{indicator.id}/", data={"period": "maart 2026", "value": "7,5"})
    again = client.post(f"{BASE}/indicator/{indicator.id}/", data={"period": "2026-03", "value": "8"})
    assert "Er is al een waarde voor deze periode" in again.get_data(as_text=True)
    stored = db.session.scalar(select(Measurement))
    assert (stored.period, stored.value) == ("2026-03", Decimal("7.5"))
    listing = client.get(f"{BASE}/{programme.id}/indicatoren").get_data(as_text=True)
    assert "Wachttijd vroeghulp" in listing


def test_template_opens_and_round_trips_through_the_upload(client, login, db, region, make_user):
    login(make_user(region, Role.BEHEERDER))
    indicator_set = monitor(region)
    response = client.get(f"{BASE}/uitvraag/{indicator_set.id}/sjabloon.xlsx?periode=2026-K1")
    assert response.status_code == 200 and response.mimetype.endswith("spreadsheetml.sheet")
    workbook = load_workbook(io.BytesIO(response.data))
    assert workbook.sheetnames == ["Toelichting", "Gegevens", "Lijsten", "Indicatoren"]
    assert "BSN" in " ".join(str(c.value) for c in workbook["Toelichting"]["A"] if c.value)
    sheet = workbook["Gegevens"]
    rows = [list(r) for r in sheet.iter_rows(values_only=True) if any(r)]
    assert rows[0] == ["indicator", "periode", "gemeente", "waarde", "opmerking"]
    assert rows[1:] == [
        ["Kinderen naar gezin", "2026-K1", None, None, None],
        ["POH-jeugd", "2026-K1", "Schiedam", None, None],
        ["POH-jeugd", "2026-K1", "Vlaardingen", None, None],
    ]
    assert {str(v.sqref).split(":")[0] for v in sheet.data_validations.dataValidation} == {"A2", "C2", "D2"}
    for row, value in zip(range(2, 5), (4, 12.5, "7,5"), strict=True):
        sheet.cell(row=row, column=4, value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = upload(client, indicator_set, buffer.getvalue(), "ingevuld.xlsx")
    assert response.status_code == 302
    stored = {(m.indicator.name, m.gemeente): m.value for m in db.session.scalars(select(Measurement))}
    assert stored == {
        ("Kinderen naar gezin", ""): Decimal(4),
        ("POH-jeugd", "Schiedam"): Decimal("12.5"),
        ("POH-jeugd", "Vlaardingen"): Decimal("7.5"),
    }
    assert db.session.scalar(select(MeasurementUpload)).row_count == 3
    page = client.get(f"{BASE}/uitvraag/{indicator_set.id}/uploaden").get_data(as_text=True)
    assert "3 waarden zijn ingelezen." in page and "ingevuld.xlsx" in page


def test_bad_rows_are_reported_by_row_and_nothing_is_imported(client, login, db, region, make_user):
    login(make_user(region, Role.BEHEERDER))
    indicator_set = monitor(region)
    csv = (
        "indicator;periode;gemeente;waarde;opmerking\n"
        "Kinderen naar gezin;2026-K1;;4;\n"
        "Kinderen naar gezin;2026-K2;;vier;\n"
        "Bestaat niet;2026-K1;;1;\n"
        "POH-jeugd;2026-K1;Atlantis;1;\n"
        "Kinderen naar gezin;K1 2026;;5;\n"
        "Kinderen naar gezin;2026-K3;;-3;\n"
    ).encode("cp1252")
    response = upload(client, indicator_set, csv, "fout.csv")
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 200 and "Er is niets ingelezen" in page
    assert "Het bestand heeft 5 problemen." in page
    for row, message in (
        (3, "'vier' is geen getal."),
        (4, "'Bestaat niet' is geen indicator"),
        (5, "'Atlantis' is geen gemeente"),
        (6, "staan al in rij 2"),
        (7, "'-3' is kleiner dan nul: de waarde van een indicator is een getal van 0 of meer."),
    ):
        assert f"<td>{row}</td>" in page and message in page
    assert values(db) == 0 and db.session.scalar(select(func.count()).select_from(MeasurementUpload)) == 0
    assert db.session.scalar(select(AuditEntry.action).order_by(AuditEntry.id.desc())) == "measurements.upload_refused"


def test_csv_in_cp1252_with_semicolons_and_dutch_decimals(client, login, db, region, make_user):
    login(make_user(region, Role.BEHEERDER))
    indicator_set = monitor(region)
    csv = "Indicator;Periode;Gemeente;Waarde;Opmerking\nKinderen naar gezin;2026-K1;;1.234,5;geschat – ë\n"
    response = upload(client, indicator_set, csv.encode("cp1252"), "cijfers.csv")
    assert response.status_code == 302
    stored = db.session.scalar(select(Measurement))
    assert stored.value == Decimal("1234.5") and stored.remark == "geschat – ë"
    again = upload(client, indicator_set, csv.encode("utf-8-sig"), "cijfers.csv")
    assert "al een waarde opgeslagen" in again.get_data(as_text=True) and values(db) == 1
    other_source = upload(client, indicator_set, csv.encode("utf-8"), "cijfers.csv", source="Gemeente Schiedam")
    assert other_source.status_code == 302 and values(db) == 2
    first = db.session.scalars(select(MeasurementUpload).order_by(MeasurementUpload.id)).first()
    client.post(f"{BASE}/upload/{first.id}/verwijderen")
    assert values(db) == 1


def test_empty_file_and_bsn_column_are_refused(client, login, db, region, make_user):
    login(make_user(region, Role.BEHEERDER))
    indicator_set = monitor(region)
    assert "Het bestand is leeg." in upload(client, indicator_set, b"", "leeg.csv").get_data(as_text=True)
    assert values(db) == 0
    csv = "indicator;periode;waarde;cliënt\n" + "".join(
        f"Kinderen naar gezin;2026-K{i};1;{bsn}\n" for i, bsn in enumerate(("111222333", "123456782"), 1)
    )
    page = html.unescape(upload(client, indicator_set, csv.encode(), "met-bsn.csv").get_data(as_text=True))
    assert "Kolom 'cliënt' lijkt burgerservicenummers (BSN) te bevatten: 2 van de 2" in page
    assert "111222333" not in page and values(db) == 0


def _all_stored_text(db) -> str:
    """Every value in every table, as one string (SQLite and PostgreSQL alike)."""
    parts = []
    for table in Base.metadata.sorted_tables:
        for row in db.session.execute(text(f'SELECT * FROM "{table.name}"')):  # noqa: S608 - table names
            parts.append(repr(tuple(row)))
    return "\n".join(parts)


def test_pseudonym_column_is_hashed_with_the_region_key_and_the_original_is_not_stored(
    client, login, db, region, make_user
):
    login(make_user(region, Role.BEHEERDER))
    indicator_set = monitor(region, pseudonym_column="kindnummer")
    template = load_workbook(io.BytesIO(client.get(f"{BASE}/uitvraag/{indicator_set.id}/sjabloon.xlsx").data))
    assert [c.value for c in template["Gegevens"][1]] == [
        "indicator",
        "periode",
        "gemeente",
        "kindnummer",
        "waarde",
        "opmerking",
    ]
    csv = (
        "indicator;periode;gemeente;kindnummer;waarde\nKinderen naar gezin;2026-K1;;KND-4711-X;1\n"
        "Kinderen naar gezin;2026-K1;;KND-0815-Y;1\n"
    )
    assert upload(client, indicator_set, csv.encode(), "kinderen.csv").status_code == 302
    key = db.session.get(PseudonymKey, region.id).key
    stored = sorted(m.pseudonym for m in db.session.scalars(select(Measurement)))
    assert stored == sorted([pseudonymise("KND-4711-X", key), pseudonymise("KND-0815-Y", key)])
    everything = _all_stored_text(db)
    for original in ("KND-4711-X", "KND-0815-Y", "4711-X", "0815-Y"):
        assert original not in everything and original.lower() not in everything
    page = client.get(f"{BASE}/indicator/{db.session.scalar(select(Measurement.indicator_id))}/")
    assert "KND-4711" not in page.get_data(as_text=True) and key.hex() not in page.get_data(as_text=True)


def test_an_indicator_with_a_target_cannot_be_deleted(client, login, db, region, make_user):
    login(make_user(region, Role.BEHEERDER))
    target = make_target(region)
    response = client.post(f"{BASE}/indicator/{target.indicator_id}/verwijderen", follow_redirects=True)
    assert "Deze indicator hoort bij een doel." in response.get_data(as_text=True)
    assert db.session.get(Indicator, target.indicator_id) is not None
