"""The results page shows the numbers of a round that can be counted by hand (see conftest.example).

T1 answers: 5 5 4 4 4 3 2 1, weet niet, nvt, nvt, (none) -> n = 8, 5 positive = 62.5% -> "63 %";
K1: ten 4s and two 2s -> 10/12 = 83%; E1: 5 4 3 3 3 2 2 1 1 1 + two weet niet -> n = 10, 2/10 = 20%;
F1: 3 altijd + 3 vaak of 12 -> 50%; R1: 8 7 7 9 6 5 8 7 10 4 7 8 -> 86/12 = 7.17 -> "7,2", median 7,
10 of 12 are 6 or more -> 83%. The in-progress response (T1 = 1, R1 = 1) must not count.
"""

import re

from tests.survey.reports import builders
from tests.survey.reports.pagetext import cells_of_row, page_text


def test_statements_show_share_agree_with_n_and_escapes_left_out(page):
    html = page()
    assert cells_of_row(html, "T1 Ik wist waar ik terecht kon met mijn vraag.")[:4] == ["63 %*", "8", "1", "2"]
    assert cells_of_row(html, "K1 De hulpverlener nam mij serieus.")[:4] == ["83 %*", "12", "0", "0"]
    assert cells_of_row(html, "E1 Door de hulp gaat het thuis beter.")[:4] == ["20 %*", "10", "2", "0"]


def test_full_distribution_table_beside_the_stacked_bar(page):
    html = page()
    # 2 of 8 helemaal mee eens = 25%, 3 of 8 mee eens = 37.5%: together the headline 62.5% -> 63%, so 25 + 38;
    # then 1 of 8 each = 12.5%, together 37%: each rounded up would make the bar 102%, so 13 + 12 + 12
    table = html[html.index("Antwoorden per stelling") :]
    assert cells_of_row(table, "T1 Ik wist waar ik terecht kon met mijn vraag.") == [
        "25 %",
        "38 %",
        "13 %",
        "12 %",
        "12 %",
        "8",
    ]
    svg = re.search(r'<svg[^>]*aria-labelledby="c-statements-distribution-title[^>]*>.*?</svg>', html, re.S)
    assert svg and "<title" in svg.group(0) and 'role="img"' in svg.group(0)
    assert "pattern" in svg.group(0)  # patterns as well as colour


def test_frequency_item_is_always_plus_often(page):
    assert cells_of_row(page(), "F1 Hoe vaak werd u op tijd geholpen?")[:2] == ["50 %*", "12"]


def test_grade_mean_has_one_decimal_and_a_dutch_comma(page):
    text = page_text(page())
    assert "Gemiddelde 7,2" in text
    assert "Mediaan 7,0" in text
    assert "% voldoende (6 of hoger) 83 %" in text


def test_response_is_stated_with_invited_responded_and_percentage(page):
    text = page_text(page())
    assert "20 mensen zijn uitgenodigd en 12 hebben de vragenlijst ingevuld: een respons van 60 %." in text


def test_domain_summaries(page):
    html = page()
    table = html[html.index("Gemiddeld aandeel (helemaal) mee eens per domein") :]
    assert cells_of_row(table, "toegang")[0] == "63 %"
    assert cells_of_row(table, "kwaliteit")[0] == "83 %"
    assert cells_of_row(table, "effect")[0] == "20 %"


def test_multiple_choice_answered_by_fewer_than_k_is_not_shown(page):
    # C1 is answered by 3 of the 12, fewer than k = 5: no counts per option (they are 2 and 1)
    text = page_text(page())
    part = text[text.index("Welke hulp kreeg u?") :]
    assert part.startswith(
        "Welke hulp kreeg u? Minder dan 5 mensen beantwoordden deze vraag. De antwoorden worden niet getoond, "
        "zodat niemand te herkennen is."
    )
    assert "Hulp op school" not in text


def test_multiple_choice_counts_respondents(client, db, region, researcher):
    survey = builders.make_survey(db, region, min_cell=5)
    for choice in [["thuis"], ["thuis", "school"], ["anders"], ["thuis"], ["thuis", "school"], ["thuis"]]:
        builders.add_response(db, survey, {"T1": "4", "C1": choice})
    db.session.commit()
    html = client.get(f"/beheer/{region.slug}/resultaten/{survey.id}/").get_data(as_text=True)
    table = html[html.index("Welke hulp kreeg u?") :]
    assert cells_of_row(table, "Hulp thuis") == ["5", "83 %"]  # 5 of the 6 who answered
    assert cells_of_row(table, "Hulp op school") == ["2", "33 %"]


def test_open_question_shows_themes_and_only_scrubbed_quotes(page):
    html = page()
    text = page_text(html)
    # answer 1 has a model code at 0.91 (threshold 0.8: counts) and one at 0.4 (does not count)
    table = html[html.index("Thema's van O1") :]
    assert cells_of_row(table, "Wachttijd")[:3] == ["2", "67 %", "Zorg 2, Suggestie 1"]
    assert cells_of_row(table, "Serieus genomen")[:3] == ["1", "33 %", "Compliment 1"]
    assert "Ik moest lang wachten op [PERSOON-1]." in text
    assert "bel [TELEFOONNUMMER-1]" in text
    for raw in ("Jan de Vries", "06-12345678", "Geheim verhaal over Piet", "Bij oma thuis"):
        assert raw not in html


def test_in_progress_responses_do_not_count(page):
    assert "(n = 12)" in page_text(page())


def test_page_says_results_may_not_rank_providers(page):
    assert "niet gebruikt worden om zorgaanbieders te vergelijken" in page_text(page("?uitsplitsing=gemeente"))


def test_other_regions_survey_is_not_found(client, example, make_region, make_user, login):
    other = make_region("west", "Utrecht West")
    from survey.accounts.models import Role

    login(make_user(other, Role.ONDERZOEKER))
    assert client.get(f"/beheer/west/resultaten/{example.id}/").status_code == 404


def test_a_round_without_responses_or_questions_still_has_a_page(client, db, region, researcher):
    empty = builders.make_survey(db, region)
    text = page_text(client.get(f"/beheer/{region.slug}/resultaten/{empty.id}/").get_data(as_text=True))
    assert "0 mensen vulden de vragenlijst helemaal in" in text
    no_document = builders.make_survey(db, region, document={"schema": 1, "sections": []})
    assert client.get(f"/beheer/{region.slug}/resultaten/{no_document.id}/").status_code == 200
    assert client.get(f"/beheer/{region.slug}/resultaten/{no_document.id}/factsheet").status_code == 200
    assert client.get(f"/beheer/{region.slug}/resultaten/{no_document.id}/trend").status_code == 200
