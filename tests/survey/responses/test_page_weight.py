"""A question screen is light: HTML + CSS + JS (fonts excluded) under 50 kB uncompressed, under 15 KiB as
sent (gzip)."""

import gzip
import re

from tests.survey.responses.walk import fill

BASE = "/v/open-sleutel-1234"
LIMIT = 50_000


GZIPPED_LIMIT = 15 * 1024


def weight(client, url, encoding: str = "identity") -> tuple[int, dict[str, int]]:
    """Bytes of the page and of every stylesheet and script it loads, as sent (``encoding``: gzip or not)."""
    headers = {"Accept-Encoding": encoding}
    page = client.get(url, headers=headers)
    html = page.get_data()
    parts = {"html": len(html)}
    if encoding == "gzip":
        assert page.headers["Content-Encoding"] == "gzip"
        html = gzip.decompress(html)
    for ref in re.findall(rb'<(?:link rel="stylesheet" href|script src)="([^"]+)"', html):
        asset = client.get(ref.decode(), headers=headers)
        assert asset.status_code == 200, ref
        parts[_plain(ref.decode())] = len(asset.get_data())
        asset.close()
    return sum(parts.values()), parts


def _plain(url: str) -> str:
    """The static file's name without its fingerprint."""
    return re.sub(r"\.[0-9a-f]{10}(\.[a-z]+)$", r"\1", url)


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
    assert set(heaviest[1]) >= {
        "html",
        "/static/css/site.css",
        "/static/css/respondent.css",
        "/static/js/respondent.js",
    }


def test_every_question_screen_weighs_under_15_kib_gzipped(client, db, make_survey):
    """What a phone downloads for a question screen on its first visit, compressed (fonts excluded)."""
    make_survey()
    url, heaviest = BASE + "/vraag/1", (0, {})
    for _ in range(16):
        heaviest = max(heaviest, weight(client, url, "gzip"), key=lambda x: x[0])
        sent = client.post(url, data=fill(client.get(url).get_data(as_text=True), {"R1": "3"}))
        if "/vraag/" not in sent.headers.get("Location", ""):
            break
        url = sent.headers["Location"]
    print(f"\nheaviest question screen, gzipped: {heaviest[0]} bytes {heaviest[1]}")
    assert heaviest[0] < GZIPPED_LIMIT, heaviest
    assert "/static/js/keep.js" in heaviest[1]


def test_no_front_end_framework_and_no_inline_script_or_style(client, db, make_survey):
    make_survey(audience="kind")
    page = client.get(BASE + "/vraag/1").get_data(as_text=True)
    scripts = re.sub(r'<script src="/static/js/(respondent|keep)\.[0-9a-f]{10}\.js" defer>', "", page)
    assert "<script>" not in page and "<script " not in scripts
    assert " style=" not in page and "<style" not in page
    assert "data-read-aloud" in page
