"""Live polls: a short code and QR link lead to the open flow; the presenter screen shows results as they
come in, with groups under k hidden."""

import json
from datetime import date

from survey.questionnaires.models import Survey, SurveyKind
from survey.responses.models import Answer, Channel, Response, ResponseStatus


def answer(db, survey, **values):
    """Store one poll response the way the respondent flow does: week only, random id."""
    response = Response(
        survey_id=survey.id,
        version_id=survey.published_version.id,
        channel=Channel.POLL,
        status=ResponseStatus.COMPLETED,
        week=date(2026, 3, 2),
        background={},
    )
    response.answers = [Answer(item_code=code, value=value) for code, value in values.items()]
    db.session.add(response)
    db.session.commit()


def test_poll_code_and_qr_link_lead_to_the_open_link(client, db, researcher, make_survey):
    survey = make_survey(kind=SurveyKind.PEILING)
    client.post(f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/peiling/starten")
    survey = db.session.get(Survey, survey.id)
    assert len(survey.poll_code) == 6 and survey.public_key
    response = client.get(f"/p/{survey.poll_code.lower()}")
    assert response.status_code == 302 and response.headers["Location"] == f"/v/{survey.public_key}"
    assert client.get("/p/ONBEKEND").status_code == 404

    page = client.get(f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/peiling/scherm").get_data(as_text=True)
    assert '<svg class="qr qr-large" role="img" aria-label="QR-code om mee te doen aan de peiling"' in page
    assert survey.poll_code in page and "http://localhost/code" in page

    client.post(f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/peiling/stoppen")
    assert client.get(f"/p/{survey.poll_code}").status_code == 404


def test_presenter_updates_after_each_new_answer_and_hides_small_groups(client, db, researcher, make_survey):
    survey = make_survey(kind=SurveyKind.PEILING, min_cell=5)
    url = f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/peiling/uitslag.json"

    def p1():
        data = json.loads(client.get(url).data)
        return next(item for item in data["items"] if item["code"] == "P1")

    for n in range(4):
        answer(db, survey, P1="5", P2="gemeente", O1=f"tekst {n}")
    assert p1() == {"code": "P1", "answered": 4, "bars": None}  # fewer than k: nothing shown yet
    answer(db, survey, P1="4", P2="gemeente")
    bars = {b["code"]: b for b in p1()["bars"]}
    assert p1()["answered"] == 5
    assert bars["5"]["count"] is None and bars["4"]["count"] is None  # 4 and 1: both under k
    for _ in range(5):
        answer(db, survey, P1="5")
    answer(db, survey, P1="weet_niet")  # escape answers are not counted
    bars = {b["code"]: b for b in p1()["bars"]}
    assert p1()["answered"] == 10
    assert "weet_niet" not in bars
    # 9 + a hidden 1 = 10 answers: the 9 would give the 1 away, so it is hidden as well
    assert bars["5"]["count"] is None and bars["4"]["count"] is None
    answer(db, survey, P1="2")
    bars = {b["code"]: b for b in p1()["bars"]}
    # 9 of 11 shown would tell that the two hidden bars hold 2 answers together (fewer than k)
    assert bars["5"]["count"] is None
    for _ in range(3):
        answer(db, survey, P1="2")
    bars = {b["code"]: b for b in p1()["bars"]}
    assert bars["5"] == {"code": "5", "count": 9, "percent": 64}
    assert bars["4"]["count"] is None and bars["2"]["count"] is None and bars["1"]["count"] == 0
    assert all(item["code"] != "O1" for item in json.loads(client.get(url).data)["items"])  # no open answers


def test_presenter_screen_refreshes_without_javascript(client, db, researcher, make_survey):
    survey = make_survey(kind=SurveyKind.PEILING, min_cell=5)
    screen = f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/peiling/scherm"
    page = client.get(screen).get_data(as_text=True)
    assert '<noscript><meta http-equiv="refresh" content="5"></noscript>' in page
    assert "Wachten op minstens 5 antwoorden." in page
    for _ in range(6):
        answer(db, survey, P1="5")
    page = client.get(screen).get_data(as_text=True)
    assert "100 % (6)" in page


def test_after_closing_no_open_link_or_live_poll_is_offered_or_made(client, db, researcher, make_survey):
    survey = make_survey(kind=SurveyKind.PEILING)
    base = f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk"
    client.post(base + "/peiling/starten")
    assert db.session.get(Survey, survey.id).poll_code
    client.post(base + "/sluiten")
    key = db.session.get(Survey, survey.id).public_key
    assert db.session.get(Survey, survey.id).poll_code is None  # closing stops the poll code

    page = client.get(base + "/").get_data(as_text=True)
    closed = "Het veldwerk is gesloten: niemand kan nog meedoen, dus er is geen open link of live peiling."
    assert closed in page
    for offered in ("Live peiling starten", "Nieuwe open link maken", "Iedereen met deze link kan meedoen"):
        assert offered not in page

    for action in ("/peiling/starten", "/open-link"):
        response = client.post(base + action, follow_redirects=True)
        assert response.status_code == 200 and closed in response.get_data(as_text=True)
        assert "De peiling heeft een code" not in response.get_data(as_text=True)
    survey = db.session.get(Survey, survey.id)
    assert survey.poll_code is None and survey.public_key == key
