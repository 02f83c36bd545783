"""The staff landing page shows the work per role: running rounds with response so far and the previous
round, answers to check, evaluations waiting, missing progress reports and letters to print and delete,
each a link to the place to act."""

import re
from datetime import date

from survey.accounts.models import Role
from survey.evaluations.models import Evaluation, EvaluationStatus
from survey.fieldwork.models import LetterBatch, LetterKind
from survey.questionnaires.models import FieldworkStatus
from tests.survey.programmes.factories import make_programme, make_project
from tests.survey.reports import builders


def text_of(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)).split())


def world(db, region):
    last_year = builders.make_survey(db, region, round_label="2025")
    for _ in range(3):
        builders.add_response(db, last_year, {"T1": "4"})
    running = builders.make_survey(db, region, round_label="2026")
    running.status, running.previous_round_id, running.series_key = (
        FieldworkStatus.OPEN,
        last_year.id,
        last_year.series_key,
    )
    response = builders.add_response(db, running, {"T1": "5", "O1": "Fijn"}, scrubbed={"O1": "Fijn"})
    db.session.flush()
    builders.code(db, running, builders.answer_of(response, "O1"), [], verified=False)
    db.session.add(LetterBatch(survey_id=running.id, kind=LetterKind.INVITATION, letter_count=7))
    db.session.add(
        Evaluation(
            region_id=region.id,
            title="Tussenevaluatie 2026",
            period_start=date(2025, 1, 1),
            period_end=date(2025, 12, 31),
            status=EvaluationStatus.CONCEPT,
        )
    )
    db.session.commit()
    return running


def test_researcher_sees_rounds_answers_and_letters_as_links(client, db, region, make_user, login):
    running = world(db, region)
    login(make_user(region, Role.ONDERZOEKER))
    response = client.get(f"/beheer/{region.slug}/")
    page, html = text_of(response), response.get_data(as_text=True)
    assert "Lopende metingen" in page
    assert "tot nu toe 1 ingevulde vragenlijst; de vorige meting had er in totaal 3." in page
    assert f'href="/beheer/{region.slug}/vragenlijsten/{running.id}/veldwerk/"' in html
    assert "1 antwoord nog niet gecontroleerd" in page
    assert f'href="/beheer/{region.slug}/coderen/{running.id}/O1/"' in html
    assert "1 brievenbestand, 7 brieven. Ze bevatten leesbare codes" in page
    assert "Tussenevaluaties om goed te keuren" not in page  # approving is the beheerder's


def test_beheerder_sees_the_evaluation_waiting_for_approval(client, db, region, make_user, login):
    world(db, region)
    login(make_user(region, Role.BEHEERDER))
    page = text_of(client.get(f"/beheer/{region.slug}/"))
    assert "Tussenevaluatie 2026 : concept, wacht op goedkeuring" in page


def test_a_coder_sees_only_the_answers_to_check(client, db, region, make_user, login):
    world(db, region)
    login(make_user(region, Role.CODEUR))
    page = text_of(client.get(f"/beheer/{region.slug}/"))
    assert "1 antwoord nog niet gecontroleerd" in page
    for other in ("Lopende metingen", "Tussenevaluatie 2026", "Brieven om af te drukken"):
        assert other not in page


def test_project_leader_sees_only_their_own_missing_report(client, db, region, make_user, login):
    leader = make_user(region, Role.PROJECTLEIDER)
    programme = make_programme(region, report_months=list(range(1, 13)))
    own = make_project(region, programme=programme, name="Thuis opgroeien")
    make_project(region, programme=programme, name="Ander project", leader=None)
    login(leader)
    response = client.get(f"/beheer/{region.slug}/")
    page = text_of(response)
    assert "Thuis opgroeien : de voortgangsrapportage over" in page and "ontbreekt" in page
    assert "Ander project" not in page
    assert f'/programma/project/{own.id}/voortgang"' in response.get_data(as_text=True)
