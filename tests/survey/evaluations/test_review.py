"""The quote review over HTTP: keep, shorten, merge or leave out each statement; only reviewed
statements are published, decisions survive drafting again, and a bad choice gets a Dutch message."""

from survey.evaluations.draft.context import ReportContext
from survey.evaluations.draft.report import build_report
from survey.evaluations.statements import notes, review
from tests.survey.evaluations.helpers import make_report

BLOCK = (
    "Wat werkt goed\n"
    "- De korte lijnen met het wijkteam werken goed.\n"
    "- Korte lijnen met het wijkteam werken echt goed.\n"
    "- Het overleg met Petra de Vries op dinsdag loopt lang uit en is eigenlijk te lang voor iedereen.\n"
    "- Iets wat niemand wil lezen.\n"
    "- “De wachtlijst daalt eindelijk.” — projectleider, gemeente Oost\n"
)


def _works(evaluation):
    return {s.text: s for s in review.candidates(ReportContext(evaluation), "works")}


def test_the_evaluator_keeps_shortens_merges_and_leaves_out(client, login, db, demo):
    evaluation = make_report(demo, [demo.survey])
    notes.add_notes(evaluation, BLOCK, project=None, source="Heimiddag")
    db.session.commit()
    found = _works(evaluation)
    assert len([s for s in found.values() if s.source == "Heimiddag"]) == 5
    first, twin = (
        found["De korte lijnen met het wijkteam werken goed."],
        found["Korte lijnen met het wijkteam werken echt goed."],
    )
    long = next(s for t, s in found.items() if t.startswith("Het overleg met [naam]"))
    skip, quote = found["Iets wat niemand wil lezen."], found["De wachtlijst daalt eindelijk."]
    assert quote.attribution == "projectleider, gemeente Oost"

    login(demo.user("onderzoeker"))
    url = f"{demo.base}/tussenevaluaties/{evaluation.id}/citaten/programma"
    page = client.get(url).get_data(as_text=True)
    assert "Lijkt op een eerdere uitspraak: samenvoegen wordt voorgesteld." in page  # the twin
    fid = lambda s: s.key[:16]  # noqa: E731
    bad = client.post(
        url,
        data={
            f"decision_{fid(long)}": "ingekort",
            f"text_{fid(long)}": "",
            f"decision_{fid(twin)}": "samengevoegd",
            f"merge_{fid(twin)}": "",
        },
    )
    text = bad.get_data(as_text=True)
    assert bad.status_code == 200 and "Schrijf de ingekorte tekst." in text
    assert "Kies de uitspraak waarmee u deze samenvoegt." in text and not evaluation.quotes

    saved = client.post(
        url,
        data={
            f"decision_{fid(first)}": "houden",
            f"decision_{fid(twin)}": "samengevoegd",
            f"merge_{fid(twin)}": fid(first),
            f"decision_{fid(long)}": "ingekort",
            f"text_{fid(long)}": "Het overleg met Petra loopt lang uit.",
            f"decision_{fid(skip)}": "weglaten",
            f"decision_{fid(quote)}": "houden",
            f"public_{fid(quote)}": "y",
        },
    )
    assert saved.status_code == 302
    report = build_report(evaluation)
    shown = [(s["text"], s["count"], s["attribution"]) for s in report["sections"]["works"]["statements"]]
    assert shown == [
        ("De korte lijnen met het wijkteam werken goed.", 2, ""),
        ("Het overleg met [naam] loopt lang uit.", 1, ""),
    ]  # the shortened text is scrubbed too
    assert [(s["text"], s["attribution"]) for s in report["voices"]] == [  # 'Stakeholders aan het woord'
        ("De wachtlijst daalt eindelijk.", "projectleider, gemeente Oost")
    ]

    notes.add_notes(evaluation, "Wat werkt goed:\n- Een nieuwe uitspraak.", project=None, source="Stuurgroep")
    db.session.commit()
    works = build_report(evaluation)["sections"]["works"]  # drafted again: decisions hold, the new one waits
    assert [s["text"] for s in works["statements"]] == [t for t, _n, _a in shown] and works["pending"] >= 1
    draft = client.get(f"{demo.base}/tussenevaluaties/{evaluation.id}/").get_data(as_text=True)
    voices = draft.split('id="programma-voices"', 1)[1].split("</section>", 1)[0]
    assert "De wachtlijst daalt eindelijk." in voices and "projectleider, gemeente Oost" in voices
    assert "Iets wat niemand wil lezen." not in draft.split("<article", 1)[1]


def test_a_replacement_can_be_undone_and_the_keep_list_keeps_a_team_name(client, login, db, demo):
    evaluation = make_report(demo, [demo.survey])
    notes.add_notes(
        evaluation,
        "Opvallend\n- Het Taskforce-overleg met Anouk in Dordrecht liep goed.\n- Bel Mark op 06-12345678.",
        project=None,
        source="Heimiddag",
    )
    db.session.commit()
    statements = {s.text: s for s in review.candidates(ReportContext(evaluation), "notable")}
    team = statements["Het Taskforce-overleg met [naam] in Dordrecht liep goed."]  # only the name went
    assert team.replacements == (("Anouk", "[naam]"),)
    assert "Bel [naam] op [telefoonnummer]." in statements, list(statements)
    phone = statements["Bel [naam] op [telefoonnummer]."]
    login(demo.user("onderzoeker"))
    url = f"{demo.base}/tussenevaluaties/{evaluation.id}/citaten/programma"
    page = client.get(url).get_data(as_text=True)
    assert "“Anouk” terugzetten (nu [naam])" in page  # the evaluator sees every replacement
    fid = team.key[:16]
    undo = f"undo_{fid}_0"
    assert f'name="{undo}"' in page
    assert (
        client.post(
            url, data={f"decision_{fid}": "houden", undo: "y", f"decision_{phone.key[:16]}": "houden"}
        ).status_code
        == 302
    )
    shown = [s["text"] for s in build_report(evaluation)["sections"]["notable"]["statements"]]
    assert "Het Taskforce-overleg met Anouk in Dordrecht liep goed." in shown  # put back by the evaluator
    assert "Bel [naam] op [telefoonnummer]." in shown

    assert (
        client.post(
            f"{demo.base}/tussenevaluaties/bewaarlijst", data={"terms": "Anouk Zorgteam\nExpertteam Complexe Zorg"}
        ).status_code
        == 302
    )
    assert "Expertteam Complexe Zorg" in client.get(f"{demo.base}/tussenevaluaties/bewaarlijst").get_data(as_text=True)
    notes.add_notes(evaluation, "Opvallend\n- Het Anouk Zorgteam en Peter werken samen.", project=None, source="X")
    db.session.commit()
    texts = [s.text for s in review.candidates(ReportContext(evaluation), "notable")]
    assert "Het Anouk Zorgteam en [naam] werken samen." in texts
