"""Which open question feeds which section, and which repeated answers belong to which project."""

from survey.evaluations.draft.sources import open_questions, project_keys, question_role
from survey.programmes.models import Project
from survey.questionnaires.content.parsing import parse_document


def test_the_wording_of_a_question_decides_its_section():
    assert question_role("Waar bent u trots op?") == "proud"
    assert question_role("Wat werkt goed in dit project?") == "works"
    assert question_role("Waar vraagt u aandacht voor?") == "attention"
    assert question_role("Wat kan beter?") == "attention"
    assert question_role("Wat werkt niet goed?") == "attention"
    assert question_role("Wat viel u op?") == "notable"
    assert question_role("Heeft u nog opmerkingen?") is None


def _document(items, texts=("Waar bent u trots op?", "Wat gaat er goed?", "Nog iets?")):
    return parse_document(
        {
            "lists": {"projecten": items},
            "sections": [
                {"key": "S1", "questions": [{"code": "P1", "type": "open_lang", "text": {"nl": "Wat kan beter?"}}]},
                {
                    "key": "S2",
                    "repeat": "projecten",
                    "questions": [
                        {"code": f"Q{i}", "type": "open_lang", "text": {"nl": text}} for i, text in enumerate(texts)
                    ],
                },
            ],
        }
    )


def test_open_questions_by_role_with_the_block_order_as_fallback():
    found = [(q.code, q.role, q.repeated) for q in open_questions(_document([]))]
    assert found == [
        ("P1", "attention", False),
        ("Q0", "proud", True),
        ("Q1", "works", True),
        ("Q2", "attention", True),
    ]


def test_list_items_match_projects_by_key_or_by_name():
    home, early, other = (
        Project(id=3, key="project-3", name="Thuis opgroeien"),
        Project(id=7, key="integrale-vroeghulp", name="Integrale Vroeghulp"),
        Project(id=9, key="niet-gevraagd", name="Niet gevraagd"),
    )
    document = _document(
        [
            {"key": "project-3", "label": {"nl": "Thuis"}},
            {"key": "vh", "label": {"nl": " integrale vroeghulp "}},
            {"key": "x", "label": {"nl": "Iets anders"}},
        ]
    )
    assert project_keys(document, [home, early, other]) == {3: {"project-3"}, 7: {"vh"}, 9: set()}


NAMES = [
    "Thuis opgroeien",
    "Integrale Vroeghulp",
    "POH-jeugd",
    "Doorlopende zorg 18-/18+",
    "Beter Samenspel",
    "Gezinshuizen",
    "Jeugdbescherming",
]


def test_p1_to_p7_keys_never_attribute_answers_to_the_project_with_that_database_id():
    """The list editor's own hint suggests p1…p7; the projects happen to have ids 1…7 in another order.
    Answers under p3 belong to the item labelled there, never also to project 3."""
    projects = [Project(id=i + 1, key=f"k{i + 1}", name=name) for i, name in enumerate(NAMES)]
    shuffled = NAMES[3:] + NAMES[:3]  # p1 = "Doorlopende zorg 18-/18+" (project 4), ...
    document = _document([{"key": f"p{i + 1}", "label": {"nl": name}} for i, name in enumerate(shuffled)])
    keys = project_keys(document, projects)
    for project in projects:
        assert keys[project.id] == {f"p{shuffled.index(project.name) + 1}"}, project.name
    assert keys[3] == {"p7"}  # "POH-jeugd"; the old rule also gave it p3 (Jeugdbescherming's answers)
