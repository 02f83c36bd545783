"""An open answer over its limit (5,000 characters) is never dropped silently, whichever button is used:
the page comes back with what the respondent typed and says what is too long; it never says the answers
are saved while one was not."""

import re

import pytest
from sqlalchemy import select

from survey.responses.models import Answer
from tests.reliability.test_bad_input import open_question as open_question  # noqa: F401 - fixture

LONG = "Mijn verhaal over de hulp. " * 240  # 6,240 characters


def step_form(client):
    from bench.pages import parse

    page = client.get("/v/open-vraag/vraag/1")
    return next(f for f in parse(page.get_data(as_text=True)).forms if ("actie", "volgende") in f.buttons)


def send(client, form, text, action):
    data = dict(form.hidden) | {name: values[0] for name, values in form.choices.items()}
    data |= {name: text for name in form.texts}
    data["actie"] = action
    return client.post("/v/open-vraag/vraag/1", data=data)


@pytest.mark.parametrize("action", ["volgende", "vorige", "later"])
def test_a_too_long_answer_comes_back_with_a_message_on_every_button(client, db, open_question, action):  # noqa: F811
    form = step_form(client)
    answer = send(client, form, LONG, action)
    page = answer.get_data(as_text=True)
    assert answer.status_code == 200, (answer.status_code, answer.headers.get("Location"))
    assert LONG.strip() in page  # what was typed is still in the field
    assert "5.000 tekens" in page or "5000 tekens" in page, page[-3000:]
    assert "Uw antwoorden zijn bewaard" not in page and "Je antwoorden zijn bewaard" not in page
    if action != "volgende":
        assert "Niet alles op deze pagina is bewaard: 1 antwoord is te lang of niet geldig." in page
    assert db.session.scalar(select(Answer).where(Answer.value.like("Mijn verhaal%"))) is None


def test_once_shortened_the_answer_is_saved_and_only_then_the_page_says_so(client, db, open_question):  # noqa: F811
    form = step_form(client)
    first = send(client, form, LONG, "later")
    # the visible text, not the offline script's messages kept in data attributes
    shown = re.sub(r"<[^>]*>", " ", first.get_data(as_text=True))
    assert first.status_code == 200 and "antwoorden zijn bewaard" not in shown
    assert db.session.scalars(select(Answer)).all() == []
    form = step_form(client)
    later = send(client, form, LONG[:4000], "later")
    page = later.get_data(as_text=True)
    assert later.status_code == 200 and "antwoorden zijn bewaard" in page
    stored = {a.item_code: a.value for a in db.session.scalars(select(Answer))}
    assert stored["O1"] == LONG[:4000].strip()
