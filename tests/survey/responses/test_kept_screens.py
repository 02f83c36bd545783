"""Question screens drawn once per process while they hold nothing of the respondent
(survey/responses/display/kept_screens.py): each respondent gets exactly the page a full drawing gives, with their
own form token, lock, start key, link key and previous answer, and nothing of a respondent is kept."""

import re

import pytest

from survey.questionnaires.models import DisplayMode
from survey.responses.display import kept_screens
from survey.responses.steps import views as step_views
from tests.survey.responses.documents import all_types_document
from tests.survey.responses.test_same_pages import normalised
from tests.survey.responses.walk import fill

BASE = "/v/open-sleutel-1234"
#: the answer shown above the next screen holds characters HTML must escape
ANSWERS = {"R1": "4", "A1": "prof", "O2": "Sneller <b>terug</b>bellen & meer.", "L1": "Noord & <Zuid>", "Q1": "12"}


@pytest.fixture
def app_config():
    """Form tokens on, as in production."""
    return {"WTF_CSRF_ENABLED": True}


def _full(monkeypatch, client, url):
    """The page as drawn in full (make_screen and the template), for the same request."""
    with monkeypatch.context() as patch:
        patch.setattr(step_views, "render_kept_step", lambda *args: None)
        return client.get(url)


def _walk_both_ways(monkeypatch, client, url) -> int:
    """Every screen from ``url`` on, kept and drawn in full; returns the number of screens compared."""
    compared = 0
    for _ in range(40):
        kept = client.get(url)
        full = _full(monkeypatch, client, url)
        assert kept.status_code == full.status_code == 200, url
        html = kept.get_data(as_text=True)
        assert normalised(html) == normalised(full.get_data(as_text=True)), url
        compared += 1
        sent = client.post(url, data=fill(html, ANSWERS))
        assert sent.status_code == 302, url
        url = sent.headers["Location"]
        if "/vraag/" not in url:
            return compared
    raise AssertionError("the questionnaire did not end")


@pytest.mark.parametrize("mode", list(DisplayMode))
@pytest.mark.parametrize("language", ["nl", "ar"])
def test_every_kept_screen_is_the_page_drawn_in_full(app, client, make_survey, monkeypatch, language, mode):
    make_survey(check_page=True, mode=mode)
    kept_screens._SCREENS.clear()
    first = _walk_both_ways(monkeypatch, client, f"{BASE}/vraag/1?taal={language}")
    client._cookies.clear()
    stored = len(kept_screens._SCREENS)
    second = _walk_both_ways(monkeypatch, client, f"{BASE}/vraag/1?taal={language}")
    many = 10 if mode == DisplayMode.ONE_PER_SCREEN else 0  # a section or the whole list per page: fewer screens
    assert first == second > many and stored > many
    assert len(kept_screens._SCREENS) == stored  # the second respondent's screens all came from the store


def test_each_respondent_gets_their_own_token_lock_start_key_and_previous_answer(app, client, make_survey):
    make_survey()
    other = app.test_client()
    pages = {}
    for name, browser in (("one", client), ("other", other)):
        for number in (1, 2):
            page = browser.get(f"{BASE}/vraag/{number}").get_data(as_text=True)
            browser.post(f"{BASE}/vraag/{number}", data=fill(page, {"T1": "2" if name == "one" else "4"}))
        pages[name] = browser.get(f"{BASE}/vraag/3").get_data(as_text=True)
    values = {
        name: dict(re.findall(r'name="(csrf_token|lock|start)"[^>]*value="([^"]*)"', html))
        for name, html in pages.items()
    }
    assert values["one"]["csrf_token"] and values["one"]["csrf_token"] != values["other"]["csrf_token"]
    assert values["one"]["lock"] and values["one"]["start"] == values["other"]["start"] == ""
    previous = {name: re.search(r'class="previous-answer">(.*?)</p>', html).group(1) for name, html in pages.items()}
    assert previous["one"] != previous["other"]


def test_the_previous_answer_is_escaped_on_a_kept_screen(client, make_survey):
    make_survey()
    url = f"{BASE}/vraag/1"
    for _ in range(40):
        page = client.get(url).get_data(as_text=True)
        sent = client.post(url, data=fill(page, ANSWERS))
        url = sent.headers["Location"]
        if 'name="v-L1"' in page:
            break
    following = client.get(url).get_data(as_text=True)
    assert "Noord &amp; &lt;Zuid&gt;" in following and "<Zuid>" not in following


@pytest.mark.parametrize("mode", list(DisplayMode))
def test_nothing_of_a_respondent_is_kept(client, make_survey, make_invitation, mode):
    survey = make_survey(mode=mode)
    _invitation, token, _code = make_invitation(survey)
    kept_screens._SCREENS.clear()
    url = f"/r/{token}/vraag/1"
    seen = set()
    for _ in range(40):
        html = client.get(url).get_data(as_text=True)
        seen.update(re.findall(r'name="csrf_token"[^>]*value="([^"]+)"', html))
        url = client.post(url, data=fill(html, ANSWERS)).headers["Location"]
        if "/vraag/" not in url:
            break
    kept = repr(kept_screens._SCREENS)
    assert kept_screens._SCREENS and token not in kept
    assert "Noord" not in kept and "terug" not in kept
    assert seen and not [value for value in seen if value in kept]


@pytest.mark.parametrize("mode", list(DisplayMode))
def test_a_section_text_that_shows_an_answer_is_never_kept(client, make_survey, mode):
    document = all_types_document()
    last = document["sections"][-1]
    last["intro"] = {language: f"{text} {{O2}}" for language, text in last["title"].items()}
    make_survey(document, mode=mode)
    kept_screens._SCREENS.clear()
    url, shown = f"{BASE}/vraag/1", False
    for _ in range(40):
        html = client.get(url).get_data(as_text=True)
        shown = shown or "Sneller &lt;b&gt;terug&lt;/b&gt;bellen &amp; meer." in html
        url = client.post(url, data=fill(html, ANSWERS)).headers["Location"]
        if "/vraag/" not in url:
            break
    assert shown  # the respondent saw the answer in the section's intro
    assert "Sneller" not in repr(kept_screens._SCREENS)
