"""The demo content can be answered straight away."""

import pytest

from tests.survey.responses.walk import walk


@pytest.mark.slow
def test_demo_survey_and_poll_can_be_completed(app, db, client):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    assert runner.invoke(args=["demo", "load"]).exit_code == 0  # repeatable
    assert client.get("/v/demo-ouders").status_code == 200
    end = walk(client, "/v/demo-ouders", {"R1": "5", "O2": "Sneller een afspraak."})
    assert "/controle" in end.headers["Location"]
    assert client.post("/v/demo-ouders/controle").status_code == 302
    assert "/klaar" in walk(client, "/peiling/DEMO1").headers["Location"]
