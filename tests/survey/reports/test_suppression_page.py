"""Small-cell protection is visible on the page: adversarial groups are hidden with their complements,
never offered as a filter, and nothing derived from them leaks into the page or the API; on the example
round (conftest.example, k = 5) signals are marked, small items and groups hidden, the response per
gemeente protected."""

import re

import pytest

from analysis.suppression import Policy
from survey.accounts.models import Role
from survey.reports.api.models import ApiScope
from survey.reports.api.tokens import create_token
from survey.reports.pages.figures import Selection, compute_view
from survey.reports.results import load_round
from tests.survey.reports import builders
from tests.survey.reports.pagetext import cells_of_row, page_text

T1 = "T1 Ik wist waar ik terecht kon met mijn vraag."


@pytest.fixture
def adversarial(db, region):
    """k = 10. Capelle 20 (17 nl, 3 ar; T1 half agree), Delft 15 (all agree), Zwolle 3 (none agree)."""
    survey = builders.make_survey(db, region, min_cell=10)
    groups = [("Capelle", ["5"] * 10 + ["2"] * 10), ("Delft", ["4"] * 15), ("Zwolle", ["1"] * 3)]
    for gemeente, answers in groups:
        for i, value in enumerate(answers):
            language = "ar" if gemeente == "Capelle" and i < 3 else "nl"
            builders.add_response(
                db,
                survey,
                {"T1": value, "K1": "4", "R1": 7 if gemeente != "Zwolle" else 2},
                language=language,
                background={"gemeente": gemeente},
            )
    # the invitees: every combination the responses carry is shared by at least k = 10 of them
    for gemeente, language, count in (
        ("Capelle", "nl", 30),
        ("Capelle", "ar", 10),
        ("Delft", "nl", 25),
        ("Zwolle", "nl", 12),
    ):
        builders.add_invitations(db, survey, count, background={"gemeente": gemeente}, language=language)
    db.session.commit()
    return survey


@pytest.fixture
def get(client, region, make_user, login):
    login(make_user(region, Role.ONDERZOEKER))

    def fetch(survey, query=""):
        response = client.get(f"/beheer/{region.slug}/resultaten/{survey.id}/{query}")
        assert response.status_code == 200
        return response.get_data(as_text=True)

    return fetch


def test_small_group_and_its_complement_are_hidden_in_the_breakdown(adversarial, get):
    html = get(adversarial, "?uitsplitsing=gemeente")
    matrix = html[html.index('class="data-table matrix"') :]
    assert cells_of_row(matrix, "Respondenten") == ["38", "20*", "–", "–"]
    t1 = cells_of_row(matrix, T1)
    assert t1[0].startswith("66 %")  # 25 of 38
    assert t1[1].startswith("50 %")
    assert t1[2] == "–" and t1[3] == "–"  # Delft (100%) hidden so Zwolle (0%) cannot be worked out
    grade = cells_of_row(matrix, "R1 gemiddelde")
    assert grade[2] == "–" and grade[3] == "–"
    text = page_text(html)
    assert "minder dan 10 antwoorden" in text
    assert "Ook een ander aantal is verborgen" in text


def test_hidden_groups_are_not_offered_as_filters(adversarial, get):
    html = get(adversarial)
    assert 'value="gemeente=Capelle"' in html
    assert 'value="gemeente=Delft"' not in html and 'value="gemeente=Zwolle"' not in html
    assert 'value="ar"' not in html and 'value="nl"' not in html  # 3 ar: nl would give them away


def test_a_crafted_filter_on_a_small_group_shows_nothing_of_it(adversarial, get):
    html = get(adversarial, "?groep=gemeente%3DZwolle")
    text = page_text(html)
    assert "Kies een mogelijkheid uit de lijst" in text
    assert "Getoond voor: iedereen" in text


def test_the_view_itself_refuses_small_and_complement_groups(db, adversarial):
    data = load_round(adversarial)
    policy = Policy(k=10)
    for gemeente in ("Zwolle", "Delft"):
        view = compute_view(data, Selection(variable="gemeente", value=gemeente), policy)
        assert view.too_small and view.headline.empty
    view = compute_view(data, Selection(variable="gemeente", value="Capelle"), policy)
    assert view.n == 20


def test_breakdown_inside_a_group_protects_its_small_cells(adversarial, get):
    html = get(adversarial, "?groep=gemeente%3DCapelle&uitsplitsing=language")
    matrix = html[html.index('class="data-table matrix"') :]
    # 3 Arabic and 17 Dutch respondents in Capelle: both hidden, the group total (20) is published
    assert cells_of_row(matrix, "Respondenten") == ["20*", "–", "–"]
    assert "17" not in " ".join(cells_of_row(matrix, T1))


