"""A whole round of 500 invitees: import, invitations through a real SMTP server and letters, responses,
a reminder only to those who did not finish, tracking, closing, and a database dump in which no answer
can be joined to a contact."""

import email
import email.policy
import io
import logging
import random
import re
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from survey.fieldwork import ledger
from survey.fieldwork.letters import services as letters
from survey.fieldwork.models import Invitation
from survey.responses.models import Answer, Channel, Response, ResponseStatus
from survey.tokens import keyed_hash
from tests import helpers
from tests.survey.fieldwork.unlinkability import assert_no_rank_link, assert_unlinkable, dump_database

DAY = date(2026, 3, 2)  # a Monday
GEMEENTEN = ["Rotterdam", "Schiedam", "Vlaardingen", "Maassluis"]
LINK = re.compile(r"http://localhost/r/(\S+)")
CODE = re.compile(r"typ deze code: (\S+)|type this code: (\S+)")


def contact_file() -> bytes:
    """500 invitees as a gemeente sends them: semicolons, cp1252, exact ages; 480 by e-mail, 20 by post,
    20 prefer English, and 6 live in a gemeente too small to be shown."""
    lines = ["E-mailadres;Naam;Straat;Huisnummer;Postcode;Woonplaats;Taal;Gemeente;Leeftijd"]
    for n in range(500):
        gemeente = "Hoek van Holland" if n >= 494 else GEMEENTEN[n % 4]
        language = "Engels" if n % 25 == 0 else ""
        if n < 480:
            lines.append(f"ouder{n}@example.nl;;;;;;{language};{gemeente};{12 + n % 12}")
        else:
            lines.append(f";Fam. Çelik {n};Kerkstraat;{n};3011 AB;Rotterdam;;{gemeente};{12 + n % 12}")
    return "\r\n".join(lines).encode("cp1252")


def mails(smtp_server):
    result = {}
    for envelope in smtp_server.messages:
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        result[envelope.rcpt_tos[0]] = message.get_content()
    return result


def respond(db, survey, invitation, day, complete, rng, resume_secret):
    """What the respondent flow stores: ledger marks on one side, an anonymous response on the other."""
    helpers.mark_started(invitation, day)
    response = Response(
        survey_id=survey.id,
        version_id=survey.published_version.id,
        channel=Channel.PERSONAL,
        language=invitation.language,
        week=day - timedelta(days=day.weekday()),
        background=ledger.coarse_background(survey, invitation),
        status=ResponseStatus.COMPLETED if complete else ResponseStatus.IN_PROGRESS,
        resume_hash=None if complete else keyed_hash("resume", resume_secret),
    )
    response.answers = [
        Answer(item_code="P1", value=rng.choice(["1", "2", "3", "4", "5", "weet_niet"])),
        Answer(item_code="P2", value=rng.choice(["gemeente", "aanbieder", "gi"])),
    ]
    if rng.random() < 0.3:
        response.answers.append(Answer(item_code="O1", value=f"Mijn zoon kreeg hulp van Karin ({rng.random()})"))
    if complete:
        helpers.mark_completed(invitation, day)
    db.session.add(response)
    db.session.flush()
    return response.id


@pytest.mark.smtp
@pytest.mark.slow
def test_a_round_of_500_invitees(app, client, db, researcher, make_survey, smtp_server, monkeypatch, caplog):
    caplog.set_level(logging.DEBUG)
    rng = random.Random(2026)
    survey = make_survey(min_cell=10, languages=("nl", "en"), closes_on=DAY + timedelta(days=28))
    base = f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk"
    letter_pages = []
    render = letters.render_letters
    monkeypatch.setattr(letters, "render_letters", lambda pages: letter_pages.extend(pages) or render(pages))

    # import and invite
    page = client.post(
        base + "/genodigden/importeren",
        content_type="multipart/form-data",
        data={"file": (io.BytesIO(contact_file()), "genodigden.csv")},
    ).get_data(as_text=True)
    assert "500 genodigden zijn toegevoegd." in page
    monkeypatch.setattr("survey.fieldwork.messages.views.local_today", lambda: DAY)
    client.post(base + "/uitnodigen")
    invitations = mails(smtp_server)
    assert len(invitations) == 480 and len(letter_pages) == 20
    tokens = {address: LINK.search(body).group(1) for address, body in invitations.items()}
    codes = [next(filter(None, CODE.search(body).groups())) for body in invitations.values()]
    codes += [p["code"] for p in letter_pages]
    assert "Take part with this link" in invitations["ouder0@example.nl"]
    assert "Doe mee via deze link" in invitations["ouder1@example.nl"]

    # 150 complete (140 by e-mail link, 10 by the code on their letter), 30 start and stop
    truth, finished = {}, set()
    for n in range(180):
        day = DAY + timedelta(days=6 if n % 36 == 35 else 1 + n % 5)  # only five on Sunday
        if n < 170:
            secret = tokens[f"ouder{n * 2}@example.nl"]
            invitation = ledger.invitation_for_token(secret)
        else:
            secret = letter_pages[n - 170]["code"]
            invitation = ledger.invitation_for_short_code(secret.lower())
        complete = n < 140 or n >= 170
        truth[respond(db, survey, invitation, day, complete, rng, secret)] = invitation.id
        if complete:
            finished.add(invitation.id)
    db.session.commit()

    # one reminder, only to those who did not finish; a second run sends nothing
    smtp_server.messages.clear()
    letter_pages.clear()
    for _ in range(2):
        result = app.test_cli_runner().invoke(args=["fieldwork", "remind", "--date", (DAY + timedelta(7)).isoformat()])
        assert result.exit_code == 0
    reminded = mails(smtp_server)
    emails_of = dict(db.session.execute(select(Invitation.id, Invitation.email)).all())
    assert set(reminded) == {emails_of[i] for i in emails_of if i not in finished and emails_of[i]}
    assert len(reminded) == 480 - 140 and len(letter_pages) == 10
    assert sum("U bent al begonnen." in b or "You have already started." in b for b in reminded.values()) == 30

    # tracking
    page = client.get(base + "/voortgang").get_data(as_text=True)
    assert "<dd>500</dd>" in page and "<dd>180</dd>" in page and "<dd>150</dd>" in page and "<dd>30,0 %</dd>" in page
    assert '<th scope="row">Hoek van Holland</th><td class="num"><span class="muted">minder dan 10' in page

    # no answer can be joined to a contact, before and after closing
    secrets = list(tokens.values()) + codes
    assert_unlinkable(db, truth, secrets, k=10)
    assert_no_rank_link(db, truth, k=10)
    client.post(base + "/sluiten")
    assert_unlinkable(db, truth, secrets, k=10)
    assert_no_rank_link(db, truth, k=10)
    text, tables = dump_database(db)
    assert "@example.nl" not in text and "Kerkstraat" not in text
    assert all(row["contact_deleted_on"] for row in tables["invitation"])
    assert not tables["letter_batch"]

    logged = "\n".join(r.getMessage() for r in caplog.records if not r.name.startswith("mail.log"))
    assert not [s for s in secrets if s in logged]
