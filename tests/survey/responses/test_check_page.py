"""The optional check page: every answer on the path with a "Wijzigen" link that comes back here."""

import re

from sqlalchemy import select

from survey.questionnaires.content.parsing import parse_document
from survey.responses.models import Answer, Response, ResponseStatus
from tests.survey.responses.walk import fill, walk

BASE = "/v/open-sleutel-1234"


def test_documents_fixture_lists_parseable_questionnaires(documents):
    assert documents and all(parse_document(document).questions() for _name, document in documents)


def test_check_page_lists_answers_and_change_comes_back(client, db, make_survey):
    make_survey(check_page=True)
    end = walk(client, BASE, {"T1": "4", "L1": "Noord"})
    assert end.headers["Location"].endswith("/controle")
    check = client.get(BASE + "/controle").get_data(as_text=True)
    assert "Kijk uw antwoorden na" in check and "Noord" in check and "Mee eens" in check
    assert "Welk cijfer geeft u Snel de juiste hulp?" in check  # repeated block, piped
    change = re.search(r'href="([^"]+terug=controle)">Wijzigen<span class="visually-hidden"> In welke wijk', check)
    page = client.get(change.group(1).replace("&amp;", "&")).get_data(as_text=True)
    assert "Opslaan en terug naar het overzicht" in page and 'value="Noord"' in page
    back = client.post(change.group(1).replace("&amp;", "&"), data=fill(page, {"L1": "Zuid"}))
    assert back.headers["Location"].endswith("/controle")
    assert "Zuid" in client.get(BASE + "/controle").get_data(as_text=True)
    assert db.session.scalars(select(Response)).one().status == ResponseStatus.IN_PROGRESS
    sent = client.post(BASE + "/controle")
    assert "/klaar" in sent.headers["Location"]
    assert db.session.scalar(select(Answer.value).where(Answer.item_code == "L1")) == "Zuid"


def test_check_page_before_the_end_sends_back_to_the_questions(client, db, make_survey):
    make_survey(check_page=True)
    walk(client, BASE, stop_after=4)
    early = client.get(BASE + "/controle")
    assert early.status_code == 302 and early.headers["Location"].endswith("/vraag/5")
    fresh = client.application.test_client()
    lost = fresh.get(BASE + "/controle")
    assert lost.status_code == 410 and "We kunnen de antwoorden niet vinden" in lost.get_data(as_text=True)


def test_back_keeps_what_was_chosen_without_checking_required_questions(client, db, make_survey):
    make_survey()
    walk(client, BASE, stop_after=2)
    page = client.get(BASE + "/vraag/3").get_data(as_text=True)
    back = client.post(BASE + "/vraag/3", data={**fill(page, {"K1": "1"}), "actie": "vorige"})
    assert back.headers["Location"].endswith("/vraag/2")
    assert 'value="1" checked' in client.get(BASE + "/vraag/3").get_data(as_text=True)
    empty = client.post(BASE + "/vraag/4", data={"actie": "vorige"})
    assert empty.status_code == 302  # going back never asks for an answer first


def test_previous_on_the_first_question_shows_the_welcome_page_again(client, db, make_survey):
    make_survey()
    walk(client, BASE, stop_after=3)
    page = client.get(BASE + "/vraag/1").get_data(as_text=True)
    back = client.post(BASE + "/vraag/1", data=fill(page, action="vorige"))
    assert back.headers["Location"].endswith("?intro=1")
    welcome = client.get(back.headers["Location"])
    assert welcome.status_code == 200 and "Hoe lang duurt het?" in welcome.get_data(as_text=True)
    assert client.get(BASE).headers["Location"].endswith("/vraag/4")  # resuming still goes on where it stopped


def test_a_typed_answer_keeps_its_own_direction_on_an_arabic_check_page(client, db, make_survey):
    """A phone number typed on an Arabic page is shown as typed ("0612345678.", not ".0612345678"): the
    respondent's own text is marked dir="auto", on the check page and in the field where it is typed."""
    make_survey(check_page=True)
    page = client.get(BASE + "/vraag/1?taal=ar").get_data(as_text=True)
    assert 'dir="rtl"' in page
    walk(client, BASE, {"T1": "4", "L1": "0612345678."})
    check = client.get(BASE + "/controle").get_data(as_text=True)
    assert 'lang="ar"' in check and '<dd class="check-answer" dir="auto">0612345678.</dd>' in check
    pages = [
        client.get(h.replace("&amp;", "&")).get_data(as_text=True)
        for h in re.findall(r'href="([^"]+terug=controle)"', check)
    ]
    (typed,) = [page for page in pages if 'value="0612345678."' in page]
    assert re.search(r'<input class="input" type="text" dir="auto" id="[^"]+" name="[^"]+" value="0612345678\."', typed)
