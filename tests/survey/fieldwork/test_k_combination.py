"""k over the combination, as an attack: the onderzoeker holds the contact file she uploaded and the
per-respondent export of the round. Joined on every background column (and the answer language), no
export row may point to fewer than k invitees; the results page offers no filter or breakdown group
under k; and a round in which every combination is unique says in Dutch that backgrounds were generalised.
"""

import csv
import io
import itertools

import openpyxl
import pytest
from sqlalchemy import select

from survey.fieldwork.models import Invitation
from survey.responses.models import Response, ResponseStatus
from survey.tokens import new_token, token_hash
from tests.survey.fieldwork.test_import import upload
from tests.survey.reports.pagetext import cells_of_row
from tests.survey.responses.walk import fill, walk

K = 5
COLUMNS = ("gemeente", "leeftijd", "soort_hulp", "taal")


def contact_file(contacts: list[dict]) -> bytes:
    lines = ["E-mailadres;Gemeente;Leeftijd;Soort hulp;Taal"]
    lines += [f"{c['email']};{c['gemeente']};{c['leeftijd']};{c['soort_hulp']};{c['taal']}" for c in contacts]
    return "\n".join(lines).encode()


def contacts_of(groups) -> list[dict]:
    out = []
    for count, gemeente, leeftijd, soort_hulp, taal in groups:
        for _ in range(count):
            out.append(
                {
                    "email": f"ouder{len(out)}@example.nl",
                    "gemeente": gemeente,
                    "leeftijd": leeftijd,
                    "soort_hulp": soort_hulp,
                    "taal": taal,
                }
            )
    return out


def links(db, survey) -> dict[str, str]:
    """What the invitation mail delivers: a personal link per invitee (by e-mail address)."""
    tokens = {}
    for invitation in db.session.scalars(select(Invitation).where(Invitation.survey_id == survey.id)):
        tokens[invitation.email] = token = new_token()
        invitation.token_hash = token_hash(token)
    db.session.commit()
    return tokens


def respond(client, token: str, switch_to: str | None = None) -> None:
    base = f"/r/{token}"
    if switch_to is None:
        end = walk(client, base, {"P1": "4", "P2": "gemeente"})
    else:  # first screen in the language of the invitation, then the language switch on the page
        walk(client, base, {"P1": "4"}, stop_after=1)
        page = client.get(f"{base}/vraag/2?taal={switch_to}")
        assert page.status_code == 200
        sent = client.post(f"{base}/vraag/2", data=fill(page.get_data(as_text=True), {"P2": "gemeente"}))
        end = walk(client, base, start=3) if "/vraag/3" in sent.headers.get("Location", "") else sent
    assert "/klaar" in end.headers["Location"]


def export_rows(client, survey, fmt="csv") -> list[dict]:
    response = client.post(
        f"/beheer/rijnmond/resultaten/{survey.id}/export",
        data={"format": fmt, "delimiter": "comma", "values": "codes"},
        buffered=True,
    )
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"), newline="")))


def matching_contacts(row: dict, contacts: list[dict]) -> int:
    """The join: contacts that agree with every background value the export row shows."""
    shown = {c: row.get(c) or "" for c in COLUMNS}
    return sum(all(not value or contact[c] == value for c, value in shown.items()) for contact in contacts)


def run_round(client, db, survey, contacts, respondents, switches=None) -> list[dict]:
    page = upload(client, survey, contact_file(contacts))
    assert page.status_code in (200, 302)
    tokens = links(db, survey)
    switches = switches or {}
    for n in respondents:
        respond(client.application.test_client(), tokens[contacts[n]["email"]], switches.get(n))
    completed = db.session.scalars(select(Response).where(Response.status == ResponseStatus.COMPLETED)).all()
    assert len(completed) == len(respondents)
    return export_rows(client, survey)


def test_contact_file_joined_with_the_export_finds_no_group_under_k(client, db, researcher, make_survey):
    survey = make_survey(min_cell=K, languages=("nl", "en", "ar"))
    contacts = contacts_of(
        [
            (12, "Delft", "12–17", "ambulant", "nl"),
            (8, "Delft", "4–11", "ggz", "nl"),
            (5, "Schiedam", "12–17", "ambulant", "nl"),
            (2, "Schiedam", "4–11", "ggz", "nl"),  # common values, a combination of 2
            (2, "Delft", "12–17", "ambulant", "ar"),  # only 2 invitees prefer Arabic
            (1, "Vlaardingen", "18–23", "ggz", "nl"),
        ]
    )
    respondents = [0, 1, 2, 3, 4, 5, 12, 13, 14, 15, 20, 21, 22, 25, 26, 27, 29, 6, 7, 16]
    rows = run_round(client, db, survey, contacts, respondents, switches={6: "ar", 16: "en"})
    assert len(rows) == 20
    for row in rows:
        assert matching_contacts(row, contacts) >= K, row
    # the common combinations stay: the page is still useful
    assert sum(row["gemeente"] == "Delft" and row["taal"] == "nl" for row in rows) >= 10
    # nobody answered in Arabic or English where it would stand out
    assert not any(row["taal"] in ("ar", "en") for row in rows)
    # what the database keeps is no finer than the export
    for response in db.session.scalars(select(Response)):
        shown = {**response.background, "taal": response.language}
        assert matching_contacts(shown, contacts) >= K


