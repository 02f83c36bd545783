"""The read-only API: tokens per region with a scope, no cookies, Dutch errors, same numbers as the page."""

import csv
import hashlib
import io

import pytest
from sqlalchemy import select

from survey.accounts.models import Role
from survey.audit.models import AuditEntry
from survey.reports.api.models import ApiScope, ApiToken
from survey.reports.api.tokens import create_token
from tests.survey.reports import builders


@pytest.fixture
def token(db, region):
    def make(scope=ApiScope.AGGREGATES, of=None):
        _row, text = create_token(of or region, "Power BI", scope, None)
        db.session.commit()
        return {"Authorization": f"Bearer {text}"}

    return make


def test_beheerder_makes_a_token_that_is_shown_once_and_stored_hashed(client, db, region, make_user, login):
    login(make_user(region, Role.BEHEERDER))
    url = f"/beheer/{region.slug}/api-sleutels/"
    page = client.post(url, data={"name": "Dashboard gemeenteraad", "scope": "aggregates"}).get_data(as_text=True)
    text = page.split('value="', 1)[1].split('"', 1)[0] if 'id="nieuw-token"' in page else ""
    start = page.index('id="nieuw-token"')
    text = page[start:].split('value="', 1)[1].split('"', 1)[0]
    assert text.startswith("ceo_") and len(text) > 40
    row = db.session.scalars(select(ApiToken)).one()
    assert row.token_hash == hashlib.sha256(text.encode()).hexdigest()
    assert text not in (row.prefix, row.name, row.token_hash) and text.startswith(row.prefix)
    assert text not in client.get(url).get_data(as_text=True)  # never shown again
    assert client.get("/api/v1/vragenlijsten", headers={"Authorization": f"Bearer {text}"}).status_code == 200
    client.post(f"{url}{row.id}/intrekken")
    refused = client.get("/api/v1/vragenlijsten", headers={"Authorization": f"Bearer {text}"})
    assert refused.status_code == 401
    actions = [e.action for e in db.session.scalars(select(AuditEntry).order_by(AuditEntry.id))]
    assert actions == ["api_token.create", "api_token.revoke"]


def test_no_or_unknown_token_is_refused_in_dutch(client, example):
    for headers in ({}, {"Authorization": "Bearer ceo_verzonnen"}, {"Authorization": "Basic abc"}):
        response = client.get("/api/v1/vragenlijsten", headers=headers)
        assert response.status_code == 401
        assert response.get_json()["fout"].startswith("Er is een geldige API-sleutel nodig")
        assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_aggregates_token_cannot_read_responses(client, example, token):
    headers = token(ApiScope.AGGREGATES)
    assert client.get(f"/api/v1/vragenlijsten/{example.id}/resultaten", headers=headers).status_code == 200
    refused = client.get(f"/api/v1/vragenlijsten/{example.id}/antwoorden", headers=headers)
    assert refused.status_code == 403
    assert "Deze sleutel mag dit niet lezen" in refused.get_json()["fout"]


def test_another_regions_survey_is_not_found(client, example, token, make_region):
    other = make_region("west", "Utrecht West")
    headers = token(ApiScope.RESPONSES, of=other)
    for path in ("resultaten", "antwoorden", "codeboek"):
        response = client.get(f"/api/v1/vragenlijsten/{example.id}/{path}", headers=headers)
        assert response.status_code == 404
        assert response.get_json() == {
            "fout": "Niet gevonden. De vragenlijst bestaat niet of hoort bij een andere regio.",
            "status": 404,
        }
    assert client.get("/api/v1/vragenlijsten", headers=headers).get_json() == {"vragenlijsten": []}


def test_no_cookies_and_no_csrf(client, example, token, researcher):
    headers = token(ApiScope.RESPONSES)  # the client also carries a staff session cookie: it is ignored
    for path in (
        "/",
        "/openapi.json",
        "/vragenlijsten",
        f"/vragenlijsten/{example.id}/resultaten",
        f"/vragenlijsten/{example.id}/antwoorden",
    ):
        response = client.get("/api/v1" + path, headers=headers, buffered=True)
        assert response.status_code == 200, path
        assert "Set-Cookie" not in response.headers, path
    assert client.get("/api/v1/vragenlijsten").status_code == 401  # a staff session is no API token
    posted = client.post("/api/v1/vragenlijsten", headers=headers)
    assert posted.status_code == 405 and posted.get_json()["fout"] == "Dit adres beantwoordt alleen GET-verzoeken."


def test_results_have_the_numbers_of_the_page(client, example, token):
    data = client.get(f"/api/v1/vragenlijsten/{example.id}/resultaten", headers=token()).get_json()
    items = {i["code"]: i for i in data["items"]}
    assert (items["T1"]["n"], items["T1"]["positief"], items["T1"]["pct"]) == (8, 5, 62.5)
    assert (items["T1"]["weet_niet"], items["T1"]["nvt"]) == (1, 2)
    assert items["R1"]["gemiddelde_tekst"] == "7,2" and items["R1"]["mediaan"] == 7
    assert data["respons"] == {
        "uitgenodigd": 20,
        "gestart": 15,
        "afgerond": 12,
        "respons_pct": 60,
        "in_resultaten": 12,
        "bron": "uitnodigingen",
    }
    assert data["bescherming"] == {"k": 5, "signaal_onder": 30}
    themes = {t["sleutel"]: t for t in data["open_vragen"][0]["themas"]}
    assert themes["wachttijd"]["aantal"] == 2
    assert "Ik moest lang wachten op [PERSOON-1]." in themes["wachttijd"]["citaten"]
    assert "Jan de Vries" not in str(data)


