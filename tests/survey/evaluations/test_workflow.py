"""Jan's journey over HTTP: draft a tussenevaluatie from the demo data, write texts, paste statements,
have the beheerder approve it, publish it, and read every output back as its users would."""

from datetime import date

import pytest
from sqlalchemy import select

from survey.audit.models import AuditEntry
from survey.evaluations.models import Evaluation, EvaluationStatus
from survey.programmes.models import Project
from tests.survey.evaluations.readback import docx_headings, docx_parts, pdf_pages, pdf_text, xlsx_sheets

PROGRAMME_SECTIONS = [
    "Inleiding",
    "Methode en respons",
    "Rapportcijfer voor het programma",
    "Waar respondenten trots op zijn",
    "Wat werkt goed",
    "Wat heeft aandacht",
    "Opvallende punten",
    "Ervaringen van cliënten en professionals per actielijn",
    "Conclusies en aanbevelingen",
]
PROJECT_SECTIONS = [
    "Ambitie",
    "Actielijn",
    "Leidend principe",
    "Dit doen we door",
    "Resultaten",
    "Opvallende punten",
    "Wat werkt goed",
    "Wat heeft aandacht",
    "Begroting",
    "Doelen voor volgend jaar",
]
#: figures every output must show: response, mean grade, a theme with its count, a scrubbed quote,
#: a target and its progress, a budget, a CEO item under its actielijn with its trend
FIGURES = [
    "30",
    "20",
    "67 %",
    "7,4",
    "Twee gezinshuizen stopten dit voorjaar.",
    "Samenwerking",
    "[naam] van het wijkteam [plaats]",
    "40 kinderen van residentiële zorg naar een gezin of thuis",
    "450.000",
    "Betere toegang tot jeugdhulp",
    "85 %",
    "duidelijk hoger dan vorige meting",
    "Aandacht nodig",
]
INTRODUCTION = "Halverwege het programma.\n\nDe stuurgroep besprak dit concept op 3 november."
NOTES = (
    "Aandacht:\n- Bel Petra op 06-12345678 over de wachtlijst.\n\n"
    "Trots op:\n- De korte lijnen met de wijkteams werken heel goed."
)


def _create(client, demo, ceo):
    project_ids = [str(p.id) for p in demo.programme.projects]
    response = client.post(
        f"{demo.base}/tussenevaluaties/nieuw",
        data={
            "title": "Tussenevaluatie 2026",
            "period_start": f"{demo.programme.start_year}-01-01",
            "period_end": date.today().isoformat(),
            "surveys": [str(demo.survey.id), str(ceo[1].id)],
            "projects": project_ids,
            "group_by_theme": "y",
        },
    )  # ticked on the form, as it comes
    assert response.status_code == 302
    return int(response.headers["Location"].rstrip("/").rsplit("/", 1)[-1])


def _thuis(demo) -> Project:
    return next(p for p in demo.programme.projects if p.name == "Thuis opgroeien")


