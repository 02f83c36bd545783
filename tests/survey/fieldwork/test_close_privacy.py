"""What the database still says after fieldwork closes, as the insider with only the database file and the
contact file would read it: no invitation row says who started, finished, was reminded, came in by which
way or had which background; no unfinished response is left to pair with the one invitee who started and
stopped; and every background combination a response keeps is shared by at least k completed responses,
and is exactly what the results page and the export show. The onderzoeker's figures stay: the tracking
page, its CSV, the response figures, the results per item and the trend read the same as just before the
close, and a personal link says the questionnaire is closed."""

import csv
import io
import re
from collections import Counter
from datetime import timedelta

from sqlalchemy import func, select

from survey.audit.models import AuditEntry
from survey.fieldwork import outreach, sending, services
from survey.fieldwork.messages.composing import opt_out_token
from survey.fieldwork.models import Invitation, LedgerPending
from survey.questionnaires.models import FieldworkStatus, Survey
from survey.responses.models import Answer, Channel, Response, ResponseStatus
from survey.timeutil import local_today
from tests import helpers
from tests.survey.fieldwork.test_import import upload
from tests.survey.fieldwork.test_k_combination import contact_file, contacts_of, links, respond
from tests.survey.reports.pagetext import page_text
from tests.survey.responses.walk import walk

K = 5
#: every combination is shared by k invitees or more, but only 2 of Delft, 4–11, ggz answer
CONTACTS = contacts_of(
    [
        (8, "Delft", "12–17", "ambulant", "nl"),  # 0-7: six complete
        (7, "Schiedam", "4–11", "ggz", "nl"),  # 8-14: five complete
        (6, "Delft", "4–11", "ggz", "nl"),  # 15-20: two complete, one starts and stops, one opts out
    ]
)
COMPLETERS = (0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 15, 16)
STOPPED = 17
OPTED_OUT = 18
BACKGROUND = ("taal", "gemeente", "leeftijd", "soort_hulp")
FIELDWORK = "/beheer/rijnmond/vragenlijsten/{id}/veldwerk"
RESULTS = "/beheer/rijnmond/resultaten/{id}/"


def run_fieldwork(client, db, survey) -> dict[str, str]:
    """Invitations, the completed responses, one stopped after the first page, a reminder to everyone who
    has not finished, one opt-out; the last ledger batch applied (as the close does first)."""
    assert upload(client, survey, contact_file(CONTACTS)).status_code in (200, 302)
    today = local_today()
    sending.invite(survey, today - timedelta(days=10))
    db.session.commit()
    tokens = links(db, survey)
    for n in COMPLETERS:
        respond(client.application.test_client(), tokens[CONTACTS[n]["email"]])
    walk(client.application.test_client(), f"/r/{tokens[CONTACTS[STOPPED]['email']]}", {"P1": "4"}, stop_after=1)
    survey = db.session.get(Survey, survey.id)
    outreach.send_reminders(survey, today, via="screen", now=True)
    services.opt_out(db.session.scalar(select(Invitation).where(Invitation.email == CONTACTS[OPTED_OUT]["email"])))
    db.session.commit()
    helpers.settle_ledger(survey.id)
    assert db.session.scalar(select(func.count()).select_from(LedgerPending)) == 0
    return tokens


def staff_view(client, survey_id: int) -> dict:
    """What the onderzoeker reads about the round: tracking and its CSV, the results page (its response
    figures and results per item; its background filters and note apart), a breakdown, export, trend."""
    fieldwork, results = FIELDWORK.format(id=survey_id), RESULTS.format(id=survey_id)
    overview = page_text(client.get(fieldwork + "/").get_data(as_text=True))
    page = _main(client.get(results).get_data(as_text=True))
    figures, rest = page.split(" Tonen ", 1)
    export = client.post(
        results + "export", data={"format": "csv", "delimiter": "comma", "values": "codes"}, buffered=True
    )
    rows = list(csv.DictReader(io.StringIO(export.data.decode("utf-8-sig"), newline="")))
    return {
        "overview": _without_batch_note(overview.split("Persoonlijke uitnodigingen")[0].split("Respons", 1)[1]),
        "opted_out": re.search(r"(\d+) genodigden? (?:wil|willen) geen post meer", overview).group(1),
        "tracking": _without_batch_note(page_text(client.get(fieldwork + "/voortgang").get_data(as_text=True))),
        "csv": client.get(fieldwork + "/voortgang.csv").data.decode("utf-8-sig"),
        "response": re.sub(r" Van \d+ respondenten is de achtergrond [^.]*\.", "", figures),
        "items": rest.split("Getoond voor:", 1)[1],
        "background_note": re.findall(r"Van \d+ respondenten is de achtergrond", figures),
        "filters": rest.split("Getoond voor:", 1)[0],
        "by_gemeente": _main(client.get(results + "?uitsplitsing=gemeente").get_data(as_text=True)).split(
            "Getoond voor:", 1
        )[1],
        "export_answers": sorted(str({k: v for k, v in r.items() if k not in BACKGROUND}) for r in rows),
        "export_background": Counter(tuple(r[c] for c in BACKGROUND) for r in rows),
        "trend": _main(client.get(results + "trend").get_data(as_text=True)),
    }


