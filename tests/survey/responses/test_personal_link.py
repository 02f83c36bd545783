"""The personal link and the short code from a letter: resume after any step, final means final,
the ledger is marked, and nothing links the response to the invitation."""

import logging

import pytest
from sqlalchemy import func, select

from survey.fieldwork import ledger
from survey.fieldwork.models import Invitation
from survey.responses.models import Answer, Channel, Response, ResponseStatus
from tests.helpers import settle_ledger
from tests.survey.responses.walk import fill, walk


def responses(db):
    return db.session.scalars(select(Response)).all()


def test_welcome_then_complete_marks_the_ledger_and_copies_only_coarse_background(
    client, db, make_survey, make_invitation
):
    survey = make_survey(mode="one_per_screen")
    for _ in range(12):  # enough invitees share "Rotterdam"; the age band below is rare
        make_invitation(survey, background={"gemeente": "Rotterdam"})
    invitation, token, _code = make_invitation(survey, background={"gemeente": "Rotterdam", "leeftijd": "12-15"})
    page = client.get(f"/r/{token}")
    assert page.status_code == 200 and "Deze vragenlijst komt van Gemeente Rotterdam." in page.get_data(as_text=True)
    first = client.get(f"/r/{token}/vraag/1").get_data(as_text=True)
    assert "Deze vragen gaan over de hulp in Rotterdam." in first
    end = walk(client, f"/r/{token}", {"A1": "ouder"})
    assert "/klaar" in end.headers["Location"]
    response = responses(db)[0]
    assert response.channel == Channel.PERSONAL and response.status == ResponseStatus.COMPLETED
    assert response.background == {"gemeente": "Rotterdam"}
    assert response.resume_hash is None
    db.session.refresh(invitation)
    assert not invitation.started and not invitation.completed  # pending until k invitees are (a batch)
    assert ledger.state(invitation).completed and ledger.state(invitation).route == "link"
    assert client.get(f"/r/{token}").status_code == 410  # finished means finished, batch or not
    settle_ledger(survey.id)
    db.session.refresh(invitation)
    assert invitation.started and invitation.completed and invitation.started_route == "link"
    assert token not in str(vars(response)) and invitation.token_hash not in str(vars(response))


@pytest.mark.parametrize("stop_after", [1, 3, 8, 14])
def test_resume_after_any_step_keeps_every_earlier_answer(client, db, make_survey, make_invitation, stop_after):
    survey = make_survey()
    _invitation, token, _code = make_invitation(survey)
    walk(client, f"/r/{token}", {"T1": "2", "R1": "9", "L1": "Noord"}, stop_after=stop_after)
    before = {(a.item_code, a.instance): a.value for a in responses(db)[0].answers}
    other_device = client.application.test_client()  # no cookies, no session: only the link
    back = other_device.get(f"/r/{token}")
    assert back.status_code == 302 and back.headers["Location"].endswith(f"/vraag/{stop_after + 1}")
    page = other_device.get(back.headers["Location"]).get_data(as_text=True)
    assert "Welkom terug" in page
    if stop_after > 1:  # the previous screen's answer is shown and kept
        earlier = other_device.get(f"/r/{token}/vraag/2").get_data(as_text=True)
        assert 'value="2" checked' in earlier
    end = walk(other_device, f"/r/{token}", start=stop_after + 1)
    assert "/klaar" in end.headers["Location"]
    after = {(a.item_code, a.instance): a.value for a in responses(db)[0].answers}
    assert all(after[key] == value for key, value in before.items())
    assert len(responses(db)) == 1


def test_short_code_from_the_letter_works_like_the_link(client, db, make_survey, make_invitation):
    survey = make_survey()
    _invitation, _token, code = make_invitation(survey)
    typed = client.post("/code", data={"code": code.lower().replace("-", " ")})
    assert typed.status_code == 302 and typed.headers["Location"].endswith(f"/r/{code}")
    end = walk(client, f"/r/{code}")
    assert "/klaar" in end.headers["Location"]
    assert client.get(f"/r/{code}").status_code == 410


def test_starting_by_link_and_continuing_by_code_is_refused_clearly(client, db, make_survey, make_invitation):
    survey = make_survey()
    _invitation, token, code = make_invitation(survey)
    walk(client, f"/r/{token}", stop_after=2)
    page = client.get(f"/r/{code}/vraag/1")
    sent = client.post(f"/r/{code}/vraag/1", data=fill(page.get_data(as_text=True)))
    assert sent.status_code == 409
    assert "dezelfde manier" in sent.get_data(as_text=True)
    assert len(responses(db)) == 1