@pytest.mark.slow
def test_jan_drafts_edits_and_publishes_and_everyone_reads_it(client, login, db, demo, ceo):
    login(demo.user("onderzoeker"))
    evaluation_id = _create(client, demo, ceo)
    url = f"{demo.base}/tussenevaluaties/{evaluation_id}"
    draft = client.get(url + "/").get_data(as_text=True)
    for text in PROGRAMME_SECTIONS + PROJECT_SECTIONS + ["Dit is een concept"]:
        assert text in draft, text
    assert "Petra" not in draft and "06-12345678" not in draft

    thuis = _thuis(demo)
    assert (
        client.post(
            url + "/tekst/programma",
            data={"introduction": INTRODUCTION, "conclusion": "De stuurgroep stelt het programma bij."},
        ).status_code
        == 302
    )
    assert (
        client.post(
            f"{url}/tekst/project-{thuis.id}", data={"results": "Twee gezinshuizen stopten; de werving loopt."}
        ).status_code
        == 302
    )
    assert (
        client.post(
            url + "/uitspraken", data={"block": NOTES, "project": str(thuis.id), "source": "Heimiddag"}
        ).status_code
        == 302
    )
    evaluation = db.session.get(Evaluation, evaluation_id)
    statements = {n.text: n for n in evaluation.notes}
    assert set(statements) == {
        "Bel [naam] op [telefoonnummer] over de wachtlijst.",
        "De korte lijnen met de wijkteams werken heel goed.",
    }
    praise = statements["De korte lijnen met de wijkteams werken heel goed."]
    assert praise.suggested_kind.value == "compliment"
    page = client.get(url + "/uitspraken").get_data(as_text=True)
    assert "Suggestie of wens (1)" in page and "Compliment (1)" in page
    kinds = {f"kind_{n.id}": n.kind.value for n in evaluation.notes} | {f"kind_{praise.id}": "observatie"}
    assert client.post(url + "/uitspraken/soorten", data=kinds).status_code == 302
    db.session.refresh(praise)
    assert (praise.kind.value, praise.suggested_kind.value) == ("observatie", "compliment")
    assert (praise.section, statements["Bel [naam] op [telefoonnummer] over de wachtlijst."].section) == (
        "proud",
        "attention",
    )  # the heading it was pasted under decides, not the kind of remark

    draft = client.get(url + "/").get_data(as_text=True)
    assert "wachten op uw beoordeling en worden nog niet getoond" in draft
    assert "De korte lijnen met de wijkteams werken heel goed." not in draft.split("<article", 1)[1]
    for scope in ["programma"] + [f"project-{p.id}" for p in demo.programme.projects]:
        page = client.get(f"{url}/citaten/{scope}")
        assert page.status_code == 200 and "Citaten beoordelen" in page.get_data(as_text=True)
        assert client.post(f"{url}/citaten/{scope}", data={"keep_rest": "1"}).status_code == 302
    assert "wachten op uw beoordeling" not in client.get(url + "/").get_data(as_text=True)

    assert client.post(url + "/goedkeuren").status_code == 403  # an onderzoeker does not approve
    login(demo.user("lezer"))
    assert client.post(url + "/goedkeuren").status_code == 403
    assert client.get(f"{demo.base}/rapporten/tussenevaluaties/{evaluation_id}/").status_code == 404  # concept
    login(demo.user("beheerder"))
    assert client.post(url + "/goedkeuren").status_code == 302
    login(demo.user("onderzoeker"))
    assert client.post(url + "/tekst/programma", data={"introduction": "Te laat"}).status_code == 302
    page = client.get(url + "/").get_data(as_text=True)
    assert "Publiceren kan niet ongedaan worden gemaakt." in page
    unconfirmed = client.post(url + "/publiceren")  # without ticking the box nothing is published
    assert unconfirmed.status_code == 302 and "/rapporten/" not in unconfirmed.headers["Location"]
    assert db.session.get(Evaluation, evaluation_id).status == EvaluationStatus.APPROVED
    published = client.post(url + "/publiceren", data={"confirm": "ja"})
    assert published.status_code == 302 and "/rapporten/tussenevaluaties/" in published.headers["Location"]

    db.session.expire_all()
    evaluation = db.session.get(Evaluation, evaluation_id)
    assert evaluation.status == EvaluationStatus.PUBLISHED
    assert evaluation.snapshot["texts"]["introduction"] == INTRODUCTION  # "Te laat" was refused
    assert {f.format for f in evaluation.files} == {"html", "pdf", "docx", "xlsx"}
    actions = set(db.session.scalars(select(AuditEntry.action).where(AuditEntry.object_id == str(evaluation_id))))
    assert {
        "evaluation.create",
        "evaluation.text",
        "evaluation.notes_add",
        "evaluation.notes_update",
        "evaluation.quotes_review",
        "evaluation.approve",
        "evaluation.publish",
    } <= actions

    login(demo.user("lezer"))
    reader = f"{demo.base}/rapporten/tussenevaluaties/{evaluation_id}"
    assert "Tussenevaluatie 2026" in client.get(f"{demo.base}/rapporten/tussenevaluaties/").get_data(as_text=True)
    html = client.get(reader + "/").get_data(as_text=True)
    _check_text(html, "HTML")
    assert "<svg" in html and "Deel van de weg" in html  # a chart with its data table
    assert "De stuurgroep besprak dit concept" in html and "De korte lijnen met de wijkteams werken heel goed." in html

    files = {fmt: client.get(f"{reader}/{fmt}") for fmt in ("pdf", "docx", "xlsx")}
    assert all(r.status_code == 200 for r in files.values())
    assert pdf_pages(files["pdf"].data)[1].startswith("595.276 x 841.89")  # A4
    _check_text(pdf_text(files["pdf"].data), "PDF")
    paragraphs, tables = docx_parts(files["docx"].data)
    headings = docx_headings(files["docx"].data)
    assert "Tussenevaluatie 2026" in headings and "Project: Thuis opgroeien" in headings
    _check_text("\n".join(paragraphs + [c for t in tables for row in t for c in row]), "DOCX")
    assert "De stuurgroep besprak dit concept op 3 november." in paragraphs
    _check_xlsx(xlsx_sheets(files["xlsx"].data))
    downloads = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "evaluation.download"))
    assert {e.details["format"] for e in downloads} == {"pdf", "docx", "xlsx"}


def _check_text(text: str, where: str) -> None:
    flat = " ".join(text.split())
    for expected in PROGRAMME_SECTIONS + PROJECT_SECTIONS + FIGURES:
        assert expected in flat, f"{where}: {expected!r} missing"
    for raw in ("Petra", "Jan de Boer", "06-12345678"):
        assert raw not in flat, f"{where}: raw text {raw!r} shown"


def _check_xlsx(sheets: dict) -> None:
    assert {
        "Over dit bestand",
        "Projecten",
        "Respons",
        "Rapportcijfer",
        "Thema's",
        "Citaten",
        "Uitspraken",
        "Scores",
        "Resultaten",
        "Begroting",
        "Teksten",
    } <= set(sheets)
    cells = {str(v) for rows in sheets.values() for row in rows for v in row if v is not None}
    flat = " ".join(cells)
    for expected in [
        "Ambitie",
        "Actielijn",
        "Leidende principes",
        "Dit doen we door",
        "Doelen voor volgend jaar",
        "Waar respondenten trots op zijn",
        "Wat werkt goed",
        "Wat heeft aandacht",
        "Opvallende punten",
        "Samenwerking",
        "[naam] van het wijkteam [plaats] heeft dit echt op de kaart gezet.",
        "Betere toegang tot jeugdhulp",
        "duidelijk hoger dan vorige meting",
        "40 kinderen van residentiële zorg naar een gezin of thuis",
        "Thuis opgroeien",
        "Aandacht nodig",
    ]:
        assert expected in flat, f"XLSX: {expected!r} missing"
    response = sheets["Respons"][1]
    assert response[3:6] == (30, 22, 20) and response[6] == 67  # as the report shows it: 67 %
    grade = sheets["Rapportcijfer"][1]
    assert grade[2:4] == (20, 7.4)
    budget = {(row[0], row[1]): row[2] for row in sheets["Begroting"][1:]}
    assert budget[("Thuis opgroeien", date.today().year - 1)] == 450000
    assert "Petra" not in flat and "06-12345678" not in flat
