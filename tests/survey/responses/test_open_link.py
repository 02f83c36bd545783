"""The open link: a new response on the first sent step, resuming with the browser cookie or a resume
code, final means final, double submits store once."""

from sqlalchemy import func, select

from survey.responses.models import Channel, Response, ResponseStatus
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