def test_finished_link_and_replayed_final_post_change_nothing(client, db, make_survey, make_invitation):
    survey = make_survey(check_page=True)
    _invitation, token, _code = make_invitation(survey)
    walk(client, f"/r/{token}")
    check = client.get(f"/r/{token}/controle")
    assert check.status_code == 200 and "Wijzigen" in check.get_data(as_text=True)
    assert client.post(f"/r/{token}/controle").headers["Location"].endswith("/klaar?taal=nl")
    answers_before = db.session.scalar(select(func.count()).select_from(Answer))
    for url, method in ((f"/r/{token}", "get"), (f"/r/{token}/controle", "post"), (f"/r/{token}/vraag/3", "post")):
        replay = getattr(client, method)(url, data={"v-T1": "1"})
        assert replay.status_code == 410, url
        assert "U heeft deze vragenlijst al ingevuld" in replay.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Answer)) == answers_before
    assert len(responses(db)) == 1


def test_double_submitted_first_step_makes_one_response(client, db, make_survey, make_invitation):
    survey = make_survey()
    _invitation, token, _code = make_invitation(survey)
    data = fill(client.get(f"/r/{token}/vraag/1").get_data(as_text=True))
    first = client.post(f"/r/{token}/vraag/1", data=data)
    second = client.post(f"/r/{token}/vraag/1", data=data)
    assert first.status_code == second.status_code == 302
    assert len(responses(db)) == 1


def test_double_submitted_step_stores_once_and_two_tabs_get_a_note(client, db, make_survey, make_invitation):
    survey = make_survey()
    _invitation, token, _code = make_invitation(survey)
    walk(client, f"/r/{token}", stop_after=1)
    page = client.get(f"/r/{token}/vraag/2").get_data(as_text=True)
    tab_a, tab_b = fill(page, {"T1": "5"}), fill(page, {"T1": "1"})
    assert client.post(f"/r/{token}/vraag/2", data=tab_a).status_code == 302
    again = client.post(f"/r/{token}/vraag/2", data=tab_a)  # the same click twice
    assert again.status_code == 302 and again.headers["Location"].endswith("/vraag/3")
    other = client.post(f"/r/{token}/vraag/2", data=tab_b)  # another tab, behind
    assert other.status_code == 302 and other.headers["Location"].endswith("/vraag/2")
    note = client.get(other.headers["Location"]).get_data(as_text=True)
    assert "ander venster of tabblad" in note and 'value="5" checked' in note
    answers = [a for a in responses(db)[0].answers if a.item_code == "T1"]
    assert [a.value for a in answers] == ["5"]


def test_no_token_in_session_cookies_or_logs(client, db, make_survey, make_invitation, caplog):
    survey = make_survey()
    _invitation, token, _code = make_invitation(survey)
    caplog.set_level(logging.DEBUG)
    walk(client, f"/r/{token}", stop_after=3)
    cookies = " ".join(f"{c.key}={c.value}" for c in client._cookies.values())
    with client.session_transaction() as session:
        assert token not in str(dict(session))
    assert token not in cookies
    assert token not in caplog.text
    response = responses(db)[0]
    assert db.session.scalar(select(Invitation.token_hash)) != response.resume_hash


def test_young_persons_answers_never_appear_on_the_parents_link(client, db, make_survey, make_invitation):
    parents = make_survey(public_key="ouders-2026")
    youth = make_survey(public_key="jongeren-2026", audience="jongeren", address="je")
    _p, parent_token, _ = make_invitation(parents)
    _y, youth_token, _ = make_invitation(youth)
    device = client  # one family phone
    walk(device, f"/r/{youth_token}", {"L1": "Geheim van Youssef"}, stop_after=11)
    parent_page = device.get(f"/r/{parent_token}")
    assert parent_page.status_code == 200  # the parent's welcome, not the son's answers
    for number in (1, 11, 12):
        html = device.get(f"/r/{parent_token}/vraag/{number}", follow_redirects=True).get_data(as_text=True)
        assert "Geheim van Youssef" not in html
    open_link = device.get("/v/jongeren-2026/vraag/11", follow_redirects=True).get_data(as_text=True)
    assert "Geheim van Youssef" not in open_link  # the personal response is not reachable by the open link


