"""The OData v4 feed read by a real OData client (python-odata) as Power BI and Excel read it: $metadata,
entity sets, $select, $filter on round and group, $top/$skip paging with next links, the same tokens,
small-cell protection and scrubbing as the rest of the API."""

from urllib.parse import urlsplit

import pytest
import requests
from odata import ODataService
from requests.structures import CaseInsensitiveDict
from sqlalchemy import select

from survey.audit.models import AuditEntry
from survey.reports.api import odata as feed
from survey.reports.api.models import ApiScope
from survey.reports.api.tokens import create_token

ROOT = "http://localhost/api/v1/odata/"


class FlaskAdapter(requests.adapters.BaseAdapter):
    """Hands the client's HTTP requests to the Flask test client (no server, no port)."""

    def __init__(self, client):
        super().__init__()
        self.client = client

    def send(self, request, **kwargs):
        url = urlsplit(request.url)
        # a real connection decompresses what the server compressed; this one asks for plain bytes instead
        headers = {k: v for k, v in request.headers.items() if k.lower() != "accept-encoding"}
        answer = self.client.open(
            url.path + (f"?{url.query}" if url.query else ""), method=request.method, headers=headers, data=request.body
        )
        response = requests.Response()
        response.status_code, response._content = answer.status_code, answer.data
        response.headers = CaseInsensitiveDict(answer.headers)
        response.url, response.request, response.encoding = request.url, request, "utf-8"
        return response

    def close(self):
        pass


@pytest.fixture
def connect(client, db, region):
    def make(scope=ApiScope.AGGREGATES):
        _row, text = create_token(region, "Power BI", scope, None)
        db.session.commit()
        session = requests.Session()
        session.mount("http://", FlaskAdapter(client))
        session.headers["Authorization"] = f"Bearer {text}"
        return ODataService(ROOT, reflect_entities=True, session=session, quiet_progress=True), session

    return make


def test_metadata_and_rounds_read_by_an_odata_client(connect, example):
    service, _session = connect()
    assert set(service.entities) == {"Rondes", "Items", "Resultaten"}  # no responses without that scope
    Ronde = service.entities["Rondes"]
    rounds = service.query(Ronde).all()
    assert [(r.Id, r.Afgerond) for r in rounds] == [(example.id, 12)]
    Item = service.entities["Items"]
    codes = [i.Code for i in service.query(Item).filter(Item.RondeId == example.id).all()]
    assert {"T1", "K1", "R1", "O1"} <= set(codes)


def test_results_filtered_by_round_and_group_with_the_pages_protection(connect, example, client):
    service, session = connect()
    Resultaat = service.entities["Resultaten"]
    totals = service.query(Resultaat).filter(Resultaat.RondeId == example.id).filter(Resultaat.Groep == "totaal")
    t1 = next(r for r in totals.all() if r.Item == "T1")
    page = client.get(
        f"/api/v1/vragenlijsten/{example.id}/resultaten", headers={"Authorization": session.headers["Authorization"]}
    ).get_json()
    expected = next(i for i in page["items"] if i["code"] == "T1")
    assert (t1.N, t1.Positief, t1.Pct) == (expected["n"], expected["positief"], pytest.approx(expected["pct"]))
    groups = {r.Groep for r in service.query(Resultaat).filter(Resultaat.RondeId == example.id).all()}
    assert {"totaal", "gemeente=Rotterdam", "gemeente=Schiedam"} <= groups
    assert "taal=ar" not in groups  # two respondents: too small to show, so not offered at all
    rotterdam = service.query(Resultaat).filter(Resultaat.Groep == "gemeente=Rotterdam").all()
    assert rotterdam and all(r.Groep == "gemeente=Rotterdam" for r in rotterdam)
    hidden = [r for r in service.query(Resultaat).all() if r.Verborgen]
    assert all(r.N is None and r.Pct is None for r in hidden)


def test_select_top_skip_and_server_paging(connect, example, client, monkeypatch):
    service, session = connect()
    Item = service.entities["Items"]
    everything = [i.Id for i in service.query(Item).all()]
    second_page = [i.Id for i in service.query(Item).offset(2).limit(3).all()]
    assert second_page == everything[2:5]
    monkeypatch.setattr(feed, "PAGE_SIZE", 4)  # the client follows @odata.nextLink to the end
    assert [i.Id for i in service.query(Item).all()] == everything
    raw = client.get(
        "/api/v1/odata/Items?$select=Code&$top=5&$count=true",
        headers={"Authorization": session.headers["Authorization"]},
    ).get_json()
    assert raw["@odata.count"] == len(everything) and set(raw["value"][0]) == {"Code"}
    assert "%24skip=4" in raw["@odata.nextLink"] and "%24top=1" in raw["@odata.nextLink"]


def test_bad_queries_get_a_dutch_odata_error(connect, example, client):
    _service, session = connect()
    headers = {"Authorization": session.headers["Authorization"]}
    for query, words in (
        ("$filter=Tekst eq 'x'", "Filteren op Tekst kan niet"),
        ("$filter=RondeId gt 3", "Deze $filter wordt niet ondersteund"),
        ("$select=Geheim", "Onbekende eigenschap in $select"),
        ("$top=-1", "$top moet een heel getal"),
    ):
        response = client.get(f"/api/v1/odata/Resultaten?{query}", headers=headers)
        assert response.status_code == 400 and words in response.get_json()["error"]["message"], query
    assert client.get("/api/v1/odata/Antwoorden", headers=headers).status_code == 403
    assert client.get("/api/v1/odata/Rondes").status_code == 401
    # a round number beyond PostgreSQL's integer is no round, not a server error
    huge = client.get("/api/v1/odata/Resultaten?$filter=RondeId eq 23762382885", headers=headers)
    assert huge.status_code == 200 and huge.get_json()["value"] == []


def test_responses_are_scrubbed_long_rows_and_audited(connect, example, db, client):
    service, session = connect(ApiScope.RESPONSES)
    Antwoord = service.entities["Antwoorden"]
    rows = service.query(Antwoord).filter(Antwoord.RondeId == example.id).all()
    counted = client.get(
        f"/api/v1/odata/Antwoorden?$filter=RondeId eq {example.id}&$count=true&$top=1",
        headers={"Authorization": session.headers["Authorization"]},
    ).get_json()
    assert counted["@odata.count"] == len(rows)  # completed responses times variables, the others not counted
    by_variable = {}
    for row in rows:
        by_variable.setdefault(row.Variabele, []).append(row)
    assert len(by_variable["T1"]) == 12 and all(r.Getal is not None for r in by_variable["T1"] if r.Waarde)
    texts = " ".join(r.Waarde or "" for r in by_variable["O1"])
    assert "[PERSOON-1]" in texts and "[TELEFOONNUMMER-1]" in texts
    for raw in ("Jan de Vries", "06-12345678", "Piet"):
        assert raw not in texts
    assert "O1_ruw" not in by_variable
    entries = list(db.session.scalars(select(AuditEntry).where(AuditEntry.action == "results.export")))
    assert entries and all(e.details["format"] == "odata" and e.details["via"] == "api" for e in entries)
