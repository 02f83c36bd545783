"""The Word file says what the page and the PDF say about small numbers (DOMAIN.md section 3): the 67 %
response of the demo's enquête (20 of 30) carries the signal mark and its footnote, the mean grade of 20
respondents is called a signal, and every theme list says how many respondents answered."""

import re

import pytest

from survey.evaluations.models import Evaluation
from tests.survey.evaluations.helpers import article, keep_every_statement, make_report, publish_report
from tests.survey.evaluations.readback import docx_parts, pdf_text

FOOTNOTE = "* Minder dan 30 ingevulde vragenlijsten: de uitkomsten zijn signalen, geen conclusies."
GRADE = "7,4 – gemiddeld rapportcijfer van 20 respondenten (signaal)"
COUNTS = re.compile(r"\d+ respondent(?:en)? ga(?:f|ven) antwoord; de getallen zijn antwoorden per thema\.")
SCORES_NOTE = "– = minder dan 10 antwoorden, niet getoond. * = minder dan 30 antwoorden: een signaal, geen conclusie."


@pytest.mark.slow
def test_word_file_marks_small_numbers_as_the_pdf_does(client, login, db, demo, ceo):
    evaluation = make_report(demo, [demo.survey, ceo[1]])
    keep_every_statement(evaluation)
    publish_report(demo, evaluation)
    reader = f"{demo.base}/rapporten/tussenevaluaties/{evaluation.id}"
    login(demo.user("lezer"))
    html = " ".join(article(client.get(reader + "/").get_data(as_text=True)).split())
    pdf = pdf_text(client.get(reader + "/pdf").data)
    paragraphs, tables = docx_parts(client.get(reader + "/docx").data)

    response = next(t for t in tables if t[0][:5] == ["Vragenlijst", "Soort", "Uitgenodigd", "Ingevuld", "Respons"])
    enquete = next(row for row in response if row[0].startswith("Stakeholder-enquête tussenevaluatie"))
    assert enquete[2:] == ["30", "20", "67 % *"]  # the count beside the percentage, marked as a signal
    assert FOOTNOTE in paragraphs and FOOTNOTE in pdf and FOOTNOTE in html
    assert GRADE in paragraphs and "7,4 gemiddeld rapportcijfer van 20 respondenten (signaal)" in pdf

    in_word = [p for p in paragraphs if COUNTS.fullmatch(p)]
    on_page = COUNTS.findall(html)
    assert len(in_word) == len(on_page) == len(COUNTS.findall(pdf)) == 18
    assert in_word == on_page  # the same counts, in the same order
    assert "20 respondenten gaven antwoord; de getallen zijn antwoorden per thema." in in_word

    assert SCORES_NOTE in paragraphs and SCORES_NOTE in " ".join(html.split())
    snapshot = db.session.get(Evaluation, evaluation.id).snapshot
    items = {i["code"]: i for line in snapshot["scores"]["lines"] for i in line["items"]}
    signals = [code for code, item in items.items() if item["signal"]]
    cells = {row[0].split(" ", 1)[0]: row[1] for t in tables if t[0][:3] == ["Item", "Nu", "n"] for row in t[1:]}
    for code, item in items.items():  # a CEO item under 30 answers is marked as on the page, the others not
        assert cells[code] == item["pct_text"] + (" *" if code in signals else "")
