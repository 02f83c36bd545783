"""Qualitative statements from pasted notes, and the demo programme (loaded once, however often asked)."""

from datetime import date

import pytest
from sqlalchemy import func, select

from analysis.programmes.progress import period_totals
from survey.accounts.models import Role
from survey.audit.models import AuditEntry
from survey.database import Base
from survey.programmes.models import Programme
from survey.programmes.monitor.indicators import Indicator
from survey.programmes.overview import indicator_values, programme_overview, project_summary
from survey.programmes.progress_reports.models import Note, NoteKind, NoteSource, ProgressReport, ProgressStatus
from tests.survey.programmes.factories import make_project

BASE = "/beheer/rijnmond/programma"
NOTES = """Trots op:
- De samenwerking met de wijkteams is beter geworden.
- Ouders voelen zich gehoord.
Aandacht:
* Te weinig gezinshuisplekken
Losse opmerking zonder kopje"""


def test_pasted_notes_become_typed_statements_on_the_project(client, login, db, region, make_user):
    login(make_user(region, Role.BEHEERDER))
    project = make_project(region)
    response = client.post(
        f"{BASE}/{project.programme_id}/uitspraken/nieuw",
        data={
            "block": NOTES,
            "kind": "opvallend",
            "project": str(project.id),
            "source_type": "heimiddag",
            "source": "Heimiddag projectleiders",
            "noted_on": "2026-03-12",
        },
    )
    assert response.status_code == 302 and response.headers["Location"].endswith("#uitspraken")
    notes = list(db.session.scalars(select(Note).order_by(Note.id)))
    assert [(n.kind, n.text) for n in notes] == [
        (NoteKind.PROUD, "De samenwerking met de wijkteams is beter geworden."),
        (NoteKind.PROUD, "Ouders voelen zich gehoord."),
        (NoteKind.ATTENTION, "Te weinig gezinshuisplekken"),
        (NoteKind.ATTENTION, "Losse opmerking zonder kopje"),
    ]
    assert {(n.project_id, n.source_type, n.noted_on) for n in notes} == {
        (project.id, NoteSource.AFTERNOON, date(2026, 3, 12))
    }
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "note.create"))
    assert entry.details["count"] == 4 and "wijkteams" not in str(entry.details)
    page = client.get(f"{BASE}/project/{project.id}/").get_data(as_text=True)
    assert "Trots op (2)" in page and "Ouders voelen zich gehoord." in page


def test_a_statement_is_corrected_moved_and_deleted(client, login, db, region, make_user):
    login(make_user(region, Role.ONDERZOEKER))
    project = make_project(region)
    note = Note(
        programme=project.programme,
        project=project,
        kind=NoteKind.WORKS,
        text="Werkt goed.",
        source_type=NoteSource.INTERVIEW,
        noted_on=date(2026, 1, 5),
    )
    db.session.add(note)
    db.session.commit()
    form = client.get(f"{BASE}/uitspraak/{note.id}/bewerken").get_data(as_text=True)
    assert "Werkt goed." in form
    client.post(
        f"{BASE}/uitspraak/{note.id}/bewerken",
        data={
            "block": "Werkt heel goed.",
            "kind": "trots_op",
            "project": "",
            "source_type": "effectenarena",
            "source": "",
            "noted_on": "2026-01-06",
        },
    )
    db.session.expire_all()
    assert (note.text, note.kind, note.project_id, note.source_type) == (
        "Werkt heel goed.",
        NoteKind.PROUD,
        None,
        NoteSource.ARENA,
    )
    listing = client.get(f"{BASE}/{project.programme_id}/uitspraken").get_data(as_text=True)
    assert "Het programma als geheel" in listing
    client.post(f"{BASE}/uitspraak/{note.id}/verwijderen")
    assert db.session.scalar(select(func.count()).select_from(Note)) == 0


def _counts(db) -> dict:
    return {t.name: db.session.scalar(select(func.count()).select_from(t)) for t in Base.metadata.sorted_tables}


@pytest.mark.slow
def test_demo_programme_loads_once_with_realistic_content(app, db):
    runner = app.test_cli_runner()
    assert runner.invoke(args=["demo", "load"]).exit_code == 0
    first = _counts(db)
    second = runner.invoke(args=["demo", "load"])
    assert second.exit_code == 0 and "al aanwezig" in second.output
    assert _counts(db) == first
    programme = db.session.scalar(select(Programme))
    overview = programme_overview(programme)
    assert len(overview.projects) == 5 and {g.line.number for g in overview.groups} == {1, 2, 3, 4, 5, 6}
    assert overview.budgeted > overview.spent > 0
    thuis = next(s for s in overview.projects if s.project.name == "Thuis opgroeien")
    assert thuis.project.leader.email == "projectleider@demo.example"
    target, reduction = project_summary(thuis.project).targets
    assert target.target.target_value == 40 and target.value == 20 and round(target.percent) == 50
    # a reduction from 20 to 5, now 12: 53 % of the way (not "12 van 5, 240 %")
    assert (reduction.target.direction, reduction.value, round(reduction.percent)) == ("decrease", 12, 53)
    samenspel = next(s for s in overview.projects if s.project.name.startswith("Beter Samenspel"))
    zero = samenspel.targets[1]
    assert (zero.target.direction, zero.target.target_value, zero.value, zero.percent) == ("zero", 0, 21, 25.0)
    assert [v for _p, v in zero.series] == [26, 24, 25, 21]
    vroeghulp = next(s for s in overview.projects if s.project.name == "Integrale Vroeghulp")
    assert vroeghulp.targets[0].target.direction == "decrease" and vroeghulp.targets[0].percent == 62.5
    april = db.session.scalar(
        select(ProgressReport).where(ProgressReport.project_id == thuis.project.id, ProgressReport.round.like("%-04"))
    )
    assert april.status == ProgressStatus.ATTENTION and "gezinshuizen" in april.obstacles
    kinds = {n.kind for n in db.session.scalars(select(Note))}
    assert kinds == set(NoteKind) and first["measurement"] >= 20
    unique = db.session.scalar(select(Indicator).where(Indicator.name.like("Unieke kinderen%")))
    totals = period_totals(indicator_values(unique.id), unique.aggregation.value)
    assert list(totals.values()) == [4]  # five rows from two providers, one child reported by both


@pytest.mark.slow
def test_demo_pages_open_for_the_demo_users(app, db, client, login):
    from survey.accounts.services import find_user

    app.test_cli_runner().invoke(args=["demo", "load"])
    programme = db.session.scalar(select(Programme))
    login(find_user("projectleider@demo.example"))
    page = client.get(f"/beheer/demo/programma/{programme.id}/").get_data(as_text=True)
    assert "Thuis opgroeien" in page and "Integrale Vroeghulp" not in page
    login(find_user("beheerder@demo.example"))
    page = client.get(f"/beheer/demo/programma/{programme.id}/").get_data(as_text=True)
    assert "Integrale Vroeghulp" in page and "Actielijn 6: Investeren in vakmanschap" in page


def test_every_programme_audit_action_has_a_dutch_label(app):
    import re
    from pathlib import Path

    from survey.audit.labels import ACTION_LABELS, audit_label

    sources = Path(__file__).resolve().parents[3].joinpath("survey", "programmes").rglob("*.py")
    found = {a for path in sources for a in re.findall(r'record\(\s*"([a-z_.]+)"', path.read_text())}
    assert len(found) >= 25 and found <= set(ACTION_LABELS)
    with app.test_request_context():
        assert audit_label("progress.submit") == "Voortgangsrapportage ingediend"
