"""Two requests at once against a live server: a double click, two tabs on one personal link, two staff
members editing the same question, two coders on the same answer. Each has a defined outcome; never a
lost update, never a 500."""

import threading

import pytest
from sqlalchemy import create_engine, text

from bench.load import answer_all
from bench.pages import parse
from tests.helpers import TEST_PASSWORD
from tests.reliability.browser import Browser, forms_of
from tests.reliability.server import add_staff, seed_ceo

pytestmark = pytest.mark.slow


def at_once(*calls):
    """Run the calls in threads released at the same moment; their results in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(n, call):
        barrier.wait()
        results[n] = call()

    threads = [threading.Thread(target=run, args=(n, c)) for n, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return results


def rows(database_url, sql, **params):
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            return conn.execute(text(sql), params).all()
    finally:
        engine.dispose()


def execute(database_url, sql, **params):
    engine = create_engine(database_url)
    try:
        with engine.begin() as conn:
            conn.execute(text(sql), params)
    finally:
        engine.dispose()


def step_data(page, value_index=0):
    """The step form as a respondent fills it: option ``value_index`` in every group, then "next"."""
    form = next(f for f in parse(page.body).forms if ("actie", "volgende") in f.buttons)
    data = list(form.hidden) + [(name, values[value_index]) for name, values in form.choices.items()]
    return data + [("actie", "volgende")]


def first_step(browser, link):
    welcome = browser.get(link)
    return browser.get(parse(welcome.body).start_link)


@pytest.fixture
def live(shared_server):
    """A survey of its own (three invitees) on the module's server."""
    database_url, server = shared_server
    return database_url, seed_ceo(database_url, 3), server


def answers_of(database_url, survey_id):
    return rows(
        database_url,
        "SELECT r.id, a.item_code, a.value FROM response r JOIN answer a ON a.response_id = r.id "
        "WHERE r.survey_id = :s ORDER BY a.item_code",
        s=survey_id,
    )


def test_a_double_click_on_a_step_makes_one_response_with_one_answer(live):
    database_url, seed, server = live
    browser = Browser(server.url)
    page = first_step(browser, seed.links[0])
    first = step_data(page)
    results = at_once(lambda: browser.post(page.url, first), lambda: browser.post(page.url, first))
    assert [r.status for r in results] == [302, 302]
    assert {r.location.rsplit("/", 1)[-1] for r in results} == {"2"}

    page = browser.get(results[0].location)
    second = step_data(page, 1)
    results = at_once(lambda: browser.post(page.url, second), lambda: browser.post(page.url, second))
    assert [r.status for r in results] == [302, 302]
    stored = answers_of(database_url, seed.survey_id)
    assert len({r for r, _, _ in stored}) == 1  # one response
    assert sorted(code for _, code, _ in stored) == ["T1", "T2"]  # one answer per question
    assert len(rows(database_url, "SELECT id FROM response WHERE survey_id = :s", s=seed.survey_id)) == 1


def test_two_tabs_on_one_personal_link_never_overwrite_each_other_silently(live):
    database_url, seed, server = live
    browser = Browser(server.url)
    page = first_step(browser, seed.links[1])
    second = browser.get(browser.post(page.url, step_data(page)).location)
    tab_a, tab_b = step_data(second, 0), step_data(second, 4)  # two different answers to T2
    results = at_once(lambda: browser.post(second.url, tab_a), lambda: browser.post(second.url, tab_b))
    assert sorted(r.status for r in results) == [302, 302]
    targets = sorted(r.location.rsplit("/", 1)[-1] for r in results)
    assert targets == ["2", "3"]  # one went on; the other is sent back to the same question
    winner = results[0] if results[0].location.endswith("/3") else results[1]
    stored = dict((code, value) for _, code, value in answers_of(database_url, seed.survey_id))
    sent = dict(tab_a if winner is results[0] else tab_b)
    assert stored["T2"] == sent["v-T2"]
    loser = browser.get(results[1].location if winner is results[0] else results[0].location)
    assert "ook open in een ander venster" in loser.body and loser.status == 200


