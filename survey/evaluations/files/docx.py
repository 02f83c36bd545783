"""The report as an editable Word file: real headings, paragraphs and tables, for the next round of
edits. Charts appear as their data tables. Text goes in as text (python-docx escapes it). What it says about
small numbers (the signal mark and its footnotes, the counts) is worded by ``caveats``, as on the page and
in the PDF."""

import io

from docx import Document
from docx.shared import Cm
from flask_babel import gettext as _
from flask_babel import ngettext

from survey.evaluations.files.caveats import (
    grade_caveat,
    hidden_grade_line,
    hidden_survey_line,
    respondents_line,
    response_note,
    scores_note,
    signal_marked,
    signals_rule,
)
from survey.evaluations.files.plain import paragraphs, xml_safe
from survey.programmes.filters import period_label


class _Writer:
    def __init__(self):
        self.doc = Document()

    def heading(self, text, level: int) -> None:
        self.doc.add_heading(xml_safe(text), level)

    def para(self, text, style: str | None = None) -> None:
        if text not in (None, ""):
            self.doc.add_paragraph(xml_safe(text), style=style)

    def narrative(self, text) -> None:
        for part in paragraphs(text):
            self.doc.add_paragraph(part)

    def bullets(self, items) -> None:
        for item in items:
            self.para(item, "List Bullet")

    def table(self, header, rows, caption: str | None = None) -> None:
        if caption:
            self.para(caption, "Caption")
        table = self.doc.add_table(rows=1, cols=len(header), style="Table Grid")
        table.autofit = False
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = xml_safe(text)
        for row in rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                cell.text = xml_safe("" if text is None else text)
        for column, width in zip(table.columns, column_widths([header, *rows]), strict=True):
            for cell in column.cells:  # Word reads the width of each cell, LibreOffice the column's
                cell.width = width
            column.width = width

    def statement(self, item: dict, style: str = "List Bullet") -> None:
        text = item["text"] + (f" – {item['attribution']}" if item["attribution"] else "")
        if item["count"] > 1:
            text += " (" + ngettext("mentioned %(num)s time", "mentioned %(num)s times", item["count"]) + ")"
        self.para(text, style)

    def theme_section(self, section: dict, k: int, level: int, grouped: bool = True) -> None:
        """Themes with counts and the statements under them; not ``grouped``: one list of statements."""
        shown = set()
        if not grouped:
            for part in section["survey"]:
                if not part["shown"]:
                    self.para(hidden_survey_line(k))
            for item in section["statements"]:
                self.statement(item)
            return
        for part in section["survey"]:
            self.heading(part["label"], level)
            self.para(_("Question") + ": " + "; ".join(part["questions"]))
            if not part["shown"]:
                self.para(hidden_survey_line(k))
                continue
            if not part["themes"]:
                self.para(_("No coded answers yet."))
                continue
            self.para(respondents_line(part))
            for theme in part["themes"]:
                shown.add(theme["key"])
                self.para(f"{theme['label']} ({theme['count']})", "List Bullet")
                for item in section["statements"]:
                    if item["theme"] == theme["key"]:
                        self.statement(item, "List Bullet 2")
        for item in section["statements"]:
            if item["theme"] not in shown:
                self.statement(item)


#: the width text can use on an A4 page with Word's default margins
TEXT_WIDTH_CM = 16.0


def column_widths(rows: list[list]) -> list:
    """Column widths in proportion to the longest word-wrapped text of each column: a column of item
    texts gets room, a column of numbers stays narrow (never under 1.6 cm)."""
    columns = len(rows[0])
    need = [max(min(_longest_line(row[i]), 60) for row in rows) + 4 for i in range(columns)]
    widths = [max(1.6, TEXT_WIDTH_CM * n / sum(need)) for n in need]
    scale = TEXT_WIDTH_CM / sum(widths)
    return [Cm(round(w * scale, 2)) for w in widths]


def _longest_line(cell) -> int:
    """A cell of several lines (one per target) needs the room of its longest line, not of all of them."""
    return max(len(line) for line in str(cell or "").split("\n"))


