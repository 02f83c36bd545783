"""The open link: a new response on the first sent step, resuming with the browser cookie or a resume
code, final means final, double submits store once."""

import re

import pytest
from sqlalchemy import func, select

from survey.responses.models import Answer, Channel, Response, ResponseStatus
from tests.survey.responses.walk import fill, walk

BASE = "/v/open-sleutel-1234"


def count(db, model=Response):
    return db.session.scalar(select(func.count()).select_from(model))


def test_opening_pages_creates_nothing_and_first_sent_step_creates_one_response(client, db, make_survey):
    make_survey()
    assert client.get(BASE).status_code == 200
    page = client.get(BASE + "/vraag/1")
    assert page.status_code == 200 and count(db) == 0
    sent = client.post(BASE + "/vraag/1", data=fill(page.get_data(as_text=True)))
    assert sent.status_code == 302 and sent.headers["Location"].endswith("/vraag/2")
    response = db.session.scalars(select(Response)).one()
    assert response.channel == Channel.OPEN_LINK and response.week.weekday() == 0


def test_complete_survey_by_open_link(client, db, make_survey):
    make_survey()
    end = walk(client, BASE, {"R1": "4", "O2": "Sneller bellen", "A1": "ouder"})
    assert end.status_code == 302 and "/klaar" in end.headers["Location"]
    response = db.session.scalars(select(Response)).one()
    assert response.status == ResponseStatus.COMPLETED and response.resume_hash is None
    answers = {(a.item_code, a.instance): a.value for a in response.answers}
    assert answers[("O2", "")] == "Sneller bellen"
    assert {("P1", "p1"), ("P1", "p2")} <= set(answers)
    assert ("Z1", "") not in answers
    thanks = client.get(end.headers["Location"])
    assert "Thank you" in thanks.get_data(as_text=True) or "Bedankt" in thanks.get_data(as_text=True)


def test_resume_by_cookie_in_the_same_browser_only(client, db, make_survey):
    make_survey()
    walk(client, BASE, {"T1": "2"}, stop_after=5)
    back = client.get(BASE)
    assert back.status_code == 302 and back.headers["Location"].endswith("/vraag/6")
    cookie = client.get_cookie("vl", path=BASE)
    assert cookie is not None and cookie.http_only and len(cookie.value) >= 40
    other_browser = client.application.test_client()
    assert other_browser.get(BASE).status_code == 200  # the welcome page: a fresh start
    assert other_browser.get(BASE + "/vraag/6").headers["Location"].endswith("/vraag/1")


def test_resume_code_continues_on_another_device_with_every_answer(client, db, make_survey):
    make_survey()
    walk(client, BASE, {"T1": "2", "R1": "3", "O2": "Eerder bellen"}, stop_after=7)
    page = client.get(BASE + "/vraag/8").get_data(as_text=True)
    later = client.post(BASE + "/vraag/8", data=fill(page, {"N1": "7"}, action="later"))
    assert later.status_code == 200
    code = re.search(r'class="resume-code"[^>]*><span[^>]*>[^<]*</span>([A-Z0-9-]+)<', later.get_data(as_text=True))
    assert code, later.get_data(as_text=True)
    response = db.session.scalars(select(Response)).one()
    assert code.group(1) not in str(vars(response))  # only a keyed hash is kept
    phone = client.application.test_client()
    resumed = phone.post(BASE + "/herstel", data={"code": code.group(1).lower()})
    assert resumed.status_code == 302
    continued = phone.get(resumed.headers["Location"])
    assert continued.headers["Location"].endswith("/vraag/8")  # where the respondent stopped
    earlier = phone.get(BASE + "/vraag/8").get_data(as_text=True)
    assert 'value="7" checked' in earlier
    end = walk(phone, BASE, start=8)
    assert "/klaar" in end.headers["Location"]
    response = db.session.scalars(select(Response)).one()
    answers = {a.item_code: a.value for a in response.answers}
    assert answers["T1"] == "2" and answers["O2"] == "Eerder bellen" and answers["N1"] == "7"
    assert response.resume_code_hash is None


def test_resume_code_also_works_on_the_code_page_and_wrong_codes_are_refused(client, db, make_survey):
    make_survey()
    walk(client, BASE, stop_after=2)
    page = client.get(BASE + "/vraag/3").get_data(as_text=True)
    later = client.post(BASE + "/vraag/3", data=fill(page, action="later")).get_data(as_text=True)
    code = re.search(r"</span>([A-Z0-9]{5}-[A-Z0-9]{5})<", later).group(1)
    other = client.application.test_client()
    wrong = other.post("/code", data={"code": "AAAAA-BBBBB"})
    assert wrong.status_code == 200 and "We kennen deze code niet" in wrong.get_data(as_text=True)
    right = other.post("/code", data={"code": code})
    assert right.status_code == 302 and right.headers["Location"].endswith(BASE)


