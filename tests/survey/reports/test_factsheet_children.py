"""The children's factsheet (CEO kind 8-11, smileys): the share that chose a happy face per domain and per
question, with n, in words a child understands; nothing of fewer than k answers."""

import re
import subprocess

from survey.questionnaires.models import Audience
from survey.questionnaires.templates import load_template
from tests.survey.reports import builders
from tests.survey.reports.pagetext import cells_of_row, page_text

#: 13 children (k = 10); on five faces a happy face is 4 (blij) or 5 (heel blij)
ANSWERS = {
    "KI1": ["5"] * 4 + ["4"] * 5 + ["3"] * 2 + ["2", "1"],  # 9 of 13 happy: 69.2 %
    "KI2": ["5"] * 6 + ["4"] * 2 + ["3"] * 5,  # 8 of 13: 61.5 %
    "KI3": ["5"] * 13,  # 13 of 13: 100 %
    "KI4": ["4"] * 10 + ["2"] * 3,  # 10 of 13: 76.9 %
    "KI5": ["5"] * 4 + [None] * 9,  # only 4 answers: below k, not shown
    "KI6": ["5"] * 3 + ["3"] * 10,  # 3 of 13: 23.1 %
    "KI7": ["5"] * 7 + ["4"] * 4 + ["1"] * 2,  # 11 of 13: 84.6 %
}


def children_survey(db, region, answers: dict[str, list]):
    """A round of the shipped children's questionnaire with k = 10 and these answers (one list per item)."""
    document = load_template("ceo_kind").document.to_dict()
    survey = builders.make_survey(db, region, min_cell=10, document=document, audience=Audience.KIND, title="CEO kind")
    for i in range(len(next(iter(answers.values())))):
        builders.add_response(db, survey, {code: values[i] for code, values in answers.items()})
    db.session.commit()
    return survey


def factsheet(client, region, survey) -> str:
    response = client.get(f"/beheer/{region.slug}/resultaten/{survey.id}/factsheet")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_childrens_factsheet_shows_the_share_that_chose_a_happy_face(client, db, region, researcher):
    html = factsheet(client, region, children_survey(db, region, ANSWERS))
    text = page_text(html)
    assert "Wat vinden kinderen van de hulp die ze kregen?" in text
    assert "Ongeveer 15 mensen vulden de vragenlijst in." in text  # 13, rounded to 5
    # per domain the mean of its questions' shares: kwaliteit (69.2 + 61.5 + 100) / 3 = 76.9; effect without
    # KI5 (4 answers): (76.9 + 23.1) / 2 = 50.0
    assert "77 % van de kinderen koos een blij gezichtje bij de vragen over de hulpverlener." in text
    assert "50 % van de kinderen koos een blij gezichtje bij de vragen over hoe het nu met ze gaat." in text
    assert "Hoeveel kinderen kozen een blij gezichtje?" in text
    assert "Bij elke vraag kon je een gezichtje kiezen. Blij is hier: een blij of een heel blij gezichtje." in text
    # per question: % happy of the exact counts, the number of children rounded to 5 (13 -> 15)
    assert cells_of_row(html, "Hoe vind je de hulpverlener?") == ["69 %", "15"]
    assert cells_of_row(html, "Hoe vind je de gesprekken met de hulpverlener?") == ["62 %", "15"]
    assert cells_of_row(html, "Hoe voel je je als je bij de hulpverlener bent?") == ["100 %", "15"]
    assert cells_of_row(html, "Hoe voel je je nu thuis?") == ["77 %", "15"]
    assert cells_of_row(html, "Hoe gaat het nu met jou?") == ["23 %", "15"]
    assert cells_of_row(html, "Hoe vind je de hulp?") == ["85 %", "15"]
    assert "Hoe voel je je nu op school?" not in text  # 4 answers: nothing of them
    assert "Te weinig" not in text and "mee eens" not in text.lower()


def test_childrens_factsheet_with_fewer_than_k_children_shows_no_results(client, db, region, researcher):
    nine = {code: values[:9] for code, values in ANSWERS.items() if code != "KI5"}
    text = page_text(factsheet(client, region, children_survey(db, region, nine)))
    assert "Minder dan 10 mensen vulden de vragenlijst in." in text
    assert "Te weinig mensen gaven antwoord om resultaten te laten zien." in text
    assert "%" not in text and "gezichtje" not in text and "Hoe vind je de hulpverlener?" not in text


def test_three_faces_say_what_happy_means(client, db, region, researcher):
    document = load_template("ceo_kind").document.to_dict()
    for section in document["sections"]:
        for question in section["questions"]:
            if question["type"] == "smiley":
                question["settings"] = {"faces": 3}
                question["options"] = [o for o in question["options"] if o["code"] in ("1", "2", "3")]
    survey = builders.make_survey(db, region, min_cell=10, document=document, audience=Audience.KIND)
    for i in range(10):  # 6 of 10 chose the happy face (3): 60 %
        builders.add_response(db, survey, {"KI7": "3" if i < 6 else "2"})
    db.session.commit()
    html = factsheet(client, region, survey)
    assert "Blij is hier: het blije gezichtje." in page_text(html)
    assert cells_of_row(html, "Hoe vind je de hulp?") == ["60 %", "10"]


def test_childrens_factsheet_pdf_is_one_page(client, db, region, researcher, tmp_path):
    survey = children_survey(db, region, ANSWERS)
    response = client.get(f"/beheer/{region.slug}/resultaten/{survey.id}/factsheet.pdf")
    assert response.status_code == 200
    path = tmp_path / "factsheet.pdf"
    path.write_bytes(response.data)
    pages = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", pages, re.M)
    text = " ".join(
        subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split()
    )
    assert "Hoeveel kinderen kozen een blij gezichtje?" in text and "77 %" in text and "85 %" in text
