"""Which open question feeds which section, and which repeated answers belong to which project."""

from survey.evaluations.sources import open_questions, project_keys, question_role
from survey.programmes.models import Project
from survey.questionnaires.parsing import parse_document


def test_the_wording_of_a_question_decides_its_section():
    assert question_role("Waar bent u trots op?") == "proud"
    assert question_role("Wat werkt goed in dit project?") == "works"
    assert question_role("Waar vraagt u aandacht voor?") == "attention"
    assert question_role("Wat kan beter?") == "attention"
    assert question_role("Wat werkt niet goed?") == "attention"
    assert question_role("Wat viel u op?") == "notable"
    assert question_role("Heeft u nog opmerkingen?") is None


def _document(items, texts=("Waar bent u trots op?", "Wat gaat er goed?", "Nog iets?")):
    return parse_document({"lists": {"projecten": items}, "sections": [
        {"key": "S1", "questions": [{"code": "P1", "type": "open_lang", "text": {"nl": "Wat kan beter?"}}]},
        {"key": "S2", "repeat": "projecten", "questions": [
            {"code": f"Q{i}", "type": "open_lang", "text": {"nl": text}} for i, text in enumerate(texts)]}]})


def test_open_questions_by_role_with_the_block_order_as_fallback():
    found = [(q.code, q.role, q.repeated) for q in open_questions(_document([]))]
    assert found == [("P1", "attention", False), ("Q0", "proud", True), ("Q1", "works", True),
                     ("Q2", "attention", True)]


def test_list_items_match_projects_by_key_or_by_name():
    home, early, other = (Project(id=3, name="Thuis opgroeien"), Project(id=7, name="Integrale Vroeghulp"),
                          Project(id=9, name="Niet gevraagd"))
    document = _document([{"key": "project-3", "label": {"nl": "Thuis"}},
                          {"key": "vh", "label": {"nl": " integrale vroeghulp "}},
                          {"key": "x", "label": {"nl": "Iets anders"}}])
    assert project_keys(document, [home, early, other]) == {3: {"project-3"}, 7: {"vh"}, 9: set()}
