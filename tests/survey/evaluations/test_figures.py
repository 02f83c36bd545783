"""The demo tussenevaluatie's figures in every output a council member reads: the page (HTML), the PDF,
the Word file and the Excel appendix. Targets that go down, a reduction, a target of zero and a
trend over several periods must read the same everywhere, with the numbers of ``analysis.programmes.targets``."""

import io
import re
from html import unescape

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from analysis.scores.numbers import format_number
from survey.evaluations.draft.report import build_report
from survey.evaluations.files import outputs
from survey.evaluations.models import Evaluation
from survey.responses.models import Answer, Response
from tests.survey.evaluations.readback import docx_parts, pdf_text, xlsx_sheets

# (project, target, sentence figures that must appear): from the demo programme's figures
TARGETS = [
    (
        "Integrale Vroeghulp",
        "Wachttijd voor een vroeghulponderzoek van 10 naar 6 weken",
        ["10 weken", "6 weken", "7,5 weken", "63 %"],
    ),
    (
        "Thuis opgroeien",
        "Het aantal jongeren in residentiële jeugdzorg daalt van 20 naar 5",
        ["20 jongeren", "5 jongeren", "12 jongeren", "53 %"],
    ),
    (
        "Beter Samenspel voor veilig opgroeien",
        "Geen enkele jongere meer in gesloten jeugdzorg",
        ["28 jongeren", "0 jongeren", "21 jongeren", "25 %", "26 jongeren → 24 jongeren → 25 jongeren → 21 jongeren"],
    ),
]
#: what the old rule printed for these targets
WRONG = ["125 %", "240 %", "van het doel)", "7,5 van 6", "12 van 5", "21 van 0"]

pytestmark = pytest.mark.slow  # every test here publishes a report in four formats


@pytest.fixture
def files(db, demo):
    evaluation = db.session.scalar(select(Evaluation).where(Evaluation.region_id == demo.region.id))
    report = build_report(evaluation)
    return report, {fmt: outputs.render(report, fmt) for fmt in ("html", "pdf", "docx", "xlsx")}


def _docx_text(content: bytes) -> str:
    paragraphs, tables = docx_parts(content)
    cells = [cell for table in tables for row in table for cell in row]
    return " ".join(" ".join(paragraphs + cells).split())


def test_targets_read_the_same_in_every_output(files):
    report, content = files
    html = " ".join(content["html"].decode().split())
    texts = {"html": html, "pdf": pdf_text(content["pdf"]), "docx": _docx_text(content["docx"])}
    for fmt, text in texts.items():
        for _project, description, figures in TARGETS:
            assert description in text, (fmt, description)
            for figure in figures:
                assert figure in text, (fmt, description, figure)
        for wrong in WRONG:
            assert wrong not in text, (fmt, wrong)
    assert "Afname: minder is beter" in texts["pdf"] and "Naar nul" in texts["docx"]

    results = xlsx_sheets(content["xlsx"])["Resultaten"]
    header, rows = results[0], {row[1]: dict(zip(results[0], row, strict=True)) for row in results[1:]}
    wait = rows["Wachttijd voor een vroeghulponderzoek van 10 naar 6 weken"]
    assert (wait["Nulmeting"], wait["Streefwaarde"], wait["Stand"]) == (10, 6, 7.5)
    assert "Richting" in header and wait["Richting"] == "Afname: minder is beter"
    zero = rows["Geen enkele jongere meer in gesloten jeugdzorg"]
    assert (zero["Streefwaarde"], zero["Stand"], zero["Gerealiseerd (%)"]) == (0, 21, 25)


def test_the_appendix_lists_every_published_figure_with_its_origin(files):
    report, content = files
    sources = xlsx_sheets(content["xlsx"])["Herkomst van de cijfers"]
    header, rows = sources[0], [dict(zip(sources[0], row, strict=True)) for row in sources[1:]]
    assert header == ("Project", "Doel", "Periode", "Gemeente", "Waarde", "Meegeteld", "Herkomst")
    wait = [r for r in rows if r["Doel"] == "Wachttijd voor een vroeghulponderzoek van 10 naar 6 weken"]
    assert [r["Waarde"] for r in wait] == [9.5, 9, 8, 7.5]
    assert all(
        r["Meegeteld"] == "ja" and r["Herkomst"].startswith("Met de hand ingevoerd (Monitor transformatie; ")
        for r in wait
    )
    per_target = sum(len(t["sources"]) for p in report["projects"] for t in p["targets"])
    assert len(rows) == per_target > 0
    staff = {"Fatima", "Jan", "beheerder", "onderzoeker"}
    assert not any(name in r["Herkomst"] for r in rows for name in staff)  # published files name no one


