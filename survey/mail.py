"""Sending e-mail: SMTP in production, printed in development, kept in memory in tests."""

import smtplib
import sys
from email.message import EmailMessage
from email.utils import make_msgid

from flask import current_app

#: messages sent with the "memory" backend (tests read them)
outbox: list[EmailMessage] = []


def build_message(to: str, subject: str, body: str, html: str | None = None) -> EmailMessage:
    """A plain-text message (with an optional HTML part) from the configured sender."""
    message = EmailMessage()
    message["From"] = current_app.config["MAIL_SENDER"]
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain="ervaringsonderzoek")
    message.set_content(body)
    if html:
        message.add_alternative(html, subtype="html")
    return message


def deliver(message: EmailMessage) -> None:
    """Deliver one message with the configured backend; raises on SMTP failure so a job retries."""
    backend = current_app.config["MAIL_BACKEND"]
    if backend == "memory":
        outbox.append(message)
    elif backend == "console":
        # Development only: the message is printed, never logged.
        print(
            "---- e-mail (development) ----\n" + readable(message) + "\n------------------------------",
            file=sys.stdout,
            flush=True,
        )
    elif backend == "smtp":
        _send_smtp(message)
    else:
        raise ValueError(f"unknown MAIL_BACKEND {backend!r}")


def readable(message: EmailMessage) -> str:
    """The message as a person reads it: headers, then the decoded text (no quoted-printable or base64)."""
    headers = "\n".join(f"{name}: {message[name]}" for name in ("From", "To", "Subject") if message[name])
    part = message.get_body(preferencelist=("plain", "html"))
    return f"{headers}\n\n{part.get_content() if part is not None else ''}"


def _send_smtp(message: EmailMessage) -> None:
    config = current_app.config
    cls = smtplib.SMTP_SSL if config["MAIL_USE_SSL"] else smtplib.SMTP
    with cls(config["MAIL_SERVER"], int(config["MAIL_PORT"]), timeout=30) as smtp:
        if config["MAIL_USE_TLS"]:
            smtp.starttls()
        if config["MAIL_USERNAME"]:
            smtp.login(config["MAIL_USERNAME"], config["MAIL_PASSWORD"] or "")
        smtp.send_message(message)