def docx_bytes(report: dict) -> bytes:
    """The whole report as a .docx file."""
    w = _Writer()
    titles, texts, k = report["titles"], report["texts"], report["k"]
    w.heading(report["title"], 0)
    w.para(f"{_('Programme')}: {report['programme']['name']} · {_('Region')}: {report['region']}")
    w.para(f"{_('Period')}: {report['period']['text']} · {_('Status')}: {report['status_label']}")
    w.heading(titles["introduction"], 1)
    w.bullets(f"{p['title']}: {p['text']}" if p["text"] else p["title"] for p in report["programme"]["principles"])
    regional = report["programme"].get("regional_lines") or []
    if regional:
        w.heading(_("The region's own actielijnen"), 2)
        w.para(_("Beside the six national actielijnen of Zorg voor de Jeugd, the region works on:"))
        w.bullets(
            f"{line['title']}: {line['description']}" if line["description"] else line["title"] for line in regional
        )
    if report["projects"]:
        w.table(
            [_("Project"), _("Actielijn"), _("Target"), _("Reached"), _("Status")],
            [
                [
                    p["name"],
                    action_line_cell(p),
                    "\n".join(t["description"] for t in p["targets"]) or "–",
                    "\n".join(f"{t['value_text']} / {t['target_text']}" for t in p["targets"]) or "–",
                    p["progress"]["status_label"] if p["progress"] else p["status_label"],
                ]
                for p in report["projects"]
            ],
            _("Programme overview: projects, targets and where they stand"),
        )
    w.narrative(texts["introduction"])
    _method(w, report)
    w.narrative(texts["method"])
    w.heading(titles["grade"], 1)
    for grade in report["grades"]:
        w.para(f"{grade['mean_text']} – " + grade_caveat(grade) if grade["shown"] else hidden_grade_line(k))
    w.narrative(texts["grade"])
    for key, section in report["sections"].items():
        if section["empty"] and not texts[key]:
            continue
        w.heading(section["title"], 1)
        w.theme_section(section, k, 2, report.get("group_by_theme", True))
        w.narrative(texts[key])
    _scores(w, report)
    for project in report["projects"]:
        _project(w, project, k, report.get("group_by_theme", True))
    for key in ("coherence", "vignette", "voices"):
        voices = report.get("voices", []) if key == "voices" else []
        if texts.get(key) or voices:
            w.heading(titles[key], 1)
            for item in voices:
                w.para(f"“{item['text']}” – {item['attribution']}", "Quote")
            w.narrative(texts[key])
    if texts["conclusion"]:
        w.heading(titles["conclusion"], 1)
        w.narrative(texts["conclusion"])
    w.heading(_("About the figures"), 1)
    w.para(_("Where fewer than %(k)s people answered, no percentage, theme or quote is shown.", k=k))
    w.para(
        _(
            "Figures are rounded half away from zero: a mean of %(mean)s reads %(rounded)s and %(share)s reads "
            "%(share_rounded)s. The page, the PDF, the Word file and the Excel appendix show the same rounded "
            "figures.",
            mean="7,25",
            rounded="7,3",
            share="62,5 %",
            share_rounded="63 %",
        )
    )
    w.para(
        _(
            "A target's progress is the share of the way from the baseline to the target value, in the direction "
            "that is better: for a waiting time going from 10 to 6 weeks, 7,5 weeks is %(share)s of the way.",
            share="63 %",
        )
    )
    w.para(signals_rule(report))
    buffer = io.BytesIO()
    w.doc.save(buffer)
    return buffer.getvalue()


def _method(w: _Writer, report: dict) -> None:
    w.heading(report["titles"]["method"], 1)
    rows = [
        [
            m["title"] + (f" ({m['round']})" if m["round"] else ""),
            m["kind_label"],
            m["invited_text"] if m["invited"] is not None else _("open link"),
            m["completed_text"],
            signal_marked(m["pct_text"], m),
        ]
        for m in report["method"]
    ]
    if rows:
        w.table([_("Survey"), _("Kind"), _("Invited"), _("Responded"), _("Response")], rows, _("Response per survey"))
        w.para(response_note(report))
    if report.get("disclosure"):
        w.heading(_("What is shown, and what is not"), 2)
        w.bullets(report["disclosure"])


def _scores(w: _Writer, report: dict) -> None:
    w.heading(report["titles"]["scores"], 1)
    for line in report["scores"]["lines"]:
        w.heading(line["title"], 2)
        w.table(
            [_("Item"), _("Now"), "n", _("Previous round"), _("Trend")],
            [
                [
                    f"{i['code']} {i['text']}",
                    signal_marked(i["pct_text"], i),
                    str(i["n"]),
                    i["previous_pct_text"],
                    i["trend"] or "–",
                ]
                for i in line["items"]
            ],
            _("Trend against the previous round"),
        )
    if report["scores"]["lines"]:
        w.para(scores_note(report))
    w.narrative(report["texts"]["scores"])


