"""Coding answers by hand: suggestions ticked, human codes win, provenance shown, filters, one theme for
many answers, progress, two coders on one answer, and region scoping."""

import re

from sqlalchemy import select

from survey.accounts.models import Role
from survey.coding.models import AnswerCode, CodedAnswer, RemarkKind, Sentiment, Source, Theme
from survey.coding.queries import final_codings
from survey.responses.models import Answer, ResponseStatus
from tests.survey.coding.helpers import answer_ids_in_order, base, staff

ANSWERS = [
    "We stonden maanden op de wachtlijst.",
    "De begeleider luisterde echt naar ons.",
    "Het vervoer met de taxi ging steeds mis.",
    "Geen opmerkingen.",
]


def setup(db, client, login, region, make_survey, user):
    survey = make_survey(region, ANSWERS)
    login(user)
    client.post(base(region, survey) + "/codeboek", data={"choice": "default:ceo"})
    ids = answer_ids_in_order(db, ANSWERS)
    for answer in db.session.scalars(select(Answer).where(Answer.id.in_(ids))):
        answer.scrubbed_text = answer.value  # the scrubber does not run in these tests; coders need a copy
    db.session.commit()
    themes = {t.key: t for t in db.session.scalars(select(Theme))}
    return survey, ids, themes


def checked_themes(page: str) -> set[str]:
    return set(re.findall(r'value="(\d+)" id="theme-\d+"[^>]*checked', page.replace("\n", " ")))


def test_coder_confirms_corrects_and_human_codes_win(db, client, login, region, make_survey, researcher, coder):
    survey, ids, themes = setup(db, client, login, region, make_survey, researcher)
    login(coder)
    url = staff(region) + f"/antwoorden/{ids[0]}"
    page = client.get(url).get_data(as_text=True)
    assert checked_themes(page) == {str(themes["wachttijd"].id)}  # the rule suggestion is ticked
    assert "regel" in page and "0 van 4 gecontroleerd" in page
    coded = db.session.get(CodedAnswer, ids[0])
    response = client.post(
        url,
        data={
            "themes": [str(themes["informatie"].id)],
            "sentiment": "negatief",
            "kinds": ["zorg"],
            "lock_version": str(coded.lock_version),
        },
    )
    following = sorted(ids)[sorted(ids).index(ids[0]) + 1 :]  # the screen goes on in the order of the ids
    where = response.headers["Location"]
    assert response.status_code == 302 and (f"/antwoorden/{following[0]}" in where if following else "/O1/" in where)
    db.session.expire_all()
    assert coded.verified and coded.verified_by_id == coder.id
    assert coded.sentiment == Sentiment.NEGATIVE and coded.sentiment_source == Source.HUMAN
    assert [k.kind for k in coded.kinds if k.verified] == [RemarkKind.CONCERN]
    codes = {c.theme.key: (c.source, c.verified) for c in coded.codes}
    assert codes == {"wachttijd": (Source.RULE, False), "informatie": (Source.HUMAN, True)}
    final = final_codings(survey.id)[ids[0]]
    assert [c.theme_key for c in final.themes] == ["informatie"] and final.kinds == ("zorg",)
    listing = client.get(base(region, survey) + "/").get_data(as_text=True)
    assert "1 van 4 gecontroleerd" in listing and "mens" in listing and "gecontroleerd" in listing
    again = client.get(url).get_data(as_text=True)
    assert checked_themes(again) == {str(themes["informatie"].id)}  # the rejected suggestion stays unticked


def test_second_coder_on_the_same_answer_gets_a_message_not_a_lost_update(
    db, client, login, region, make_survey, researcher, make_user, app
):
    survey, ids, themes = setup(db, client, login, region, make_survey, researcher)
    url = staff(region) + f"/antwoorden/{ids[1]}"
    opened = db.session.get(CodedAnswer, ids[1]).lock_version  # both coders open the answer
    other = app.test_client()
    login(make_user(region, Role.CODEUR), on=other)
    first = other.post(url, data={"themes": [str(themes["bejegening"].id)], "lock_version": str(opened)})
    assert first.status_code == 302
    second = client.post(
        url, data={"themes": [str(themes["regels"].id)], "lock_version": str(opened)}, follow_redirects=True
    )
    assert second.status_code == 200
    page = second.get_data(as_text=True)
    assert "Iemand anders heeft dit antwoord opgeslagen terwijl u het open had" in page
    assert checked_themes(page) == {str(themes["bejegening"].id)}  # reloaded with the other coder's version
    db.session.expire_all()
    assert [c.theme.key for c in db.session.get(CodedAnswer, ids[1]).codes if c.verified] == ["bejegening"]


