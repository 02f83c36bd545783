"""Commands: users, regions and demo data."""

import pytest
from sqlalchemy import func, select

from survey.accounts.models import Membership, Region, User


@pytest.mark.slow
def test_demo_load_creates_region_and_one_user_per_role_and_is_repeatable(app, db):
    runner = app.test_cli_runner()
    first = runner.invoke(args=["demo", "load"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(args=["demo", "load"])
    assert second.exit_code == 0, second.output
    region = db.session.scalar(select(Region).where(Region.slug == "demo"))
    roles = {m.role.value for m in db.session.scalars(select(Membership).where(Membership.region_id == region.id))}
    assert roles == {"beheerder", "onderzoeker", "codeur", "projectleider", "lezer"}
    assert db.session.scalar(select(func.count()).select_from(Region)) == 1
    assert "beheerder@demo.example" in first.output


def test_superuser_only_through_cli(app, db):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["regions", "create", "--slug", "utrechtwest", "--name", "Utrecht West"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(
        args=[
            "users",
            "create",
            "--email",
            "Root@Example.org",
            "--name",
            "Root",
            "--password",
            "een heel lang wachtwoord",
            "--superuser",
        ]
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User).where(User.email == "root@example.org"))
    assert user.is_superuser


def test_cli_refuses_short_password_and_duplicates(app, db):
    runner = app.test_cli_runner()
    short = runner.invoke(args=["users", "create", "--email", "a@example.org", "--name", "A", "--password", "kort"])
    assert short.exit_code != 0 and "12 tekens" in short.output
    ok = ["users", "create", "--email", "a@example.org", "--name", "A", "--password", "lang genoeg wachtwoord"]
    assert runner.invoke(args=ok).exit_code == 0
    again = runner.invoke(args=ok)
    assert again.exit_code != 0 and "al een gebruiker" in again.output
