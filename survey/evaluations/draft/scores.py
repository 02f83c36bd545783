"""The CEO and PEO headline scores of a tussenevaluatie per actielijn, each with its trend against the
previous round.

Each item is placed under an actielijn: the evaluator's choice for its item code, else a default from the item
code of the shipped templates, else from its domain, else (PEO) actielijn 6. A percentage is shown only when
at least k people answered the item; under 30 it is a *signaal*.
"""

from flask_babel import gettext as _

from analysis.charts.bars import Bar, bars_svg, bars_table
from analysis.scores.frames import answers_frame
from analysis.scores.items import headline_scores
from analysis.scores.numbers import format_percentage
from analysis.scores.scales import AGREEMENT, FREQUENCY, Scale
from analysis.scores.trends import compare_rounds
from survey.evaluations.draft.context import ReportContext
from survey.evaluations.draft.sources import document_of, previous_round, scored_rows
from survey.programmes.models import ACTION_LINES
from survey.protection_notes import not_shown
from survey.questionnaires.content.registry import REGISTRY
from survey.questionnaires.models import Survey, SurveyKind
from survey.reports.verdicts import verdict_words
from survey.responses.display.piping import report_text

SCALE_OF_KIND = {"agreement": AGREEMENT, "frequency": FREQUENCY}
#: the CEO template's item codes (docs/domain.md, "Instruments") and the actielijn each speaks to
ITEM_LINES = {
    "T1": 1,
    "T2": 1,
    "T3": 1,
    "K1": 6,
    "K2": 6,
    "K3": 6,
    "K4": 6,
    "E1": 2,
    "E2": 2,
    "E3": 2,
    "E4": 3,
    "E5": 5,
    "E6": 4,
}
DOMAIN_LINES = {
    "toegang": 1,
    "kwaliteit": 6,
    "effect": 2,
    "professionele ruimte": 6,
    "professionele_ruimte": 6,
    "werkplezier": 6,
    "vakmanschap": 6,
}


def default_line(kind: SurveyKind, code: str, domain: str) -> int | None:
    if code in ITEM_LINES:
        return ITEM_LINES[code]
    if domain.strip().lower() in DOMAIN_LINES:
        return DOMAIN_LINES[domain.strip().lower()]
    return 6 if kind == SurveyKind.PEO else None


def scored_items(survey: Survey) -> list[tuple[str, str, str, Scale]]:
    """(item code, Dutch text, domain, scale) of the agreement and frequency items outside repeats."""
    document = document_of(survey)
    if document is None:
        return []
    items = []
    for section in document.sections:
        if section.repeat:
            continue
        for question in section.questions:
            scale = SCALE_OF_KIND.get(REGISTRY[question.type].kind)
            if scale is None:
                continue
            pairs = [(i.code, i.text) for i in question.items] if question.items else [(question.code, question.text)]
            items.extend((code, report_text(text.get("nl", "")), question.domain, scale) for code, text in pairs)
    return items


def headline_of(survey: Survey, items) -> object:
    scales = {code: scale for code, _text, _domain, scale in items}
    return headline_scores(answers_frame(scored_rows(survey, list(scales))), scales)


def latest_per_series(surveys: list[Survey]) -> list[Survey]:
    """The newest chosen round of each series; older chosen rounds serve as its comparison."""
    newest: dict[str, Survey] = {}
    for survey in surveys:
        if survey.series_key not in newest or survey.id > newest[survey.series_key].id:
            newest[survey.series_key] = survey
    return sorted(newest.values(), key=lambda s: s.id)


def survey_items(context: ReportContext, survey: Survey) -> list[dict]:
    items = scored_items(survey)
    if not items:
        return []
    current = headline_of(survey, items)
    previous_survey = previous_round(survey)
    trends = {}
    if previous_survey is not None:
        previous = headline_of(previous_survey, items)
        trends = {row.item_code: row for row in compare_rounds(current, previous).itertuples(index=False)}
    rows = current.set_index("item_code")
    result = []
    for code, text, domain, scale in items:
        n = int(rows.loc[code, "n"])
        shown = n >= context.k
        pct = float(rows.loc[code, "pct"]) if shown and n else None
        trend = trends.get(code)
        previous_shown = trend is not None and trend.n_previous >= context.k
        line = context.evaluation.item_lines.get(code) or default_line(survey.kind, code, domain)
        result.append(
            {
                "survey": survey.text("title"),
                "round": survey.round_label,
                "code": code,
                "text": text,
                "headline": scale.headline,
                "line": line,
                "n": n,
                "shown": shown,
                "pct": pct,
                "pct_text": format_percentage(pct),
                "signal": shown and n < context.policy.signal_below,
                "previous_round": previous_survey.round_label if previous_survey is not None else "",
                "previous_n": int(trend.n_previous) if trend is not None else None,
                "previous_pct": trend.pct_previous if previous_shown else None,
                "previous_pct_text": format_percentage(trend.pct_previous if previous_shown else None),
                "trend": (verdict_words(trend.verdict) if trend is not None and shown else ""),
            }
        )
    return result


def scores_part(context: ReportContext) -> dict:
    """Items grouped by actielijn, with a bar chart and its table per actielijn."""
    chosen = latest_per_series(context.experience)
    items = [item for survey in chosen for item in survey_items(context, survey)]
    lines = []
    for number, line in ACTION_LINES.items():
        members = [i for i in items if i["line"] == number]
        if members:
            lines.append(_line_part(number, line.title, members))
    loose = [i for i in items if i["line"] not in ACTION_LINES]
    if loose:
        lines.append(_line_part(None, _("Not linked to an actielijn"), loose))
    surveys = [
        {
            "title": s.text("title"),
            "kind": s.kind.value,
            "round": s.round_label,
            "previous": (p.round_label or p.text("title")) if (p := previous_round(s)) else "",
        }
        for s in chosen
    ]
    return {"surveys": surveys, "lines": lines}


def _line_part(number: int | None, title: str, items: list[dict]) -> dict:
    bars = [Bar(f"{i['code']} {i['text']}", (i["pct"],), i["n"]) for i in items]
    heading = f"{_('Actielijn')} {number}: {title}" if number else title
    desc = _("Share of positive answers per item; hidden where fewer people answered than the threshold.")
    table = bars_table(bars, title=heading, first_column=_("Item"), value_column=_("% positive"))
    return {
        "number": number,
        "title": heading,
        "items": items,
        "svg": bars_svg(bars, title=heading, desc=desc, chart_id=f"lijn-{number or 0}", not_shown=not_shown()),
        "table": {"caption": table.caption, "header": list(table.header), "rows": [list(r) for r in table.rows]},
    }
