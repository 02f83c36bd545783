"""Trends: the same item codes across the rounds of a series, with the test and the plain Dutch words."""

import pytest

from survey.accounts.models import Role
from tests.survey.reports import builders
from tests.survey.reports.pagetext import cells_of_row, page_text


def _round(db, region, label, t1, k1, e1, grades, series="ceo-ouders"):
    survey = builders.make_survey(db, region, round_label=label, series_key=series)
    for i in range(60):
        builders.add_response(
            db,
            survey,
            {
                "T1": "4" if i < t1 else "2",
                "K1": "5" if i < k1 else "1",
                "E1": "4" if i < e1 else "3",
                "R1": grades[i % len(grades)],
            },
        )
    db.session.commit()
    return survey


@pytest.fixture
def rounds(db, region):
    before = _round(db, region, "2025", t1=20, k1=40, e1=40, grades=[6, 7])
    other_series = _round(db, region, "2025-jongeren", t1=60, k1=60, e1=60, grades=[10], series="ceo-jongeren")
    now = _round(db, region, "2026", t1=45, k1=42, e1=15, grades=[8, 7])
    later = _round(db, region, "2027", t1=0, k1=0, e1=0, grades=[1])
    return before, now, other_series, later


def test_trend_words_per_item(client, region, rounds, make_user, login):
    _before, now, _other, _later = rounds
    login(make_user(region, Role.ONDERZOEKER))
    html = client.get(f"/beheer/{region.slug}/resultaten/{now.id}/trend").get_data(as_text=True)
    t1 = cells_of_row(html, "T1 Ik wist waar ik terecht kon met mijn vraag.")
    # 20/60 = 33% then 45/60 = 75%: z-test p < 0.001
    assert t1 == ["33 % (n = 60)", "75 % (n = 60)", "duidelijk hoger dan vorige meting", "< 0,001"]
    k1 = cells_of_row(html, "K1 De hulpverlener nam mij serieus.")
    assert k1[:3] == ["67 % (n = 60)", "70 % (n = 60)", "geen duidelijk verschil"]
    e1 = cells_of_row(html, "E1 Door de hulp gaat het thuis beter.")
    assert e1[:3] == ["67 % (n = 60)", "25 % (n = 60)", "duidelijk lager dan vorige meting"]
    r1 = cells_of_row(html[html.index("Gemiddeld cijfer per meting") :], "R1 Welk rapportcijfer geeft u de hulp?")
    assert r1[:3] == ["6,5 (n = 60)", "7,5 (n = 60)", "duidelijk hoger dan vorige meting"]
    text = page_text(html)
    assert "2025-jongeren" not in text and "2027" not in text  # other series, later round


def test_first_round_has_no_comparison(client, region, rounds, make_user, login):
    before = rounds[0]
    login(make_user(region, Role.ONDERZOEKER))
    text = page_text(client.get(f"/beheer/{region.slug}/resultaten/{before.id}/trend").get_data(as_text=True))
    assert "Dit is de eerste meting van deze vragenlijst." in text
    assert "geen eerdere meting" in text


def test_too_few_answers_to_compare(client, db, region, make_user, login):
    before = builders.make_survey(db, region, round_label="2025", series_key="klein")
    now = builders.make_survey(db, region, round_label="2026", series_key="klein")
    for survey, value in ((before, "1"), (now, "5")):
        for _ in range(12):
            builders.add_response(db, survey, {"T1": value})
    db.session.commit()
    login(make_user(region, Role.ONDERZOEKER))
    html = client.get(f"/beheer/{region.slug}/resultaten/{now.id}/trend").get_data(as_text=True)
    assert (
        cells_of_row(html, "T1 Ik wist waar ik terecht kon met mijn vraag.")[2]
        == "te weinig antwoorden om te vergelijken"
    )