def _without_batch_note(text: str) -> str:
    """The tracking page without the line that says, while fieldwork runs, that totals follow in batches."""
    return re.sub(r" Gestart en Afgerond worden per \d+ genodigden bijgewerkt[^.]*\.", "", text)


def _main(html: str) -> str:
    return page_text(html.split("<main", 1)[1])


def stored_backgrounds(db, survey_id: int) -> Counter:
    rows = db.session.execute(select(Response.language, Response.background).where(Response.survey_id == survey_id))
    return Counter(
        (language, *((background or {}).get(c, "") for c in BACKGROUND[1:])) for language, background in rows
    )


def assert_nothing_per_invitee(db, survey_id: int) -> None:
    """Every invitation row alike: no contact data, nothing on starting, finishing, reminders, the way in,
    opting out, the invitation day or the background; no unfinished response or its answers."""
    columns = (
        Invitation.started,
        Invitation.completed,
        Invitation.started_route,
        Invitation.reminder_count,
        Invitation.last_reminded_on,
        Invitation.opted_out,
        Invitation.invited_on,
        Invitation.email,
        Invitation.postal_address,
        Invitation.language,
        Invitation.background,
    )
    rows = db.session.execute(select(*columns).where(Invitation.survey_id == survey_id)).all()
    assert len(rows) == len(CONTACTS)
    assert {(*row[:-1], str(row[-1])) for row in rows} == {
        (False, False, None, 0, None, False, None, None, None, "", "{}")
    }
    statuses = db.session.scalars(select(Response.status).where(Response.survey_id == survey_id)).all()
    assert sorted(statuses) == [ResponseStatus.COMPLETED] * len(COMPLETERS)
    orphans = select(func.count()).select_from(Answer).where(Answer.response_id.not_in(select(Response.id)))
    assert db.session.scalar(orphans) == 0


def assert_k_respondents_per_combination(db, survey_id: int) -> None:
    for combination, n in stored_backgrounds(db, survey_id).items():
        assert n >= K or combination == ("", "", "", ""), (combination, n)