def test_filters_search_and_one_theme_for_many(db, client, login, region, make_survey, researcher):
    survey, ids, themes = setup(db, client, login, region, make_survey, researcher)
    url = base(region, survey) + "/"

    def shown(**args):
        page = client.get(url, query_string=args).get_data(as_text=True)
        return [text for text in ANSWERS if text in page]

    assert shown(status="uncoded") == [ANSWERS[2], ANSWERS[3]]
    assert shown(theme=themes["wachttijd"].id) == [ANSWERS[0]]
    assert shown(source="regel") == [ANSWERS[0], ANSWERS[1]]
    assert shown(q="taxi") == [ANSWERS[2]]
    assert shown(q="100%_") == []  # wildcards are searched for literally
    response = client.post(
        base(region, survey) + "/thema-toepassen",
        data={"q": "taxi", "give": str(themes["passend"].id)},
        follow_redirects=True,
    )
    assert "gegeven aan 1 antwoord" in response.get_data(as_text=True)
    code = db.session.scalar(select(AnswerCode).where(AnswerCode.theme_id == themes["passend"].id))
    assert code.answer_id == ids[2] and code.source == Source.HUMAN and code.verified
    assert shown(theme=themes["passend"].id) == [ANSWERS[2]]
    assert shown(status="verified") == []
    assert shown(sentiment="nonsense") == ANSWERS  # an unknown filter value is ignored, not an error


def test_other_regions_and_closed_questions_are_not_found(
    db, client, login, region, other_region, make_survey, researcher, make_user
):
    survey, ids, _themes = setup(db, client, login, region, make_survey, researcher)
    assert client.get(base(region, survey, "T1") + "/").status_code == 404  # not an open question
    outsider = make_user(other_region, Role.ONDERZOEKER)
    login(outsider)
    assert client.get(base(region, survey) + "/").status_code == 404
    assert client.get(base(other_region, survey) + "/").status_code == 404
    for own_region in (region, other_region):
        assert client.get(staff(own_region) + f"/antwoorden/{ids[0]}").status_code == 404
        assert client.post(staff(own_region) + f"/antwoorden/{ids[0]}/origineel").status_code == 404
        assert client.get(staff(own_region) + f"/dubbel/{ids[0]}").status_code == 404


def test_overview_lists_open_questions_with_progress(db, client, login, region, make_survey, coder):
    make_survey(region, ANSWERS)
    login(coder)
    page = client.get(f"/beheer/{region.slug}/coderen/").get_data(as_text=True)
    assert "O1: Wat kan er beter?" in page and "Cliëntervaringsonderzoek" in page
    assert ">Coderen</a>" in client.get(f"/beheer/{region.slug}/").get_data(as_text=True)  # in the menu


def test_every_answer_gets_a_suggested_kind_from_the_shipped_model(db, client, login, region, make_survey, researcher):
    texts = [
        "Betrek jongeren eerder bij hun plan",
        "Korte lijnen met de huisarts",
        "Niemand belde ons terug na de aanmelding.",
        "Bij wie kan ik terecht als mijn hulpverlener ziek is?",
    ]
    survey = make_survey(region, texts)
    login(researcher)
    client.post(base(region, survey) + "/codeboek", data={"choice": "default:ceo"})
    coded = [db.session.get(CodedAnswer, i) for i in answer_ids_in_order(db, texts)]
    assert [next(k.kind for k in c.kinds) for c in coded] == [
        RemarkKind.SUGGESTION,
        RemarkKind.COMPLIMENT,
        RemarkKind.CONCERN,
        RemarkKind.QUESTION,
    ]
    assert all(not k.verified for c in coded for k in c.kinds)  # suggestions, for a coder to check
    assert any(k.source == Source.MODEL for c in coded for k in c.kinds)
    # the question asks what could be better: advice given to it voices a concern, praise stays praise
    assert [c.sentiment for c in coded[:3]] == [Sentiment.NEGATIVE, Sentiment.POSITIVE, Sentiment.NEGATIVE]
    db.session.get(Answer, coded[0].answer_id).scrubbed_text = texts[0]  # readable, so the coder may code it
    db.session.commit()
    page = client.get(staff(region) + f"/antwoorden/{coded[0].answer_id}").get_data(as_text=True)
    assert re.search(r'value="suggestie"[^>]*checked', page.replace("\n", " "))


def test_overview_shows_a_repeated_question_with_its_list_not_a_raw_placeholder(
    db, client, login, region, make_survey, coder
):
    from tests.factories import new_survey
    from tests.survey.coding.helpers import add_answers, document

    repeated = document("TROTS", "Waar bent u trots op bij {item}?")
    repeated["sections"][0]["repeat"] = "projecten"
    repeated["lists"] = {"projecten": [{"key": "p1", "label": {"nl": "Thuis opgroeien"}}]}
    survey = new_survey(region, repeated)
    db.session.add(survey)
    db.session.flush()
    add_answers(db, survey, survey.versions[0], ["De samenwerking"], "TROTS", ResponseStatus.COMPLETED)
    db.session.commit()
    login(coder)
    page = client.get(f"/beheer/{region.slug}/coderen/").get_data(as_text=True)
    assert "TROTS: Waar bent u trots op bij [projecten]?" in page
    assert "{item}" not in page
