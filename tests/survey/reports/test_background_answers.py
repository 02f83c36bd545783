"""Open link: no contact file, so the rule runs over the respondents' own background, including their
answers to background questions (domain "achtergrond"), before a per-respondent export shows them."""

import csv
import io

from tests.survey.reports import builders

AGE = {
    "code": "A2",
    "type": "keuze",
    "domain": "achtergrond",
    "text": {"nl": "Hoe oud is uw kind?"},
    "options": [{"code": c, "label": {"nl": c}} for c in ("0-3", "4-11", "12-17", "18-23")],
}


def export(client, region, survey):
    data = {"format": "csv", "delimiter": "comma", "values": "codes"}
    response = client.post(f"/beheer/{region.slug}/resultaten/{survey.id}/export", data=data, buffered=True)
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"), newline="")))


def test_a_rare_background_answer_is_left_empty_and_nobody_stands_out(client, db, region, researcher):
    survey = builders.make_survey(db, region, min_cell=5, document=builders.ceo_document([AGE]))
    ages = ["12-17"] * 8 + ["4-11"] * 6 + ["0-3"] + ["18-23"] * 2  # 0-3 and 18-23: 3 people together
    for age in ages:
        builders.add_response(db, survey, {"T1": "4", "A2": age}, background={"gemeente": "Delft"})
    db.session.commit()
    rows = export(client, region, survey)
    assert len(rows) == len(ages)
    shown = [(r["A2"], r["gemeente"], r["taal"]) for r in rows]
    for row in set(shown):  # every row the export shows is shared by at least k respondents
        assert shown.count(row) >= 5, row
    # single-choice answers are exported as their numbers: 0-3 = 1, 4-11 = 2, 12-17 = 3, 18-23 = 4
    assert not any(age in ("1", "4") for age, _g, _t in shown)
    assert shown.count(("3", "Delft", "nl")) == 8  # the common answers stay
    assert all(r["T1"] == "4" for r in rows)  # the other answers are untouched