def _visible(html: str) -> str:
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_no_placeholder_reaches_any_output(files):
    """The demo's project block asks "Waar bent u trots op bij {item}?": every output names the project."""
    _report, content = files
    sheets = xlsx_sheets(content["xlsx"])
    texts = {
        "html": _visible(content["html"].decode()),
        "pdf": pdf_text(content["pdf"]),
        "docx": _docx_text(content["docx"]),
        "xlsx": " ".join(str(v) for rows in sheets.values() for row in rows for v in row if v is not None),
    }
    for fmt, text in texts.items():
        assert "{" not in text and "}" not in text, (fmt, text[max(0, text.find("{") - 80) : text.find("{") + 80])
        assert "Waar bent u trots op bij Thuis opgroeien?" in text, fmt
        assert "Waar bent u trots op bij Integrale Vroeghulp?" in text, fmt


def _dutch(cell) -> str:
    """An Excel number as Dutch Excel shows it with its number format (#,##0 or #,##0.0)."""
    decimals = len(cell.number_format.split(".")[1]) if "." in cell.number_format else 0
    return format_number(cell.value, decimals)


def test_every_figure_is_the_same_in_html_pdf_docx_and_xlsx(db, demo):
    """A mean grade of 7,25 reads 7,3 everywhere (the Excel file once said 7,2), and so do every
    percentage, target figure and budget: the same value, the same rounding, the Dutch format."""
    answers = db.session.scalars(
        select(Answer)
        .join(Response)
        .where(Response.survey_id == demo.survey.id, Answer.item_code == "CIJFER", Answer.value == "8")
        .order_by(Answer.id)
        .limit(3)
    ).all()
    for answer in answers:
        answer.value = "7"  # 148 - 3 = 145 over 20 answers: 7,25
    db.session.commit()
    evaluation = db.session.scalar(select(Evaluation).where(Evaluation.region_id == demo.region.id))
    report = build_report(evaluation)
    assert report["grades"][0]["mean"] == 7.25 and report["grades"][0]["mean_text"] == "7,3"
    content = {fmt: outputs.render(report, fmt) for fmt in ("html", "pdf", "docx", "xlsx")}
    texts = {
        "html": _visible(content["html"].decode()),
        "pdf": pdf_text(content["pdf"]),
        "docx": _docx_text(content["docx"]),
    }
    figures = ["7,3", *(row["pct_text"] for row in report["method"])]
    for line in report["scores"]["lines"]:  # the demo's parents' CEO per actielijn, with the round before
        figures += [text for item in line["items"] for text in (item["pct_text"], item["previous_pct_text"])]
    for project in report["projects"]:
        figures += [project["budget"]["budgeted_text"], project["budget"]["spent_share_text"]]
        for t in project["targets"]:
            figures += [t["value_text"], t["target_text"], t["baseline_text"], t["percent_text"]]
    assert "67 %" in figures and "63 %" in figures and "€ 900.000" in figures
    for fmt, text in texts.items():
        for figure in figures:
            assert figure in text, (fmt, figure)
        assert not re.search(r"\d%", text), fmt  # always "62 %", never "62%"
        assert "7,2 " not in text and "7,25" not in text.replace("7,25 wordt 7,3", ""), fmt

    book = load_workbook(io.BytesIO(content["xlsx"]))
    grade = book["Rapportcijfer"]["D2"]
    assert (grade.value, grade.number_format, _dutch(grade)) == (7.3, "#,##0.0", "7,3")
    response = book["Respons"]["G2"]
    assert isinstance(response.value, int | float) and _dutch(response) + " %" == report["method"][0]["pct_text"]
    results = book["Resultaten"]
    header = [c.value for c in results[1]]
    realised, reached = header.index("Gerealiseerd (%)"), header.index("Stand")
    targets = [t for p in report["projects"] for t in p["targets"]]
    for row, target in zip(results.iter_rows(min_row=2), targets, strict=True):
        assert _dutch(row[realised]) + " %" == target["percent_text"], target["description"]
        assert f"{_dutch(row[reached])} {target['unit']}".replace(" %", "").strip() == target["value_text"].replace(
            " %", ""
        ), target["description"]
    scores = book["Scores"]
    header = [c.value for c in scores[1]]
    now, previous = header.index("Nu (%)"), header.index("Vorige meting (%)")
    items = [i for line in report["scores"]["lines"] for i in line["items"]]
    assert len(items) > 3
    for row, item in zip(scores.iter_rows(min_row=2), items, strict=True):
        # both rounds are numbers a researcher can compute with, and read as the report does
        assert _dutch(row[now]) + " %" == item["pct_text"], item["code"]
        assert _dutch(row[previous]) + " %" == item["previous_pct_text"], item["code"]
