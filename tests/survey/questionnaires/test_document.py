"""The questionnaire document: validation names every problem; a valid document round-trips."""

import pytest

from survey.questionnaires.content.document import Condition, DocumentError
from survey.questionnaires.content.parsing import parse_document
from survey.questionnaires.content.registry import REGISTRY


def doc(*questions, **extra):
    return {
        "languages": ["nl"],
        "sections": [{"key": "S1", "title": {"nl": "Deel 1"}, "questions": list(questions)}],
        **extra,
    }


def q(code, type_="stelling", **fields):
    return {"code": code, "type": type_, "text": {"nl": f"Vraag {code}"}, **fields}


def problems_of(data):
    with pytest.raises(DocumentError) as info:
        parse_document(data)
    return [(where, msg % params) for where, msg, params in info.value.problems]


def test_valid_document_round_trips():
    data = doc(
        q("T1"),
        q("R1", "rapportcijfer"),
        q("O1", "open_lang", condition={"item": "R1", "op": "lte", "value": 5}),
        q("G", "stellingen", items=[{"code": "K1", "text": {"nl": "a"}}, {"code": "K2", "text": {"nl": "b"}}]),
    )
    document = parse_document(data)
    assert document.item_codes() == ["T1", "R1", "O1", "K1", "K2"]
    assert parse_document(document.to_dict()).to_dict() == document.to_dict()
    assert [o.code for o in document.question("T1").options] == ["5", "4", "3", "2", "1", "weet_niet", "nvt"]


def test_condition_pointing_forward_is_refused_with_place():
    found = problems_of(doc(q("T1", condition={"item": "T2", "op": "is", "value": "5"}), q("T2")))
    assert found == [("sectie 1, vraag 1", "The condition refers to T2, which is not an earlier question.")]


def test_duplicate_codes_unknown_type_and_bad_settings_are_all_reported():
    found = problems_of(
        doc(
            q("T1"),
            q("T1"),
            q("X1", "slider"),
            q(
                "M1",
                "meerkeuze",
                options=[{"code": "a", "label": {"nl": "A"}}, {"code": "b", "label": {"nl": "B"}}],
                settings={"min": 3, "max": 1},
            ),
        )
    )
    messages = [m for _, m in found]
    assert "Item code T1 is used twice." in messages
    assert "Unknown question type slider." in messages
    assert "The minimum is higher than the maximum." in messages


def test_choice_without_options_is_refused():
    assert ("sectie 1, vraag 1", "A choice question needs at least two options.") in problems_of(doc(q("K", "keuze")))


@pytest.mark.parametrize(
    "op,value,answers,expected",
    [
        ("is", "5", {"T1": "5"}, True),
        ("is", "5", {"T1": "4"}, False),
        ("in", ["4", "5"], {"T1": "4"}, True),
        ("gte", 6, {"R1": "7"}, True),
        ("lte", 5, {"R1": "7"}, False),
        ("answered", None, {"T1": ""}, False),
        ("answered", None, {"T1": "3"}, True),
        ("in", ["a"], {"M": ["b", "a"]}, True),
    ],
)
def test_conditions(op, value, answers, expected):
    item = next(iter(answers))
    assert Condition(item, op, value).holds(answers) is expected


def test_every_registered_type_can_be_parsed():
    for key, qtype in REGISTRY.items():
        fields = {}
        if qtype.needs_options:
            fields["options"] = [{"code": "a", "label": {"nl": "A"}}, {"code": "b", "label": {"nl": "B"}}]
        if qtype.grouped:
            fields["items"] = [{"code": "G1", "text": {"nl": "stelling"}}]
        document = parse_document(doc(q("Q1", key, **fields)))
        assert document.questions()[0].type == key
