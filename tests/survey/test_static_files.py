"""Static files: fingerprinted names that a browser keeps for a year, a new name when a file changes, and
compressed responses; a question screen stays under 15 KiB gzipped on the first visit's HTML."""

import gzip
import os
import re

from flask import url_for

from tests.survey.responses.documents import create_survey

BASE = "/v/open-sleutel-1234"


def test_static_urls_carry_the_file_digest_and_live_a_year(app, client):
    with app.test_request_context():
        url = url_for("static", filename="css/respondent.css")
    assert re.fullmatch(r"/static/css/respondent\.[0-9a-f]{10}\.css", url)
    reply = client.get(url)
    assert reply.status_code == 200 and b".option-label" in reply.get_data()
    assert "max-age=31536000" in reply.headers["Cache-Control"] and "immutable" in reply.headers["Cache-Control"]
    reply.close()
    for name in ("respondent.css", "respondent.0123456789.css"):  # a plain or outdated name: no long life
        other = client.get(f"/static/css/{name}")
        assert other.status_code == 200 and "immutable" not in other.headers.get("Cache-Control", "")
        other.close()
    assert client.get("/static/css/bestaat-niet.0123456789.css").status_code == 404
    assert client.get("/static/../config.py").status_code == 404


def test_a_changed_file_gets_a_new_name(app, tmp_path):
    from survey.static_files import Fingerprints

    (tmp_path / "a.css").write_text("a { color: red }")
    prints = Fingerprints(str(tmp_path))
    first = prints.name("a.css")
    (tmp_path / "a.css").write_text("a { color: blue }")
    os.utime(tmp_path / "a.css", ns=(1, 1))
    assert prints.name("a.css") != first and prints.real(prints.name("a.css")) == ("a.css", True)
    assert prints.real(first) == ("a.css", False)


def test_pages_styles_and_scripts_are_compressed(client, db, region):
    create_survey(db, region)
    page = client.get(BASE + "/vraag/1", headers={"Accept-Encoding": "gzip"})
    assert page.headers["Content-Encoding"] == "gzip" and "Accept-Encoding" in page.headers["Vary"]
    html = gzip.decompress(page.get_data()).decode()
    assert "step-form" in html
    for ref in re.findall(r'(?:href|src)="(/static/[^"]+)"', html):
        asset = client.get(ref, headers={"Accept-Encoding": "br, gzip"})
        assert asset.headers.get("Content-Encoding") in ("br", "gzip"), ref
        assert "immutable" in asset.headers["Cache-Control"]
        asset.close()
