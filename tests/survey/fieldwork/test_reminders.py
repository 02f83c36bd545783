"""Reminders: only to invitees who did not finish or opt out, at most N, at least D days apart, never twice."""

import re
from datetime import date, timedelta

from survey.fieldwork import ledger, sending
from survey.fieldwork.models import Invitation
from tests import helpers
from tests.survey.fieldwork.test_sending import LINK, add_invitees

DAY = date(2026, 3, 2)


def remind(app, day):
    result = app.test_cli_runner().invoke(args=["fieldwork", "remind", "--date", day.isoformat()])
    assert result.exit_code == 0, result.output
    return result.output


def test_reminders_reach_only_those_who_did_not_finish(app, db, outbox, make_survey):
    survey = make_survey(closes_on=DAY + timedelta(days=40))
    done, started, gone, silent = add_invitees(
        db, survey, *[(f"{n}@example.nl", "nl", None) for n in ("klaar", "bezig", "afgemeld", "stil")]
    )
    sending.invite(survey, DAY)
    db.session.commit()
    tokens = {m["To"]: LINK.search(m.get_content()).group(1) for m in outbox}
    helpers.mark_completed(db.session.get(Invitation, done.id), DAY + timedelta(days=1))
    helpers.mark_started(db.session.get(Invitation, started.id), DAY + timedelta(days=2))
    db.session.get(Invitation, gone.id).opted_out = True
    db.session.commit()
    outbox.clear()

    remind(app, DAY + timedelta(days=6))
    assert outbox == []  # the interval (7 days) has not passed
    output = remind(app, DAY + timedelta(days=7))
    assert "2 e-mails" in output
    mails = {m["To"]: m.get_content() for m in outbox}
    assert set(mails) == {"bezig@example.nl", "stil@example.nl"}

    # someone who started keeps their first link (their answers hang on it) and is told to use it
    assert "U bent al begonnen." in mails["bezig@example.nl"] and "/r/" not in mails["bezig@example.nl"]
    assert ledger.invitation_for_token(tokens["bezig@example.nl"]).id == started.id
    # someone who did not start gets a new link; the old one stops working
    new_token = LINK.search(mails["stil@example.nl"]).group(1)
    assert ledger.invitation_for_token(new_token).id == silent.id
    assert ledger.invitation_for_token(tokens["stil@example.nl"]) is None
    assert "/afmelden/" in mails["bezig@example.nl"] and "/afmelden/" in mails["stil@example.nl"]


def test_running_twice_sends_nothing_twice_and_stops_at_the_maximum(app, db, outbox, make_survey):
    survey = make_survey()
    add_invitees(db, survey, ("a@example.nl", "nl", None))
    sending.invite(survey, DAY)
    db.session.commit()
    outbox.clear()
    sent_on = []
    for offset in range(0, 40):
        before = len(outbox)
        remind(app, DAY + timedelta(days=offset))
        remind(app, DAY + timedelta(days=offset))  # a second cron run the same day
        if len(outbox) > before:
            assert len(outbox) == before + 1
            sent_on.append(offset)
    assert sent_on == [7, 14]  # two reminders (the default maximum), seven days apart
    invitation = db.session.scalar(db.select(Invitation))
    assert invitation.reminder_count == 2 and invitation.last_reminded_on == DAY + timedelta(days=14)


def test_settings_change_the_number_and_the_interval(client, app, db, outbox, researcher, make_survey):
    survey = make_survey()
    add_invitees(db, survey, ("a@example.nl", "nl", None))
    url = f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/instellingen"
    page = client.post(url, data={"max_reminders": "9", "reminder_interval_days": "3"}).get_data(as_text=True)
    assert "Vul een getal van 0 tot en met 5 in." in page
    client.post(url, data={"max_reminders": "1", "reminder_interval_days": "3"})
    sending.invite(survey, DAY)
    db.session.commit()
    outbox.clear()
    for offset in range(10):
        remind(app, DAY + timedelta(days=offset))
    assert len(outbox) == 1
    assert "Herinnering: Cliëntervaringsonderzoek 2026" == outbox[0]["Subject"]


def test_no_reminders_after_the_end_date_or_once_closed(app, db, outbox, make_survey):
    survey = make_survey(closes_on=DAY + timedelta(days=5))
    add_invitees(db, survey, ("a@example.nl", "nl", None))
    sending.invite(survey, DAY)
    db.session.commit()
    outbox.clear()
    remind(app, DAY + timedelta(days=7))
    assert outbox == []


def test_reminder_button_sends_what_is_due(client, db, outbox, researcher, make_survey):
    survey = make_survey()
    add_invitees(db, survey, ("a@example.nl", "nl", None))
    sending.invite(survey, DAY - timedelta(days=8))
    db.session.commit()
    outbox.clear()
    page = client.get(f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/").get_data(as_text=True)
    assert "1 herinnering nu versturen" in page
    client.post(f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/herinneren")
    assert [m["Subject"] for m in outbox] == ["Herinnering: Cliëntervaringsonderzoek 2026"]
    assert re.search(r"/r/\S+", outbox[0].get_content())