def test_results_as_csv(client, example, token):
    response = client.get(
        f"/api/v1/vragenlijsten/{example.id}/resultaten?formaat=csv&uitsplitsing=gemeente",
        headers=token(),
        buffered=True,
    )
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))
    k1 = {r["groep"]: r for r in rows if r["item"] == "K1"}
    assert k1[""]["pct"] == "83.3333" and k1["Schiedam"]["pct"] == "60" and k1["Rotterdam"]["n"] == "7"
    t1 = {r["groep"]: r for r in rows if r["item"] == "T1"}
    assert t1["Schiedam"]["verborgen"] == "1" and t1["Schiedam"]["pct"] == ""


def test_response_export_is_scrubbed_and_audited(client, db, example, token):
    headers = token(ApiScope.RESPONSES)
    data = client.get(f"/api/v1/vragenlijsten/{example.id}/antwoorden", headers=headers, buffered=True).get_json()
    assert len(data["antwoorden"]) == 12
    texts = {r["O1"] for r in data["antwoorden"]} - {None}
    assert "Ik moest lang wachten op [PERSOON-1]." in texts and not any("Jan de Vries" in t for t in texts)
    assert "id" not in data["variabelen"] and data["variabelen"][:4] == ["respondent", "kanaal", "taal", "week"]
    as_csv = client.get(
        f"/api/v1/vragenlijsten/{example.id}/antwoorden?formaat=csv&scheiding=puntkomma", headers=headers, buffered=True
    )
    assert as_csv.data.decode("utf-8-sig").splitlines()[0].startswith("respondent;kanaal;taal;week")
    entries = list(db.session.scalars(select(AuditEntry).where(AuditEntry.action == "results.export")))
    assert [(e.details["via"], e.details["format"], e.actor_id) for e in entries] == [
        ("api", "json", None),
        ("api", "csv", None),
    ]
    assert all(e.details["token"] for e in entries)


def test_codebook_endpoint(client, example, token):
    data = client.get(f"/api/v1/vragenlijsten/{example.id}/codeboek", headers=token()).get_json()
    t1 = next(v for v in data["variabelen"] if v["naam"] == "T1")
    assert (
        t1["type"] == "getal"
        and {"code": "nvt", "label": "Niet van toepassing", "spss": 99.0, "ontbrekend": True} in t1["waarden"]
    )


def test_openapi_description_and_human_page(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["openapi"] == "3.1.0"
    assert set(spec["paths"]) == {
        "/vragenlijsten",
        "/vragenlijsten/{survey_id}/resultaten",
        "/vragenlijsten/{survey_id}/codeboek",
        "/vragenlijsten/{survey_id}/antwoorden",
    }
    assert spec["components"]["securitySchemes"]["token"] == {"type": "http", "scheme": "bearer"}
    page = client.get("/api/v1/").get_data(as_text=True)
    assert "GET /api/v1/vragenlijsten/{survey_id}/antwoorden" in page and "Authorization" in page


def test_unknown_address_gives_dutch_json(client):
    response = client.get("/api/v1/bestaat-niet")
    assert response.status_code == 404 and response.get_json()["status"] == 404


@pytest.mark.parametrize("app_config", [{"RATELIMIT_ENABLED": True, "API_RATE_LIMIT": "3 per minute"}])
def test_requests_are_throttled_per_token(client, example, token, app_config):
    first, second = token(), token()
    statuses = [client.get("/api/v1/vragenlijsten", headers=first).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    throttled = client.get("/api/v1/vragenlijsten", headers=first)
    assert throttled.get_json()["fout"] == "Te veel verzoeken. Wacht een minuut en probeer het opnieuw."
    assert client.get("/api/v1/vragenlijsten", headers=second).status_code == 200


def test_open_link_round_states_responses_without_invitations(client, db, region, token):
    survey = builders.make_survey(db, region)
    for value in ("4", "5"):
        builders.add_response(db, survey, {"T1": value})
    db.session.commit()
    data = client.get(f"/api/v1/vragenlijsten/{survey.id}/resultaten", headers=token()).get_json()
    assert data["respons"]["uitgenodigd"] is None and data["respons"]["afgerond"] == 2


def test_choice_questions_in_the_results(client, example, token):
    data = client.get(f"/api/v1/vragenlijsten/{example.id}/resultaten", headers=token()).get_json()
    c1 = next(c for c in data["keuzevragen"] if c["code"] == "C1")
    # 3 answered C1, fewer than k = 5: no counts per option, as on the page
    assert c1["meer_antwoorden"] is True and c1["n"] == 3
    assert c1["verborgen"] is True and c1["opties"] == []


def test_unknown_parameter_or_format_is_refused_in_dutch(client, example, token):
    """A typo is a clear 400, not silently a JSON answer where CSV was asked for."""
    url = f"/api/v1/vragenlijsten/{example.id}/resultaten"
    typo = client.get(f"{url}?fromaat=csv", headers=token())
    assert typo.status_code == 400 and typo.get_json()["fout"] == "Onbekende parameter: fromaat."
    wrong = client.get(f"{url}?formaat=cvs", headers=token())
    assert wrong.status_code == 400 and wrong.get_json()["fout"] == "formaat moet een van deze zijn: json, csv."
    posted = client.post(url, headers=token())
    assert posted.status_code == 405 and "GET" in posted.headers["Allow"]