def action_line_cell(project: dict) -> str:
    """ "2, 3; Thuis in de regio": the national numbers, then the region's own actielijnen by name."""
    parts = [", ".join(str(line["number"]) for line in project["action_lines"])]
    parts += [line["title"] for line in project.get("regional_lines", [])]
    return "; ".join(p for p in parts if p) or "–"


def principles_of(project: dict) -> list[dict]:
    """The project's principles (a report published before several were possible has one, or none)."""
    if "principles" in project:
        return project["principles"]
    return [project["principle"]] if project.get("principle") else []


def _project(w: _Writer, project: dict, k: int, grouped: bool = True) -> None:
    texts = project["texts"]
    w.heading(_("Project") + ": " + project["name"], 1)
    lines = [f"{line['number']}. {line['title']}" for line in project["action_lines"]]
    lines += [f"{_('Regional actielijn')}: {line['title']}" for line in project.get("regional_lines", [])]
    w.para(f"{_('Actielijn')}: {'; '.join(lines) or '–'}")
    principles = principles_of(project)
    w.para(
        f"{_('Guiding principles') if len(principles) > 1 else _('Guiding principle')}: "
        f"{'; '.join(p['title'] for p in principles) or '–'}"
    )
    if project["progress"]:
        w.para(
            f"{_('Latest progress report')}: {project['progress']['status_label']} "
            f"({period_label(project['progress']['round'])})"
        )
        for r in project["progress"]["off_track"]:
            reason = f" – {r['obstacles']}" if r.get("obstacles") else ""
            w.para(f"{_('Not on track in')} {period_label(r['round'])}: {r['status_label']}{reason}", "List Bullet")
        progress = project["progress"]
        if progress.get("obstacles") or progress.get("results") or progress.get("next_steps"):
            w.heading(_("From the latest progress report (%(round)s)", round=period_label(progress["round"])), 2)
            for label, key in (
                (_("Obstacles (knelpunten)"), "obstacles"),
                (_("Results since the previous report"), "results"),
                (_("Next steps"), "next_steps"),
            ):
                if progress.get(key):
                    w.para(f"{label}: {progress[key]}")
    if project["ambition"]:
        w.heading(_("Ambition"), 2)
        w.narrative(project["ambition"])
    if project["activities"]:
        w.heading(_("We do this by"), 2)
        w.bullets(project["activities"])
    if project["targets"] or texts["results"]:
        w.heading(_("Results"), 2)
    for target in project["targets"]:
        w.heading(target["description"], 3)
        w.para(
            f"{_('Indicator')}: {target['indicator']} ({target['direction_label']}). "
            + _(
                "From %(start)s to %(target)s; reached %(value)s (%(share)s of the way).",
                start=target["baseline_text"],
                target=target["target_text"],
                value=target["value_text"],
                share=target["percent_text"],
            )
            + f" {_('Status')}: {target['status_label']}."
            + (f" {_('Per period')}: {target['series_text']}." if target["series_text"] else "")
            + (" " + _("Latest period: %(period)s", period=period_label(target["period"])) if target["period"] else "")
        )
        w.table(target["table"]["header"], target["table"]["rows"], target["table"]["caption"])
    w.narrative(texts["results"])
    for key, section in project["sections"].items():
        if section["empty"] and not texts[key]:
            continue
        w.heading(section["title"], 2)
        w.theme_section(section, k, 3, grouped)
        w.narrative(texts[key])
    budget = project["budget"]
    if budget["rows"] or texts["budget"]:
        w.heading(_("Budget"), 2)
    if budget["rows"]:
        w.table(
            [_("Year"), _("Budgeted"), _("Spent")],
            [[str(r["year"]), r["budgeted_text"], r["spent_text"]] for r in budget["rows"]]
            + [[_("Total"), budget["budgeted_text"], f"{budget['spent_text']} ({budget['spent_share_text']})"]],
            _("Budgeted against spent"),
        )
    w.narrative(texts["budget"])
    if project["next_year_goals"] or texts["next_year"]:
        w.heading(_("Goals for next year"), 2)
    w.narrative(project["next_year_goals"])
    w.narrative(texts["next_year"])
