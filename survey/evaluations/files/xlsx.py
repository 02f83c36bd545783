"""The Excel appendix: every figure of the report in plain sheets. Text is always written as text,
so an answer or a title that starts with "=" never runs as a formula (analysis.files.export_safety).

What the report says about small numbers is worded by ``caveats``, as on the page, in the PDF and in the Word
file: every response, grade and score has its n and a "Signal" column (yes/no) to filter on, the grade its
caveat, and the sheet "About this file" the footnotes."""

import io
from typing import NamedTuple

import xlsxwriter
from flask_babel import gettext as _

from analysis.files.export_safety import safe_cell
from analysis.scores.numbers import amount_decimals, round_half_up
from survey.evaluations.files.caveats import (
    grade_caveat,
    hidden_grade_line,
    response_note,
    signal_word,
    signals_rule,
)
from survey.evaluations.files.docx import principles_of
from survey.evaluations.files.plain import xml_safe
from survey.evaluations.labels import PROGRAMME_SECTIONS, PROJECT_SECTIONS

OPTIONS = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}


class Figure(NamedTuple):
    """A number as the report shows it: rounded half away from zero to ``decimals`` places
    (``analysis.scores.numbers``), stored as a number with a number format of as many decimals."""

    value: object
    decimals: int = 1


def figure(value, decimals: int = 1):
    return None if value is None else Figure(value, decimals)


def amount_figure(value):
    """A target's figure: whole numbers without decimals, else one (as ``format_amount``)."""
    return None if value is None else Figure(value, amount_decimals(value))


class _Book:
    def __init__(self, buffer):
        self.book = xlsxwriter.Workbook(buffer, OPTIONS)
        self.bold = self.book.add_format({"bold": True})
        self.wrap = self.book.add_format({"text_wrap": True, "valign": "top"})
        self.numbers = {
            d: self.book.add_format({"num_format": "#,##0" + ("." + "0" * d if d else "")}) for d in range(3)
        }

    def sheet(self, name: str, header: list[str], rows, widths: list[int] | None = None) -> None:
        sheet = self.book.add_worksheet(name[:31])
        for col, text in enumerate(header):
            sheet.write_string(0, col, xml_safe(text), self.bold)
            sheet.set_column(col, col, (widths or [])[col] if col < len(widths or []) else 16)
        rows = list(rows)
        for r, row in enumerate(rows, start=1):
            for col, value in enumerate(row):
                self.cell(sheet, r, col, value)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, len(rows), len(header) - 1)

    def cell(self, sheet, row: int, col: int, value) -> None:
        if isinstance(value, Figure):
            sheet.write_number(
                row, col, float(round_half_up(value.value, value.decimals)), self.numbers[value.decimals]
            )
            return
        cell = safe_cell(value)
        if cell.kind == "text":
            sheet.write_string(row, col, xml_safe(cell.value), self.wrap)
        elif cell.kind == "number":
            sheet.write_number(row, col, float(cell.value))
        elif cell.kind == "bool":
            sheet.write_boolean(row, col, cell.value)
        else:
            sheet.write_blank(row, col, None)


