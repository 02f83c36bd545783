"""Invitations by e-mail through a real SMTP server: personal link, short code, opt-out link, language."""

import email
import email.policy
import logging
import re
from datetime import date

import pytest
from sqlalchemy import select

from survey.fieldwork import ledger, sending, services
from survey.fieldwork.models import Invitation, LetterBatch
from survey.questionnaires.models import FieldworkStatus
from survey.tokens import token_hash

LINK = re.compile(r"http://localhost/r/(\S+)")
CODE = re.compile(r"typ deze code: (\S+)|type this code: (\S+)")


def add_invitees(db, survey, *rows):
    invitations = []
    for email_address, language, address in rows:
        invitation = Invitation(
            survey_id=survey.id,
            token_hash=sending.unissued_token_hash(),
            email=email_address,
            postal_address=address,
            language=language,
            background={},
        )
        db.session.add(invitation)
        invitations.append(invitation)
    db.session.commit()
    return invitations


def received(smtp_server):
    return {
        m.rcpt_tos[0]: email.message_from_bytes(m.content, policy=email.policy.default) for m in smtp_server.messages
    }


@pytest.mark.smtp
def test_invitations_reach_the_smtp_server_with_a_working_personal_link(
    client, db, researcher, make_survey, smtp_server, caplog
):
    caplog.set_level(logging.DEBUG)
    survey = make_survey(languages=("nl", "en"), closes_on=date(2026, 12, 18))
    add_invitees(
        db,
        survey,
        ("anouk@example.nl", "nl", None),
        ("john@example.org", "en", None),
        (None, "nl", "Fam. de Vries\nDorpsstraat 1\n1234 AB  ONS DORP"),
    )
    response = client.post(f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/uitnodigen")
    assert response.status_code == 302
    mails = received(smtp_server)
    assert set(mails) == {"anouk@example.nl", "john@example.org"}

    dutch = mails["anouk@example.nl"]
    body = dutch.get_content()
    assert dutch["Subject"] == "Uitnodiging: Cliëntervaringsonderzoek 2026"
    assert "Beste heer, mevrouw," in body and "tot en met 18 december 2026" in body
    token = LINK.search(body).group(1)
    code = CODE.search(body).group(1)
    invitation = ledger.invitation_for_token(token)
    assert invitation.email == "anouk@example.nl" and invitation.invited_on is not None
    assert ledger.invitation_for_short_code(code).id == invitation.id
    assert invitation.token_hash == token_hash(token)
    assert "/afmelden/" in body

    english = mails["john@example.org"].get_content()
    assert "Take part with this link" in english and "18 December 2026" in english

    (batch,) = db.session.scalars(select(LetterBatch)).all()
    assert batch.letter_count == 1  # the invitee with only a postal address

    outside_smtp = [r for r in caplog.records if not r.name.startswith("mail.log")]
    assert not any(token in r.getMessage() or code in r.getMessage() for r in outside_smtp)


#: a line of the built-in invitation in each language, beside the link
TAKE_PART = {
    "ar": "شارك عبر هذا الرابط: ",
    "tr": "Bu bağlantıyla katılın: ",
    "pl": "Weź udział przez ten link: ",
    "uk": "Візьміть участь за цим посиланням: ",
    "ti": "ብዚ ሊንክ ተሳተፍ: ",
    "fa": "با این پیوند شرکت کنید: ",
    "so": "Ku qaybqaado linkigan: ",
}


def test_each_invitee_gets_the_mail_in_their_language_when_the_questionnaire_has_it(
    client, db, outbox, researcher, make_survey
):
    survey = make_survey(languages=("nl", *TAKE_PART), closes_on=date(2026, 12, 18))
    add_invitees(db, survey, *((f"{language}@example.nl", language, None) for language in TAKE_PART))
    client.post(f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/uitnodigen")
    mails = {m["To"]: m.get_content() for m in outbox}
    assert set(mails) == {f"{language}@example.nl" for language in TAKE_PART}
    for language, line in TAKE_PART.items():
        body = mails[f"{language}@example.nl"]
        assert line + "http://localhost/r/" in body, language
        assert "Beste heer" not in body and "Meld u dan af" not in body, language
        assert "http://localhost/afmelden/" in body and "Cliëntervaringsonderzoek 2026" in body, language
    assert "18 грудня 2026" in mails["uk@example.nl"] and "18 grudnia 2026" in mails["pl@example.nl"]


@pytest.mark.smtp
def test_without_the_language_the_mail_is_dutch_with_a_line_in_theirs(client, db, researcher, make_survey, smtp_server):
    survey = make_survey(languages=("nl", "ar"))
    add_invitees(
        db,
        survey,
        ("jan@example.nl", "en", None),
        ("ahmad@example.nl", "prs", None),
        ("hagos@example.nl", "ti", None),
        ("amira@example.nl", "ar", None),
    )
    client.post(f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/uitnodigen")
    mails = {address: mail.get_content() for address, mail in received(smtp_server).items()}
    assert mails["jan@example.nl"].startswith("We do not have this questionnaire in your language.")
    assert mails["ahmad@example.nl"].startswith("این پرسش‌نامه به زبان شما موجود نیست.")  # Dari: the Persian line
    assert mails["hagos@example.nl"].startswith("እዚ መሕትት ብቋንቋኻ የብልናን።")
    for address in ("jan@example.nl", "ahmad@example.nl", "hagos@example.nl"):
        assert "Beste heer, mevrouw," in mails[address]
    assert "شارك عبر هذا الرابط" in mails["amira@example.nl"] and "Beste heer" not in mails["amira@example.nl"]


def test_a_language_without_a_built_in_or_own_text_gets_the_dutch_mail(client, db, outbox, researcher, make_survey):
    survey = make_survey(languages=("nl", "de"))
    add_invitees(db, survey, ("hans@example.nl", "de", None))
    client.post(f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/uitnodigen")
    (mail,) = outbox
    assert "Beste heer, mevrouw," in mail.get_content()


def test_reminders_are_in_the_invitees_language(db, outbox, make_survey):
    survey = make_survey(languages=("nl", "tr", "so"), closes_on=date(2026, 12, 18))
    add_invitees(db, survey, ("ayse@example.nl", "tr", None), ("faadumo@example.nl", "so", None))
    sending.invite(survey, date(2026, 11, 2))
    db.session.commit()
    outbox.clear()
    sending.remind(survey, date(2026, 11, 20), now=True)
    db.session.commit()
    mails = {m["To"]: m for m in outbox}
    assert mails["ayse@example.nl"]["Subject"] == "Hatırlatma: Cliëntervaringsonderzoek 2026"
    assert "Anketi son günlerde doldurdunuz mu?" in mails["ayse@example.nl"].get_content()
    assert mails["faadumo@example.nl"]["Subject"] == "Xusuusin: Cliëntervaringsonderzoek 2026"


def test_sending_twice_invites_nobody_twice_and_skips_opted_out(client, db, outbox, researcher, make_survey):
    survey = make_survey()
    first, second, gone = add_invitees(
        db, survey, ("a@example.nl", "nl", None), ("b@example.nl", "nl", None), ("c@example.nl", "nl", None)
    )
    gone.opted_out = True
    db.session.commit()
    url = f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/uitnodigen"
    client.post(url)
    client.post(url)
    assert sorted(m["To"] for m in outbox) == ["a@example.nl", "b@example.nl"]


def test_mail_jobs_carry_ids_only_and_make_the_link_themselves(db, make_survey, monkeypatch):
    from survey import mail

    survey = make_survey()
    add_invitees(db, survey, ("a@example.nl", "nl", None))
    payloads = []
    original = sending.mail_invitee_job
    monkeypatch.setattr(sending, "mail_invitee_job", lambda *a, **kw: payloads.append((a, kw)) or original(*a, **kw))
    sending.invite(survey, date(2026, 3, 2))
    db.session.commit()
    ((args, kwargs),) = payloads
    invitation = db.session.scalar(select(Invitation))
    assert kwargs == {} and args == (invitation.id, "invitation", True, False)  # no address, link or text
    (message,) = mail.outbox
    token = re.search(r"/r/(\S+)", message.get_content()).group(1)
    db.session.refresh(invitation)
    assert invitation.token_hash == token_hash(token)  # made in the job; only its hash is stored


def test_own_text_with_placeholders_is_used(client, db, outbox, researcher, make_survey):
    survey = make_survey(closes_on=date(2026, 6, 30))
    add_invitees(db, survey, ("a@example.nl", "nl", None))
    url = f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/teksten?soort=invitation&taal=nl"
    page = client.post(url, data={"subject": "Doe mee: {titel}", "body": "Hallo {onbekend}"}).get_data(as_text=True)
    assert "Onbekend invulveld: {onbekend}." in page
    page = client.post(url, data={"subject": "Doe mee", "body": "Hallo"}).get_data(as_text=True)
    assert "Een uitnodiging heeft {link} of {code} nodig" in page
    client.post(url, data={"subject": "Doe mee: {titel}", "body": "Hallo!\nKlik: {link}\nTot {einddatum}."})
    client.post(f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/uitnodigen")
    (mail,) = outbox
    assert mail["Subject"] == "Doe mee: Cliëntervaringsonderzoek 2026"
    assert re.fullmatch(r"Hallo!\nKlik: http://localhost/r/\S+\nTot 30 juni 2026\.\n", mail.get_content())


def test_invitations_wait_until_fieldwork_is_open(client, db, outbox, researcher, make_survey):
    survey = make_survey(status=FieldworkStatus.DRAFT)
    add_invitees(db, survey, ("a@example.nl", "nl", None))
    page = client.post(
        f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/uitnodigen", follow_redirects=True
    ).get_data(as_text=True)
    assert "alleen worden verstuurd als het veldwerk open is" in page
    assert outbox == []
    assert services.open_fieldwork(survey)
    db.session.commit()
    client.post(f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/uitnodigen")
    assert [m["To"] for m in outbox] == ["a@example.nl"]


def test_opt_out_link_asks_first_then_stops_mail(client, db, outbox, make_survey):
    survey = make_survey()
    (invitation,) = add_invitees(db, survey, ("a@example.nl", "nl", None))
    sending.invite(survey, date(2026, 3, 2))
    db.session.commit()
    link = re.search(r"http://localhost(/afmelden/\S+)", outbox[0].get_content()).group(1)
    page = client.get(link).get_data(as_text=True)
    assert "Geen e-mails of brieven meer over dit onderzoek?" in page
    assert "a@example.nl" not in page
    assert not db.session.get(Invitation, invitation.id).opted_out  # a link scanner's GET changes nothing
    page = client.post(link).get_data(as_text=True)
    assert "Er komen geen e-mails of brieven meer over dit onderzoek." in page
    assert db.session.get(Invitation, invitation.id).opted_out


def test_forged_or_survey_token_does_not_opt_anyone_out(client, db, outbox, make_survey):
    survey = make_survey()
    (invitation,) = add_invitees(db, survey, ("a@example.nl", "nl", None))
    sending.invite(survey, date(2026, 3, 2))
    db.session.commit()
    survey_token = LINK.search(outbox[0].get_content()).group(1)
    for token in (survey_token, f"{invitation.id}-{'0' * 32}", "abc", f"{10**11}-{'0' * 32}"):
        response = client.post(f"/afmelden/{token}")
        assert response.status_code == 404 and "Deze link werkt niet" in response.get_data(as_text=True)
    assert not db.session.get(Invitation, invitation.id).opted_out


def test_staff_can_stop_mail_for_someone_who_calls(client, db, outbox, researcher, make_survey):
    survey = make_survey()
    add_invitees(
        db, survey, ("ouder@example.nl", "nl", None), ("ouder@example.nl", "nl", None), ("ander@example.nl", "nl", None)
    )
    url = f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/afmelden"
    page = client.post(url, data={"email": " Ouder@Example.nl "}, follow_redirects=True).get_data(as_text=True)
    assert "2 genodigden krijgen geen post meer." in page
    page = client.post(url, data={"email": "niemand@example.nl"}, follow_redirects=True).get_data(as_text=True)
    assert "Geen genodigde van deze vragenlijst met dit e-mailadres krijgt nog post." in page
    client.post(f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/uitnodigen")
    assert [m["To"] for m in outbox] == ["ander@example.nl"]
