"""A section repeated per project (stakeholder-enquête) reports each project as its own item."""

import csv
import io

from survey.accounts.models import Role
from survey.responses.models import Answer
from tests.survey.reports import builders
from tests.survey.reports.pagetext import cells_of_row

DOCUMENT = {
    "schema": 1,
    "languages": ["nl"],
    "lists": {
        "projecten": [
            {"key": "p1", "label": {"nl": "Thuis opgroeien"}},
            {"key": "p2", "label": {"nl": "Snelle toegang"}},
        ]
    },
    "sections": [
        {
            "key": "S1",
            "questions": [
                {"code": "R1", "type": "rapportcijfer", "text": {"nl": "Welk cijfer geeft u het programma?"}}
            ],
        },
        {
            "key": "S2",
            "repeat": "projecten",
            "questions": [
                {"code": "P1", "type": "stelling", "text": {"nl": "Het project werkt goed."}},
                {"code": "P2", "type": "open_kort", "text": {"nl": "Waar bent u trots op?"}, "required": False},
            ],
        },
    ],
}


def test_each_project_is_an_item_on_the_page_and_in_the_export(client, db, region, make_user, login):
    survey = builders.make_survey(db, region, min_cell=5, document=DOCUMENT)
    for i in range(10):
        response = builders.add_response(db, survey, {"R1": 7})
        response.answers += [
            Answer(item_code="P1", instance="p1", value="5" if i < 8 else "2"),
            Answer(item_code="P1", instance="p2", value="4" if i < 3 else "1"),
            Answer(item_code="P2", instance="p1", value="ruw", scrubbed_text=f"Trots {i}"),
        ]
    db.session.commit()
    login(make_user(region, Role.ONDERZOEKER))
    html = client.get(f"/beheer/{region.slug}/resultaten/{survey.id}/").get_data(as_text=True)
    assert cells_of_row(html, "P1.p1 Het project werkt goed. (Thuis opgroeien)")[:2] == ["80 %*", "10"]
    assert cells_of_row(html, "P1.p2 Het project werkt goed. (Snelle toegang)")[:2] == ["30 %*", "10"]
    assert "10 mensen schreven een antwoord" in html
    data = client.post(
        f"/beheer/{region.slug}/resultaten/{survey.id}/export",
        data={"format": "csv", "delimiter": "comma", "values": "codes"},
        buffered=True,
    ).data
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert sorted(r["P1_p1"] for r in rows) == ["2", "2"] + ["5"] * 8
    assert sorted(r["P2_p1"] for r in rows) == sorted(f"Trots {i}" for i in range(10))
    assert all(r["P2_p2"] == "" for r in rows)
