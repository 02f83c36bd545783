"""A pasted statement whose kind no heading gave carries the classifier's guess, which on real report
statements is right about half the time (``python -m bench.remarks``): the evaluator sees it marked
"nakijken", the draft page counts what still waits, and saving the kinds confirms them."""

import pytest

from survey.evaluations.models import Evaluation
from tests.survey.evaluations.helpers import paste_notes

PASTED = (
    "- De wachttijd voor specialistische hulp is nog steeds lang.\n"
    "- Het programmateam kwam vier keer bijeen.\n\n"
    "Trots op:\n- De gezamenlijke inkoop van de regio."
)


@pytest.mark.slow
def test_a_guessed_kind_is_marked_counted_on_the_draft_and_confirmed_by_saving(client, login, db, demo):
    evaluation, url = paste_notes(client, login, demo, PASTED)
    notes = {n.text: n for n in db.session.get(Evaluation, evaluation.id).notes}
    assert {text: note.kind_to_check for text, note in notes.items()} == {
        "De gezamenlijke inkoop van de regio.": False,  # under "Trots op:": the heading gives the kind
        "De wachttijd voor specialistische hulp is nog steeds lang.": True,
        "Het programmateam kwam vier keer bijeen.": True,
    }

    page = client.get(url + "/uitspraken").get_data(as_text=True)
    assert "2 uitspraken stonden niet onder een kop die de soort zegt" in page
    rows = {note.id: page.split(f'id="uitspraak-{note.id}"', 1)[1].split("</tr>", 1)[0] for note in notes.values()}
    marked = {note.text for note in notes.values() if '<strong class="to-check">nakijken</strong>' in rows[note.id]}
    assert marked == {
        "De wachttijd voor specialistische hulp is nog steeds lang.",
        "Het programmateam kwam vier keer bijeen.",
    }
    assert "(2 soorten nakijken)" in client.get(url + "/").get_data(as_text=True)

    # the evaluator saves the kinds as shown, changing one: nothing waits any more, and the change is kept
    observed = notes["Het programmateam kwam vier keer bijeen."]
    kinds = {f"kind_{n.id}": n.kind.value for n in notes.values()} | {f"kind_{observed.id}": "observatie"}
    assert client.post(url + "/uitspraken/soorten", data=kinds).status_code == 302
    db.session.expire_all()
    assert not any(n.kind_to_check for n in db.session.get(Evaluation, evaluation.id).notes)
    assert db.session.get(type(observed), observed.id).kind.value == "observatie"
    page = client.get(url + "/uitspraken").get_data(as_text=True)
    assert "stonden niet onder een kop" not in page and "nakijken" not in page
    assert "soorten nakijken" not in client.get(url + "/").get_data(as_text=True)


# a progress report's plain descriptions, pasted at once; alone, the classifier reads the first as praise
REPORT = (
    "De evaluatie is uitgevoerd door een extern bureau.\n"
    "In 2021 zijn drie gemeenten gestart met een gezamenlijk loket voor jeugdhulp.\n"
    "Het projectteam bestaat uit vier medewerkers van de gemeente en twee van de aanbieders.\n"
    "De stuurgroep kwam in het eerste jaar zes keer bijeen.\n"
    "Sinds september werken de praktijkondersteuners in twaalf huisartsenpraktijken.\n"
    "Het budget voor 2022 bedroeg 1,2 miljoen euro.\n"
    "In het tweede halfjaar is de werkwijze uitgebreid naar de scholen.\n"
    "Aan de enquête deden 48 professionals mee.\n"
    "Ouders konden zich aanmelden via de website van de gemeente.\n"
)


@pytest.mark.slow
def test_one_paste_is_read_as_one_document(client, login, db, demo):
    evaluation, url = paste_notes(client, login, demo, REPORT)
    notes = db.session.get(Evaluation, evaluation.id).notes
    assert len(notes) == 9
    # among the report's other descriptions it is what it is: a description, still marked for checking
    assert {n.text: n.kind.value for n in notes} == {text: "observatie" for text in REPORT.splitlines()}
    assert all(n.kind_to_check for n in notes)
    page = client.get(url + "/uitspraken").get_data(as_text=True)
    assert "9 uitspraken stonden niet onder een kop die de soort zegt" in page
