"""What the evaluator sees on the statements page after pasting a project's notes with question headings,
inline labels and Markdown emphasis: each statement in the section its heading names, without the pasted
formatting or label in the quote."""

import pytest

from survey.evaluations.models import Evaluation
from tests.survey.evaluations.helpers import make_report

PASTED = (
    "Wat werkt goed?\n"
    "• De professionals plukken de vruchten van de samenwerking\n"
    "• Er is sprake van een vollediger overdracht\n\n"
    "Waar zijn we trots op?\n"
    "- *Bij de start namen ruim 70 studenten deel*\n"
    "Trots op: de oprichting van een regionale oudersraad.\n\n"
    "Wat werkt goed in de jeugdzorg:\n"
    "- Korte lijnen met de huisarts\n\n"
    "Tips:\n"
    "- Ouders na een week terugbellen\n"
)


@pytest.mark.slow
def test_question_headings_labels_and_emphasis_on_the_statements_page(client, login, db, demo):
    login(demo.user("onderzoeker"))
    project = next(p for p in demo.programme.projects if p.name == "Thuis opgroeien")
    evaluation = make_report(demo, [demo.survey])
    url = f"{demo.base}/tussenevaluaties/{evaluation.id}"
    pasted = client.post(url + "/uitspraken", data={"block": PASTED, "project": str(project.id), "source": "Heimiddag"})
    assert pasted.status_code == 302

    notes = db.session.get(Evaluation, evaluation.id).notes
    page = client.get(url + "/uitspraken").get_data(as_text=True)
    rows = {n.raw_text: page.split(f'id="uitspraak-{n.id}"', 1)[1].split("</tr>", 1)[0] for n in notes}
    sections = {text: row.split("<td>")[2].split("</td>", 1)[0].split(" <span")[0] for text, row in rows.items()}
    assert sections == {
        "De professionals plukken de vruchten van de samenwerking": "Wat werkt goed",
        "Er is sprake van een vollediger overdracht": "Wat werkt goed",
        "Bij de start namen ruim 70 studenten deel": "Waar respondenten trots op zijn",
        "De oprichting van een regionale oudersraad.": "Waar respondenten trots op zijn",
        "Korte lijnen met de huisarts": "Wat werkt goed",
        "Ouders na een week terugbellen": "Wat heeft aandacht",
    }
    assert all("uit de kop" in row for row in rows.values())
    assert all("Thuis opgroeien" in row for row in rows.values())
    assert "“Wat werkt goed?”, “Tops”, “Tips”" in page  # the page says which headings it knows
    shown = "".join(rows) + "".join(rows.values())
    assert "Wat werkt goed?" not in shown and "*" not in shown and "Trots op:" not in shown
