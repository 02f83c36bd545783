"""Progress reports: a project leader reports on own projects only; reminders go once, to missing reports."""

import html
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from survey.accounts.models import Role
from survey.programmes.models import ProjectStatus
from survey.programmes.monitor.indicators import Measurement
from survey.programmes.progress_reports.models import ProgressReminder, ProgressReport, ProgressStatus
from survey.programmes.progress_reports.reporting import send_reminders
from tests.survey.programmes.factories import make_programme, make_project, make_target

BASE = "/beheer/rijnmond/programma"
YEAR = date.today().year


def reports(db):
    return db.session.scalar(select(func.count()).select_from(ProgressReport))


def test_project_leader_reports_on_own_project_with_figures(client, login, db, region, make_user):
    leader = make_user(region, Role.PROJECTLEIDER, name="Fatima")
    target = make_target(region, project=make_project(region, leader=leader))
    project = target.project
    login(leader)
    form = client.get(f"{BASE}/project/{project.id}/voortgang?ronde={YEAR}-04")
    page = html.unescape(form.get_data(as_text=True))
    assert form.status_code == 200 and "Hoe staat het project ervoor?" in page
    assert f"Waarde over 1e kwartaal {YEAR}" in page and f"april {YEAR}" in page
    incomplete = client.post(
        f"{BASE}/project/{project.id}/voortgang",
        data={"round": f"{YEAR}-04", "status": "aandacht_nodig", "results": "Twee kinderen thuis."},
    )
    assert "Zeg waarom het project aandacht nodig heeft of risico loopt." in incomplete.get_data(as_text=True)
    assert reports(db) == 0
    response = client.post(
        f"{BASE}/project/{project.id}/voortgang",
        data={
            "round": f"{YEAR}-04",
            "status": "aandacht_nodig",
            "results": "Twee kinderen thuis.",
            "obstacles": "Te weinig gezinshuizen.",
            f"figure_{target.indicator_id}": "2",
        },
    )
    assert response.status_code == 302
    report = db.session.scalar(select(ProgressReport))
    assert (report.round, report.status, report.author_id) == (f"{YEAR}-04", ProgressStatus.ATTENTION, leader.id)
    figure = db.session.scalar(select(Measurement))
    assert (figure.period, figure.value, figure.progress_report_id) == (f"{YEAR}-K1", Decimal(2), report.id)
    client.post(
        f"{BASE}/project/{project.id}/voortgang",
        data={
            "round": f"{YEAR}-04",
            "status": "op_koers",
            "results": "Bijgewerkt.",
            f"figure_{target.indicator_id}": "",
        },
    )
    db.session.expire_all()
    assert reports(db) == 1 and report.status == ProgressStatus.ON_TRACK
    assert db.session.scalar(select(func.count()).select_from(Measurement)) == 0
    page = client.get(f"{BASE}/project/{project.id}/").get_data(as_text=True)
    assert f"april {YEAR}" in page and "Op koers" in page
    assert client.get(f"{BASE}/voortgang/{report.id}/").status_code == 200


def test_a_figure_below_zero_is_refused_and_nothing_is_stored(client, login, db, region, make_user):
    leader = make_user(region, Role.PROJECTLEIDER)
    target = make_target(region, project=make_project(region, leader=leader))
    login(leader)
    response = client.post(
        f"{BASE}/project/{target.project.id}/voortgang",
        data={
            "round": f"{YEAR}-04",
            "status": "op_koers",
            "results": "Twee kinderen thuis.",
            f"figure_{target.indicator_id}": "-3",
        },
    )
    page = html.unescape(response.get_data(as_text=True))
    assert response.status_code == 200
    assert "Vul een getal van 0 of meer in: deze waarde kan niet kleiner zijn dan nul." in page
    assert 'value="-3"' in page and "Twee kinderen thuis." in page  # what was typed stays on the page
    assert reports(db) == 0 and db.session.scalar(select(func.count()).select_from(Measurement)) == 0


def test_project_leader_gets_403_on_other_projects_and_404_in_other_regions(
    client, login, db, region, other_region, make_user
):
    leader = make_user(region, Role.PROJECTLEIDER)
    someone_else = make_user(region, Role.PROJECTLEIDER)
    theirs = make_project(region, leader=someone_else)
    login(leader)
    assert client.get(f"{BASE}/project/{theirs.id}/").status_code == 403
    assert client.get(f"{BASE}/project/{theirs.id}/voortgang").status_code == 403
    assert (
        client.post(
            f"{BASE}/project/{theirs.id}/voortgang", data={"round": f"{YEAR}-01", "status": "op_koers", "results": "x"}
        ).status_code
        == 403
    )
    assert client.get(f"{BASE}/project/{theirs.id}/bewerken").status_code == 403
    report = ProgressReport(project=theirs, round=f"{YEAR}-01", status=ProgressStatus.RISK, results="x")
    db.session.add(report)
    db.session.commit()
    assert client.get(f"{BASE}/voortgang/{report.id}/").status_code == 403
    elsewhere = make_project(other_region, leader=leader)
    assert client.get(f"{BASE}/project/{elsewhere.id}/voortgang").status_code == 404
    assert client.get(f"/beheer/haaglanden/programma/project/{elsewhere.id}/voortgang").status_code == 404
    assert reports(db) == 1


