"""Questions drawn once per process while they hold nothing of the respondent (survey/responses/display/rendering.py):
every respondent still sees exactly what a fresh drawing shows, with their own answers and errors, and
nothing a respondent wrote is kept."""

from survey.responses.display import kept_screens, rendering
from tests.survey.responses.walk import fill, walk

BASE = "/v/open-sleutel-1234"


def questions(page) -> str:
    """The questions of a step page (without the form's per-visit hidden values and buttons)."""
    html = page.get_data(as_text=True)
    start = html.index("<div class=", html.index('name="taal"'))
    return html[start : html.index('<div class="button-row')]


def test_a_stored_question_is_the_same_as_a_fresh_one_and_shows_each_respondents_own_answer(app, client, make_survey):
    make_survey()
    rendering._PROMPTS.clear()
    other = app.test_client()
    walk(client, BASE, stop_after=1)
    walk(other, BASE, stop_after=1)
    first = questions(client.get(BASE + "/vraag/2"))
    stored = questions(other.get(BASE + "/vraag/2"))
    rendering._PROMPTS.clear()
    kept_screens._SCREENS.clear()  # the whole screen is kept too (kept_screens.py): drawn afresh now
    fresh = questions(other.get(BASE + "/vraag/2"))
    assert first == stored == fresh and 'type="radio"' in first and " checked" not in first

    page = client.get(BASE + "/vraag/2").get_data(as_text=True)
    client.post(BASE + "/vraag/2", data=fill(page, {"T1": "2"}))
    mine = questions(client.get(BASE + "/vraag/2"))
    assert 'value="2" checked' in mine
    assert questions(other.get(BASE + "/vraag/2")) == fresh


def test_an_error_is_shown_to_the_respondent_who_made_it_only(app, client, make_survey):
    make_survey()
    other = app.test_client()
    walk(client, BASE, stop_after=1)
    walk(other, BASE, stop_after=1)
    blank = questions(other.get(BASE + "/vraag/2"))
    page = client.get(BASE + "/vraag/2").get_data(as_text=True)
    data = {key: value for key, value in fill(page).items() if not key.startswith("v-")}
    refused = client.post(BASE + "/vraag/2", data=data)
    assert refused.status_code == 200 and "error-message" in questions(refused)
    assert questions(other.get(BASE + "/vraag/2")) == blank and "error-message" not in blank


def test_piped_texts_and_typed_answers_are_never_kept(client, make_survey):
    make_survey()
    rendering._PROMPTS.clear()
    walk(client, BASE, {"R1": "4", "O2": "Sneller bellen"})
    kept = repr(list(rendering._PROMPTS)) + "".join(str(html) for html in rendering._PROMPTS.values())
    assert rendering._PROMPTS and "Sneller bellen" not in kept
    assert "U gaf een" not in kept and "Welk cijfer geeft u" not in kept
