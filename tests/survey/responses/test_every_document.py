"""Every test document (and, once they exist, every shipped template) can be completed in every
display mode, and what is stored is exactly the answers on the respondent's path."""

import pytest
from sqlalchemy import select

from survey.questionnaires.content.parsing import parse_document
from survey.questionnaires.models import DisplayMode
from survey.responses.models import Response, ResponseStatus
from survey.responses.steps.flow import compute_flow
from survey.responses.storage import load_answers
from survey.responses.visits import text_direction
from tests.survey.responses.documents import flow_documents
from tests.survey.responses.walk import walk


@pytest.mark.parametrize("name,document", flow_documents())
@pytest.mark.parametrize("mode", list(DisplayMode))
def test_complete_in_every_mode(client, db, make_survey, name, document, mode):
    make_survey(document, mode=mode)
    answers = {"R1": "4"} if name.startswith("sjabloon") else {"R1": "4", "A1": "prof"}
    end = walk(client, "/v/open-sleutel-1234", answers)
    assert end.status_code == 302 and "/klaar" in end.headers["Location"], end.get_data(as_text=True)[:2000]
    response = db.session.scalars(select(Response)).one()
    assert response.status == ResponseStatus.COMPLETED
    parsed = parse_document(document)
    answers, _others = load_answers(response, parsed)
    visible = compute_flow(parsed, mode, answers).visible_keys()
    assert set(answers) <= visible
    required = {
        key
        for step in compute_flow(parsed, mode, answers).steps
        for p in step.prompts
        for key in p.keys
        if p.question.required
    }
    assert required <= set(answers)


def test_changing_an_earlier_answer_drops_the_answers_it_skips(client, db, make_survey):
    make_survey()
    walk(client, "/v/open-sleutel-1234", {"R1": "4", "O2": "Sneller"}, stop_after=8)
    page = client.get("/v/open-sleutel-1234/vraag/6").get_data(as_text=True)
    from tests.survey.responses.walk import fill

    client.post("/v/open-sleutel-1234/vraag/6", data=fill(page, {"R1": "9"}))
    end = walk(client, "/v/open-sleutel-1234", start=7)
    assert "/klaar" in end.headers["Location"]
    codes = {a.item_code for a in db.session.scalars(select(Response)).one().answers}
    assert "O2" not in codes and "R1" in codes


@pytest.mark.parametrize(
    "language,direction",
    [("ar", "rtl"), ("fa", "rtl"), ("nl", "ltr"), ("tr", "ltr"), ("ti", "ltr"), ("xx-onbekend", "ltr")],
)
def test_text_direction_per_language(language, direction):
    assert text_direction(language) == direction
