"""Steps per display mode: conditions skip questions and sections, repeated blocks repeat, and the
progress count follows the respondent's path."""

import pytest

from survey.questionnaires.content.parsing import parse_document
from survey.questionnaires.models import DisplayMode
from survey.responses.display.piping import Piping
from survey.responses.steps.flow import compute_flow, progress_of
from tests.survey.responses.documents import all_types_document, flow_documents

ONE = DisplayMode.ONE_PER_SCREEN


def screens(flow):
    """Each step as 'code@instance' of its prompts (statements by their own code)."""
    return [
        " ".join(
            (",".join(p.codes) or p.question.code) + (f"@{p.instance_key}" if p.instance_key else "")
            for p in step.prompts
        )
        for step in flow.steps
    ]


@pytest.fixture
def document():
    return parse_document(all_types_document())


def test_one_per_screen_shows_each_statement_of_a_group_on_its_own_screen(document):
    flow = compute_flow(document, ONE, {})
    assert screens(flow) == [
        "I0",
        "T1",
        "K1",
        "K2",
        "F1",
        "R1",
        "N1",
        "C1",
        "A1",
        "M1",
        "L1",
        "Q1",
        "P1@p1",
        "P2@p1",
        "P1@p2",
        "P2@p2",
    ]
    assert flow.total_questions == 15  # the information text is no question


def test_condition_on_an_answer_adds_a_question_and_the_count_follows(document):
    low = compute_flow(document, ONE, {("R1", ""): "4"})
    assert "O2" in screens(low) and low.total_questions == 16
    high = compute_flow(document, ONE, {("R1", ""): "8"})
    assert "O2" not in screens(high) and high.total_questions == 15
    n1 = next(s for s in low.steps if s.prompts[0].question.code == "N1")
    progress = progress_of(low, n1)
    assert (progress.kind, progress.current, progress.total) == ("question", 7, 16)


def test_a_published_document_with_conditions_still_follows_each_respondents_answers(document):
    """A published (shared) document's flow is kept per process only when it has no condition at all."""
    low = compute_flow(document, ONE, {("R1", ""): "4"}, shared=True)
    high = compute_flow(document, ONE, {("R1", ""): "8"}, shared=True)
    assert "O2" in screens(low) and "O2" not in screens(high)
    plain = parse_document(
        {
            "languages": ["nl"],
            "sections": [
                {
                    "key": "S1",
                    "questions": [
                        {"code": "T1", "type": "stelling", "text": {"nl": "Stelling."}},
                        {"code": "R1", "type": "rapportcijfer", "text": {"nl": "Cijfer?"}},
                    ],
                }
            ],
        }
    )
    first = compute_flow(plain, ONE, {}, shared=True)
    assert compute_flow(plain, ONE, {("R1", ""): "4"}, shared=True) is first
    assert screens(first) == ["T1", "R1"]


def test_section_condition_skips_the_whole_section(document):
    assert "Z1" not in screens(compute_flow(document, ONE, {("A1", ""): "ouder"}))
    assert screens(compute_flow(document, ONE, {("A1", ""): "prof"}))[-1] == "Z1"


def test_information_screen_has_no_question_number(document):
    flow = compute_flow(document, ONE, {})
    assert progress_of(flow, flow.steps[0]).kind == ""
    second = progress_of(flow, flow.steps[1])
    assert (second.current, second.total) == (1, 15)


def test_section_per_page_breaks_before_a_question_that_depends_on_the_same_page(document):
    flow = compute_flow(document, DisplayMode.SECTION_PER_PAGE, {("R1", ""): "3"})
    assert screens(flow) == ["I0 T1 K1,K2 F1 R1", "O2 N1 C1", "A1 M1 L1 Q1", "P1@p1 P2@p1", "P1@p2 P2@p2"]
    progress = progress_of(flow, flow.steps[2])
    assert (progress.kind, progress.current, progress.total) == ("step", 3, 5)


def test_all_on_one_page_breaks_only_where_a_condition_needs_an_earlier_answer(document):
    answers = {("R1", ""): "9", ("A1", ""): "prof"}
    flow = compute_flow(document, DisplayMode.ALL_ON_ONE_PAGE, answers)
    assert screens(flow) == ["I0 T1 K1,K2 F1 R1", "N1 C1 A1 M1 L1 Q1 P1@p1 P2@p1 P1@p2 P2@p2", "Z1"]


def test_repeated_block_keeps_answers_per_instance_and_pipes_the_item(document):
    answers = {("P1", "p1"): "8", ("P1", "p2"): "6"}
    flow = compute_flow(document, ONE, answers)
    p2 = next(s for s in flow.steps if s.prompts[0].instance_key == "p2" and s.prompts[0].question.code == "P1")
    assert p2.keys == [("P1", "p2")]
    piping = Piping(document, answers, "nl")
    assert piping.text(p2.prompts[0].question.text, p2.instance) == "Welk cijfer geeft u Snel de juiste hulp?"
    assert piping.text(p2.section.title, p2.instance) == "Project Snel de juiste hulp"


def test_piping_shows_labels_variables_and_falls_back_to_dutch(document):
    answers = {("R1", ""): "4", ("A1", ""): "anders", ("M1", ""): ["thuis", "groep"]}
    piping = Piping(document, answers, "ar", {"gemeente": "Schiedam"}, {("A1", ""): "Buurvrouw"})
    assert piping.text({"nl": "U gaf een {R1}."}) == "U gaf een 4."
    assert piping.text({"nl": "Dat is {A1} en {M1}."}) == "Dat is Buurvrouw en مساعدة في البيت, مساعدة جماعية."
    assert piping.text(document.question("I0").text) == "هذه الأسئلة عن المساعدة في Schiedam."
    assert Piping(document, {}, "nl").text({"nl": "Hulp in {var:gemeente}."}) == "Hulp in."
    assert Piping(document, {}, "tr").text(document.question("T1").text).startswith("Ik wist")


@pytest.mark.parametrize("name,data", flow_documents())
@pytest.mark.parametrize("mode", list(DisplayMode))
def test_every_answerable_item_is_on_exactly_one_step(name, data, mode):
    document = parse_document(data)
    flow = compute_flow(document, mode, {})
    keys = [key for step in flow.steps for key in step.keys]
    assert len(keys) == len(set(keys))
    assert all(step.prompts for step in flow.steps)
    assert [s.index for s in flow.steps] == list(range(len(flow.steps)))