@pytest.mark.parametrize("app_config", [{"WTF_CSRF_ENABLED": True}])
def test_a_personal_link_sets_only_the_session_cookie_and_it_finds_nothing(
    client, db, make_survey, make_invitation, app_config
):
    """What the README and docs/security.md say: no resume cookie on a personal link; the session cookie holds
    a random form token and one-time notices only, never the link, the code or anything of the response."""
    survey = make_survey(check_page=True)
    _invitation, token, code = make_invitation(survey)
    browser = client.application.test_client()
    set_cookies = []
    plain = browser.open

    def open_and_collect(*args, **kwargs):
        answer = plain(*args, **kwargs)
        set_cookies.extend(answer.headers.getlist("Set-Cookie"))
        return answer

    browser.open = open_and_collect
    walk(browser, f"/r/{token}", stop_after=2)
    browser.get(f"/r/{token}")  # "welkom terug": a one-time notice
    set_cookies = [c for c in set_cookies if "Max-Age=0" not in c]  # deletions (Flask-Login's remember cookie)
    names = {cookie.split("=", 1)[0] for cookie in set_cookies}
    assert names == {client.application.config["SESSION_COOKIE_NAME"]}
    serializer = client.application.session_interface.get_signing_serializer(client.application)
    response = responses(db)[0]
    for cookie in set_cookies:
        value = cookie.split("=", 1)[1].split(";", 1)[0]
        if not value:
            continue
        content = repr(serializer.loads(value))
        assert set(serializer.loads(value)) <= {"csrf_token", "_flashes"}
        assert token not in content and code not in content and response.id not in content
        assert "Expires" not in cookie and "Max-Age" not in cookie  # gone when the browser closes


def test_a_completion_the_ledger_missed_is_noted_on_the_next_visit(
    client, db, make_survey, make_invitation, monkeypatch
):
    """The request died between committing the completion and telling the ledger (its own transaction): the
    next visit of the link finds no unfinished response while the invitee was finishing, and says "al
    ingevuld" instead of opening an empty questionnaire; the ledger then counts the completion once."""
    from survey.fieldwork.models import ParticipationDay
    from survey.responses import services

    survey = make_survey()
    invitation, token, _code = make_invitation(survey)
    monkeypatch.setattr(services, "note_completed", lambda invitation: None)  # the request dies here
    assert "/klaar" in walk(client, f"/r/{token}").headers["Location"]
    assert not ledger.state(invitation).completed
    monkeypatch.undo()
    again = client.get(f"/r/{token}")
    assert again.status_code == 410 and "al ingevuld" in again.get_data(as_text=True)
    assert client.get(f"/r/{token}").status_code == 410
    assert ledger.state(invitation).completed
    assert db.session.scalar(select(func.sum(ParticipationDay.completed))) == 1
    assert len(responses(db)) == 1


def test_a_batch_between_the_completion_and_the_lost_notice_keeps_the_invitee_finishing(
    client, db, make_survey, make_invitation, monkeypatch
):
    """Found by the database-restart fault test (20 completed responses, 19 completions in the ledger): other
    invitees' batch ran while this invitee was completing, took his "finishing" entry along with theirs, and
    the link then had nothing to tell that the completion had been committed. A finishing entry now waits for
    its completion, so the next visit still says "al ingevuld" and the ledger counts it once."""
    from datetime import date

    from survey.fieldwork.models import Invitation
    from survey.responses import services
    from survey.tokens import token_hash

    survey = make_survey()
    invitation, token, _code = make_invitation(survey)
    monkeypatch.setattr(services, "note_completed", lambda invitation: None)  # the request dies here
    assert "/klaar" in walk(client, f"/r/{token}").headers["Location"]
    monkeypatch.undo()
    others = [Invitation(survey_id=survey.id, token_hash=token_hash(f"ander-{n}")) for n in range(survey.min_cell)]
    db.session.add_all(others)
    db.session.commit()
    for other in others:
        ledger.note_start(other, "link", date(2026, 3, 2))  # k starts pending: the batch runs, as it would
    again = client.get(f"/r/{token}")
    assert again.status_code == 410 and "al ingevuld" in again.get_data(as_text=True)
    assert ledger.state(invitation).completed and len(responses(db)) == 1
    db.session.expire_all()
    assert all(other.started for other in others)  # their batch ran all the same
