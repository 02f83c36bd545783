"""The audit log records logins and user changes and is readable by the beheerder."""

from sqlalchemy import select

from survey.accounts.models import Role
from survey.audit.models import AuditEntry
from tests.helpers import TEST_PASSWORD


def actions(db):
    return [(e.action, e.object_id) for e in db.session.scalars(select(AuditEntry).order_by(AuditEntry.id))]


def test_login_is_recorded(client, db, region, make_user):
    user = make_user(region, email="els@example.org")
    client.post("/inloggen", data={"email": "els@example.org", "password": TEST_PASSWORD})
    assert ("auth.login", str(user.id)) in actions(db)


def test_user_changes_are_recorded_and_shown_to_the_beheerder(client, db, login, region, make_user, outbox):
    admin = make_user(region, Role.BEHEERDER, email="bea@example.org")
    login(admin)
    client.post(
        "/beheer/rijnmond/gebruikers/nieuw",
        data={"email": "nieuw@example.org", "name": "Nieuwe Collega", "role": "codeur"},
    )
    new = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "user.add"))
    assert new.actor_label == "bea@example.org" and new.details["role"] == "codeur"
    assert len(outbox) == 1 and outbox[0]["To"] == "nieuw@example.org"

    client.post(f"/beheer/rijnmond/gebruikers/{new.object_id}", data={"role": "lezer"})
    change = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "user.role_change"))
    assert change.details == {"old": "codeur", "new": "lezer"}

    page = client.get("/beheer/rijnmond/audit/").get_data(as_text=True)
    assert "Gebruiker toegevoegd" in page and "Rol gewijzigd" in page and "bea@example.org" in page


def test_audit_log_of_another_region_is_not_shown(client, db, login, region, other_region, make_user):
    admin_a = make_user(region, Role.BEHEERDER, email="a@example.org")
    make_user(other_region, Role.BEHEERDER, email="b@example.org")
    client.post("/inloggen", data={"email": "b@example.org", "password": TEST_PASSWORD})
    client.post("/uitloggen")
    login(admin_a)
    page = client.get("/beheer/rijnmond/audit/").get_data(as_text=True)
    assert "b@example.org" not in page


def test_audit_details_refuse_long_text(app):
    import pytest

    from survey.audit.services import record

    with pytest.raises(ValueError):
        record("answer.view", None, text="Mijn zoon Daan kreeg pas na zes maanden hulp " * 5)
