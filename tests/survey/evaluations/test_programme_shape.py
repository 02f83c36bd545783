"""The report shaped by the programme: projects in the order the evaluator set on the programme page,
several principles per project, the region's own actielijnen beside the national six, themes as a
grouping the evaluator can switch off, and quarters written as a reader says them. Each checked where a
reader sees it: the HTML page, the PDF's text, the Word file and the Excel appendix."""

import re
import subprocess
import tempfile
from pathlib import Path

import pytest

from survey.evaluations.draft.report import build_report
from survey.evaluations.files import outputs
from survey.evaluations.models import Evaluation
from survey.programmes.models import Project
from tests.survey.evaluations.helpers import article, keep_every_statement, make_report
from tests.survey.evaluations.readback import docx_parts, pdf_text, xlsx_sheets

QUARTER_CODE = re.compile(r"\b20\d\d-K[1-4]\b")
QUARTER_WORDS = re.compile(r"\b[1-4]e kwartaal 20\d\d\b")


def _positions(text: str, names: list[str]) -> list[int]:
    return [text.index(f"Project: {name}") for name in names]


def _project(programme, name: str) -> Project:
    return next(p for p in programme.projects if p.name == name)


def test_every_output_follows_the_order_set_on_the_programme_page(client, login, db, demo):
    login(demo.user("onderzoeker"))
    entered = [p.name for p in demo.programme.projects]
    assert entered != sorted(entered)  # the demo's order is the programme's, not the alphabet
    evaluation = make_report(demo, [demo.survey])
    last = _project(demo.programme, entered[-1])
    for _step in range(2):
        assert (
            client.post(f"{demo.base}/programma/project/{last.id}/verplaatsen", data={"direction": "up"}).status_code
            == 302
        )
    db.session.expire_all()
    wanted = entered[:2] + [entered[-1]] + entered[2:-1]
    assert [p.name for p in db.session.get(Evaluation, evaluation.id).projects] == wanted

    page = article(client.get(f"{demo.base}/tussenevaluaties/{evaluation.id}/").get_data(as_text=True))
    assert _positions(page, wanted) == sorted(_positions(page, wanted))
    overview = page.split('id="overzicht-caption"', 1)[1].split("</table>", 1)[0]
    assert [overview.index(n) for n in wanted] == sorted(overview.index(n) for n in wanted)
    report = build_report(db.session.get(Evaluation, evaluation.id))
    text = pdf_text(outputs.render(report, "pdf"))
    assert _positions(text, wanted) == sorted(_positions(text, wanted))
    paragraphs, _tables = docx_parts(outputs.render(report, "docx"))
    headings = [p.removeprefix("Project: ") for p in paragraphs if p.startswith("Project: ")]
    assert headings == wanted
    rows = xlsx_sheets(outputs.render(report, "xlsx"))["Projecten"]
    assert [row[0] for row in rows[1:]] == wanted


def test_several_principles_and_the_regions_own_actielijn_are_named_per_project(db, demo):
    thuis = _project(demo.programme, "Thuis opgroeien")
    vroeghulp = _project(demo.programme, "Integrale Vroeghulp")
    assert len(thuis.principles) == 2 and [line.title for line in thuis.regional_lines] == ["Thuis in de regio"]
    first, second = (p.title for p in thuis.principles)
    report = build_report(make_report(demo, [demo.survey]))

    html = outputs.report_html(report)
    section = html.split(f'id="project-{thuis.id}"', 1)[1].split("</section>", 1)[0]
    assert "Leidende principes" in section and first in section and second in section
    assert "2. Meer kinderen zo thuis mogelijk laten opgroeien<br>Eigen actielijn: Thuis in de regio" in section
    other = html.split(f'id="project-{vroeghulp.id}"', 1)[1].split("</section>", 1)[0]
    assert "Leidend principe<" in other and "Eigen actielijn" not in other
    intro = html.split('id="programma-introduction"', 1)[1].split("</section>", 1)[0]
    assert "Eigen actielijnen van de regio" in intro
    assert re.search(
        r"Thuis in de regio</strong>: [^<]+<span class=\"muted\">\(projecten: Thuis opgroeien, "
        r"Doorlopende zorg 18-/18\+\)",
        intro,
    )
    overview = intro.split('id="overzicht-caption"', 1)[1].split("</table>", 1)[0]
    assert re.search(r"Thuis opgroeien</th>\s*<td>2; Thuis in de regio</td>", overview)

    text = pdf_text(outputs.render(report, "pdf"))
    after = text[text.index("Project: Thuis opgroeien") :]
    assert re.search(rf"Leidende principes {re.escape(first)} {re.escape(second)}", after)
    assert "Eigen actielijn: Thuis in de regio" in after
    assert "Eigen actielijnen van de regio" in text

    paragraphs, tables = docx_parts(outputs.render(report, "docx"))
    assert f"Leidende principes: {first}; {second}" in paragraphs
    assert (
        "Actielijn: 2. Meer kinderen zo thuis mogelijk laten opgroeien; Eigen actielijn: Thuis in de regio"
        in paragraphs
    )
    assert ["Thuis opgroeien", "2; Thuis in de regio"] == tables[0][[r[0] for r in tables[0]].index("Thuis opgroeien")][
        :2
    ]
    rows = xlsx_sheets(outputs.render(report, "xlsx"))["Projecten"]
    row = next(r for r in rows if r[0] == "Thuis opgroeien")
    assert "Eigen actielijn: Thuis in de regio" in row[1] and row[2] == f"{first}; {second}"


