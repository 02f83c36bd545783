"""Trends know when a question changed: a reworded item is marked "vraag gewijzigd" with both wordings
and is not tested against the old wording, unless a researcher marks the change cosmetic."""

import copy
import html

from survey.accounts.models import Role
from tests.survey.reports import builders
from tests.survey.reports.pagetext import cells_of_row

OLD = "Ik wist waar ik terecht kon met mijn vraag."
NEW = "Ik kreeg binnen een week hulp."


def _document(t1_text):
    document = copy.deepcopy(builders.ceo_document())
    for question in document["sections"][0]["questions"]:
        for item in question.get("items", []):
            if item["code"] == "T1":
                item["text"]["nl"] = t1_text
    return document


def _round(db, region, label, t1, text):
    survey = builders.make_survey(db, region, round_label=label, series_key="ceo-ouders", document=_document(text))
    for i in range(60):
        builders.add_response(
            db, survey, {"T1": "4" if i < t1 else "2", "K1": "5" if i < 40 else "1", "E1": "4", "R1": "7"}
        )
    db.session.commit()
    return survey


def test_a_reworded_item_is_marked_and_left_out_of_the_test(client, db, region, make_user, login):
    _round(db, region, "2025", 20, OLD)
    now = _round(db, region, "2026", 45, NEW)
    login(make_user(region, Role.ONDERZOEKER))
    url = f"/beheer/{region.slug}/resultaten/{now.id}/trend"
    page = client.get(url).get_data(as_text=True)
    text = html.unescape(page)
    row = cells_of_row(page, f"T1 {NEW}")
    # 33 % then 75 % would be "duidelijk hoger", but it is another question now
    assert row[:2] == ["33 % (n = 60)", "75 % (n = 60)"] and row[2:] == ["vraag gewijzigd", "–"]
    assert f"Eerder: <q>{OLD}</q> – Nu: <q>{NEW}</q>" in " ".join(text.split())  # both wordings in a note
    assert "vraag gewijzigd in 2026" in text
    assert cells_of_row(page, "K1 De hulpverlener nam mij serieus.")[2] == "geen duidelijk verschil"

    assert (
        client.post(f"/beheer/{region.slug}/resultaten/{now.id}/trend/cosmetisch", data={"item": "T1"}).status_code
        == 302
    )
    page = client.get(url).get_data(as_text=True)
    assert cells_of_row(page, f"T1 {NEW}")[2:] == ["duidelijk hoger dan vorige meting", "< 0,001"]
    assert "(cosmetisch)" in html.unescape(page)


def test_a_spelling_fix_is_not_a_change(client, db, region, make_user, login):
    _round(db, region, "2025", 20, OLD)
    now = _round(db, region, "2026", 45, OLD.replace("terecht", "terrecht"))
    login(make_user(region, Role.ONDERZOEKER))
    page = client.get(f"/beheer/{region.slug}/resultaten/{now.id}/trend").get_data(as_text=True)
    assert "vraag gewijzigd" not in page
    assert cells_of_row(page, "T1 " + OLD.replace("terecht", "terrecht"))[2] == "duidelijk hoger dan vorige meting"


def test_only_a_researcher_judges_a_change(client, db, region, make_user, login):
    now = _round(db, region, "2026", 45, NEW)
    login(make_user(region, Role.CODEUR))
    response = client.post(f"/beheer/{region.slug}/resultaten/{now.id}/trend/cosmetisch", data={"item": "T1"})
    assert response.status_code == 403
