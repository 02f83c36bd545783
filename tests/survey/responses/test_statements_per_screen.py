"""How many SQL statements one screen of one question per screen costs: a GET and a POST of each step of
a questionnaire with every question type, for a new visitor on the open link and for a personal
invitee. The bounds are what the request path needs now; a change that adds a statement to every
screen makes this test fail (raise a bound only for a reason the commit states)."""

import pytest
from sqlalchemy import event

from tests.survey.responses.walk import fill

BASE = "/v/open-sleutel-1234"
#: the most statements a screen may cost, per way in. Open link: the survey (with the region's house style)
#: and the response with its answers, in one Core statement; a POST adds the position and lock (one UPDATE)
#: and the answers' insert; the first POST makes the response already at its step (one INSERT, no look-up
#: before it and no UPDATE after it) and inserts the answers; the last POST completes with one UPDATE (status,
#: erased secrets and lock together). The first GET of a process reads the published questionnaire once. A
#: personal link reads its invitation and the ledger too, and its first and last POST tell the ledger (each in
#: its own transaction) and read the invitation's flags again after it, so that a batch applied between a double
#: click's two requests is not counted twice. A published questionnaire is read from the database once per
#: process, never per screen.
MOST = {
    "open": {"first GET": 2, "GET": 1, "POST": 3, "first POST": 2, "last POST": 6},
    "personal": {"first GET": 7, "GET": 4, "POST": 6, "first POST": 17, "last POST": 20},
}
#: a low mark (the open question follows) and a professional (the section for professionals follows)
ANSWERS = {"R1": "4", "A1": "prof", "Q1": "12"}


@pytest.fixture
def statements(db):
    seen = []

    def count(conn, cursor, sql, parameters, context, executemany):
        seen.append(sql)

    event.listen(db.engine, "before_cursor_execute", count)
    yield seen
    event.remove(db.engine, "before_cursor_execute", count)


def screens(client, url: str, statements: list) -> list[tuple[str, str, int]]:
    """(method, url, statements) for every request from the first screen to the thank-you redirect."""
    costs = []
    for _ in range(40):
        statements.clear()
        page = client.get(url)
        assert page.status_code == 200, url
        costs.append(("GET", url, len(statements)))
        statements.clear()
        sent = client.post(url, data=fill(page.get_data(as_text=True), ANSWERS))
        assert sent.status_code == 302, url
        costs.append(("POST", url, len(statements)))
        url = sent.headers["Location"]
        if "/vraag/" not in url:
            return costs
    raise AssertionError("the questionnaire did not end")


def over_bound(costs, way: str) -> list[tuple[str, str, int]]:
    last = len(costs) - 1
    kind = {0: "first GET", 1: "first POST", last: "last POST"}
    return [(method, url, n) for index, (method, url, n) in enumerate(costs) if n > MOST[way][kind.get(index, method)]]


def test_every_screen_of_the_open_link_stays_within_its_statements(client, make_survey, statements):
    make_survey()
    costs = screens(client, BASE + "/vraag/1", statements)
    assert len(costs) > 30  # every screen was walked
    assert over_bound(costs, "open") == []


def test_every_screen_of_a_personal_link_stays_within_its_statements(client, make_survey, make_invitation, statements):
    survey = make_survey()
    _invitation, token, _code = make_invitation(survey)
    costs = screens(client, f"/r/{token}/vraag/1", statements)
    assert len(costs) > 30
    assert over_bound(costs, "personal") == []
