"""Closing fieldwork deletes contact data; answers are deleted after the retention period."""

from datetime import date

from sqlalchemy import func, select

from survey import closing
from survey.audit.models import AuditEntry
from survey.fieldwork import sending
from survey.fieldwork.models import FieldworkSettings, Invitation
from survey.questionnaires.models import FieldworkStatus, Survey
from survey.responses.models import Answer, Response
from tests.survey.fieldwork.test_polls import answer
from tests.survey.fieldwork.test_sending import add_invitees


def test_closing_asks_first_then_deletes_contact_data_and_records_it(client, db, researcher, make_survey):
    survey = make_survey()
    add_invitees(db, survey, ("a@example.nl", "nl", None), (None, "nl", "Dorpsstraat 1\n1234 AB  DORP"))
    url = f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/sluiten"
    page = client.get(url).get_data(as_text=True)
    assert "Dit kunt u niet ongedaan maken." in page
    assert db.session.get(Survey, survey.id).status == FieldworkStatus.OPEN
    page = client.post(url, follow_redirects=True).get_data(as_text=True)
    assert "De contactgegevens van 2 genodigden zijn verwijderd." in page
    invitations = db.session.scalars(select(Invitation)).all()
    assert all(i.email is None and i.postal_address is None and i.contact_deleted_on for i in invitations)
    assert db.session.get(Survey, survey.id).status == FieldworkStatus.CLOSED
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "fieldwork.close"))
    assert entry.details["contacts_deleted"] == 2 and entry.object_id == str(survey.id)
    import_page = client.post(
        f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/genodigden/importeren",
        data={"file": (__import__("io").BytesIO(b"email\nb@example.nl\n"), "x.csv")},
        content_type="multipart/form-data",
    ).get_data(as_text=True)
    assert "er kunnen geen genodigden meer bij" in import_page


def test_cron_closes_surveys_after_their_end_date(app, db, make_survey):
    ended = make_survey(closes_on=date(2026, 3, 31))
    running = make_survey(closes_on=date(2026, 4, 30))
    add_invitees(db, ended, ("a@example.nl", "nl", None))
    add_invitees(db, running, ("b@example.nl", "nl", None))
    result = app.test_cli_runner().invoke(args=["fieldwork", "close-due", "--date", "2026-04-01"])
    assert result.exit_code == 0 and f"Vragenlijst {ended.id} gesloten" in result.output
    emails = dict(db.session.execute(select(Invitation.survey_id, Invitation.email)).all())
    assert emails == {ended.id: None, running.id: "b@example.nl"}


def test_retention_purge_deletes_answers_after_closing_date_plus_retention(app, db, make_survey):
    old = make_survey(retention_months=24)
    recent = make_survey(retention_months=24)
    for survey, closed in ((old, date(2024, 1, 31)), (recent, date(2025, 6, 1))):
        add_invitees(db, survey, ("a@example.nl", "nl", None))
        sending.invite(survey, date(2024, 1, 2))
        answer(db, survey, P1="5", O1="Goede hulp")
        closing.close_fieldwork(survey, closed)
        db.session.commit()
    runner = app.test_cli_runner()
    assert "Niets te verwijderen." in runner.invoke(args=["retention", "purge", "--date", "2026-01-31"]).output
    result = runner.invoke(args=["retention", "purge", "--date", "2026-02-01"])
    assert f"Vragenlijst {old.id}: 1 antwoordsets verwijderd." in result.output
    per_survey = dict(db.session.execute(select(Response.survey_id, func.count()).group_by(Response.survey_id)).all())
    assert per_survey == {recent.id: 1}
    assert db.session.scalar(select(func.count()).select_from(Answer)) == 2
    assert db.session.scalar(select(func.count()).select_from(Invitation).where(Invitation.survey_id == old.id)) == 0
    assert db.session.get(FieldworkSettings, old.id).answers_purged_on == date(2026, 2, 1)
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "retention.purge"))
    assert entry.details == {"responses_deleted": 1} and entry.actor_id is None
    assert "Niets te verwijderen." in runner.invoke(args=["retention", "purge", "--date", "2026-02-02"]).output


def test_open_link_can_be_made_renewed_and_switched_off(client, db, researcher, make_survey):
    survey = make_survey()
    base = f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk"
    client.post(base + "/open-link")
    first = db.session.get(Survey, survey.id).public_key
    page = client.get(base + "/").get_data(as_text=True)
    assert f"http://localhost/v/{first}" in page
    client.post(base + "/open-link")
    second = db.session.get(Survey, survey.id).public_key
    assert second and second != first
    client.post(base + "/open-link/intrekken")
    assert db.session.get(Survey, survey.id).public_key is None
    assert "Er is geen open link." in client.get(base + "/").get_data(as_text=True)


def test_ids_beyond_the_database_range_give_404_not_an_error(client, researcher):
    for url in (
        "/beheer/rijnmond/vragenlijsten/99999999999/veldwerk/",
        "/beheer/rijnmond/veldwerk/brieven/99999999999.pdf",
    ):
        assert client.get(url).status_code == 404


def test_a_closed_round_without_a_closing_day_does_not_say_closed_on_nothing(client, db, researcher, make_survey):
    """A round made closed without a day (an import, an old round): the fieldwork page says it is closed,
    not "gesloten op ." with an empty date."""
    survey = make_survey(closes_on=None)
    survey.status = FieldworkStatus.CLOSED
    db.session.commit()
    page = client.get(f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/").get_data(as_text=True)
    assert "Het veldwerk is gesloten. De contactgegevens" in page and "gesloten op ." not in page
