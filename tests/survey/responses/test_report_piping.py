"""Survey wording in reports over many respondents: no placeholder survives, {item} names the project."""

from survey.responses.display.piping import report_text, resolve_report_pipes


def test_item_becomes_the_project_and_answer_pipes_a_stand_in():
    assert (
        report_text("Waar bent u trots op bij {item}?", "Thuis opgroeien")
        == "Waar bent u trots op bij Thuis opgroeien?"
    )
    assert report_text("Waar bent u trots op bij {item}?") == "Waar bent u trots op bij dit project?"
    assert (
        report_text("Hoe tevreden bent u over {T1} in {var:gemeente}?")
        == "Hoe tevreden bent u over [antwoord op T1] in [gemeente]?"
    )
    assert report_text("Geen pipes {hier niet: geen code}") == "Geen pipes {hier niet: geen code}"


def test_a_whole_report_structure_is_walked():
    report = {"items": [{"text": "Over {item}", "n": 3}], "pair": ("{var:rol}", 1)}
    assert resolve_report_pipes(report, "Vroeghulp") == {
        "items": [{"text": "Over Vroeghulp", "n": 3}],
        "pair": ("[rol]", 1),
    }
