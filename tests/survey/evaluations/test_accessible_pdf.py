"""The PDF for the council is tagged (PDF/UA-1): a screen reader finds the title, the language, the
headings in order, the lists of statements and the tables with their header cells."""

import pytest

from survey.evaluations.draft.report import build_report
from survey.evaluations.files import outputs
from tests.survey.evaluations.helpers import keep_every_statement, make_report
from tests.survey.evaluations.readback import pdf_structure


@pytest.mark.slow
def test_the_pdf_carries_a_tag_tree_with_headings_lists_and_tables(db, demo):
    evaluation = make_report(demo, [demo.survey], title="Tussenevaluatie Zorg voor Jeugd")
    keep_every_statement(evaluation)
    info, tree = pdf_structure(outputs.render(build_report(evaluation), "pdf"))
    assert info["Tagged"] == "yes" and info["Title"] == "Tussenevaluatie Zorg voor Jeugd"
    tags = [line.split()[0].rstrip(":") for line in tree]
    assert tags[0] == "Document"
    assert tags.count("H1") == 1 and tags.count("H2") >= 8 and "H3" in tags
    assert tags.index("H1") < tags.index("H2")
    assert tags.count("LI") >= 10 and "LBody" in tags  # the statements are a real list
    assert "Table" in tags and "TH" in tags and "TD" in tags  # response, budget and progress tables
    assert "Figure" in tags  # the progress charts
