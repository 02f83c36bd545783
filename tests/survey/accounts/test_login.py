"""Login, logout, throttling, session rotation and password reset."""

import email
import email.policy
import re
import threading

import pytest
from aiosmtpd.controller import Controller

from survey.accounts.models import Role
from tests.helpers import TEST_PASSWORD


def test_login_with_correct_password_lands_on_region(client, region, make_user):
    make_user(region, Role.ONDERZOEKER, email="els@example.org")
    response = client.post("/inloggen", data={"email": "Els@Example.org ", "password": TEST_PASSWORD})
    assert response.status_code == 302
    follow = client.get(response.headers["Location"])
    assert follow.status_code == 302 and follow.headers["Location"].endswith("/beheer/rijnmond/")
    page = client.get("/beheer/rijnmond/").get_data(as_text=True)
    assert "Jeugdhulpregio Rijnmond" in page


def test_wrong_password_gives_dutch_message_and_no_session(client, region, make_user):
    make_user(region, email="els@example.org")
    response = client.post("/inloggen", data={"email": "els@example.org", "password": "fout"})
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Dit e-mailadres en wachtwoord horen niet bij elkaar." in page
    assert "Controleer het volgende" in page
    assert client.get("/beheer/rijnmond/").status_code == 302


def test_unknown_address_gets_same_message(client):
    page = client.post("/inloggen", data={"email": "niemand@example.org", "password": "x" * 12}).get_data(as_text=True)
    assert "Dit e-mailadres en wachtwoord horen niet bij elkaar." in page


def test_disabled_account_cannot_log_in(client, db, region, make_user):
    user = make_user(region, email="oud@example.org")
    user.active = False
    db.session.commit()
    response = client.post("/inloggen", data={"email": "oud@example.org", "password": TEST_PASSWORD})
    assert response.status_code == 200


def test_login_rotates_the_session(app, client, region, make_user):
    make_user(region, email="els@example.org")
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
    client.post("/inloggen", data={"email": "els@example.org", "password": TEST_PASSWORD})
    with client.session_transaction() as session:
        assert "planted" not in session
        assert "_user_id" in session


def test_next_parameter_only_allows_local_paths(client, region, make_user):
    make_user(region, email="els@example.org")
    response = client.post(
        "/inloggen?next=https://evil.example/", data={"email": "els@example.org", "password": TEST_PASSWORD}
    )
    assert response.headers["Location"] == "/beheer/"


def test_logout_ends_the_session(client, login, region, make_user):
    login(make_user(region))
    assert client.get("/beheer/rijnmond/").status_code == 200
    response = client.post("/uitloggen")
    assert response.status_code == 302
    assert client.get("/beheer/rijnmond/").status_code == 302


@pytest.mark.parametrize("app_config", [{"RATELIMIT_ENABLED": True, "LOGIN_RATE_LIMIT": "3 per minute"}])
def test_login_attempts_are_throttled_with_dutch_message(client, region, make_user):
    make_user(region, email="els@example.org")
    for _ in range(3):
        assert client.post("/inloggen", data={"email": "els@example.org", "password": "fout"}).status_code == 200
    response = client.post("/inloggen", data={"email": "els@example.org", "password": TEST_PASSWORD})
    assert response.status_code == 429
    assert "Te veel pogingen" in response.get_data(as_text=True)


@pytest.mark.parametrize("app_config", [{"RATELIMIT_ENABLED": True, "LOGIN_RATE_LIMIT": "3 per minute"}])
def test_throttle_counts_per_account_across_addresses(client, region, make_user):
    make_user(region, email="els@example.org")
    for n in range(3):
        client.post(
            "/inloggen",
            data={"email": "els@example.org", "password": "fout"},
            environ_base={"REMOTE_ADDR": f"10.0.0.{n}"},
        )
    response = client.post(
        "/inloggen", data={"email": "els@example.org", "password": "fout"}, environ_base={"REMOTE_ADDR": "10.0.0.99"}
    )
    assert response.status_code == 429


class _Collector:
    def __init__(self):
        self.messages = []
        self.received = threading.Event()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append(envelope)
        self.received.set()
        return "250 OK"


@pytest.fixture
def smtp_server(unused_port):
    handler = _Collector()
    controller = Controller(handler, hostname="127.0.0.1", port=unused_port)
    controller.start()
    yield handler
    controller.stop()


@pytest.fixture
def unused_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def app_config(request, unused_port):
    marker = request.node.get_closest_marker("smtp")
    if marker:
        return {"MAIL_BACKEND": "smtp", "MAIL_SERVER": "127.0.0.1", "MAIL_PORT": unused_port}
    return getattr(request, "param", {})


@pytest.mark.smtp
def test_password_reset_end_to_end_with_real_smtp(client, region, make_user, smtp_server):
    make_user(region, email="els@example.org", name="Els")
    response = client.post("/wachtwoord-vergeten", data={"email": "els@example.org"})
    assert "Kijk in uw e-mail" in response.get_data(as_text=True)
    assert smtp_server.received.wait(5)
    envelope = smtp_server.messages[0]
    assert envelope.rcpt_tos == ["els@example.org"]
    message = email.message_from_bytes(envelope.content, policy=email.policy.default)
    body = message.get_content()
    assert "Beste Els" in body
    link = re.search(r"http://localhost(/wachtwoord-instellen/\S+)", body).group(1)

    new_password = "een nieuw lang wachtwoord"
    response = client.post(link, data={"password": new_password, "confirm": new_password})
    assert response.status_code == 302
    assert client.post("/inloggen", data={"email": "els@example.org", "password": new_password}).status_code == 302
    # the link works once
    client.post("/uitloggen")
    again = client.get(link)
    assert again.status_code == 404
    assert "Deze link werkt niet meer" in again.get_data(as_text=True)
    # the old password no longer works
    assert client.post("/inloggen", data={"email": "els@example.org", "password": TEST_PASSWORD}).status_code == 200


def test_reset_for_unknown_address_sends_nothing_and_says_the_same(client, outbox):
    response = client.post("/wachtwoord-vergeten", data={"email": "niemand@example.org"})
    assert "Kijk in uw e-mail" in response.get_data(as_text=True)
    assert outbox == []


def test_password_change_ends_other_sessions(app, client, login, db, region, make_user):
    from survey.accounts.services import set_password

    user = make_user(region)
    login(user)
    assert client.get("/beheer/rijnmond/").status_code == 200
    set_password(user, "een ander lang wachtwoord")
    db.session.commit()
    assert client.get("/beheer/rijnmond/").status_code == 302


def test_forged_reset_token_is_refused(client):
    response = client.get("/wachtwoord-instellen/eyJ1IjoxfQ.forged.token")
    assert response.status_code == 404
    assert "Deze link werkt niet meer" in response.get_data(as_text=True)
