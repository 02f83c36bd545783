"""Load in the suite: 20 respondents complete a CEO at once against gunicorn with 2 workers on the suite's
database (SQLite, or PostgreSQL in the second CI run). The full benchmark is ``python -m bench.load``."""

import re

import pytest

from bench.load import answer_all, verify
from tests.reliability.server import seed_ceo

RESPONDENTS = 20


@pytest.mark.slow
def test_twenty_respondents_at_once_lose_nothing(live_database, start_server):
    seed = seed_ceo(live_database, RESPONDENTS, display_mode="section_per_page")
    server = start_server(live_database, workers=2)
    done = answer_all(server.url, seed.links, timeout=180)
    server.stop()

    assert [r.errors for r in done if r.errors] == []
    assert all(r.completed for r in done) and sum(r.retries for r in done) == 0
    assert all(len(r.acknowledged) == 20 for r in done)  # every question of the CEO was acknowledged
    result = verify(live_database, seed.survey_id, done)
    assert (result.responses, result.completed, result.invitations_completed) == (RESPONDENTS,) * 3
    assert result.lost == [] and result.duplicates == [] and result.unmatched == []

    log = server.access_log.read_text()
    statuses = [int(s) for s in re.findall(r'" (\d{3}) ', log)]
    assert len(statuses) >= RESPONDENTS * 8 and max(statuses) < 500
    assert "/r/…" in log and not [link for link in seed.links if link[3:] in log]
