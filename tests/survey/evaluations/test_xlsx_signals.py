"""The Excel file says what the page, the PDF and the Word file say about small numbers (DOMAIN.md section 3),
in a form a spreadsheet user can filter: the 67 % response of the demo's enquête (20 of 30) has n 20 and
"Signaal: ja", the mean grade of 20 respondents too, with the page's caveat, every CEO score its n and its flag
as the page marks it, and the sheet "Over dit bestand" carries the footnotes."""

import re
from html import unescape

from survey.evaluations.draft.report import build_report
from survey.evaluations.files import outputs
from survey.evaluations.files.caveats import response_note, signals_rule
from tests.survey.evaluations.ceo import make_round_with_a_signal
from tests.survey.evaluations.helpers import make_report
from tests.survey.evaluations.readback import xlsx_sheets

FOOTNOTE = "Minder dan 30 ingevulde vragenlijsten: de uitkomsten zijn signalen, geen conclusies."
RULE = "Uitkomsten met minder dan 30 antwoorden zijn signalen, geen conclusies."


def _table(rows: list[tuple]) -> list[dict]:
    header = rows[0]
    return [dict(zip(header, row, strict=True)) for row in rows[1:]]


def test_excel_file_flags_small_numbers_as_the_page_marks_them(db, demo, ceo):
    report = build_report(make_report(demo, [demo.survey, ceo[1]]))
    page = outputs.report_html(report)
    html = " ".join(unescape(re.sub(r"<[^>]+>", " ", page)).split())
    sheets = xlsx_sheets(outputs.render(report, "xlsx"))

    response = _table(sheets["Respons"])
    enquete = next(r for r in response if r["Vragenlijst"].startswith("Stakeholder-enquête tussenevaluatie"))
    assert (enquete["Uitgenodigd"], enquete["Ingevuld"], enquete["Respons (%)"], enquete["Signaal"]) == (
        30,
        20,
        67,
        "ja",
    )
    assert [r["Signaal"] for r in response] == ["ja" if m["signal"] else "nee" for m in report["method"]]
    assert "nee" in [r["Signaal"] for r in response]  # the CEO round has more than 30 answers

    about = dict(sheets["Over dit bestand"][1:])
    assert about["Signaal onder"] == 30
    assert about["Signaal"] == RULE == signals_rule(report) and RULE in html
    assert about["Respons"] == FOOTNOTE and f"* {FOOTNOTE}" == response_note(report) and FOOTNOTE in html

    grades = _table(sheets["Rapportcijfer"])
    mean = grades[0]
    assert (mean["n"], mean["Gemiddelde"], mean["Signaal"]) == (20, 7.4, "ja")
    assert mean["Opmerking"] == "gemiddeld rapportcijfer van 20 respondenten (signaal)"
    assert f"7,4 {mean['Opmerking']}" in html
    distribution = grades[1:]
    assert distribution and all(r["Signaal"] == "ja" for r in distribution)  # a filter on "ja" keeps them
    assert sum(r["Getal"] for r in distribution) == 20

    items = [i for line in report["scores"]["lines"] for i in line["items"]]
    scores = _table(sheets["Scores"])
    assert len(scores) == len(items) == 3
    assert [(r["Itemcode"], r["n"], r["Signaal"]) for r in scores] == [
        ("T1", 40, "nee"),
        ("E3", 8, None),
        ("K1", 40, "nee"),
    ]
    for row, item in zip(scores, items, strict=True):
        assert (row["Itemcode"], row["n"]) == (item["code"], item["n"])
        expected = None if not item["shown"] else "ja" if item["signal"] else "nee"
        assert row["Signaal"] == expected, item["code"]
        marked = f"{item['code']} {item['text']} ({item['headline']}) {item['pct_text']} * {item['n']} "
        assert (marked in html) == (expected == "ja"), item["code"]  # the page marks the same items


def test_a_score_of_few_answers_is_flagged_where_the_page_marks_it(db, demo, ceo):
    """T1 of the 2027 round has 20 answers: "75 % *" on the page, n 20 and "Signaal: ja" in the Excel file."""
    report = build_report(make_report(demo, [make_round_with_a_signal(demo.region, ceo[1])]))
    html = " ".join(unescape(re.sub(r"<[^>]+>", " ", outputs.report_html(report))).split())
    scores = _table(xlsx_sheets(outputs.render(report, "xlsx"))["Scores"])
    assert [(r["Itemcode"], r["n"], r["Nu (%)"], r["Signaal"]) for r in scores] == [
        ("T1", 20, 75, "ja"),
        ("E3", 5, None, None),
        ("K1", 40, 100, "nee"),
    ]
    assert "75 % * 20" in html and "100 % 40" in html
