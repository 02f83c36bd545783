"""Repeated blocks refer to projects by their stable key: the list is picked from the programme, and a
check reports older lists whose keys look like the database id of a project they do not name."""

from sqlalchemy import select

from survey.programmes import services as programme_services
from survey.programmes.models import Project
from survey.questionnaires import versions
from survey.questionnaires.builder import editing
from tests.survey.programmes.factories import make_programme
from tests.survey.questionnaires.helpers import document, text_of, token, url


def _projects(region, names):
    programme = make_programme(region)
    projects = [programme_services.create_project(programme, name=name) for name in names]
    return programme, projects


def test_the_project_list_is_picked_from_the_programme_with_stable_keys(researcher, db, region, make_survey):
    programme, projects = _projects(region, ["Thuis opgroeien", "Integrale Vroeghulp", "Thuis opgroeien 2"])
    db.session.commit()
    survey = make_survey("stakeholder")
    page = text_of(researcher.get(url(survey, "/lijsten")))
    assert "Projecten uit een programma" in page
    response = researcher.post(
        url(survey, "/lijsten/uit-programma"), data={"lock": token(survey), "programme": str(programme.id)}
    )
    assert response.status_code == 302
    items = document(survey).lists["projecten"]
    # in the order the programme sets (here the order they were entered), not alphabetical
    assert [(i.key, i.label["nl"]) for i in items] == [(p.key, p.name) for p in projects]
    assert {p.key for p in projects} == {"thuis-opgroeien", "integrale-vroeghulp", "thuis-opgroeien-2"}
    assert not any(str(p.id) in p.key for p in projects)
    # answers store the key as their instance (at most 40 characters)
    long = programme_services.create_project(
        programme, name="Praktijkondersteuning jeugd bij de huisarts in elke gemeente"
    )
    assert long.key == "praktijkondersteuning-jeugd-bi" and len(long.key) <= 40


def test_the_check_reports_list_keys_that_look_like_another_projects_id(app, db, region, make_survey):
    _programme, projects = _projects(region, ["Thuis opgroeien", "Integrale Vroeghulp"])
    home, early = projects
    db.session.commit()
    survey = make_survey("stakeholder")
    doc = versions.editable_document(survey)
    # p<id of home> is labelled as the other project: the old rule gave its answers to home as well
    editing.set_list(doc, "projecten", [(f"p{home.id}", early.name), ("vh", home.name)])
    versions.save_document(survey, doc, versions.lock_token(survey))
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["programmes", "check-list-keys"])
    assert result.exit_code == 0
    assert f"sleutel 'p{home.id}' (Integrale Vroeghulp) lijkt op project {home.id} (Thuis opgroeien)" in result.output
    assert "1 lijstsleutel(s)" in result.output and "'vh'" not in result.output
    assert db.session.scalar(select(Project).where(Project.id == early.id)).key == "integrale-vroeghulp"
