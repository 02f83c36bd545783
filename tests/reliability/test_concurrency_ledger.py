"""Two or three requests at once on every button of the respondent flow, through a live gunicorn server, on
SQLite and PostgreSQL: the first step, a later step, "Vorige", "Stop en ga later verder", the link and the
short code at once, and "Verzenden" on the check page. Never a 500, one response, and the ledger (pending
entry, day counters, and the invitation's flags once the batch is applied) counts the invitee once."""

import random
from datetime import date

import pytest

from bench.pages import fill, parse
from tests.reliability.browser import Browser
from tests.reliability.server import app_for, seed_ceo
from tests.reliability.test_concurrency import at_once, first_step, rows, step_data

pytestmark = pytest.mark.slow


@pytest.fixture
def live(shared_server):
    database_url, server = shared_server
    return database_url, seed_ceo(database_url, 3), server


def responses_of(database_url, survey_id):
    return rows(database_url, "SELECT id, status FROM response WHERE survey_id = :s", s=survey_id)


def counters(database_url, survey_id):
    return rows(
        database_url,
        "SELECT COALESCE(SUM(started), 0), COALESCE(SUM(completed), 0) FROM participation_day WHERE survey_id = :s",
        s=survey_id,
    )[0]


def pending(database_url, survey_id):
    return rows(database_url, "SELECT started_route, completed FROM ledger_pending WHERE survey_id = :s", s=survey_id)


def apply_batch(database_url, survey_id):
    """What fieldwork close does: every pending entry onto the invitations; returns the invitations' flags."""
    from survey.extensions import db
    from survey.fieldwork import ledger
    from survey.questionnaires.models import Survey

    app = app_for(database_url)
    with app.app_context():
        ledger.apply_pending(db.session.get(Survey, survey_id), force=True)
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    return sorted(
        tuple(r)
        for r in rows(
            database_url,
            "SELECT started, completed, started_route FROM invitation WHERE survey_id = :s "
            "AND (started IS TRUE OR completed IS TRUE)",
            s=survey_id,
        )
    )


def assert_no_server_error(results):
    assert all(r.status < 500 for r in results), [(r.status, r.body[:200]) for r in results]


def test_three_clicks_on_the_first_step_make_one_response_and_one_start(live):
    database_url, seed, server = live
    browser = Browser(server.url)
    page = first_step(browser, seed.links[0])
    data = step_data(page)
    results = at_once(*(lambda: browser.post(page.url, data) for _ in range(3)))
    assert_no_server_error(results)
    assert [r.status for r in results] == [302] * 3
    assert len(responses_of(database_url, seed.survey_id)) == 1
    assert pending(database_url, seed.survey_id) == [("link", False)]
    assert counters(database_url, seed.survey_id) == (1, 0)
    # the short code now says "use your link" instead of opening a second response …
    by_code = Browser(server.url).get(f"/r/{seed.codes[0]}")
    assert by_code.status == 409 and "dezelfde manier" in by_code.body
    # … and after the batch the invitation is started by the link, which still finds the answers
    assert apply_batch(database_url, seed.survey_id) == [(True, False, "link")]
    again = Browser(server.url).get(seed.links[0])
    assert again.status == 200 and "Welkom terug" in again.body


def test_the_link_and_the_short_code_at_once_give_one_response(live):
    database_url, seed, server = live
    by_link, by_code = Browser(server.url), Browser(server.url)
    pages = [first_step(by_link, seed.links[1]), first_step(by_code, f"/r/{seed.codes[1]}")]
    data = [step_data(p) for p in pages]
    results = at_once(lambda: by_link.post(pages[0].url, data[0]), lambda: by_code.post(pages[1].url, data[1]))
    assert_no_server_error(results)
    assert sorted(r.status for r in results) == [302, 409]  # one goes on, the other is told to use the first way
    assert len(responses_of(database_url, seed.survey_id)) == 1
    winner = "link" if results[0].status == 302 else "code"
    assert pending(database_url, seed.survey_id) == [(winner, False)]
    assert counters(database_url, seed.survey_id) == (1, 0)


@pytest.mark.parametrize("button", ["vorige", "later"])
def test_two_clicks_on_back_or_later_save_once_and_both_get_their_page(live, button):
    database_url, seed, server = live
    browser = Browser(server.url)
    page = first_step(browser, seed.links[2])
    second = browser.get(browser.post(page.url, step_data(page)).location)
    data = [(n, v) for n, v in step_data(second, 1) if n != "actie"] + [("actie", button)]
    results = at_once(*(lambda: browser.post(second.url, data) for _ in range(2)))
    assert_no_server_error(results)
    if button == "later":
        assert [r.status for r in results] == [200, 200]
        assert all("bewaard" in r.body for r in results)
    else:
        assert [r.status for r in results] == [302, 302]
        assert all(r.location.endswith("/vraag/1") for r in results)
    stored = rows(
        database_url,
        "SELECT a.item_code FROM answer a JOIN response r ON r.id = a.response_id "
        "WHERE r.survey_id = :s ORDER BY a.item_code",
        s=seed.survey_id,
    )
    assert [code for (code,) in stored] == ["T1", "T2"]  # the second step's answer kept once
    assert counters(database_url, seed.survey_id) == (1, 0)


def test_three_clicks_on_send_complete_once_and_none_fails(live):
    database_url, seed, server = live
    rows(database_url, "SELECT 1")  # the engine works before the server is busy
    from sqlalchemy import create_engine, text

    engine = create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE survey SET show_check_page = :t WHERE id = :s"), {"t": True, "s": seed.survey_id})
    engine.dispose()
    browser = Browser(server.url)
    check = walk_to_check(browser, seed.links[0])
    form = next(f for f in parse(check.body).forms if f.method == "post")
    data = list(form.hidden) + [b for b in form.buttons if b[0]]
    results = at_once(*(lambda: browser.post(check.url, data) for _ in range(3)))
    assert_no_server_error(results)
    # a click that arrives while another sends goes to the thank-you page too; one that arrives after it
    # was sent is told so (410 "al ingevuld", as any replay of a finished link)
    assert all(
        (r.status == 302 and "/klaar" in r.location) or (r.status == 410 and "al ingevuld" in r.body) for r in results
    ), [(r.status, r.location) for r in results]
    assert sum(r.status == 302 for r in results) >= 1
    assert [status for _, status in responses_of(database_url, seed.survey_id)] == ["completed"]
    assert pending(database_url, seed.survey_id) == [("link", True)]
    assert counters(database_url, seed.survey_id) == (1, 1)
    assert apply_batch(database_url, seed.survey_id) == [(True, True, "link")]
    assert Browser(server.url).get(seed.links[0]).status == 410


def walk_to_check(browser, link, max_steps=80):
    """Answer every step like a respondent until the check page."""
    rng = random.Random(date.today().toordinal())
    page = first_step(browser, link)
    for _ in range(max_steps):
        if page.url.endswith("/controle"):
            return page
        parsed = parse(page.body)
        form = next(f for f in parsed.forms if f.method == "post" and ("actie", "volgende") in f.buttons)
        answer = browser.post(page.url, fill(form, parsed.hints, rng, "dubbelklik"))
        page = browser.get(answer.location) if answer.status == 302 else answer
    raise AssertionError("no check page")