def test_project_leader_sees_only_own_projects_in_the_overview(client, login, region, make_user):
    leader = make_user(region, Role.PROJECTLEIDER)
    programme = make_programme(region)
    make_project(region, programme=programme, leader=leader, name="Van mij")
    make_project(region, programme=programme, leader=make_user(region, Role.PROJECTLEIDER), name="Van een ander")
    login(leader)
    page = client.get(f"{BASE}/{programme.id}/").get_data(as_text=True)
    assert "Van mij" in page and "Van een ander" not in page and "Nieuw project" not in page


def test_researcher_and_administrator_may_follow_every_project(client, login, region, make_user):
    project = make_project(region, leader=make_user(region, Role.PROJECTLEIDER))
    for role in (Role.ONDERZOEKER, Role.BEHEERDER):
        login(make_user(region, role))
        assert client.get(f"{BASE}/project/{project.id}/").status_code == 200
        assert client.get(f"{BASE}/project/{project.id}/voortgang").status_code == 200


def _reminder_setup(region, make_user):
    leader = make_user(region, Role.PROJECTLEIDER, email="fatima@example.org", name="Fatima")
    programme = make_programme(region)
    missing = make_project(region, programme=programme, leader=leader, name="Thuis opgroeien")
    done = make_project(region, programme=programme, leader=leader, name="Vroeghulp")
    make_project(region, programme=programme, leader=leader, name="Klaar", status=ProjectStatus.FINISHED)
    make_project(region, programme=programme, leader=None, name="Zonder leider")
    return leader, missing, done


def test_reminders_go_only_to_missing_reports_and_never_twice(app, db, region, make_user, outbox):
    leader, missing, done = _reminder_setup(region, make_user)
    db.session.add(ProgressReport(project=done, round=f"{YEAR}-04", status=ProgressStatus.ON_TRACK, results="x"))
    db.session.commit()
    assert send_reminders(date(YEAR, 5, 2)) == 1
    db.session.commit()
    assert [m["To"] for m in outbox] == ["fatima@example.org"]
    body = outbox[0].get_content()
    assert outbox[0]["Subject"] == "Voortgangsrapportage voor Thuis opgroeien" and f"april {YEAR}" in body
    assert "De voortgangsrapportage van Thuis opgroeien" in body
    assert f"/beheer/rijnmond/programma/project/{missing.id}/voortgang" in body
    assert send_reminders(date(YEAR, 5, 20)) == 0
    db.session.commit()
    assert len(outbox) == 1
    assert send_reminders(date(YEAR, 7, 1)) == 2  # a new round: both projects miss their July report
    db.session.commit()
    assert len(outbox) == 3
    assert db.session.scalar(select(func.count()).select_from(ProgressReminder)) == 3


def test_no_reminder_is_kept_when_the_transaction_fails(app, db, region, make_user, outbox):
    _reminder_setup(region, make_user)
    send_reminders(date(YEAR, 5, 2))
    db.session.rollback()
    assert outbox == [] and db.session.scalar(select(func.count()).select_from(ProgressReminder)) == 0


def test_remind_command_for_cron(app, db, region, make_user, outbox):
    _reminder_setup(region, make_user)
    runner = app.test_cli_runner()
    first = runner.invoke(args=["programmes", "remind", "--today", f"{YEAR}-04-02"])
    second = runner.invoke(args=["programmes", "remind", "--today", f"{YEAR}-04-03"])
    assert first.exit_code == 0 and "2 herinnering(en) verstuurd." in first.output
    assert "0 herinnering(en) verstuurd." in second.output and len(outbox) == 2


def test_a_leader_who_lost_the_role_gets_no_reminder(app, db, region, make_user, outbox):
    from survey.accounts.models import Membership

    leader, _missing, _done = _reminder_setup(region, make_user)
    db.session.scalar(select(Membership).where(Membership.user_id == leader.id)).role = Role.LEZER
    db.session.commit()
    assert send_reminders(date(YEAR, 5, 2)) == 0 and outbox == []
