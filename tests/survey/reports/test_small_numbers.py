"""Fewer than k answers on the results page and the factsheet: nothing whose base is below k, background
answers protected as a breakdown, wording that fits the audience and the number, bars that add up."""

from analysis.scores.numbers import whole_percentages
from survey.questionnaires.models import Audience, SurveyKind
from tests.factories import save_survey
from tests.survey.reports import builders
from tests.survey.reports.pagetext import cells_of_row, page_text

AGE = {
    "code": "A2",
    "type": "keuze",
    "domain": "achtergrond",
    "text": {"nl": "Hoe oud is uw kind?"},
    "required": False,
    "options": [{"code": c, "label": {"nl": f"{c} jaar"}} for c in ("0-3", "4-11", "12-17")],
}
STATEMENTS = ("T1", "K1", "E1")
T1 = "T1 Ik wist waar ik terecht kon met mijn vraag."


def get(client, region, survey, page=""):
    response = client.get(f"/beheer/{region.slug}/resultaten/{survey.id}/{page}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def one_answer_among_twenty(db, region):
    """21 completed (k = 10); 20 answered only the open question, 1 answered everything."""
    survey = builders.make_survey(db, region, min_cell=10, document=builders.ceo_document([AGE]))
    for _ in range(20):
        builders.add_response(db, survey, {"O1": "Het ging goed."})
    builders.add_response(db, survey, {**dict.fromkeys(STATEMENTS, "5"), "F1": "altijd", "R1": 2, "A2": "4-11"})
    db.session.commit()
    return survey


def test_factsheet_shows_nothing_of_one_person(client, db, region, researcher):
    text = page_text(get(client, region, one_answer_among_twenty(db, region), "factsheet"))
    assert "Ongeveer 20 mensen vulden de vragenlijst in." in text  # 21, rounded to 5
    assert "%" not in text  # no statement, domain or grade share of the one person
    assert "positief over" not in text and "Het cijfer voor de hulp" not in text
    assert "Te weinig mensen gaven antwoord om resultaten te laten zien." in text


def test_factsheet_of_people_who_answered_only_an_open_question_says_why_it_shows_nothing(
    client, db, region, researcher
):
    survey = builders.make_survey(db, region, min_cell=10)
    for _ in range(12):
        builders.add_response(db, survey, {"O1": "Het ging goed."})
    db.session.commit()
    text = page_text(get(client, region, survey, "factsheet"))
    assert "Ongeveer 10 mensen vulden de vragenlijst in." in text
    assert "Te weinig mensen gaven antwoord om resultaten te laten zien." in text


def test_factsheet_leaves_out_a_domain_with_fewer_than_k_answers(client, db, region, researcher):
    survey = builders.make_survey(db, region, min_cell=10)
    for i in range(12):  # toegang and kwaliteit 12 answers each, effect only 3
        builders.add_response(db, survey, {"T1": "4" if i < 9 else "2", "K1": "5", "E1": "1" if i < 3 else None})
    db.session.commit()
    text = page_text(get(client, region, survey, "factsheet"))
    assert "75 % is positief over hoe ze hulp kregen (toegang)." in text  # 9 of 12
    assert "100 % is positief over de hulpverleners (kwaliteit)." in text
    assert "(effect)" not in text  # 3 answers: 0 % of them, not shown
    assert "Door de hulp gaat het thuis beter." not in text


def test_results_page_hides_what_fewer_than_k_answered(client, db, region, researcher):
    html = get(client, region, one_answer_among_twenty(db, region))
    text = page_text(html)
    assert "Getoond voor: iedereen die de vragenlijst heeft ingevuld (n = 21)." in text
    assert cells_of_row(html, T1)[:2] == ["–", "–"]  # not "100 %* 1"
    assert "100 %" not in text
    assert "Gemiddelde – Mediaan – % voldoende (6 of hoger) – n –" in text  # not the one grade 2
    # the background question: one person of 4-11, not shown, nor the zeros that would give it away
    part = text[text.index("Hoe oud is uw kind?") :]
    assert part.startswith("Hoe oud is uw kind? Minder dan 10 mensen beantwoordden deze vraag.")
    assert "4-11 jaar" not in text


def test_background_answers_are_protected_as_a_breakdown(client, db, region, researcher):
    survey = builders.make_survey(db, region, min_cell=5, document=builders.ceo_document([AGE]))
    for age in ["12-17"] * 11 + ["0-3"]:
        builders.add_response(db, survey, {"T1": "4", "A2": age})
    db.session.commit()
    html = get(client, region, survey)
    table = html[html.index("Hoe oud is uw kind?") :]
    assert "n = 12" in table
    # 0-3 is one person; 12-17 is hidden too, or 12 - 11 would give that person away
    assert cells_of_row(table, "0-3 jaar") == ["–", "–"]
    assert cells_of_row(table, "12-17 jaar") == ["–", "–"]
    assert cells_of_row(table, "4-11 jaar") == ["0", "0 %"]


def test_a_poll_with_one_answer(client, db, region, researcher):
    poll = save_survey(
        db,
        region,
        builders.ceo_document(),
        title={"nl": "Peiling"},
        kind=SurveyKind.PEILING,
        audience=Audience.PROFESSIONALS,
        min_cell=10,
    )
    builders.add_response(db, poll, {"T1": "5", "K1": "4", "E1": "5"})
    db.session.commit()
    sheet = page_text(get(client, region, poll, "factsheet"))
    assert "Wat vinden professionals in de jeugdhulp?" in sheet and "ouders" not in sheet
    assert "Minder dan 10 mensen vulden de vragenlijst in." in sheet
    assert "Ongeveer 0" not in sheet
    html = get(client, region, poll)
    text = page_text(html)
    assert (
        "Deze meting heeft geen uitnodigingslijst (open link). "
        "1 persoon vulde de vragenlijst helemaal in; 1 begon eraan." in text
    )
    assert cells_of_row(html, T1)[:2] == ["–", "–"]  # as the presenter's screen: nothing below k


def test_stakeholders_get_their_own_heading(client, db, region, researcher):
    survey = builders.make_survey(db, region, audience=Audience.STAKEHOLDERS)
    text = page_text(get(client, region, survey, "factsheet"))
    assert "Wat vinden de betrokkenen?" in text
    assert "Minder dan 5 mensen vulden de vragenlijst in." in text and "Ongeveer 0" not in text  # nobody yet (k = 5)


def test_response_sentence_has_singular_and_plural(client, db, region, researcher):
    survey = builders.make_survey(db, region)
    builders.add_invitations(db, survey, 1, completed=1)
    db.session.commit()
    text = page_text(get(client, region, survey))
    assert "1 persoon is uitgenodigd en 1 heeft de vragenlijst ingevuld: een respons van 100 %." in text


def test_parts_of_a_bar_add_up_to_the_headline(client, db, region, researcher):
    survey = builders.make_survey(db, region, min_cell=5)
    # 7 helemaal mee eens (24.1 %) + 12 mee eens (41.4 %) = 19 of 29 = 65.5 % -> headline 66 %
    for value in ["5"] * 7 + ["4"] * 12 + ["3"] * 10:
        builders.add_response(db, survey, {"T1": value})
    db.session.commit()
    html = get(client, region, survey)
    assert cells_of_row(html, T1)[0] == "66 %*"
    table = html[html.index("Antwoorden per stelling") :]
    assert cells_of_row(table, T1) == ["24 %", "42 %", "34 %", "0 %", "0 %", "29"]


def test_whole_percentages_by_largest_remainder():
    assert whole_percentages([7, 12, 10, 0, 0], [0, 1]) == [24, 42, 34, 0, 0]
    assert whole_percentages([1, 1, 1]) == [34, 33, 33]  # equal remainders: the first gets the point
    assert whole_percentages([2, 3, 1, 1, 1], [0, 1]) == [25, 38, 13, 12, 12]
    assert whole_percentages([0, 0]) == [0, 0]