@pytest.mark.slow
def test_no_filter_or_breakdown_shows_a_group_under_k(client, db, researcher, make_survey):
    survey = make_survey(min_cell=K, languages=("nl", "ar"))
    contacts = contacts_of(
        [
            (12, "Delft", "12–17", "ambulant", "nl"),
            (8, "Schiedam", "4–11", "ggz", "nl"),
            (2, "Delft", "12–17", "ambulant", "ar"),
            (3, "Schiedam", "12–17", "ggz", "nl"),
        ]
    )
    run_round(client, db, survey, contacts, [*range(12), *range(12, 20), 20, 22], switches={3: "ar"})
    base = f"/beheer/rijnmond/resultaten/{survey.id}/"
    page = client.get(base).get_data(as_text=True)
    assert 'value="ar"' not in page  # Arabic is not offered as a filter
    matrices = 0
    queries = (
        "?uitsplitsing=gemeente",
        "?taal=ar",
        "?taal=ar&uitsplitsing=gemeente",
        "?groep=leeftijd%3D12%E2%80%9317&uitsplitsing=language",
    )
    for query in queries:
        html = client.get(base + query).get_data(as_text=True)
        assert "Arabisch" not in html.split('id="filters-title"')[1].split("</form>")[1]
        assert "Taal: Arabisch" not in html  # the filter is refused, never a group of 2 or 3
        if 'class="data-table matrix"' in html:
            counts = cells_of_row(html[html.index('class="data-table matrix"') :], "Respondenten")
            shown = [int(c.rstrip("*")) for c in counts if c.rstrip("*").isdigit()]
            assert shown and all(n >= K for n in shown), counts
            matrices += 1
    assert matrices >= 2


def test_a_round_of_thirty_unique_combinations_is_generalised_and_says_so(client, db, researcher, make_survey):
    survey = make_survey(min_cell=K, languages=("nl",))
    gemeenten, ages, helps = (
        ["Delft", "Schiedam", "Vlaardingen"],
        ["0–3", "4–11", "12–17", "18–23", "24+"],
        ["ambulant", "ggz"],
    )
    contacts = contacts_of([(1, g, a, h, "nl") for g, a, h in itertools.product(gemeenten, ages, helps)])
    assert len({(c["gemeente"], c["leeftijd"], c["soort_hulp"]) for c in contacts}) == 30
    rows = run_round(client, db, survey, contacts, list(range(0, 30, 3)) + list(range(1, 30, 3)))
    assert len(rows) == 20
    for row in rows:
        assert matching_contacts(row, contacts) >= K
        assert not row.get("leeftijd") and not row.get("soort_hulp")  # each alone made a unique combination
    stored = db.session.scalars(select(Response)).all()
    assert all("leeftijd" not in r.background and "soort_hulp" not in r.background for r in stored)
    page = client.get(f"/beheer/rijnmond/resultaten/{survey.id}/").get_data(as_text=True)
    assert (
        "Van 20 respondenten is de achtergrond deels of helemaal als ‘onbekend’ getoond: anders zou de "
        "combinatie van gemeente, leeftijdsgroep, soort hulp, type respondent en taal naar minder dan 5 "
        "mensen wijzen."
    ) in page
    codebook = client.post(
        f"/beheer/rijnmond/resultaten/{survey.id}/export",
        data={"format": "codebook_csv", "delimiter": "comma", "values": "codes"},
        buffered=True,
    )
    assert "Van 20 respondenten is de achtergrond" in codebook.data.decode("utf-8-sig")
    workbook = client.post(
        f"/beheer/rijnmond/resultaten/{survey.id}/export",
        data={"format": "xlsx", "delimiter": "comma", "values": "codes"},
        buffered=True,
    )
    sheets = openpyxl.load_workbook(io.BytesIO(workbook.data), read_only=True).worksheets
    answers = list(sheets[0].iter_rows(values_only=True))
    header = list(answers[0])
    assert len(answers) == 21
    assert "leeftijd" not in header or not any(r[header.index("leeftijd")] for r in answers[1:])
    assert all(r[header.index("gemeente")] in ("Delft", "Schiedam", "Vlaardingen") for r in answers[1:])
    notes = [r for r in sheets[1].iter_rows(values_only=True) if r[0] == "Opmerking"]
    assert len(notes) == 1 and notes[0][1].startswith("Van 20 respondenten is de achtergrond")