def xlsx_bytes(report: dict) -> bytes:
    buffer = io.BytesIO()
    book = _Book(buffer)
    book.sheet(_("About this file"), [_("Field"), _("Value")], _about(report), [28, 70])
    book.sheet(
        _("Projects"),
        [
            _("Project"),
            _("Actielijn"),
            _("Guiding principles"),
            _("Ambition"),
            _("We do this by"),
            _("Status"),
            _("Latest progress report"),
            _("Not on track in"),
            _("Obstacles (knelpunten)"),
            _("Goals for next year"),
        ],
        _projects(report),
        [30, 40, 28, 60, 60, 14, 24, 30, 60, 60],
    )
    book.sheet(
        _("Response"),
        [
            _("Survey"),
            _("Kind"),
            _("Round"),
            _("Invited"),
            _("Started"),
            _("Responded"),
            _("Response (%)"),
            _("Signal"),
        ],
        [
            [
                m["title"],
                m["kind_label"],
                m["round"],
                m["invited"],
                m["started"],
                m["completed"],
                _round(m["pct"], 0),
                signal_word(m),
            ]
            for m in report["method"]
        ],
        [40, 28],
    )
    book.sheet(
        _("Grade"),
        [_("Survey"), _("Item code"), "n", _("Mean"), _("Grade"), _("Number"), _("Signal"), _("Note")],
        _grades(report),
        [40, 16, 16, 16, 16, 16, 16, 60],
    )
    book.sheet(
        _("Themes"),
        [_("Part"), _("Section"), _("Question"), _("Theme"), _("Answers"), _("Respondents")],
        _themes(report, quotes=False),
        [30, 24, 40, 32],
    )
    book.sheet(
        _("Quotes"), [_("Part"), _("Section"), _("Theme"), _("Quote")], _themes(report, quotes=True), [30, 24, 32, 90]
    )
    book.sheet(
        _("Statements"), [_("Part"), _("Section"), _("Theme"), _("Statement")], _statements(report), [30, 24, 24, 90]
    )
    book.sheet(
        _("Scores"),
        [
            _("Actielijn"),
            _("Survey"),
            _("Round"),
            _("Item code"),
            _("Item"),
            _("Measure"),
            _("Now (%)"),
            "n",
            _("Signal"),
            _("Previous round (%)"),
            _("Trend"),
        ],
        _scores(report),
        [40, 30, 10, 10, 50, 24],
    )
    book.sheet(
        _("Results"),
        [
            _("Project"),
            _("Target"),
            _("Indicator"),
            _("Unit"),
            _("Direction"),
            _("Baseline"),
            _("Target value"),
            _("Target date"),
            _("Reached"),
            _("Period"),
            _("Realised (%)"),
            _("Status"),
            _("Per period"),
        ],
        _targets(report),
        [30, 45, 35, 12, 26],
    )
    book.sheet(
        _("Sources of the figures"),
        [_("Project"), _("Target"), _("Period"), _("Gemeente"), _("Value"), _("Counted"), _("Origin")],
        _sources(report),
        [30, 45, 10, 20, 10, 10, 70],
    )
    book.sheet(_("Budget"), [_("Project"), _("Year"), _("Budgeted (€)"), _("Spent (€)")], _budget(report), [40])
    book.sheet(_("Texts"), [_("Part"), _("Section"), _("Text")], _texts(report), [30, 28, 100])
    book.book.close()
    return buffer.getvalue()


def _round(value, decimals: int = 1):
    return figure(value, decimals)


def _about(report: dict) -> list[list]:
    """What the file is, and the footnotes of the page about small numbers (the "Signal" columns)."""
    rows = [
        [_("Title"), report["title"]],
        [_("Programme"), report["programme"]["name"]],
        [_("Region"), report["region"]],
        [_("Period"), report["period"]["text"]],
        [_("Status"), report["status_label"]],
        [_("Figures as of"), report["generated_on"]],
        [_("Smallest group shown"), report["k"]],
        [_("Signal below"), report["signal"]],
        [_("Signal"), signals_rule(report)],
    ]
    if note := response_note(report, mark=False):
        rows.append([_("Response"), note])
    return rows


def _projects(report: dict) -> list[list]:
    """One row per project, in the programme's order."""
    return [
        [
            p["name"],
            "; ".join(
                [f"{line['number']}. {line['title']}" for line in p["action_lines"]]
                + [f"{_('Regional actielijn')}: {line['title']}" for line in p.get("regional_lines", [])]
            ),
            "; ".join(x["title"] for x in principles_of(p)) or None,
            p["ambition"],
            "\n".join(p["activities"]),
            p["status_label"],
            f"{p['progress']['status_label']} ({p['progress']['round']})" if p["progress"] else None,
            "; ".join(
                f"{r['round']}: {r['status_label']}" + (f" – {r['obstacles']}" if r.get("obstacles") else "")
                for r in (p["progress"] or {}).get("off_track", [])
            ),
            (p["progress"] or {}).get("obstacles") or None,
            p["next_year_goals"],
        ]
        for p in report["projects"]
    ]


