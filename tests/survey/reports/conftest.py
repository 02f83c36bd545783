"""A worked example small enough to count by hand (see test_results_page.py for the sums)."""

import pytest

from survey.accounts.models import Role
from survey.responses.models import ResponseStatus
from tests.survey.reports import builders

T1 = ["5", "5", "4", "4", "4", "3", "2", "1", "weet_niet", "nvt", "nvt", None]
K1 = ["4"] * 10 + ["2"] * 2
E1 = ["5", "4", "3", "3", "3", "2", "2", "1", "1", "1", "weet_niet", "weet_niet"]
F1 = ["altijd"] * 3 + ["vaak"] * 3 + ["soms"] * 4 + ["nooit"] * 2
R1 = [8, 7, 7, 9, 6, 5, 8, 7, 10, 4, 7, 8]
C1 = [["thuis"], ["thuis", "school"], ["anders"]] + [None] * 9
O1 = {
    0: ("Ik moest lang wachten op Jan de Vries.", "Ik moest lang wachten op [PERSOON-1]."),
    1: ('=HYPERLINK("http://x.example/","klik")', '=HYPERLINK("http://x.example/","klik")'),
    2: ("Niemand nam ons serieus, bel 06-12345678", "Niemand nam ons serieus, bel [TELEFOONNUMMER-1]"),
    3: ("Geheim verhaal over Piet", None),
}


@pytest.fixture
def example(db, region):
    """12 completed responses (7 Rotterdam, 5 Schiedam; 10 nl, 2 ar), one in progress, 20 invitations
    (Rotterdam 10 nl, Schiedam 5 nl and 5 ar: every combination of the responses has k = 5 invitees)."""
    survey = builders.make_survey(db, region, min_cell=5)
    responses = []
    for i in range(12):
        answers = {"T1": T1[i], "K1": K1[i], "E1": E1[i], "F1": F1[i], "R1": R1[i], "C1": C1[i]}
        raw, scrubbed = O1.get(i, (None, None))
        answers["O1"] = raw
        responses.append(
            builders.add_response(
                db,
                survey,
                answers,
                language="ar" if i >= 10 else "nl",
                background={"gemeente": "Rotterdam" if i < 7 else "Schiedam"},
                scrubbed={"O1": scrubbed} if scrubbed else None,
                other={"C1": "Bij oma thuis"} if i == 2 else None,
            )
        )
    builders.add_response(db, survey, {"T1": "1", "R1": 1}, status=ResponseStatus.IN_PROGRESS)
    for count, completed, gemeente, language in (
        (10, 7, "Rotterdam", "nl"),
        (5, 3, "Schiedam", "nl"),
        (5, 2, "Schiedam", "ar"),
    ):
        builders.add_invitations(
            db, survey, count, completed=completed, started=1, background={"gemeente": gemeente}, language=language
        )
    db.session.commit()
    themes = builders.codebook(db, region, survey)
    builders.code(
        db,
        survey,
        builders.answer_of(responses[0], "O1"),
        [(themes["wachttijd"], "regel", None, False)],
        kinds=[("zorg", "regel", False), ("suggestie", "model", False)],
    )
    # checked by a coder: only the checked kind counts, not the suggestion left beside it
    builders.code(
        db,
        survey,
        builders.answer_of(responses[2], "O1"),
        [(themes["serieus"], "mens", None, True)],
        verified=True,
        kinds=[("compliment", "mens", True), ("zorg", "model", False)],
    )
    builders.code(
        db,
        survey,
        builders.answer_of(responses[1], "O1"),
        [(themes["wachttijd"], "model", 0.91, False), (themes["serieus"], "model", 0.4, False)],
        kinds=[("zorg", "model", False)],
    )
    db.session.commit()
    return survey


@pytest.fixture
def researcher(region, make_user, login):
    user = make_user(region, Role.ONDERZOEKER)
    login(user)
    return user


@pytest.fixture
def page(client, example, researcher, region):
    """The results page of the worked example (or of a test file's own ``example``), as the researcher reads it."""

    def get(query=""):
        response = client.get(f"/beheer/{region.slug}/resultaten/{example.id}/{query}")
        assert response.status_code == 200
        return response.get_data(as_text=True)

    return get