def test_two_staff_members_saving_the_same_question_one_is_told_and_nothing_is_lost(live):
    database_url, seed, server = live
    editors = []
    for n in range(2):
        browser = Browser(server.url)
        browser.login(add_staff(database_url, f"redacteur{n}.{seed.survey_id}@example.org"), TEST_PASSWORD)
        editors.append(browser)
    url = f"/beheer/{seed.region_slug}/vragenlijsten/{seed.survey_id}/vragen/T1"
    pages = [e.get(url) for e in editors]
    forms = [next(f for f in forms_of(p.body) if f.value("text") is not None) for p in pages]
    texts = ["Ik wist snel waar ik heen kon.", "Ik wist meteen bij wie ik moest zijn."]
    for form, new in zip(forms, texts, strict=True):
        form.set("text", new)
    results = at_once(*(lambda e=e, p=p, f=f: e.submit(p, f) for e, p, f in zip(editors, pages, forms, strict=True)))
    statuses = sorted(r.status for r in results)
    assert statuses == [200, 302], statuses
    saved = texts[[r.status for r in results].index(302)]
    told = results[[r.status for r in results].index(200)]
    assert "Iemand anders heeft deze vragenlijst intussen gewijzigd" in told.body
    document = rows(
        database_url, "SELECT document FROM survey_version WHERE survey_id = :s AND status = 'draft'", s=seed.survey_id
    )[0][0]
    assert saved in str(document) and texts[texts.index(saved) - 1] not in str(document)


def test_two_coders_saving_the_same_answer_one_is_told_and_nothing_is_lost(live):
    """The coding screen keeps an optimistic lock on ``CodedAnswer``: two coders who opened the same answer
    and confirm at once cannot both win; the other is sent back to the answer with a message."""
    database_url, seed, server = live
    respondent = answer_all(server.url, seed.links[:1], timeout=120)[0]
    assert respondent.completed
    answer_id = rows(
        database_url,
        "SELECT a.id FROM answer a JOIN response r ON r.id = a.response_id "
        "WHERE r.survey_id = :s AND a.item_code = 'O1'",
        s=seed.survey_id,
    )[0][0]
    # one response is fewer than k, so the batch that scrubs it has not run: its scrubbed copy is set here,
    # as coders only code an answer they can read
    execute(database_url, "UPDATE answer SET scrubbed_text = value WHERE id = :a", a=answer_id)
    url = f"/beheer/{seed.region_slug}/coderen/antwoorden/{answer_id}"
    coders, pages, forms = [], [], []
    for n, sentiment in enumerate(("positief", "negatief")):
        coder = Browser(server.url)
        coder.login(add_staff(database_url, f"codeur{n}.{seed.survey_id}@example.org", role="codeur"), TEST_PASSWORD)
        page = coder.get(url)
        assert page.status == 200, page.body[:300]
        form = next(f for f in forms_of(page.body) if f.value("lock_version") is not None)
        form.set("sentiment", sentiment)
        coders.append(coder), pages.append(page), forms.append(form)
    results = at_once(*(lambda c=c, p=p, f=f: c.submit(p, f) for c, p, f in zip(coders, pages, forms, strict=True)))
    assert [r.status for r in results] == [302, 302]
    sent_back = [r.location.split("?")[0].endswith(f"/antwoorden/{answer_id}") for r in results]
    assert sorted(sent_back) == [False, True]
    loser = coders[sent_back.index(True)]
    told = loser.get(results[sent_back.index(True)].location)
    assert "Iemand anders heeft dit antwoord opgeslagen" in told.body
    winner = ("positief", "negatief")[sent_back.index(False)]
    assert rows(database_url, "SELECT sentiment, lock_version FROM coded_answer WHERE answer_id = :a", a=answer_id)[
        0
    ] == (winner, 2)
