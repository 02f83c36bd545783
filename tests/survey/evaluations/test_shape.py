"""The shape of the report as a council member reads it: projects in the programme's order, a
programme overview table, months written out, empty blocks left out, the evaluator's closing
sections and quotes with a public role, and Word tables whose columns fit their text."""

import io
import re

from docx import Document

from survey.evaluations import services
from survey.evaluations.draft.report import build_report
from survey.evaluations.files import outputs
from survey.evaluations.models import PROGRAMME_SCOPE
from survey.evaluations.statements import notes
from tests.survey.evaluations.helpers import keep_every_statement, make_report
from tests.survey.evaluations.readback import docx_headings

MONTH = re.compile(
    r"\((?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
    r"december) 20\d\d\)"
)


def test_the_report_reads_like_an_evaluation(db, demo):
    projects = sorted(demo.programme.projects, key=lambda p: p.id)
    projects[0].budget_lines.clear()  # a project without a budget
    db.session.commit()
    evaluation = make_report(demo, [demo.survey], projects=list(reversed(projects)))
    notes.add_notes(
        evaluation,
        "Wat werkt goed\n- “We zien de wachtlijst eindelijk dalen.” — wethouder jeugd",
        project=None,
        source="Interview",
    )
    services.save_texts(
        evaluation,
        PROGRAMME_SCOPE,
        {"coherence": "De projecten versterken elkaar.", "vignette": "Een gezin kreeg binnen twee weken hulp."},
    )
    db.session.commit()
    keep_every_statement(evaluation)
    quote = next(q for q in evaluation.quotes if q.key)  # mark the interview quote's speaker public
    for q in evaluation.quotes:
        q.attribution_public = True
    db.session.commit()
    report = build_report(evaluation)
    assert [p["name"] for p in report["projects"]] == [p.name for p in projects]  # the programme's order
    html = outputs.report_html(report)
    assert "Programmaoverzicht: projecten, doelen en waar ze staan" in html
    overview = html.split('id="overzicht-caption"', 1)[1].split("</table>", 1)[0]
    assert all(p.name in overview for p in projects)
    assert MONTH.search(html) and not re.search(r"\(20\d\d-\d\d\)", html)  # "(oktober 2026)", never "(2026-10)"
    first = html.split(f'id="project-{projects[0].id}"', 1)[1].split("</section>", 1)[0]
    assert "Begroting" not in first and "Geen begroting" not in html  # an empty block is left out
    assert (
        outputs.report_html(report, edit={"programma": "#", **{f"project-{p.id}": "#" for p in projects}}).count(
            "Geen begroting"
        )
        == 1
    )  # the draft still shows where something is missing
    for title in ("Samenhang en vervolg", "Een casus uit de praktijk", "Stakeholders aan het woord"):
        assert title in html
    voices = html.split('id="programma-voices"', 1)[1].split("</section>", 1)[0]
    assert "We zien de wachtlijst eindelijk dalen." in voices and "wethouder jeugd" in voices
    assert quote is not None

    content = outputs.render(report, "docx")
    assert "Stakeholders aan het woord" in docx_headings(content)
    for table in Document(io.BytesIO(content)).tables:
        widths = [cell.width for cell in table.rows[0].cells]
        assert all(w is not None for w in widths) and sum(widths) <= 16.1 * 360000
    overview = Document(io.BytesIO(content)).tables[0]
    name, line, target, reached, _status = (c.width for c in overview.rows[0].cells)
    assert target > reached and target > line  # target texts get room; numbers stay narrow
