"""Programme, principles, projects, targets and budget: created, changed and deleted through the pages,
inside the region only, with an audit entry for every change."""

import re
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from survey.accounts.models import Role
from survey.audit.models import AuditEntry
from survey.programmes.models import (
    BudgetLine,
    Principle,
    Programme,
    Project,
    ProjectStatus,
    RegionalActionLine,
    Target,
)
from tests.survey.programmes.factories import make_indicator, make_indicator_set, make_programme, make_project

BASE = "/beheer/rijnmond/programma"


def count(db, model):
    return db.session.scalar(select(func.count()).select_from(model))


def actions(db):
    return [e.action for e in db.session.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def test_programme_is_created_changed_and_deleted_with_audit(client, login, db, region, make_user):
    login(make_user(region, Role.BEHEERDER))
    response = client.post(
        f"{BASE}/nieuw",
        data={
            "name": "Transformatieprogramma",
            "start_year": "2025",
            "end_year": "2027",
            "report_months": ["1", "4", "7"],
            "gemeenten": "Schiedam\nVlaardingen\n\nSchiedam\n",
        },
    )
    programme = db.session.scalar(select(Programme))
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/{programme.id}/")
    assert (programme.region_id, programme.report_months, programme.gemeenten) == (
        region.id,
        [1, 4, 7],
        ["Schiedam", "Vlaardingen"],
    )
    page = client.get(f"{BASE}/{programme.id}/bewerken").get_data(as_text=True)
    assert re.search(r'checked[^>]*value="4"', page) and "Vlaardingen" in page
    client.post(
        f"{BASE}/{programme.id}/bewerken",
        data={"name": "Nieuwe naam", "start_year": "2025", "end_year": "2026", "report_months": ["10"]},
    )
    assert db.session.get(Programme, programme.id).name == "Nieuwe naam"
    client.post(f"{BASE}/{programme.id}/verwijderen")
    assert count(db, Programme) == 0
    assert actions(db) == ["programme.create", "programme.update", "programme.delete"]


def test_programme_form_errors_are_dutch_and_at_the_field(client, login, db, region, make_user):
    login(make_user(region, Role.ONDERZOEKER))
    make_programme(region, name="Bestaat al")
    page = client.post(
        f"{BASE}/nieuw", data={"name": "bestaat al", "start_year": "twintig", "end_year": "2020"}
    ).get_data(as_text=True)
    assert "Er is al een programma met deze naam." in page
    assert "Vul een jaartal in, zoals 2026." in page
    assert count(db, Programme) == 1


def test_project_with_actielijnen_principles_leader_and_activities(client, login, db, region, make_user):
    login(make_user(region, Role.BEHEERDER))
    leader = make_user(region, Role.PROJECTLEIDER, name="Fatima")
    make_user(region, Role.LEZER, name="Lezer Lex")
    programme = make_programme(region)
    for title in ("Zo thuis mogelijk", "Eigen kracht eerst", "Samen leren"):
        client.post(f"{BASE}/{programme.id}/principes/nieuw", data={"title": title, "text": "Uitleg."})
    home, own, _learn = db.session.scalars(select(Principle).order_by(Principle.position)).all()
    form = client.get(f"{BASE}/{programme.id}/projecten/nieuw").get_data(as_text=True)
    assert "Fatima" in form and "Lezer Lex" not in form  # only project leaders can lead
    assert "Principes uit ons verhaal" in form and 'type="checkbox"' in form
    response = client.post(
        f"{BASE}/{programme.id}/projecten/nieuw",
        data={
            "name": "Thuis opgroeien",
            "action_lines": ["2", "5"],
            "ambition": "40 kinderen naar een gezin.",
            "principles": [str(own.id), str(home.id)],
            "leader": str(leader.id),
            "status": "lopend",
            "activities": "Gezinshuizen werven\n\n  Perspectieftafel  \n",
            "next_year_goals": "Borgen.",
        },
    )
    project = db.session.scalar(select(Project))
    assert response.status_code == 302
    assert [line.number for line in project.action_lines] == [2, 5]
    assert [a.text for a in project.activities] == ["Gezinshuizen werven", "Perspectieftafel"]
    assert [p.title for p in project.principles] == ["Zo thuis mogelijk", "Eigen kracht eerst"]  # story order
    assert (project.leader_id, project.status) == (leader.id, ProjectStatus.RUNNING)
    page = client.get(f"{BASE}/project/{project.id}/").get_data(as_text=True)
    assert "Meer kinderen zo thuis mogelijk laten opgroeien" in page and "Perspectieftafel" in page
    assert re.search(r"Principes</dt><dd>Zo thuis mogelijk<br>Eigen kracht eerst</dd>", page)
    edit = client.get(f"{BASE}/project/{project.id}/bewerken").get_data(as_text=True)
    assert re.search(rf'checked[^>]*value="{own.id}"', edit) and re.search(rf'checked[^>]*value="{home.id}"', edit)
    client.post(
        f"{BASE}/project/{project.id}/bewerken",
        data={
            "name": "Thuis opgroeien",
            "action_lines": ["2"],
            "status": "afgerond",
            "leader": "",
            "principles": [str(own.id)],
            "activities": "",
        },
    )
    db.session.expire_all()
    assert [line.number for line in project.action_lines] == [2] and project.leader_id is None
    assert [p.title for p in project.principles] == ["Eigen kracht eerst"]
    assert project.activities == [] and project.status == ProjectStatus.FINISHED
    overview = client.get(f"{BASE}/{programme.id}/").get_data(as_text=True)
    assert "Actielijn 2: Meer kinderen zo thuis mogelijk laten opgroeien" in overview
    assert "Afgerond" in overview
    client.post(f"{BASE}/principe/{own.id}/verwijderen")
    db.session.expire_all()
    assert project.principles == [] and db.session.get(Project, project.id) is not None


def test_regional_actielijn_is_added_chosen_for_a_project_and_grouped_on_the_programme_page(
    client, login, db, region, make_user
):
    login(make_user(region, Role.BEHEERDER))
    programme = make_programme(region)
    response = client.post(
        f"{BASE}/{programme.id}/actielijnen/nieuw",
        data={"title": "Thuis in de regio", "description": "Zo min mogelijk verblijf buiten de regio."},
    )
    assert response.status_code == 302 and response.headers["Location"].endswith("#eigen-actielijnen")
    twice = client.post(f"{BASE}/{programme.id}/actielijnen/nieuw", data={"title": "thuis in de regio"})
    assert "Het programma heeft al een actielijn met deze naam." in twice.get_data(as_text=True)
    line = db.session.scalar(select(RegionalActionLine))
    form = client.get(f"{BASE}/{programme.id}/projecten/nieuw").get_data(as_text=True)
    assert "Eigen actielijnen van de regio" in form and "Thuis in de regio" in form
    # a regional actielijn alone is enough; none at all is not
    client.post(
        f"{BASE}/{programme.id}/projecten/nieuw",
        data={"name": "Gezinshuizen", "regional_lines": [str(line.id)], "status": "lopend"},
    )
    project = db.session.scalar(select(Project))
    assert [x.title for x in project.regional_lines] == ["Thuis in de regio"] and project.action_lines == []
    page = client.get(f"{BASE}/project/{project.id}/").get_data(as_text=True)
    assert "Regionaal: Thuis in de regio" in page
    overview = client.get(f"{BASE}/{programme.id}/").get_data(as_text=True)
    assert "Eigen actielijn: Thuis in de regio" in overview
    assert "Zo min mogelijk verblijf buiten de regio." in overview
    client.post(f"{BASE}/actielijn/{line.id}/bewerken", data={"title": "Thuis blijven", "description": ""})
    assert "Eigen actielijn: Thuis blijven" in client.get(f"{BASE}/{programme.id}/").get_data(as_text=True)
    client.post(f"{BASE}/actielijn/{line.id}/verwijderen")
    db.session.expire_all()
    assert project.regional_lines == [] and db.session.get(Project, project.id) is not None
    assert {"regional_line.create", "regional_line.update", "regional_line.delete"} <= set(actions(db))


def test_projects_are_listed_in_the_order_the_programme_sets(client, login, db, region, make_user):
    login(make_user(region, Role.BEHEERDER))
    programme = make_programme(region)
    for name in ("Thuis opgroeien", "Integrale Vroeghulp", "Beter Samenspel"):
        client.post(
            f"{BASE}/{programme.id}/projecten/nieuw", data={"name": name, "action_lines": ["2"], "status": "lopend"}
        )

    def order():
        page = client.get(f"{BASE}/{programme.id}/").get_data(as_text=True)
        listed = page[page.index("Volgorde van de projecten") :]
        return re.findall(r"<li><span>([^<]+)</span>", listed)

    assert order() == ["Thuis opgroeien", "Integrale Vroeghulp", "Beter Samenspel"]  # entry order, not A–Z
    samenspel = db.session.scalar(select(Project).where(Project.name == "Beter Samenspel"))
    response = client.post(f"{BASE}/project/{samenspel.id}/verplaatsen", data={"direction": "up"})
    assert response.status_code == 302 and response.headers["Location"].endswith("#volgorde")
    client.post(f"{BASE}/project/{samenspel.id}/verplaatsen", data={"direction": "up"})
    assert order() == ["Beter Samenspel", "Thuis opgroeien", "Integrale Vroeghulp"]
    page = client.post(
        f"{BASE}/project/{samenspel.id}/verplaatsen", data={"direction": "up"}, follow_redirects=True
    ).get_data(as_text=True)
    assert order() == ["Beter Samenspel", "Thuis opgroeien", "Integrale Vroeghulp"]  # already first
    page = client.post(
        f"{BASE}/project/{samenspel.id}/verplaatsen", data={"direction": "sideways"}, follow_redirects=True
    ).get_data(as_text=True)
    assert "Kies omhoog of omlaag." in page
    page = client.post(
        f"{BASE}/project/{samenspel.id}/verplaatsen", data={"direction": "down"}, follow_redirects=True
    ).get_data(as_text=True)
    assert "Beter Samenspel staat nu een plaats lager." in page
    assert order() == ["Thuis opgroeien", "Beter Samenspel", "Integrale Vroeghulp"]
    rows = client.get(f"{BASE}/{programme.id}/").get_data(as_text=True)
    table = rows[rows.index("Actielijn 2:") :]
    assert [table.index(n) for n in ("Thuis opgroeien", "Beter Samenspel", "Integrale Vroeghulp")] == sorted(
        table.index(n) for n in ("Thuis opgroeien", "Beter Samenspel", "Integrale Vroeghulp")
    )
    assert "project.move" in actions(db)


def test_project_needs_an_actielijn_and_a_unique_name(client, login, db, region, make_user):
    login(make_user(region, Role.BEHEERDER))
    programme = make_programme(region)
    make_project(region, programme=programme, name="Vroeghulp")
    page = client.post(
        f"{BASE}/{programme.id}/projecten/nieuw", data={"name": "Vroeghulp", "status": "lopend"}
    ).get_data(as_text=True)
    assert "Kies minstens één actielijn." in page
    assert "Er is al een project met deze naam in het programma." in page
    assert count(db, Project) == 1


def test_target_and_budget_with_dutch_numbers_show_progress_on_the_project_page(client, login, db, region, make_user):
    login(make_user(region, Role.BEHEERDER))
    project = make_project(region)
    indicator = make_indicator(
        region, indicator_set=make_indicator_set(region, programme=project.programme), name="Kinderen naar gezin"
    )
    client.post(
        f"{BASE}/project/{project.id}/doelen/nieuw",
        data={
            "description": "40 kinderen naar een gezin of thuis",
            "indicator": str(indicator.id),
            "baseline": "",
            "target_value": "40",
            "unit": "",
            "target_date": "2027-12-31",
            "cumulative": "y",
        },
    )
    target = db.session.scalar(select(Target))
    assert target.target_value == Decimal(40) and target.unit == "kinderen" and target.cumulative
    for period, value in (("2026-K1", "7,5"), ("2026-K2", "12,5")):
        client.post(f"/beheer/rijnmond/programma/indicator/{indicator.id}/", data={"period": period, "value": value})
    client.post(
        f"{BASE}/project/{project.id}/begroting/nieuw",
        data={"year": "2026", "budgeted": "1.234.567,50", "spent": "1.000"},
    )
    page = client.post(
        f"{BASE}/project/{project.id}/begroting/nieuw", data={"year": "2026", "budgeted": "10"}
    ).get_data(as_text=True)
    assert "Er is al een begrotingsregel voor dit jaar." in page
    line = db.session.scalar(select(BudgetLine))
    assert line.budgeted == Decimal("1234567.50") and line.spent == Decimal(1000)
    page = client.get(f"{BASE}/project/{project.id}/").get_data(as_text=True)
    assert "50 %" in page and "20 kinderen" in page  # 7,5 + 12,5 of 40
    assert "€ 1.234.568" in page and "€ 1.233.568" in page  # begroot, left
    client.post(f"{BASE}/doel/{target.id}/verwijderen")
    client.post(f"{BASE}/begroting/{line.id}/verwijderen")
    assert count(db, Target) == 0 and count(db, BudgetLine) == 0
    assert {"target.create", "target.delete", "budget.create", "budget.delete", "measurement.create"} <= set(
        actions(db)
    )


def test_objects_of_another_region_are_not_found(client, login, db, region, other_region, make_user):
    login(make_user(other_region, Role.BEHEERDER))
    project = make_project(region)
    assert client.get(f"/beheer/haaglanden/programma/project/{project.id}/").status_code == 404
    assert client.post(f"/beheer/haaglanden/programma/project/{project.id}/verwijderen").status_code == 404
    assert client.get(f"/beheer/haaglanden/programma/{project.programme_id}/").status_code == 404
    assert client.get(f"{BASE}/project/{project.id}/").status_code == 404
    assert count(db, Project) == 1


def test_a_programme_deleted_takes_all_its_content_along(client, login, db, region, make_user):
    from tests.survey.programmes.factories import make_target

    login(make_user(region, Role.BEHEERDER))
    target = make_target(region)
    client.post(f"{BASE}/{target.project.programme_id}/verwijderen")
    assert count(db, Project) == count(db, Target) == count(db, Programme) == 0


def test_the_list_goes_straight_to_the_only_programme(client, login, region, make_user):
    login(make_user(region, Role.ONDERZOEKER))
    assert "Er is nog geen programma." in client.get(f"{BASE}/").get_data(as_text=True)
    programme = make_programme(region, start_year=date.today().year)
    assert client.get(f"{BASE}/").headers["Location"].endswith(f"/programma/{programme.id}/")
