"""The factsheet: one page in plain Dutch, rounded counts, no small groups, also as a PDF."""

import re
import subprocess

from sqlalchemy import select

from survey.audit.models import AuditEntry
from survey.questionnaires.models import Audience
from tests.survey.reports import builders
from tests.survey.reports.pagetext import page_text


def test_factsheet_page_has_the_headline_figures_rounded(client, example, researcher, region):
    text = page_text(client.get(f"/beheer/{region.slug}/resultaten/{example.id}/factsheet").get_data(as_text=True))
    assert "Wat vinden ouders van de hulp die ze kregen?" in text
    # 20 invited and 12 completed, rounded to 5: "about 20" and "about 10"; the % is from the exact counts
    assert (
        "We vroegen ongeveer 20 mensen om de vragenlijst in te vullen. Ongeveer 10 mensen deden dat. "
        "Dat is 60 %." in text
    )
    assert "7,2 Dit is het gemiddelde cijfer, van 1 tot 10." in text
    assert "63 % is positief over hoe ze hulp kregen (toegang)." in text
    assert "De hulpverlener nam mij serieus. 83 % 10" in text  # 12 answers, shown as 10
    # themes mentioned by fewer than k (5) people are left out; no quotes at all
    assert "Wachttijd" not in text and "[PERSOON-1]" not in text
    assert "Schiedam" not in text and "Rotterdam" not in text


def test_factsheet_pdf_contains_the_headline_figures(client, db, example, researcher, region, tmp_path):
    response = client.get(f"/beheer/{region.slug}/resultaten/{example.id}/factsheet.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    path = tmp_path / "factsheet.pdf"
    path.write_bytes(response.data)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", pages, re.M)
    flat = " ".join(text.split())
    assert "Wat vinden ouders van de hulp die ze kregen?" in flat
    assert "7,2" in flat and "60 %" in flat and "63 %" in flat and "83 %" in flat
    assert "ongeveer 20 mensen" in flat
    entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "results.factsheet_pdf")).one()
    assert entry.object_id == str(example.id)


def test_factsheet_for_young_people_and_too_few_answers(client, db, region, researcher):
    survey = builders.make_survey(db, region, min_cell=10, audience=Audience.JONGEREN, title="CEO jongeren")
    for value in ("5", "4", "1"):
        builders.add_response(db, survey, {"T1": value, "R1": 8})
    db.session.commit()
    text = page_text(client.get(f"/beheer/{region.slug}/resultaten/{survey.id}/factsheet").get_data(as_text=True))
    assert "Wat vinden jongeren van de hulp die ze kregen?" in text
    assert (
        "Te weinig mensen gaven antwoord om resultaten te laten zien. Daarvoor zijn minstens 10 antwoorden "
        "nodig." in text
    )
    assert "Minder dan 10 mensen vulden de vragenlijst in." in text  # 3, below k: not "about 5"
    assert "8,0" not in text and "67 %" not in text