def test_quotes_are_not_shown_when_the_round_is_smaller_than_k(db, region, get):
    survey = builders.make_survey(db, region, min_cell=10)
    themes = builders.codebook(db, region, survey)
    for i in range(4):
        response = builders.add_response(
            db, survey, {"T1": "4", "O1": "Mijn naam is Els"}, scrubbed={"O1": f"Lang wachten {i}"}
        )
        db.session.flush()
        builders.code(db, survey, builders.answer_of(response, "O1"), [(themes["wachttijd"], "regel", None, False)])
    db.session.commit()
    text = page_text(get(survey))
    assert "Citaten worden niet getoond voor groepen van minder dan 10 mensen." in text
    assert "Lang wachten" not in text and "Mijn naam is Els" not in text


def test_the_api_hides_the_same_cells(client, db, region, adversarial):
    _token, text = create_token(region, "bi", ApiScope.AGGREGATES, None)
    db.session.commit()
    headers = {"Authorization": f"Bearer {text}"}
    url = f"/api/v1/vragenlijsten/{adversarial.id}/resultaten"
    data = client.get(url + "?uitsplitsing=gemeente", headers=headers).get_json()
    rows = {(r["item"], r["groep"]): r for r in data["uitsplitsing"]["rijen"]}
    assert rows[("T1", "Zwolle")] | {"n": None, "pct": None, "verborgen": True} == rows[("T1", "Zwolle")]
    assert rows[("T1", "Delft")]["pct"] is None and rows[("T1", "Delft")]["positief"] is None
    assert rows[("T1", "Capelle")]["pct"] == 50
    refused = client.get(url + "?groep=gemeente%3DZwolle", headers=headers)
    assert refused.status_code == 400
    assert refused.get_json()["fout"] == "Onbekende groep, of te weinig respondenten in die groep."


def test_signals_are_marked_under_thirty_answers(page):
    assert "minder dan 30 antwoorden: een signaal, geen conclusie" in page_text(page())


def test_filter_on_a_group_shows_its_numbers_and_hides_small_items(page):
    html = page("?groep=gemeente%3DSchiedam")
    text = page_text(html)
    assert "Getoond voor: Gemeente: Schiedam (n = 5)." in text
    # Schiedam K1: 4 4 4 2 2 -> 3/5 = 60%; T1 has 1 substantive answer and E1 3: hidden (k = 5)
    assert cells_of_row(html, "K1 De hulpverlener nam mij serieus.")[:2] == ["60 %*", "5"]
    assert cells_of_row(html, "T1 Ik wist waar ik terecht kon met mijn vraag.")[:2] == ["–", "–"]
    assert cells_of_row(html, "E1 Door de hulp gaat het thuis beter.")[:2] == ["–", "–"]


def test_a_group_too_small_for_a_filter_is_not_offered_and_refused(page):
    html = page()
    assert 'value="gemeente=Schiedam"' in html and 'value="ar"' not in html  # 2 Arabic respondents < k
    refused = page("?taal=ar")
    assert "Kies een mogelijkheid uit de lijst" in page_text(refused)
    assert "Getoond voor: iedereen die de vragenlijst heeft ingevuld (n = 12)." in page_text(refused)


def test_breakdown_groups_are_alphabetical_and_hide_small_cells(page):
    html = page("?uitsplitsing=gemeente")
    matrix = html[html.index('class="data-table matrix"') :]
    header = re.search(r"<thead>(.*?)</thead>", matrix, re.S).group(1)
    assert [h.strip() for h in re.findall(r'<th scope="col">(.*?)</th>', header)] == [
        "Vraag",
        "Totaal",
        "Rotterdam",
        "Schiedam",
    ]
    # T1: Schiedam has one answer (hidden), so Rotterdam (7) is hidden too or it would give Schiedam away
    t1 = cells_of_row(matrix, "T1 Ik wist waar ik terecht kon met mijn vraag.")
    assert t1[0].startswith("63 %") and t1[1].startswith("–") and t1[2].startswith("–")
    k1 = cells_of_row(matrix, "K1 De hulpverlener nam mij serieus.")
    assert k1[1].startswith("100 %") and k1[2].startswith("60 %")
    assert "Ook een ander aantal is verborgen" in page_text(html)


def test_response_per_category_comes_from_the_ledger_and_is_protected(client, db, region, researcher):
    survey = builders.make_survey(db, region, min_cell=5)
    builders.add_invitations(db, survey, 30, completed=20, background={"gemeente": "Rotterdam"})
    builders.add_invitations(db, survey, 12, completed=9, background={"gemeente": "Schiedam"})
    builders.add_invitations(db, survey, 6, completed=3, background={"gemeente": "Maassluis"})
    db.session.commit()
    html = client.get(f"/beheer/{region.slug}/resultaten/{survey.id}/").get_data(as_text=True)
    table = html[html.index("Respons naar gemeente") :]
    assert cells_of_row(table, "Totaal") == ["48", "32", "67 %"]
    assert cells_of_row(table, "Rotterdam") == ["30", "20*", "67 %"]
    # Maassluis: 3 completed (< 5) hidden, and Schiedam with it, or 3 could be worked out from the total
    assert cells_of_row(table, "Maassluis") == ["6", "–", "–"]
    assert cells_of_row(table, "Schiedam") == ["12", "–", "–"]
