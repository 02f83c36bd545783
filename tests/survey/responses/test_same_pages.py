"""The respondent's pages stay the same HTML while the request path behind them changes: every screen of
a questionnaire with every question type (one question per screen and all on one page; Dutch, and Arabic
right to left), a screen with errors, the check page and the thank-you page, compared with the pages
recorded in ``snapshots/respondent_pages.json``. Only the random values of a page are set aside: the
form token, the start key, script nonces and the content hash in a static file's name.

``SURVEY_RECORD_PAGES=1 pytest tests/survey/responses/test_same_pages.py`` records the pages anew (do
that only on a version whose pages are known to be right)."""

import json
import os
import re
from pathlib import Path

import pytest

from survey.questionnaires.models import DisplayMode
from tests.survey.responses.walk import fill

BASE = "/v/open-sleutel-1234"
RECORDED = Path(__file__).with_name("snapshots") / "respondent_pages.json"
RANDOM = [
    (re.compile(r'(name="(?:csrf_token|start)"[^>]*?value=")[^"]*(")'), r"\1…\2"),
    (re.compile(r'(value=")[^"]*("[^>]*?name="(?:csrf_token|start)")'), r"\1…\2"),
    (re.compile(r'(nonce=")[^"]*(")'), r"\1…\2"),
    # a static file's name carries a hash of its content, which changes with every change to the file
    (re.compile(r"(/static/[\w/-]+\.)[0-9a-f]{10}(\.(?:js|css|svg|png|woff2))"), r"\1…\2"),
]
#: answers that lead past the conditions: a low mark (the open question follows), a professional (S4)
ANSWERS = {"R1": "4", "A1": "prof", "O2": "Sneller terugbellen.", "L1": "Noord", "Q1": "12"}


@pytest.fixture
def app_config():
    """Form tokens and the limiter on, as in production."""
    return {"WTF_CSRF_ENABLED": True, "RATELIMIT_ENABLED": True}


def normalised(html: str) -> str:
    for pattern, replacement in RANDOM:
        html = pattern.sub(replacement, html)
    return html


def pages_of(client, language: str) -> list[tuple[str, int, str]]:
    """Every page a respondent sees from the first screen to the thank-you page, with one error page."""
    seen = []
    url = f"{BASE}/vraag/1?taal={language}"
    page = client.get(url)
    seen.append((url, page.status_code, normalised(page.get_data(as_text=True))))
    for _ in range(40):
        if 'name="v-T1"' in page.get_data(as_text=True) and not any(u.endswith("(sent empty)") for u, _, _ in seen):
            refused = client.post(url, data={**fill(page.get_data(as_text=True)), "v-T1": ""})
            seen.append((url + " (sent empty)", refused.status_code, normalised(refused.get_data(as_text=True))))
        sent = client.post(url, data=fill(page.get_data(as_text=True), ANSWERS))
        assert sent.status_code == 302, (url, sent.status_code)
        url = sent.headers["Location"]
        page = client.get(url)
        seen.append((url, page.status_code, normalised(page.get_data(as_text=True))))
        if "/vraag/" not in url:
            break
    assert url.endswith("/controle"), url
    done = client.post(url, data=fill(page.get_data(as_text=True)) | {"csrf_token": _token(page)})
    assert done.status_code == 302
    thanks = client.get(done.headers["Location"])
    seen.append((done.headers["Location"], thanks.status_code, normalised(thanks.get_data(as_text=True))))
    return seen


def _token(page) -> str:
    found = re.search(r'name="csrf_token"[^>]*value="([^"]*)"', page.get_data(as_text=True)) or re.search(
        r'value="([^"]*)"[^>]*name="csrf_token"', page.get_data(as_text=True)
    )
    return found.group(1)


@pytest.mark.parametrize("mode", [DisplayMode.ONE_PER_SCREEN, DisplayMode.ALL_ON_ONE_PAGE])
@pytest.mark.parametrize("language", ["nl", "ar"])
def test_every_respondent_page_is_the_recorded_html(app, client, make_survey, mode, language):
    make_survey(mode=mode, check_page=True)
    pages = pages_of(client, language)
    name = f"{mode.value}-{language}"
    if os.environ.get("SURVEY_RECORD_PAGES"):
        recorded = json.loads(RECORDED.read_text(encoding="utf-8")) if RECORDED.exists() else {}
        recorded[name] = pages
        RECORDED.parent.mkdir(exist_ok=True)
        RECORDED.write_text(json.dumps(recorded, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))[name]
    assert [(url, status) for url, status, _ in pages] == [(url, status) for url, status, _ in recorded]
    for (url, _, html), (_, _, before) in zip(pages, recorded, strict=True):
        assert html == before, f"the page {url} changed"


def test_a_second_respondent_gets_the_recorded_html_from_the_kept_page(app, client, make_survey):
    """The page around a question is kept per process after the first respondent; the next one (another
    browser) still gets exactly the recorded pages, with its own form token."""
    from survey.responses.display import rendering

    make_survey(mode=DisplayMode.ONE_PER_SCREEN, check_page=True)
    rendering._CHROMES.clear()
    first = pages_of(client, "nl")
    kept = len(rendering._CHROMES)
    client._cookies.clear()
    second = pages_of(client, "nl")
    assert kept > 0 and len(rendering._CHROMES) == kept  # the second walk drew no page around a question
    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))[f"{DisplayMode.ONE_PER_SCREEN.value}-nl"]
    assert [page[2] for page in second] == [page[2] for page in recorded] == [page[2] for page in first]


def test_a_renamed_region_shows_its_new_name_on_the_next_page(app, client, db, make_survey, region):
    make_survey(mode=DisplayMode.ONE_PER_SCREEN)
    assert region.name in client.get(f"{BASE}/vraag/1").get_data(as_text=True)
    region.name = "Jeugdregio Nieuwe Naam"
    db.session.commit()
    assert "Jeugdregio Nieuwe Naam" in client.get(f"{BASE}/vraag/1").get_data(as_text=True)