def test_after_close_the_database_ties_no_response_to_an_invitee(client, db, researcher, make_survey):
    survey = make_survey(min_cell=K)
    tokens = run_fieldwork(client, db, survey)
    before = staff_view(client, survey.id)
    assert "Gestart 14 Afgerond 13" in before["overview"] and before["opted_out"] == "1"

    asked = page_text(client.get(FIELDWORK.format(id=survey.id) + "/sluiten").get_data(as_text=True))
    assert "Antwoorden van mensen die begonnen maar niet klaar waren, worden verwijderd" in asked
    assert "alleen als een combinatie die minstens 5 respondenten delen" in asked
    page = client.post(FIELDWORK.format(id=survey.id) + "/sluiten", follow_redirects=True)
    assert "De contactgegevens van 21 genodigden zijn verwijderd." in page.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Survey, survey.id).status == FieldworkStatus.CLOSED

    assert_nothing_per_invitee(db, survey.id)
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "fieldwork.close"))
    assert entry.details["unfinished_deleted"] == 1 and entry.details["contacts_deleted"] == 21
    # the 2 of Delft, 4–11, ggz no longer stand out among the 13 who finished: they are shown (and stored)
    # with the 6 of Delft, 12–17, ambulant as "Delft"
    assert_k_respondents_per_combination(db, survey.id)
    assert stored_backgrounds(db, survey.id) == Counter(
        {("nl", "Delft", "", ""): 8, ("nl", "Schiedam", "4–11", "ggz"): 5}
    )

    after = staff_view(client, survey.id)
    for name in ("overview", "opted_out", "tracking", "csv", "response", "items", "by_gemeente", "export_answers"):
        assert after[name] == before[name], name
    assert after["trend"] == before["trend"]
    # what the page and the export show of a background is what the database keeps, and no finer
    assert after["export_background"] == stored_backgrounds(db, survey.id)
    assert after["background_note"] == ["Van 8 respondenten is de achtergrond"]  # the 8 of Delft

    # a personal link used after the close says so, whatever its invitee did
    for n in (COMPLETERS[0], STOPPED):
        page = client.application.test_client().get(f"/r/{tokens[CONTACTS[n]['email']]}")
        assert page.status_code == 410 and "Deze vragenlijst is gesloten" in page.get_data(as_text=True)
    # the opt-out link of an old mail says no more mail comes, and marks nobody
    invitation = db.session.scalars(select(Invitation).where(Invitation.survey_id == survey.id)).first()
    page = client.application.test_client().post(f"/afmelden/{opt_out_token(invitation)}")
    assert "Geen post meer" in page.get_data(as_text=True)
    db.session.expire_all()
    assert not db.session.scalar(select(func.count()).select_from(Invitation).where(Invitation.opted_out.is_(True)))


def test_a_round_closed_before_is_completed_by_the_daily_task_and_reads_the_same(
    app, client, db, researcher, make_survey
):
    """A round closed before the close cleared the ledger (contact data deleted, flags kept): the daily
    ``close-due`` completes its close with the same steps, and no figure, table or export changes."""
    survey = make_survey(min_cell=K)
    run_fieldwork(client, db, survey)
    survey = db.session.get(Survey, survey.id)
    survey.status = FieldworkStatus.CLOSED
    for invitation in db.session.scalars(select(Invitation).where(Invitation.survey_id == survey.id)):
        invitation.email, invitation.postal_address, invitation.language = None, None, ""
        invitation.contact_deleted_on = local_today()
    db.session.commit()
    before = staff_view(client, survey.id)

    result = app.test_cli_runner().invoke(args=["fieldwork", "close-due"])
    assert result.exit_code == 0, result.output
    assert f"Vragenlijst {survey.id} (al gesloten)" in result.output
    assert "1 onafgemaakte antwoordsets verwijderd" in result.output
    db.session.expire_all()

    assert_nothing_per_invitee(db, survey.id)
    assert_k_respondents_per_combination(db, survey.id)
    assert staff_view(client, survey.id) == before
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "fieldwork.close_completed"))
    again = app.test_cli_runner().invoke(args=["fieldwork", "close-due"])
    assert "al gesloten" not in again.output  # once


def test_a_round_without_invitations_keeps_its_figures_and_its_page(client, db, researcher, make_survey):
    """An open link: the unfinished responses go at the close, and still count as started; the page, which
    already generalised among the respondents, reads the same."""
    survey = make_survey(min_cell=K, languages=("nl", "en"))
    for n in range(10):
        response = Response(
            survey_id=survey.id,
            version_id=survey.published_version.id,
            channel=Channel.OPEN_LINK,
            status=ResponseStatus.COMPLETED if n < 8 else ResponseStatus.IN_PROGRESS,
            language="en" if n < 2 else "nl",
            week=local_today() - timedelta(days=local_today().weekday()),
            background={},
        )
        response.answers = [Answer(item_code="P1", value=str(2 + n % 3)), Answer(item_code="P2", value="gemeente")]
        db.session.add(response)
    db.session.commit()
    results = RESULTS.format(id=survey.id)
    before = _main(client.get(results).get_data(as_text=True))
    assert "8 mensen vulden de vragenlijst helemaal in; 10 begonnen eraan." in before

    client.post(FIELDWORK.format(id=survey.id) + "/sluiten", follow_redirects=True)
    db.session.expire_all()
    statuses = db.session.scalars(select(Response.status).where(Response.survey_id == survey.id)).all()
    assert sorted(statuses) == [ResponseStatus.COMPLETED] * 8
    assert _main(client.get(results).get_data(as_text=True)) == before
    assert_k_respondents_per_combination(db, survey.id)
