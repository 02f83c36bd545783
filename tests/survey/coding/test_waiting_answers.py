"""An answer waits for de-identification until enough answers are in: until then nobody can read it, so
nobody codes it. Its page explains why instead of offering the coding form, a confirm is refused, one theme
for many answers leaves it out, and the second coder is not asked to code it blind."""

import pytest
from sqlalchemy import select

from survey.accounts.models import Role
from survey.coding.answers import assign
from survey.coding.models import AnswerCode, CodedAnswer, SecondCoding, Source, Theme
from survey.responses.models import Answer
from tests.survey.coding.helpers import base, staff

ANSWERS = [
    "We stonden maanden op de wachtlijst.",
    "De begeleider luisterde echt naar ons.",
    "Het vervoer met de taxi ging steeds mis.",
    "Geen opmerkingen.",
]
WAITS = "Dit antwoord wacht tot namen en andere herkenbare gegevens eruit zijn gehaald."
REFUSED = "Dit antwoord kan nog niet gecodeerd worden"


def coded_survey(db, client, login, region, make_survey, researcher, scrubbed):
    """A survey with a codebook whose answers at the positions in ``scrubbed`` have a scrubbed copy."""
    survey = make_survey(region, ANSWERS)
    login(researcher)
    client.post(base(region, survey) + "/codeboek", data={"choice": "default:ceo"})
    ids = list(db.session.scalars(select(CodedAnswer.answer_id).order_by(CodedAnswer.answer_id)))
    for n, answer_id in enumerate(ids):
        answer = db.session.get(Answer, answer_id)
        answer.scrubbed_text = answer.value if n in scrubbed else None
    db.session.commit()
    themes = {t.key: t for t in db.session.scalars(select(Theme))}
    return survey, ids, themes


def state(db, answer_id):
    db.session.expire_all()
    coded = db.session.get(CodedAnswer, answer_id)
    codes = sorted((c.theme_id, c.source, c.verified) for c in coded.codes)
    kinds = sorted((k.kind, k.source, k.verified) for k in coded.kinds)
    return coded.verified, coded.lock_version, coded.sentiment, coded.sentiment_source, codes, kinds


def test_an_answer_waiting_for_scrubbing_explains_itself_and_cannot_be_confirmed(
    db, client, login, region, make_survey, researcher, coder
):
    _survey, ids, themes = coded_survey(db, client, login, region, make_survey, researcher, scrubbed={0, 2, 3})
    login(coder)
    url = staff(region) + f"/antwoorden/{ids[1]}"
    page = client.get(url).get_data(as_text=True)
    assert "nog niet geschoond" in page and WAITS in page and "Daarna kunt u het coderen." in page
    assert "Bevestigen en volgende" not in page and 'name="themes"' not in page and 'name="sentiment"' not in page
    assert db.session.get(Answer, ids[1]).value not in page  # ids in the screen's order, not that of ANSWERS
    assert f'href="/beheer/{region.slug}/coderen/antwoorden/{ids[0]}"' in page  # previous
    assert f'href="/beheer/{region.slug}/coderen/antwoorden/{ids[2]}"' in page  # next
    assert "Terug naar de lijst" in page

    before = state(db, ids[1])
    response = client.post(
        url,
        data={
            "themes": [str(themes["bejegening"].id)],
            "sentiment": "positief",
            "kinds": ["compliment"],
            "lock_version": str(before[1]),
        },
    )
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/antwoorden/{ids[1]}")
    told = client.get(response.headers["Location"]).get_data(as_text=True)
    assert REFUSED in told and "Er is niets opgeslagen." in told and WAITS in told
    assert state(db, ids[1]) == before
    assert "0 van 4 gecontroleerd" in told

    scrubbed = client.get(staff(region) + f"/antwoorden/{ids[0]}").get_data(as_text=True)
    assert "Bevestigen en volgende" in scrubbed and WAITS not in scrubbed  # a readable answer is coded as before


@pytest.mark.parametrize(
    ("scrubbed", "given", "left_out"),
    [
        ({0, 1, 2}, "gegeven aan 3 antwoorden", "1 antwoord is overgeslagen, omdat het nog niet geschoond is."),
        ({2, 3}, "gegeven aan 2 antwoorden", "2 antwoorden zijn overgeslagen, omdat ze nog niet geschoond zijn."),
    ],
)
def test_one_theme_for_many_leaves_out_answers_waiting_for_scrubbing(
    db, client, login, region, make_survey, researcher, scrubbed, given, left_out
):
    survey, ids, themes = coded_survey(db, client, login, region, make_survey, researcher, scrubbed=scrubbed)
    response = client.post(
        base(region, survey) + "/thema-toepassen", data={"give": str(themes["passend"].id)}, follow_redirects=True
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and given in page and left_out in page
    codes = db.session.scalars(select(AnswerCode).where(AnswerCode.theme_id == themes["passend"].id))
    assert sorted(c.answer_id for c in codes) == [ids[n] for n in sorted(scrubbed)]


def test_one_theme_for_many_without_waiting_answers_says_nothing_about_them(
    db, client, login, region, make_survey, researcher
):
    survey, _ids, themes = coded_survey(db, client, login, region, make_survey, researcher, scrubbed={0, 1, 2, 3})
    page = client.post(
        base(region, survey) + "/thema-toepassen", data={"give": str(themes["passend"].id)}, follow_redirects=True
    ).get_data(as_text=True)
    assert "gegeven aan 4 antwoorden" in page and "overgeslagen" not in page


def test_second_coder_is_not_asked_to_code_an_answer_waiting_for_scrubbing(
    db, client, login, app, region, make_survey, researcher, make_user
):
    survey, ids, themes = coded_survey(db, client, login, region, make_survey, researcher, scrubbed={0, 1, 2, 3})
    for answer_id in ids[:2]:
        coded = db.session.get(CodedAnswer, answer_id)
        assign.confirm_coding(
            coded, lock_version=coded.lock_version, coder_id=researcher.id, theme_ids=[], sentiment=None, kinds=[]
        )
    colleague = make_user(region, Role.CODEUR, name="Collega")
    db.session.add_all(SecondCoding(answer_id=a, coder_id=colleague.id) for a in ids[:2])
    db.session.get(Answer, ids[0]).scrubbed_text = None  # the respondent changed the answer after it was scrubbed
    db.session.commit()
    other = login(colleague, on=app.test_client())

    queue = other.get(base(region, survey) + "/dubbel")
    assert queue.headers["Location"].endswith(f"/dubbel/{ids[1]}")  # a readable answer first
    url = staff(region) + f"/dubbel/{ids[0]}"
    page = other.get(url).get_data(as_text=True)
    assert WAITS in page and "Opslaan en volgende" not in page and 'name="themes"' not in page
    assert f'href="/beheer/{region.slug}/coderen/dubbel/{ids[1]}"' in page and "Terug naar de lijst" in page
    response = other.post(url, data={"themes": [str(themes["wachttijd"].id)]})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/dubbel/{ids[0]}")
    assert REFUSED in other.get(response.headers["Location"]).get_data(as_text=True)
    db.session.expire_all()
    second = db.session.scalar(select(SecondCoding).where(SecondCoding.answer_id == ids[0]))
    assert not second.done and not second.theme_keys
    assert all(c.source != Source.HUMAN for c in db.session.get(CodedAnswer, ids[0]).codes)
