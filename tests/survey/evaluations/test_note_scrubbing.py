"""Pasted notes get the coding stage's de-identification (deduce, its rules and the region's terms) plus
the region's keep-list, and a statement the check has not looked at yet is never quoted. A stand-in
reports what deduce would find (deduce itself runs in the slow test)."""

import re

import pytest

from survey.evaluations.models import Evaluation, EvaluationNote
from survey.evaluations.statements import notes
from tests.survey.evaluations.helpers import make_report, paste_notes

PASTED = "Opvallend:\n- Volgens Bakker loopt de samenwerking in Zwolle sinds 12 maart beter."


class SpanScrubber:
    """Stands in for the coding stage's scrubber: finds the words it is given, with deduce's tags."""

    def __init__(self, found: dict[str, str]):
        self.found = found

    def scrub(self, texts, terms):
        return list(texts)

    def spans(self, texts, terms):
        return [
            [(m.start(), m.end(), tag) for word, tag in self.found.items() for m in re.finditer(re.escape(word), text)]
            for text in texts
        ]


@pytest.fixture
def app_config():
    return {"CODING_SCRUBBER": SpanScrubber({"Bakker": "NAAM", "Zwolle": "PLAATS", "12 maart": "DATUM"})}


def _review_page(client, demo, evaluation) -> str:
    return client.get(f"{demo.base}/tussenevaluaties/{evaluation.id}/citaten/programma").get_data(as_text=True)


@pytest.mark.slow
def test_a_pasted_note_gets_what_deduce_finds_and_the_keep_list_keeps_a_place(client, login, db, demo):
    evaluation, url = paste_notes(client, login, demo, PASTED)
    page = _review_page(client, demo, evaluation)
    assert "Volgens [naam] loopt de samenwerking in [plaats] sinds [datum] beter." in page
    replaced = page.split("Vervangen om mensen te beschermen", 1)[1].split("</fieldset>", 1)[0]
    assert all(word in replaced for word in ("Bakker", "Zwolle", "12 maart"))  # each one can be undone
    notes_page = client.get(url + "/uitspraken").get_data(as_text=True)
    assert "Volgens [naam] loopt de samenwerking in [plaats] sinds [datum] beter." in notes_page

    # the region keeps its own city name: the same finding, now left as it was
    client.post(f"{demo.base}/tussenevaluaties/bewaarlijst", data={"terms": "Zwolle"})
    page = _review_page(client, demo, evaluation)
    assert "Volgens [naam] loopt de samenwerking in Zwolle sinds [datum] beter." in page


@pytest.mark.slow
def test_a_statement_the_check_has_not_seen_is_not_quoted_until_it_runs(client, login, db, demo):
    login(demo.user("onderzoeker"))
    evaluation = make_report(demo, [demo.survey])
    db.session.add(
        EvaluationNote(
            evaluation_id=evaluation.id,
            text="Volgens Bakker gaat het goed.",
            raw_text="Volgens Bakker gaat het goed.",
            suggested_kind="observatie",
            kind="observatie",
            section="notable",
            source="Heimiddag",
            position=1,
        )
    )
    db.session.commit()  # as a statement whose check was lost (or made before the check existed)
    url = f"{demo.base}/tussenevaluaties/{evaluation.id}"
    notes_page = client.get(url + "/uitspraken").get_data(as_text=True)
    assert "1 uitspraak wacht op de controle op namen en andere persoonsgegevens" in notes_page
    assert "gaat het goed" not in _review_page(client, demo, evaluation)
    response = client.post(url + "/uitspraken/controleren", follow_redirects=True)
    assert "De controle op persoonsgegevens is gestart." in response.get_data(as_text=True)
    assert "wacht op de controle" not in response.get_data(as_text=True)
    assert "Volgens [naam] gaat het goed." in _review_page(client, demo, evaluation)
    db.session.expire_all()
    assert notes.waiting_for_detection(db.session.get(Evaluation, evaluation.id)) == 0


@pytest.mark.slow
@pytest.mark.parametrize("app_config", [{"CODING_SCRUBBER": None}])
def test_deduce_itself_checks_pasted_notes(client, login, db, demo):
    """deduce finds a surname and a date the quote rules alone do not; the keep-list still wins."""
    login(demo.user("onderzoeker"))
    evaluation = make_report(demo, [demo.survey])
    client.post(f"{demo.base}/tussenevaluaties/bewaarlijst", data={"terms": "Zwolle"})
    url = f"{demo.base}/tussenevaluaties/{evaluation.id}"
    client.post(
        url + "/uitspraken",
        data={
            "block": "Opvallend:\n- Mevrouw Jansen belde op 12 maart 2026 vanuit Zwolle.",
            "project": "",
            "source": "Heimiddag",
        },
    )
    page = _review_page(client, demo, evaluation)
    quoted = re.search(r"belde op [^<]*Zwolle\.", page)
    assert quoted and quoted.group(0) == "belde op [datum] vanuit Zwolle."  # deduce's date; the kept place
    assert "</span>[naam] belde op [datum] vanuit Zwolle.</legend>" in page  # deduce took title and name
