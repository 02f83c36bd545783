"""The demo data give Els two rounds to look at: results, trend, factsheet and exports work on them."""

import pytest
from sqlalchemy import select

from survey.accounts.models import User
from survey.questionnaires.models import Survey
from survey.reports.demo import SERIES
from tests.survey.reports.pagetext import page_text


@pytest.mark.slow
def test_demo_rounds_have_results_and_a_trend(app, db, client, login):
    assert app.test_cli_runner().invoke(args=["demo", "load"]).exit_code == 0
    rounds = list(db.session.scalars(select(Survey).where(Survey.series_key == SERIES).order_by(Survey.id)))
    assert [r.round_label for r in rounds] == ["2025", "2026"]
    login(db.session.scalar(select(User).where(User.email == "onderzoeker@demo.example")))
    base = f"/beheer/demo/resultaten/{rounds[-1].id}"
    text = page_text(client.get(base + "/?uitsplitsing=gemeente").get_data(as_text=True))
    assert "hebben de vragenlijst ingevuld: een respons van" in text and "Naar gemeente" in text
    assert "Wachttijd en snelheid" in text
    trend = page_text(client.get(base + "/trend").get_data(as_text=True))
    assert "vorige meting" in trend or "geen duidelijk verschil" in trend
    # the demo's reworded question: both wordings shown, and no test of a different question
    assert "Vragen die anders zijn geformuleerd" in trend
    assert "Ik kreeg snel hulp." in trend and "Ik kreeg op tijd de hulp die ik nodig had." in trend
    assert "vraag gewijzigd" in trend
    assert client.get(base + "/factsheet.pdf").status_code == 200
    again = app.test_cli_runner().invoke(args=["demo", "load"])
    assert again.exit_code == 0 and "bestaat al" in again.output


@pytest.mark.slow
def test_demo_has_a_childrens_survey_with_results(app, db, client, login):
    assert app.test_cli_runner().invoke(args=["demo", "load"]).exit_code == 0
    survey = db.session.scalar(select(Survey).where(Survey.template_key == "ceo_kind"))
    assert survey.public_key == "demo-kind" and survey.published_version is not None
    assert client.get("/v/demo-kind").status_code == 200  # a child can answer it straight away
    login(db.session.scalar(select(User).where(User.email == "onderzoeker@demo.example")))
    text = page_text(client.get(f"/beheer/demo/resultaten/{survey.id}/").get_data(as_text=True))
    assert "64 mensen vulden de vragenlijst helemaal in" in text
    assert "Hoe vind je de hulpverlener?" in text and "Hoe vind je de hulp?" in text
    assert text.count("% (heel) blij") == 7  # every smiley question has its headline figure
    assert "Mijn vader, moeder of verzorger" in text and "Wat vond je fijn aan de hulp?" in text
    again = app.test_cli_runner().invoke(args=["demo", "load"])
    assert again.exit_code == 0 and again.output.count("bestaat al") == 2