@pytest.mark.slow
def test_themes_with_counts_are_a_grouping_the_evaluator_can_switch_off(client, login, db, demo):
    login(demo.user("onderzoeker"))
    evaluation = make_report(demo, [demo.survey])
    keep_every_statement(evaluation)
    url = f"{demo.base}/tussenevaluaties/{evaluation.id}"
    form = client.get(url + "/opzet").get_data(as_text=True)
    assert "Uitspraken indelen naar thema, met aantallen" in form
    grouped = article(client.get(url + "/").get_data(as_text=True))
    themes = re.findall(r'<li><strong>([^<]+)</strong> <span class="count">\((\d+)\)</span>', grouped)
    assert themes  # the demo's coded answers give themes with counts
    label, count = themes[0]
    data = {
        "title": evaluation.title,
        "period_start": evaluation.period_start.isoformat(),
        "period_end": evaluation.period_end.isoformat(),
        "surveys": [str(demo.survey.id)],
        "projects": [str(p.id) for p in evaluation.projects],
    }  # the box left unticked
    assert client.post(url + "/opzet", data=data).status_code == 302
    db.session.expire_all()
    evaluation = db.session.get(Evaluation, evaluation.id)
    assert evaluation.group_by_theme is False
    plain = article(client.get(url + "/").get_data(as_text=True))
    assert 'class="themes"' not in plain and f'<strong>{label}</strong> <span class="count">' not in plain
    statements = re.findall(r'<ul class="statements">(.*?)</ul>', plain, re.S)
    shown = set(re.findall(r"<li>([^<]+?)(?: <span|</li>)", "".join(statements)))
    grouped_shown = set(
        re.findall(
            r"<li>([^<]+?)(?: <span|</li>)", "".join(re.findall(r'<ul class="statements">(.*?)</ul>', grouped, re.S))
        )
    )
    assert shown and shown == grouped_shown  # the same statements, only not under themes

    report = build_report(evaluation)
    text = pdf_text(outputs.render(report, "pdf"))
    assert f"{label} ({count})" not in text
    paragraphs, _tables = docx_parts(outputs.render(report, "docx"))
    assert f"{label} ({count})" not in paragraphs
    data["group_by_theme"] = "y"
    client.post(url + "/opzet", data=data)
    report = build_report(db.session.get(Evaluation, evaluation.id))
    assert f"{label} ({count})" in pdf_text(outputs.render(report, "pdf"))
    assert f"{label} ({count})" in docx_parts(outputs.render(report, "docx"))[0]


def _layout_text(content: bytes) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.pdf"
        path.write_bytes(content)
        out = subprocess.run(
            ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True
        ).stdout.decode("utf-8")
    return out.splitlines()


@pytest.mark.slow
def test_quarters_read_as_words_and_the_overview_keeps_each_figure_on_one_line(db, demo):
    report = build_report(make_report(demo, [demo.survey]))
    html = outputs.report_html(report)
    assert QUARTER_WORDS.search(html) and not QUARTER_CODE.search(html)
    content = outputs.render(report, "pdf")
    text = pdf_text(content)
    assert QUARTER_WORDS.search(text) and not QUARTER_CODE.search(text)
    paragraphs, tables = docx_parts(outputs.render(report, "docx"))
    assert not QUARTER_CODE.search(" ".join(paragraphs)) and not QUARTER_CODE.search(str(tables))
    # the overview's "Stand" column: value and target on one line, e.g. "20 kinderen / 40 kinderen"
    figures = [t for p in report["projects"] for t in p["targets"]]
    lines = _layout_text(content)
    for target in figures:
        pair = f"{target['value_text']} / {target['target_text']}"
        assert any(pair in line for line in lines), pair
