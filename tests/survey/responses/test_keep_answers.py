"""Each answer on a page of several questions is kept as it is given (the JSON endpoint behind keep.js):
the same exactly-once storage as sending the step, never moving the respondent on; the welcome page
promises only what the display mode does."""

import pytest
from sqlalchemy import func, select

from survey.fieldwork import ledger
from survey.responses.models import Answer, Response
from tests.survey.responses.walk import fill

BASE = "/v/open-sleutel-1234"


def stored(db) -> dict:
    return {a.item_code: a.value for a in db.session.scalars(select(Answer))}


def responses(db) -> int:
    return db.session.scalar(select(func.count()).select_from(Response))


def fixed_fields(page: str) -> dict:
    """The form token, lock, start key and language of a step page, without any answer."""
    return {k: v for k, v in fill(page).items() if not k.startswith("v-") and k != "actie"}


def test_answers_are_kept_once_and_the_step_still_goes_on(client, db, make_survey):
    make_survey(mode="section_per_page")
    page = client.get(BASE + "/vraag/1").get_data(as_text=True)
    fixed = fixed_fields(page)
    first = client.post(BASE + "/vraag/1/bewaar", data={**fixed, "v-T1": "4"})
    assert first.status_code == 200 and first.json["status"] == "saved"
    again = client.post(BASE + "/vraag/1/bewaar", data={**fixed, "v-T1": "4"})  # sent twice (back online)
    assert again.status_code == 200
    assert responses(db) == 1 and stored(db) == {"T1": "4"}
    lock = client.post(
        BASE + "/vraag/1/bewaar", data={**fixed, "lock": again.json["lock"], "v-T1": "4", "v-R1": "8"}
    ).json["lock"]
    assert stored(db) == {"T1": "4", "R1": "8"}
    assert db.session.scalar(select(Response.position)) == 0  # kept, not moved on
    sent = client.post(BASE + "/vraag/1", data={**fill(page, {"T1": "4", "R1": "8"}), "lock": str(lock)})
    assert sent.status_code == 302 and sent.headers["Location"].endswith("/vraag/2")
    assert responses(db) == 1 and stored(db)["R1"] == "8"


def test_an_answer_that_is_not_valid_yet_is_left_alone(client, db, make_survey):
    make_survey(mode="all_on_one_page")
    fixed = fixed_fields(client.get(BASE + "/vraag/1").get_data(as_text=True))
    reply = client.post(BASE + "/vraag/1/bewaar", data={**fixed, "v-T1": "2", "v-R1": "11", "v-Q1": "veel"})
    assert reply.status_code == 200 and stored(db) == {"T1": "2"}


def test_nothing_answered_creates_no_response(client, db, make_survey):
    make_survey(mode="all_on_one_page")
    fixed = fixed_fields(client.get(BASE + "/vraag/1").get_data(as_text=True))
    reply = client.post(BASE + "/vraag/1/bewaar", data=fixed)
    assert reply.status_code == 200 and reply.json["status"] == "nothing" and responses(db) == 0


def test_a_page_behind_another_tab_is_refused_not_overwritten(client, db, make_survey):
    make_survey(mode="section_per_page")
    fixed = fixed_fields(client.get(BASE + "/vraag/1").get_data(as_text=True))
    lock = client.post(BASE + "/vraag/1/bewaar", data={**fixed, "v-T1": "4"}).json["lock"]
    client.post(BASE + "/vraag/1/bewaar", data={**fixed, "lock": lock, "v-T1": "5"})  # the other tab
    behind = client.post(BASE + "/vraag/1/bewaar", data={**fixed, "lock": lock, "v-T1": "1"})
    assert behind.status_code == 409 and behind.json["status"] == "other_tab"
    assert stored(db) == {"T1": "5"}


def test_a_step_not_reached_yet_or_an_unknown_link_is_refused(client, db, make_survey):
    make_survey(mode="section_per_page")
    fixed = fixed_fields(client.get(BASE + "/vraag/1").get_data(as_text=True))
    assert client.post(BASE + "/vraag/3/bewaar", data={**fixed, "v-A1": "ouder"}).status_code == 410
    assert client.post("/v/onbekend-0000/vraag/1/bewaar", data=fixed).status_code == 404
    assert responses(db) == 0


def test_personal_link_marks_the_invitation_started(client, db, make_survey, make_invitation):
    survey = make_survey(mode="all_on_one_page")
    invitation, token, _ = make_invitation(survey)
    fixed = fixed_fields(client.get(f"/r/{token}/vraag/1").get_data(as_text=True))
    assert client.post(f"/r/{token}/vraag/1/bewaar", data={**fixed, "v-T1": "3"}).status_code == 200
    db.session.refresh(invitation)
    # noted as a pending ledger entry (the flag itself moves with the next batch of k invitees)
    assert ledger.state(invitation).started and stored(db) == {"T1": "3"}


@pytest.mark.parametrize(
    "mode,promise",
    [
        ("one_per_screen", "Uw antwoorden worden na elke vraag bewaard."),
        ("section_per_page", "Uw antwoorden worden bewaard telkens als u naar de volgende pagina gaat."),
        ("all_on_one_page", "Uw antwoorden worden bewaard als u ze verstuurt of kiest voor"),
    ],
)
def test_welcome_promises_only_what_the_display_mode_does(client, make_survey, mode, promise):
    make_survey(mode=mode)
    page = client.get(BASE).get_data(as_text=True)
    assert promise in page
    assert ("na elke vraag" in page) == (mode == "one_per_screen")


def test_step_pages_carry_the_keep_address_and_the_offline_message(client, make_survey):
    make_survey(mode="all_on_one_page")
    page = client.get(BASE + "/vraag/1").get_data(as_text=True)
    assert f'data-keep="{BASE}/vraag/1/bewaar"' in page and "data-keep-each" in page
    assert "Er is nu geen internetverbinding." in page


@pytest.mark.parametrize(
    "language,message",
    [
        ("en", "There is no internet connection now."),
        ("ar", "لا يوجد اتصال بالإنترنت الآن."),
    ],
)
def test_the_offline_message_is_in_the_page_language(client, make_survey, language, message):
    make_survey(mode="section_per_page")
    page = client.get(f"{BASE}/vraag/1?taal={language}").get_data(as_text=True)
    assert message in page and "Er is nu geen internetverbinding." not in page
