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


def test_make_run_shows_the_demo_accounts_once_the_server_answers(app, tmp_path):
    """`make run` saves the demo's lines and prints them when the server answers, below its start-up lines;
    before the server is up nothing is printed."""
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    saved = tmp_path / "demo.txt"
    saved.write_text("  beheerder      beheerder@demo.example  wachtwoord: demo-wachtwoord\n", encoding="utf-8")
    asked = []

    class Health(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the standard library's name
            asked.append(self.path)
            self.send_response(200 if len(asked) > 2 else 503)  # up at the third look
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Health)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        address = f"http://127.0.0.1:{server.server_port}"
        shown = app.test_cli_runner().invoke(args=["demo", "show-when-up", address, str(saved)])
        down = app.test_cli_runner().invoke(
            args=["demo", "show-when-up", "http://127.0.0.1:9", str(saved), "--within", "1"]
        )
    finally:
        server.shutdown()
        server.server_close()
    assert shown.exit_code == 0 and shown.output == saved.read_text(encoding="utf-8")
    assert asked[:3] == ["/health"] * 3
    assert down.exit_code == 0 and down.output == ""  # a server that never answers: nothing printed, no hang
