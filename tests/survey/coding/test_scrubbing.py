"""Scrubbing runs as a background job after a response is completed, never in a request, and never
loses an answer; coders see only the scrubbed copy."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from survey.accounts.models import Role
from survey.audit.models import AuditEntry
from survey.coding.jobs import queue_scrub
from survey.coding.models import CodedAnswer, ScrubKind, ScrubTerm
from survey.jobs import huey
from survey.responses.models import Answer, Response, ResponseStatus
from tests.survey.coding.helpers import answers_in_order, base, staff

TEXT = "Daan kreeg hulp van Jeugdteam Noord, maar we moesten lang wachten."


def open_answers(db, survey):
    return list(
        db.session.scalars(
            select(Answer)
            .join(Response)
            .where(Response.survey_id == survey.id, Answer.item_code == "O1")
            .order_by(Answer.id)
        )
    )


def run_due_retries():
    """Retries wait a minute in production; here they are taken from the schedule and run now."""
    later = datetime.now(UTC).replace(tzinfo=None) + timedelta(hours=1)
    for task in huey.read_schedule(later):
        huey.execute(task, later)


def test_waiting_responses_are_counted_up_to_what_the_caller_asks(db, region, make_survey, scrubber):
    """At every completion the respondent flow asks whether k responses wait: the count stops at k."""
    from survey.coding.scrubbing.services import waiting_responses

    survey = make_survey(region, [TEXT, "Fijn geholpen.", "", "Te lang gewacht."])
    assert waiting_responses(survey.id) == 3  # the empty answer waits for nothing
    assert waiting_responses(survey.id, at_most=2) == 2
    assert waiting_responses(survey.id, at_most=10) == 3
    assert not queue_scrub(survey.id, at_least=4)
    assert queue_scrub(survey.id, at_least=3)
    db.session.commit()
    assert waiting_responses(survey.id) == 0


def test_completed_response_is_scrubbed_after_commit(db, region, make_survey, scrubber):
    survey = make_survey(region, [TEXT])
    [answer] = open_answers(db, survey)
    queue_scrub(survey.id)
    assert scrubber.calls == 0  # nothing before the commit
    db.session.commit()
    db.session.expire_all()
    assert answer.scrubbed_text == "[NAAM] kreeg hulp van Jeugdteam Noord, maar we moesten lang wachten."
    assert answer.value == TEXT  # the raw answer is kept as it was
    assert db.session.get(CodedAnswer, answer.id) is not None  # ready for coding, with a first sentiment


def test_region_list_is_used_and_closed_questions_are_left_alone(db, region, make_survey, scrubber):
    db.session.add(ScrubTerm(region_id=region.id, kind=ScrubKind.PROVIDER, term="Jeugdteam Noord"))
    survey = make_survey(region, [TEXT])
    [answer] = open_answers(db, survey)
    queue_scrub(survey.id)
    db.session.commit()
    db.session.expire_all()
    assert answer.scrubbed_text == "[NAAM] kreeg hulp van [ORGANISATIONS], maar we moesten lang wachten."
    closed = db.session.scalar(select(Answer).where(Answer.response_id == answer.response_id, Answer.item_code == "T1"))
    assert closed.scrubbed_text is None


def test_rolled_back_completion_queues_nothing(db, region, make_survey, scrubber):
    survey = make_survey(region, [TEXT])
    [answer] = open_answers(db, survey)
    queue_scrub(survey.id)
    db.session.rollback()
    db.session.commit()
    assert scrubber.calls == 0


def test_unfinished_response_is_not_scrubbed(db, region, make_survey, scrubber):
    survey = make_survey(region, [TEXT], status=ResponseStatus.IN_PROGRESS)
    [answer] = open_answers(db, survey)
    queue_scrub(survey.id)
    db.session.commit()
    db.session.expire_all()
    assert answer.scrubbed_text is None


def test_a_failing_scrub_is_retried_and_the_answer_is_never_lost(db, region, make_survey, scrubber):
    survey = make_survey(region, [TEXT])
    [answer] = open_answers(db, survey)
    huey.storage.flush_schedule()
    scrubber.fail_next = 1
    queue_scrub(survey.id)
    db.session.commit()
    db.session.expire_all()
    assert answer.value == TEXT and answer.scrubbed_text is None
    run_due_retries()
    db.session.expire_all()
    assert answer.scrubbed_text.startswith("[NAAM] kreeg hulp")
    assert answer.value == TEXT


def test_batch_command_scrubs_what_is_missing(app, db, region, make_survey, scrubber):
    survey = make_survey(region, [TEXT, "Sanne was heel fijn."])
    result = app.test_cli_runner().invoke(args=["coding", "scrub", "--survey", str(survey.id)])
    assert result.exit_code == 0, result.output
    assert "2 antwoorden geschoond" in result.output
    db.session.expire_all()
    assert [a.scrubbed_text for a in answers_in_order(db, [TEXT, "Sanne was heel fijn."], survey)][1] == (
        "[NAAM] was heel fijn."
    )
    again = app.test_cli_runner().invoke(args=["coding", "scrub", "--survey", str(survey.id)])
    assert "0 antwoorden geschoond" in again.output
    unknown = app.test_cli_runner().invoke(args=["coding", "scrub", "--survey", "999"])
    assert unknown.exit_code != 0 and "bestaat niet" in unknown.output


def test_coder_sees_scrubbed_text_only_and_pending_answers_say_so(
    db, client, login, region, make_survey, coder, scrubber
):
    survey = make_survey(region, [TEXT, "Fatima belde nooit terug."])
    first, second = answers_in_order(db, [TEXT, "Fatima belde nooit terug."], survey)
    first.scrubbed_text = "[NAAM] kreeg hulp van [ORGANISATIE], maar we moesten lang wachten."
    db.session.commit()
    login(coder)
    page = client.get(base(region, survey) + "/").get_data(as_text=True)
    assert "[NAAM] kreeg hulp" in page
    assert "Daan" not in page and "Fatima" not in page
    assert "nog niet geschoond" in page
    answer_page = client.get(staff(region) + f"/antwoorden/{second.id}").get_data(as_text=True)
    assert "Fatima" not in answer_page and "nog niet geschoond" in answer_page
    assert "Toon origineel" not in answer_page
    assert client.post(staff(region) + f"/antwoorden/{second.id}/origineel").status_code == 403
    assert scrubber.calls == 0  # the coding screen never scrubs in the request


def test_search_never_finds_what_scrubbing_removed(db, client, login, region, make_survey, researcher):
    survey = make_survey(region, [TEXT])
    [answer] = open_answers(db, survey)
    answer.scrubbed_text = "[NAAM] kreeg hulp."
    db.session.commit()
    login(researcher)
    assert "[NAAM] kreeg hulp" not in client.get(base(region, survey) + "/?q=Daan").get_data(as_text=True)
    assert "[NAAM] kreeg hulp" in client.get(base(region, survey) + "/?q=hulp").get_data(as_text=True)


def test_researcher_sees_raw_text_on_request_and_it_is_audited(
    db, client, login, region, make_survey, researcher, make_user
):
    survey = make_survey(region, [TEXT])
    [answer] = open_answers(db, survey)
    answer.scrubbed_text = "[NAAM] kreeg hulp."
    db.session.commit()
    login(researcher)
    url = staff(region) + f"/antwoorden/{answer.id}"
    page = client.get(url).get_data(as_text=True)
    assert "Toon origineel" in page and TEXT not in page
    shown = client.post(url + "/origineel").get_data(as_text=True)
    assert TEXT in shown
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "coding.raw_view"))
    assert entry.actor_id == researcher.id and entry.details["answer_id"] == answer.id
    assert "Daan" not in str(entry.details) and "wachten" not in str(entry.details)
    admin = make_user(region, Role.BEHEERDER)
    login(admin)
    assert client.post(url + "/origineel").status_code == 403


def test_administrator_keeps_the_list_of_local_names(db, client, login, region, make_user):
    admin = make_user(region, Role.BEHEERDER)
    login(admin)
    url = f"/beheer/{region.slug}/coderen/namenlijst"
    response = client.post(
        url,
        data={
            "provider": "Jeugdteam Noord\njeugdteam noord\nDe Linde",
            "school": "",
            "place": "Oosterwijk",
            "other": "",
        },
        follow_redirects=True,
    )
    assert "De lijst is opgeslagen" in response.get_data(as_text=True)
    terms = {(t.kind, t.term) for t in db.session.scalars(select(ScrubTerm))}
    assert terms == {
        (ScrubKind.PROVIDER, "Jeugdteam Noord"),
        (ScrubKind.PROVIDER, "De Linde"),
        (ScrubKind.PLACE, "Oosterwijk"),
    }
    client.post(url, data={"provider": "De Linde", "school": "", "place": "", "other": ""})
    assert {t.term for t in db.session.scalars(select(ScrubTerm))} == {"De Linde"}
    assert "Oosterwijk" not in str([e.details for e in db.session.scalars(select(AuditEntry))])


@pytest.mark.slow
@pytest.mark.parametrize("app_config", [{"CODING_SCRUBBER": None}])
def test_deduce_scrubs_names_places_and_the_region_list(db, region, make_survey, deduce):
    db.session.add(ScrubTerm(region_id=region.id, kind=ScrubKind.PROVIDER, term="Jeugdteam Noord"))
    survey = make_survey(
        region, ["Mijn zoon Daan woont in Zwolle en krijgt hulp van Jeugdteam Noord, bel 06-12345678."]
    )
    [answer] = open_answers(db, survey)
    queue_scrub(survey.id)
    db.session.commit()
    db.session.expire_all()
    scrubbed = answer.scrubbed_text
    for secret in ("Daan", "Zwolle", "Jeugdteam Noord", "06-12345678"):
        assert secret not in scrubbed
    assert "Mijn zoon" in scrubbed and "[NAAM]" in scrubbed


def test_completed_responses_are_scrubbed_in_batches_of_k_not_one_job_each(client, db, region, monkeypatch):
    """The respondent flow queues a batch for the survey (its id only) once k completed responses wait."""
    from sqlalchemy import select

    from survey.coding import jobs
    from survey.responses.models import Answer
    from tests.survey.responses.documents import create_survey
    from tests.survey.responses.walk import walk

    queued = []
    original = jobs.scrub_survey_job
    monkeypatch.setattr(jobs, "scrub_survey_job", lambda *a, **kw: queued.append((a, kw)) or original(*a, **kw))
    survey = create_survey(db, region)
    survey.min_cell = 5
    db.session.commit()
    for n in range(5):
        respondent = client.application.test_client()
        end = walk(respondent, "/v/open-sleutel-1234", {"R1": "4", "A1": "prof", "O2": f"Mijn zoon Daan ({n})."})
        assert "/klaar" in end.headers["Location"]
        scrubbed = [a.scrubbed_text for a in db.session.scalars(select(Answer).where(Answer.item_code == "O2"))]
        if n < 4:  # fewer than k waiting: no job yet
            assert scrubbed == [None] * (n + 1) and queued == []
    assert queued == [((survey.id,), {})]  # one batch job, naming the survey only
    assert all(text is not None for text in scrubbed)  # the (stand-in) scrubber ran over all five


def test_a_busy_survey_queues_one_batch_until_it_starts(client, db, region, real_queue):
    """Completions that find k responses waiting while a batch of the survey is queued and has not started queue
    no second one (it will read their answers too); once it has started, the next k completions queue the next."""
    from tests.helpers import run_queue
    from tests.survey.responses.documents import create_survey
    from tests.survey.responses.walk import walk

    def complete(n):
        end = walk(client.application.test_client(), "/v/open-sleutel-1234", {"R1": "4", "O2": f"Daan ({n})."})
        assert "/klaar" in end.headers["Location"]

    def queued_batches():
        return [task.args for task in real_queue.pending() if task.name.endswith("scrub_survey_job")]

    survey = create_survey(db, region)
    survey.min_cell = 5
    db.session.commit()
    for n in range(9):
        complete(n)
    assert queued_batches() == [(survey.id,)]  # completions 5 to 9 found k waiting; one batch, not five
    run_queue(real_queue)
    waiting = select(Answer).where(Answer.item_code == "O2", Answer.scrubbed_text.is_(None))
    assert db.session.scalars(waiting).all() == []  # the one batch read all nine
    for n in range(4):
        complete(9 + n)
    assert queued_batches() == []  # four wait: fewer than k
    complete(13)
    assert queued_batches() == [(survey.id,)]
    run_queue(real_queue)
    assert db.session.scalars(waiting).all() == []
