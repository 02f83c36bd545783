"""A screen of one question sent by the page's script (``X-Screen: 1``, static/js/respondent.js): the answer
is the next screen itself, one request per screen instead of a POST and a GET; everything else (no
script, the last step, an error, going back) stays POST/redirect/GET."""

import re

from sqlalchemy import event, select

from survey.responses.models import Answer, Response
from tests.survey.responses.test_statements_per_screen import MOST
from tests.survey.responses.walk import FormReader, fill, walk

BASE = "/v/open-sleutel-1234"
BY_SCRIPT = {"X-Screen": "1"}
TOKEN = re.compile(r'<input[^>]*name="csrf_token"[^>]*>')


def stored(db) -> dict:
    return {a.item_code: a.value for a in db.session.scalars(select(Answer))}


def radio_screen(client) -> tuple[str, str, str]:
    """From the first screen on, by script, to the first screen that asks for one choice: (its address, its
    page, the field name of the choice)."""
    url = BASE + "/vraag/1"
    page = client.get(url).get_data(as_text=True)
    for _ in range(10):
        radios = [n for n, f in FormReader(page).fields.items() if f["type"] == "radio"]
        if radios:
            return url, page, radios[0]
        sent = client.post(url, data=fill(page), headers=BY_SCRIPT)
        url, page = sent.headers["X-Screen-Location"], sent.get_data(as_text=True)
    raise AssertionError("no screen with one choice")


def test_the_answer_to_a_step_is_the_next_screen_as_its_address_shows_it(client, db, make_survey):
    make_survey(check_page=True)
    url, page, name = radio_screen(client)
    number = int(url.rsplit("/", 1)[1])
    choice = FormReader(page).fields[name]["options"][0]
    sent = client.post(url, data=fill(page, {name: choice}), headers=BY_SCRIPT)
    assert sent.status_code == 200 and sent.headers["X-Screen-Location"] == f"{BASE}/vraag/{number + 1}"
    assert stored(db)[name.split("-")[1]] == choice
    assert db.session.scalar(select(Response.position)) == number
    shown = sent.get_data(as_text=True)
    again = client.get(f"{BASE}/vraag/{number + 1}").get_data(as_text=True)
    assert TOKEN.sub("", shown) == TOKEN.sub("", again)  # the page a GET of its address gives (token aside)
    assert "data-screen" in shown
    # that screen's form goes on from there: its lock is the one the step left (another tab would be sent back
    # to its screen by a redirect)
    following = client.post(f"{BASE}/vraag/{number + 1}", data=fill(shown), headers=BY_SCRIPT)
    assert following.status_code == 200 and following.headers["X-Screen-Location"] == f"{BASE}/vraag/{number + 2}"


def test_a_whole_survey_by_script_takes_one_request_per_screen_and_stores_what_the_ordinary_way_does(
    app, client, db, make_survey
):
    make_survey(check_page=True)
    requests, url = 1, BASE + "/vraag/1"
    page = client.get(url).get_data(as_text=True)
    while True:
        sent = client.post(url, data=fill(page), headers=BY_SCRIPT)
        requests += 1
        if sent.status_code != 200:
            break
        url, page = sent.headers["X-Screen-Location"], sent.get_data(as_text=True)
    assert sent.status_code == 302 and sent.headers["Location"].endswith("/controle")  # the check page: a redirect
    screens = int(url.rsplit("/", 1)[1])
    assert screens >= 10 and requests == screens + 1  # one GET to begin with, then one POST per screen
    by_script = stored(db)
    db.session.query(Answer).delete()
    db.session.query(Response).delete()
    db.session.commit()
    walk(app.test_client(), BASE)  # another browser, the ordinary way
    assert stored(db) == by_script and len(by_script) >= 10


def test_an_error_going_back_and_the_last_step_are_answered_as_without_the_script(client, db, make_survey):
    make_survey()
    url, page, name = radio_screen(client)
    before = stored(db)
    refused = client.post(url, data=fill(page, {name: "99"}), headers=BY_SCRIPT)  # not one of the options
    assert refused.status_code == 200 and "X-Screen-Location" not in refused.headers
    assert 'id="foutmeldingen"' in refused.get_data(as_text=True) and stored(db) == before
    shown = client.post(url, data=fill(page), headers=BY_SCRIPT)
    number = int(shown.headers["X-Screen-Location"].rsplit("/", 1)[1])
    back = client.post(
        f"{BASE}/vraag/{number}", data=fill(shown.get_data(as_text=True), action="vorige"), headers=BY_SCRIPT
    )
    assert back.status_code == 302 and back.headers["Location"].endswith(url)
    last = walk(client, BASE, start=number)
    assert last.status_code == 302 and "/klaar" in last.headers["Location"]


def test_the_next_screen_in_place_costs_no_statement_more_than_sending_the_step(client, db, make_survey):
    """The POST that answers with the next screen reads nothing again: the visit it opened draws the next
    screen, so the ordinary bound of a POST holds (tests/survey/responses/test_statements_per_screen.py)."""
    seen = []

    def count(conn, cursor, sql, parameters, context, executemany):
        seen.append(sql)

    make_survey(check_page=True)
    url = BASE + "/vraag/1"
    page = client.get(url).get_data(as_text=True)
    costs = []
    event.listen(db.engine, "before_cursor_execute", count)
    try:
        while True:
            seen.clear()
            sent = client.post(url, data=fill(page), headers=BY_SCRIPT)
            if sent.status_code != 200:
                break
            costs.append(len(seen))
            url, page = sent.headers["X-Screen-Location"], sent.get_data(as_text=True)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert len(costs) >= 10 and max(costs[1:]) <= MOST["open"]["POST"], costs
