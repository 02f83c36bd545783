"""Through a live gunicorn with the documented ``gunicorn.conf.py``: the requests gunicorn refuses itself
get the Dutch error page (414 for a long address, 431 for oversized headers), and a line break in a
path cannot forge a line in the access log."""

import http.client
from urllib.parse import urlsplit

import pytest


def raw_get(server, path: str, headers: dict | None = None) -> tuple[int, str, dict]:
    address = urlsplit(server.url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    try:
        connection.request("GET", path, headers=headers or {})
        answer = connection.getresponse()
        return answer.status, answer.read().decode("utf-8", "replace"), dict(answer.getheaders())
    finally:
        connection.close()


@pytest.mark.slow
def test_gunicorn_refusals_are_dutch_pages_and_the_access_log_cannot_be_forged(live_database, start_server):
    server = start_server(live_database, workers=1)

    status, page, headers = raw_get(server, "/v/" + "a" * 5000)
    assert status == 414 and '<html lang="nl"' in page and "Webadres te lang" in page, (status, page[:300])
    assert "Content-Security-Policy" in headers and "URI Too Long" not in page

    status, page, _ = raw_get(server, "/", {"X-Groot": "b" * 9000})
    assert status == 431 and '<html lang="nl"' in page and "Verzoek te groot" in page, (status, page[:300])

    forged = '127.0.0.1 [06/Dec/2026:10:00:00 +0000] "GET /beheer HTTP/1.1" 200'
    status, _, _ = raw_get(server, "/bestaat-niet%0A" + forged.replace(" ", "%20").replace('"', "%22"))
    assert status == 404
    server.stop()
    lines = server.access_log.read_text(encoding="utf-8").splitlines()
    assert not [line for line in lines if line.startswith("127.0.0.1 [06/Dec/2026")], lines
    assert [line for line in lines if "/bestaat-niet\\x0a127.0.0.1" in line], lines
