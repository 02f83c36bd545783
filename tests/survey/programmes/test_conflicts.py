"""Figures are never counted twice: a progress-report figure and a data-uitvraag figure for the same
quarter are a conflict shown with both origins, resolved by a person, never summed."""

import html
import io
from datetime import date
from decimal import Decimal

from openpyxl import Workbook
from sqlalchemy import select

from survey.accounts.models import Role
from survey.programmes.monitor.indicators import Measurement
from survey.programmes.overview import target_status
from tests.survey.programmes.factories import make_project, make_target

BASE = "/beheer/rijnmond/programma"
YEAR = date.today().year


def _sheet(indicator, period, value) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["indicator", "periode", "gemeente", "waarde", "opmerking"])
    sheet.append([indicator.name, period, None, value, None])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_progress_report_figure_and_an_upload_for_one_quarter_are_not_summed(client, login, db, region, make_user):
    leader = make_user(region, Role.PROJECTLEIDER, name="Fatima")
    project = make_project(region, leader=leader)
    target = make_target(region, project=project, cumulative=False)
    indicator = target.indicator
    staff = make_user(region, Role.ONDERZOEKER, name="Jan")
    login(staff)
    response = client.post(
        f"{BASE}/uitvraag/{indicator.indicator_set_id}/uploaden",
        data={
            "file": (io.BytesIO(_sheet(indicator, f"{YEAR}-K1", 5)), "monitor-k1.xlsx"),
            "source": "Aanbieder Horizon",
        },
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    assert target_status(target).value == Decimal(5)

    login(leader)
    form = html.unescape(client.get(f"{BASE}/project/{project.id}/voortgang?ronde={YEAR}-04").get_data(as_text=True))
    assert f"Al bekend voor 1e kwartaal {YEAR}: 5 kinderen (Aanbieder Horizon)" in form  # the value there
    client.post(
        f"{BASE}/project/{project.id}/voortgang",
        data={"round": f"{YEAR}-04", "status": "op_koers", "results": "Loopt.", f"figure_{indicator.id}": "7"},
    )
    db.session.expire_all()
    status = target_status(target)
    assert status.value is None and status.conflicts == (f"{YEAR}-K1",)  # neither 12 nor a silent choice

    notice = f"Niet meegeteld: 1e kwartaal {YEAR}. Twee waarden voor één periode wachten op een keuze."
    assert notice in html.unescape(client.get(f"{BASE}/project/{project.id}/").get_data(as_text=True))
    login(staff)
    project_page = html.unescape(client.get(f"{BASE}/project/{project.id}/").get_data(as_text=True))
    assert (
        notice in project_page and f'/indicator/{indicator.id}/#conflicten">Kies de waarde die telt</a>' in project_page
    )
    page = html.unescape(client.get(f"{BASE}/indicator/{indicator.id}/").get_data(as_text=True))
    assert "Waarden die op een keuze wachten" in page
    assert "Upload monitor-k1.xlsx, rij 2 (Aanbieder Horizon; Jan," in page
    assert f"Voortgangsrapportage {YEAR}-04 (Fatima," in page
    chosen = db.session.scalar(select(Measurement).where(Measurement.value == 7))
    assert client.post(f"{BASE}/meting/{chosen.id}/kiezen", data={"mode": "correction"}).status_code == 302
    db.session.expire_all()
    assert target_status(target).value == Decimal(7) and target_status(target).conflicts == ()
    upload_value = db.session.scalar(select(Measurement).where(Measurement.value == 5))
    assert upload_value.counted is False and chosen.corrects_id == upload_value.id
    assert chosen.resolved_by_id == staff.id
    page = html.unescape(client.get(f"{BASE}/indicator/{indicator.id}/").get_data(as_text=True))
    assert "Waarden die op een keuze wachten" not in page and "niet meegeteld" in page
    assert notice not in html.unescape(client.get(f"{BASE}/project/{project.id}/").get_data(as_text=True))


def test_the_form_shows_the_value_already_there_and_asks_what_to_do(client, login, db, region, make_user):
    staff = make_user(region, Role.ONDERZOEKER)
    target = make_target(region, cumulative=False)
    indicator = target.indicator
    login(staff)
    url = f"{BASE}/indicator/{indicator.id}/"
    assert client.post(url, data={"period": f"{YEAR}-K2", "value": "10", "source": "Gemeente"}).status_code == 302
    page = html.unescape(
        client.post(url, data={"period": f"{YEAR}-K2", "value": "12", "source": "Aanbieder"}).get_data(as_text=True)
    )
    assert "Hier staat al voor deze periode:" in page and "10 kinderen" in page
    assert db.session.scalar(select(Measurement).where(Measurement.value == 12)) is None
    client.post(url, data={"period": f"{YEAR}-K2", "value": "12", "source": "Aanbieder", "existing": "conflict"})
    assert target_status(target).value is None  # two values: no figure until chosen, never 22
    chosen = db.session.scalar(select(Measurement).where(Measurement.value == 10))
    client.post(f"{BASE}/meting/{chosen.id}/kiezen", data={"mode": "choose"})
    db.session.expire_all()
    assert target_status(target).value == Decimal(10)
    client.post(url, data={"period": f"{YEAR}-K2", "value": "11", "source": "Herstel", "existing": "correction"})
    db.session.expire_all()
    assert target_status(target).value == Decimal(11)


def test_another_regions_value_cannot_be_chosen(client, login, db, region, other_region, make_user):
    target = make_target(other_region)
    other = Measurement(indicator_id=target.indicator_id, period=f"{YEAR}-K1", value=Decimal(3))
    db.session.add(other)
    db.session.commit()
    login(make_user(region, Role.ONDERZOEKER))
    assert client.post(f"{BASE}/meting/{other.id}/kiezen", data={"mode": "choose"}).status_code == 404
