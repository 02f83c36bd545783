"""HTML and script in a text of the evaluator or in a quote stay text in every output: escaped in
the HTML, shown literally in the PDF and the Word file, stored as text (never a formula) in Excel."""

import pytest
from sqlalchemy import select

from survey.coding.models import AnswerCode, CodedAnswer, Source, Theme
from survey.evaluations import services
from survey.evaluations.models import PROGRAMME_SCOPE
from survey.extensions import db
from survey.responses.models import Answer, Response
from tests.survey.evaluations.helpers import article, keep_every_statement, make_report, publish_report
from tests.survey.evaluations.readback import docx_parts, pdf_text, xlsx_cells

SCRIPT = '<script>alert("x")</script> <b>vet</b>'
FORMULA = '=HYPERLINK("http://evil.example","klik")'
QUOTE = "<img src=x onerror=alert(1)> goede samenwerking"


def _code_a_quote(demo) -> None:
    """One programme answer, scrubbed copy with markup, as the only answer of a new theme."""
    answer = db.session.scalar(
        select(Answer)
        .join(Response)
        .where(Response.survey_id == demo.survey.id, Answer.item_code == "P_TROTS")
        .order_by(Answer.id)
    )
    answer.scrubbed_text = QUOTE
    theme = Theme(
        codebook_id=db.session.scalar(select(Theme.codebook_id)), key="opmaak", label="Opmaak <i>", position=99
    )
    db.session.add(theme)
    db.session.flush()
    coded = db.session.get(CodedAnswer, answer.id)
    coded.codes.append(AnswerCode(answer_id=answer.id, theme_id=theme.id, source=Source.HUMAN, verified=True))
    db.session.commit()


@pytest.mark.slow
def test_markup_and_formulas_stay_text_in_every_output(client, login, db, demo):
    _code_a_quote(demo)
    evaluation = make_report(demo, [demo.survey])
    services.save_texts(evaluation, PROGRAMME_SCOPE, {"introduction": SCRIPT, "conclusion": FORMULA})
    db.session.commit()
    keep_every_statement(evaluation)
    login(demo.user("onderzoeker"))
    draft = client.get(f"{demo.base}/tussenevaluaties/{evaluation.id}/").get_data(as_text=True)
    publish_report(demo, evaluation)
    login(demo.user("lezer"))
    reader = f"{demo.base}/rapporten/tussenevaluaties/{evaluation.id}"
    for page in (draft, client.get(reader + "/").get_data(as_text=True)):
        html = article(page)
        assert "<script" not in html and "<img" not in html and "<b>" not in html and "<i>" not in html
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &lt;b&gt;vet&lt;/b&gt;" in html
        assert "&lt;img src=x onerror=alert(1)&gt; goede samenwerking" in html
        assert "Opmaak &lt;i&gt;" in html

    text = pdf_text(client.get(reader + "/pdf").data)
    assert SCRIPT in text and QUOTE in text and FORMULA in text and "Opmaak <i>" in text

    paragraphs, _tables = docx_parts(client.get(reader + "/docx").data)
    assert SCRIPT in paragraphs and FORMULA in paragraphs
    assert QUOTE in paragraphs and "Opmaak <i> (1)" in paragraphs

    cells = xlsx_cells(client.get(reader + "/xlsx").data)
    by_value = {cell.value: cell for cell in cells}
    assert SCRIPT in by_value and QUOTE in by_value and "Opmaak <i>" in by_value
    assert by_value[FORMULA].data_type == "s"  # text, not a formula
    assert not any(cell.data_type == "f" for cell in cells)
