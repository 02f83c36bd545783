"""Fieldwork from the screen: a reminder now reaches only those who have not finished, after a page that
says how many; every send (also the daily task's) is in the audit log and in the round's history; invitees
whose language the questionnaire lacks are counted and get Dutch with a line in their own language."""

import re
from datetime import timedelta

from sqlalchemy import select

from survey.audit.models import AuditEntry
from survey.fieldwork import sending
from survey.fieldwork.models import Invitation
from survey.timeutil import local_today
from tests import helpers
from tests.survey.fieldwork.test_sending import add_invitees


def text_of(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)).split())


def invited_survey(db, outbox, make_survey, days_ago=2):
    survey = make_survey()
    people = add_invitees(db, survey, *[(f"{n}@example.nl", "nl", None) for n in ("klaar", "bezig", "stil", "weg")])
    sending.invite(survey, local_today() - timedelta(days=days_ago))
    done, started, _silent, gone = people
    helpers.mark_completed(db.session.get(Invitation, done.id), local_today() - timedelta(days=1))
    helpers.mark_started(db.session.get(Invitation, started.id), local_today() - timedelta(days=1))
    db.session.get(Invitation, gone.id).opted_out = True
    db.session.commit()
    outbox.clear()
    return survey


def url(region, survey, path="/"):
    return f"/beheer/{region.slug}/vragenlijsten/{survey.id}/veldwerk{path}"


def test_reminder_now_reaches_only_non_finishers_and_is_audited(client, db, outbox, region, make_survey, researcher):
    survey = invited_survey(db, outbox, make_survey)  # invited two days ago: no reminder is due yet
    page = text_of(client.get(url(region, survey, "/herinneren-nu")))
    assert "Een herinnering gaat nu naar 2 genodigden die nog niet klaar zijn." in page
    assert "2 per e-mail" in page and outbox == []  # the page only counts
    response = client.post(url(region, survey, "/herinneren-nu"), data={})
    assert response.status_code == 302
    assert sorted(m["To"] for m in outbox) == ["bezig@example.nl", "stil@example.nl"]
    actions = {
        e.action: e
        for e in db.session.scalars(
            select(AuditEntry).where(AuditEntry.object_id == str(survey.id), AuditEntry.action.like("fieldwork.%"))
        )
    }
    assert actions["fieldwork.remind_now"].details == {"expected": 2}
    assert actions["fieldwork.remind_now"].actor_label == researcher.email
    assert actions["fieldwork.reminders_sent"].details == {"mails": 2, "letters": 0, "via": "screen", "mode": "now"}
    # a second click the same day sends nothing: nobody gets two mails in one day
    outbox.clear()
    again = text_of(client.get(url(region, survey, "/herinneren-nu")))
    assert "Er is nu niemand om te herinneren" in again
    client.post(url(region, survey, "/herinneren-nu"), data={})
    assert outbox == []


def test_the_history_shows_sends_from_the_screen_and_from_the_daily_task(
    app, client, db, outbox, region, make_survey, researcher
):
    survey = invited_survey(db, outbox, make_survey, days_ago=8)
    result = app.test_cli_runner().invoke(args=["fieldwork", "remind"])
    assert result.exit_code == 0 and "2 e-mails" in result.output
    cron = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "fieldwork.reminders_sent")).one()
    assert cron.details["via"] == "cron" and cron.actor_id is None
    page = text_of(client.get(url(region, survey)))
    assert "Tot nu toe verstuurd" in page
    assert "Herinneringen verstuurd" in page and "de dagelijkse taak" in page


def test_invitees_in_a_language_the_questionnaire_lacks_are_counted_and_told(
    client, db, outbox, region, make_survey, researcher
):
    survey = make_survey(languages=("nl", "en"))
    add_invitees(
        db,
        survey,
        ("ayse@example.nl", "tr", None),
        ("olek@example.nl", "pl", None),
        ("emma@example.nl", "en", None),
        ("jan@example.nl", "nl", None),
    )
    page = text_of(client.get(url(region, survey)))
    assert "2 genodigden hebben liever een taal die deze vragenlijst niet heeft: Pools (1), Turks (1)." in page
    sending.invite(survey, local_today())
    db.session.commit()
    mails = {m["To"]: m.get_content() for m in outbox}
    assert mails["ayse@example.nl"].startswith("Bu anket sizin dilinizde mevcut değil.")
    assert "\n\nBeste heer, mevrouw,\n\nWij willen graag weten" in mails["ayse@example.nl"]
    assert mails["olek@example.nl"].startswith("Nie mamy tej ankiety w Twoim języku.")
    assert "Bu anket" not in mails["emma@example.nl"] and "We do not have" not in mails["emma@example.nl"]
    assert "We do not have" not in mails["jan@example.nl"]