def _grades(report: dict) -> list[list]:
    rows = []
    for g in report["grades"]:
        signal, note = signal_word(g), grade_caveat(g) if g["shown"] else hidden_grade_line(report["k"])
        rows.append([g["survey"], g["code"], g["n"], _round(g["mean"]), None, None, signal, note])
        rows.extend(
            [g["survey"], g["code"], None, None, grade, count, signal, None] for grade, count in g["distribution"]
        )
    return rows


def _parts(report: dict):
    """(part name, section title, section) of every section with themes and statements."""
    for section in report["sections"].values():
        yield _("Programme"), section["title"], section
    for project in report["projects"]:
        for section in project["sections"].values():
            yield project["name"], section["title"], section


def _themes(report: dict, quotes: bool) -> list[list]:
    """Theme counts per section, or (``quotes``) the reviewed enquête statements with their theme."""
    rows = []
    for part_name, title, section in _parts(report):
        if quotes:
            rows.extend(
                [part_name, title, s["theme_label"], s["text"]]
                for s in section["statements"]
                if s["origin"] == "enquete"
            )
            continue
        for part in section["survey"]:
            for theme in part["themes"]:
                rows.append(
                    [
                        part_name,
                        title,
                        "; ".join(part["questions"]),
                        theme["label"],
                        theme["count"],
                        part["respondents"],
                    ]
                )
    return rows


def _statements(report: dict) -> list[list]:
    """Every reviewed statement once, in report order."""
    rows = [
        [part_name, title, s["theme_label"], s["text"] + (f" – {s['attribution']}" if s["attribution"] else "")]
        for part_name, title, section in _parts(report)
        for s in section["statements"]
    ]
    voices = report["titles"].get("voices", "")
    return rows + [[_("Programme"), voices, "", f"{s['text']} – {s['attribution']}"] for s in report.get("voices", [])]


def _scores(report: dict) -> list[list]:
    return [
        [
            line["title"],
            i["survey"],
            i["round"],
            i["code"],
            i["text"],
            i["headline"],
            _round(i["pct"], 0),
            i["n"],
            signal_word(i),
            _round(i["previous_pct"], 0),
            i["trend"],
        ]
        for line in report["scores"]["lines"]
        for i in line["items"]
    ]


def _targets(report: dict) -> list[list]:
    return [
        [
            p["name"],
            t["description"],
            t["indicator"],
            t["unit"],
            t["direction_label"],
            amount_figure(t["baseline"]),
            amount_figure(t["target"]),
            t["target_date"],
            amount_figure(t["value"]),
            t["period"],
            figure(t["percent"], 0),
            t["status_label"],
            t["series_text"],
        ]
        for p in report["projects"]
        for t in p["targets"]
    ]


def _sources(report: dict) -> list[list]:
    """Every value behind a published target, with where it came from and whether it counted."""
    return [
        [
            p["name"],
            t["description"],
            src["period"],
            src["gemeente"] or None,
            amount_figure(src["value"]),
            _("yes") if src["counted"] else _("no (another value was chosen)"),
            src["origin"],
        ]
        for p in report["projects"]
        for t in p["targets"]
        for src in t.get("sources", [])
    ]


def _budget(report: dict) -> list[list]:
    return [
        [p["name"], row["year"], row["budgeted"], row["spent"]]
        for p in report["projects"]
        for row in p["budget"]["rows"]
    ]


def _texts(report: dict) -> list[list]:
    rows = [[_("Programme"), str(PROGRAMME_SECTIONS[key]), text] for key, text in report["texts"].items() if text]
    for project in report["projects"]:
        rows.extend(
            [project["name"], str(PROJECT_SECTIONS[key]), text] for key, text in project["texts"].items() if text
        )
    return rows
