"""A question screen is light: HTML + CSS + JS (fonts excluded) under 50 kB, uncompressed."""

import re

from tests.survey.responses.walk import fill

BASE = "/v/open-sleutel-1234"
LIMIT = 50_000


def weight(client, url) -> tuple[int, dict[str, int]]:
    """Bytes of the page and of every stylesheet and script it loads."""
    html = client.get(url).get_data()
    parts = {"html": len(html)}
    for ref in re.findall(rb'<(?:link rel="stylesheet" href|script src)="([^"]+)"', html):
        asset = client.get(ref.decode())
        assert asset.status_code == 200, ref
        parts[ref.decode()] = len(asset.get_data())
        asset.close()
    return sum(parts.values()), parts


def test_every_question_screen_weighs_under_50_kb(client, db, make_survey):
    make_survey()
    url, heaviest = BASE + "/vraag/1", (0, {})
    for _ in range(16):
        total, parts = weight(client, url)
        heaviest = max(heaviest, (total, parts), key=lambda x: x[0])
        sent = client.post(url, data=fill(client.get(url).get_data(as_text=True), {"R1": "3"}))
        if "/vraag/" not in sent.headers.get("Location", ""):
            break
        url = sent.headers["Location"]
    print(f"\nheaviest question screen: {heaviest[0]} bytes {heaviest[1]}")
    assert heaviest[0] < LIMIT, heaviest
    assert set(heaviest[1]) >= {"html", "/static/css/site.css", "/static/css/respondent.css",
                                "/static/js/respondent.js"}


def test_no_front_end_framework_and_no_inline_script_or_style(client, db, make_survey):
    make_survey(audience="kind")
    page = client.get(BASE + "/vraag/1").get_data(as_text=True)
    scripts = re.sub(r'<script src="/static/js/(respondent|keep)\.js" defer>', "", page)
    assert "<script>" not in page and "<script " not in scripts
    assert " style=" not in page and "<style" not in page
    assert "data-read-aloud" in page