def test_double_submitted_first_step_creates_one_response(client, db, make_survey):
    make_survey()
    data = fill(client.get(BASE + "/vraag/1").get_data(as_text=True))
    other_tab_without_cookie = client.application.test_client()
    assert client.post(BASE + "/vraag/1", data=data).status_code == 302
    assert client.post(BASE + "/vraag/1", data=data).status_code == 302
    assert other_tab_without_cookie.post(BASE + "/vraag/1", data=data).status_code == 302
    assert count(db) == 1


def test_replayed_final_post_changes_nothing_and_shows_already_done(client, db, make_survey):
    make_survey(
        document={
            "languages": ["nl"],
            "sections": [
                {"key": "S1", "questions": [{"code": "T1", "type": "stelling", "text": {"nl": "Ik kreeg snel hulp."}}]}
            ],
        }
    )
    page = client.get(BASE + "/vraag/1").get_data(as_text=True)
    data = fill(page, {"T1": "4"})
    assert "/klaar" in client.post(BASE + "/vraag/1", data=data).headers["Location"]
    replay = client.post(BASE + "/vraag/1", data={**data, "v-T1": "1"})
    assert replay.status_code == 410 and "U heeft deze vragenlijst al ingevuld" in replay.get_data(as_text=True)
    assert count(db) == 1 and db.session.scalar(select(Answer.value)) == "4"
    again = client.get(BASE)
    assert again.status_code == 410 and "Invullen voor iemand anders" in again.get_data(as_text=True)
    fresh = client.post(BASE + "/opnieuw")
    assert client.get(fresh.headers["Location"]).status_code == 200


def test_poll_code_leads_to_the_poll_without_welcome(client, db, make_survey):
    from tests.survey.responses.documents import small_poll_document

    make_survey(small_poll_document(), public_key=None, poll_code="WEB42", address="je", kind="peiling")
    typed = client.post("/code", data={"code": "web42"})
    assert typed.headers["Location"].endswith("/peiling/WEB42")
    assert client.get("/peiling/WEB42").headers["Location"].endswith("/peiling/WEB42/vraag/1?taal=nl")
    end = walk(client, "/peiling/WEB42")
    assert "/klaar" in end.headers["Location"]
    assert db.session.scalars(select(Response)).one().channel == Channel.POLL


@pytest.mark.parametrize("app_config", [{"WTF_CSRF_ENABLED": True}])
def test_expired_form_token_keeps_the_answer_and_asks_to_send_again(client, db, make_survey):
    make_survey()
    page = client.get(BASE + "/vraag/1").get_data(as_text=True)
    data = fill(page)
    assert data["csrf_token"]
    client.post(BASE + "/vraag/1", data=data)
    page = client.get(BASE + "/vraag/2").get_data(as_text=True)
    stale = client.post(BASE + "/vraag/2", data={**fill(page, {"T1": "2"}), "csrf_token": "verlopen"})
    html = stale.get_data(as_text=True)
    assert stale.status_code == 200 and "Deze pagina stond te lang open" in html
    assert 'value="2" checked' in html  # the choice is still there
    again = client.post(BASE + "/vraag/2", data=fill(html))
    assert again.status_code == 302 and again.headers["Location"].endswith("/vraag/3")
    assert [a.value for a in db.session.scalars(select(Answer).where(Answer.item_code == "T1"))] == ["2"]


@pytest.mark.parametrize("app_config", [{"WTF_CSRF_ENABLED": True}])
def test_a_form_token_signed_in_this_process_is_refused_in_another_browser_and_once_too_old(
    app, client, db, make_survey, monkeypatch
):
    """The question screen's token is signed once per process and session, and accepted without a second
    signature check only for the session it was made for and within its time limit."""
    import time

    make_survey()
    other = app.test_client()
    theirs = fill(other.get(BASE + "/vraag/1").get_data(as_text=True))["csrf_token"]
    data = fill(client.get(BASE + "/vraag/1").get_data(as_text=True))
    assert data["csrf_token"] != theirs
    refused = client.post(BASE + "/vraag/1", data={**data, "csrf_token": theirs})
    assert refused.status_code == 200 and "Deze pagina stond te lang open" in refused.get_data(as_text=True)
    later = time.time() + app.config.get("WTF_CSRF_TIME_LIMIT", 3600) + 60
    monkeypatch.setattr(time, "time", lambda: later)
    expired = client.post(BASE + "/vraag/1", data=data)
    assert expired.status_code == 200 and "Deze pagina stond te lang open" in expired.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Answer)) == 0


def test_simultaneous_first_steps_from_one_browser_make_one_response(app, db, make_survey):
    """Two requests racing on two threads (a double tap on a slow phone): one response."""
    import threading

    from flask.testing import FlaskClient

    make_survey()
    browser = app.test_client()
    data = fill(browser.get(BASE + "/vraag/1").get_data(as_text=True))
    cookie = browser.get_cookie("vl", path=BASE).value
    barrier, results = threading.Barrier(2), []

    def send():
        tab = FlaskClient(app, app.response_class)  # a plain client: each thread has its own context
        tab.set_cookie("vl", cookie, path=BASE)
        barrier.wait()
        results.append(tab.post(BASE + "/vraag/1", data=data).status_code)

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert results == [302, 302]
    assert count(db) == 1
