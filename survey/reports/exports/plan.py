"""The plan of a round's response export and its records: the variables (the codebook), then one record of
values per completed response.

One plan serves every format, so a CSV, an Excel file and an SPSS file of the same round have the same
variables under the same names (letters, digits and ``_``, at most 64 characters: valid in SPSS too).

* respondent metadata: a running number, channel, language, week, and the coarse background variables;
  nothing that links to the invitation ledger;
* one variable per item, a number in every format (CSV, Excel, SPSS, Stata) with value labels:
  *weet ik niet* = 98 and *niet van toepassing* = 99, user-missing in SPSS (``.a``/``.b`` in Stata);
  only the labels variant of CSV/Excel holds the label texts instead (a grade stays a number there);
* a 0/1 variable per option of a multiple-choice item;
* per open item the scrubbed text (raw only on request, then named ``O2_ruw``), the themes as text,
  a 0/1 variable per theme of its codebook, the sentiment and the provenance of the codes.

The records are streamed: two ordered streams are merged, the responses (by id) and their answers (by
response id), both read in batches with ``yield_per``; open answers get their final codes per chunk of
responses (:mod:`survey.reports.codes`). Memory stays flat whatever the size of the round. A record holds
plain values: the stored code of an item, 0/1 flags, texts, the week as a date; each writer makes its own
cells. Language and background are those :mod:`survey.reports.anonymity` lets the round show (k over the
combination); a dropped value is empty (onbekend).

Open answers come from the scrubbed copy, chosen in the query. The raw text (and the raw "anders,
namelijk" text) is only read when ``raw`` is set; an answer without a scrubbed copy yet stays empty, never
filled with raw text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import groupby
from operator import itemgetter

import numpy as np
import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy import select

from survey.coding.models import QuestionCodebook
from survey.coding.queries import FinalCode, themes_of_codebook, thresholds
from survey.extensions import db
from survey.questionnaires.models import Survey
from survey.questionnaires.registry import OTHER_CODE
from survey.reports.anonymity import Shown, export_profiles, shown_profiles
from survey.reports.codes import Coding, codings
from survey.reports.items import REPEAT_SEPARATOR, ReportItem, report_items
from survey.reports.pages.figures import variable_label
from survey.reports.results import background_text, completed_filter, decode_multi, raw_stream
from survey.responses.models import Answer, Response

ESCAPE_NUMBERS = {"weet_niet": 98, "nvt": 99}
MAX_NAME = 64
#: the end of every column name that holds raw (unscrubbed) text: ``O2_ruw``, ``C1_anders_ruw``
RAW_SUFFIX = "_ruw"


@dataclass(frozen=True)
class ValueLabel:
    """A value: its code as in CSV/Excel, its Dutch label and its number in SPSS (None: text variable)."""

    code: str
    label: str
    number: float | None = None
    missing: bool = False


@dataclass(frozen=True)
class Variable:
    """One column of the export."""

    name: str
    label: str
    #: respondent, channel, language, week, background, item, option, text, themes, theme, sentiment,
    #: provenance, other
    kind: str
    item: ReportItem | None = None
    #: the option code (multiple choice), theme key (theme) or background variable (background)
    key: str = ""
    numeric: bool = False
    measure: str = "nominal"
    values: tuple[ValueLabel, ...] = field(default=())

    def value_for(self, code: str) -> ValueLabel | None:
        return next((v for v in self.values if v.code == code), None)


def _safe_name(name: str, used: set[str]) -> str:
    base = re.sub(r"[^A-Za-z0-9_]", "_", name) or "v"
    if not base[0].isalpha():
        base = "v_" + base
    base, candidate, n = base[:MAX_NAME], base[:MAX_NAME], 1
    while candidate.lower() in used:
        n += 1
        candidate = f"{base[: MAX_NAME - len(str(n)) - 1]}_{n}"
    used.add(candidate.lower())
    return candidate


def item_values(item: ReportItem) -> tuple[tuple[ValueLabel, ...], bool, str]:
    """(value labels, numeric in SPSS, measure level) of an item's stored codes."""
    if item.kind in ("text",):
        return (), False, "nominal"
    if item.kind == "number":
        return (), True, "scale"
    labels = dict(item.options)
    if item.scale is not None:
        options = [o for o in item.scale.options if not o.escape]
        codes = [o.code for o in options]
        numbers = {o.code: (o.number if o.number is not None else len(options) - i) for i, o in enumerate(options)}
        values = [ValueLabel(c, labels.get(c) or item.scale.label_for(c), float(numbers[c])) for c in codes]
        values += [
            ValueLabel(c, labels.get(c) or item.scale.label_for(c), float(n), missing=True)
            for c, n in ESCAPE_NUMBERS.items()
            if c in item.scale.codes or c in labels
        ]
        measure = "scale" if item.kind in ("grade", "scale") else "ordinal"
        return tuple(values), True, measure
    codes = [c for c, _label in item.options]
    integers = all(re.fullmatch(r"-?\d+", c) for c in codes) and codes
    return (
        tuple(ValueLabel(c, labels[c], float(c) if integers else float(i)) for i, c in enumerate(codes, 1)),
        True,
        "nominal",
    )


def open_themes(survey_id: int) -> dict[str, list[tuple[str, str]]]:
    """{open item code: [(theme key, label), ...]} from the codebooks linked to the survey's open items."""
    links = db.session.execute(
        select(QuestionCodebook.item_code, QuestionCodebook.codebook_id).where(QuestionCodebook.survey_id == survey_id)
    )
    return {code: [(t.key, t.label) for t in themes_of_codebook(book)] for code, book in links}


def export_plan(survey: Survey, background: tuple[str, ...], raw: bool = False) -> list[Variable]:
    """The variables of a round's response export, in column order."""
    used: set[str] = set()
    name = lambda text: _safe_name(text, used)  # noqa: E731
    plan = [
        Variable(
            name("respondent"),
            _("Respondent (running number in this file)"),
            "respondent",
            numeric=True,
            measure="scale",
        ),
        Variable(name("kanaal"), _("Channel"), "channel", values=channel_values()),
        Variable(name("taal"), _("Language of the answers"), "language"),
        Variable(name("week"), _("Week the response was started (Monday)"), "week"),
    ]
    plan += [Variable(name(v), variable_label(v), "background", key=v) for v in background]
    themes = open_themes(survey.id)
    for item in report_items(survey):
        plan += _item_variables(item, name, themes.get(item.stored_code, []), raw)
    return plan


def _item_variables(item: ReportItem, name, themes: list[tuple[str, str]], raw: bool) -> list[Variable]:
    if item.kind == "multi":
        flags = (ValueLabel("0", _("not chosen"), 0.0), ValueLabel("1", _("chosen"), 1.0))
        out = [
            Variable(
                name(f"{item.code}__{code}"),
                f"{item.code}: {label}",
                "option",
                item,
                key=code,
                numeric=True,
                values=flags,
            )
            for code, label in item.options
        ]
    elif item.kind == "text":
        label = item.label + " " + (_("(RAW, NOT SCRUBBED)") if raw else _("(scrubbed)"))
        out = [
            Variable(name(f"{item.code}{RAW_SUFFIX}" if raw else item.code), label, "text", item),
            Variable(name(f"{item.code}_themas"), _("%(code)s: themes", code=item.code), "themes", item),
        ]
        flags = (ValueLabel("0", _("no"), 0.0), ValueLabel("1", _("yes"), 1.0))
        out += [
            Variable(
                name(f"{item.code}_t_{key}"),
                _("%(code)s theme: %(theme)s", code=item.code, theme=theme_label),
                "theme",
                item,
                key=key,
                numeric=True,
                values=flags,
            )
            for key, theme_label in themes
        ]
        out += [
            Variable(name(f"{item.code}_sentiment"), _("%(code)s: sentiment", code=item.code), "sentiment", item),
            Variable(
                name(f"{item.code}_herkomst"),
                _("%(code)s: provenance of the themes", code=item.code),
                "provenance",
                item,
            ),
        ]
        return out
    else:
        values, numeric, measure = item_values(item)
        out = [
            Variable(
                name(item.code),
                f"{item.code} {item.label}",
                "item",
                item,
                numeric=numeric,
                measure=measure,
                values=values,
            )
        ]
    if raw and any(code == OTHER_CODE for code, _label in item.options):
        out.append(
            Variable(
                name(f"{item.code}_anders{RAW_SUFFIX}"),
                _("%(code)s: other, namely (raw)", code=item.code),
                "other",
                item,
            )
        )
    return out


def channel_values() -> tuple[ValueLabel, ...]:
    return (
        ValueLabel("open", _("open link")),
        ValueLabel("personal", _("personal link")),
        ValueLabel("interviewer", _("entered by an interviewer")),
        ValueLabel("poll", _("live poll")),
    )


def value_number(value: ValueLabel) -> int | float | str:
    """The value as it stands in a numeric column of every file: its number (98/99 for escapes)."""
    if value.number is None:
        return value.code
    return int(value.number) if float(value.number).is_integer() else value.number


def sav_number(variable: Variable, value) -> float:
    """The SPSS number of a record value (NaN when empty or not a number)."""
    if value is None:
        return np.nan
    if variable.kind in ("respondent", "option", "theme"):
        return float(value)
    if variable.values:
        known = variable.value_for(str(value))
        return np.nan if known is None or known.number is None else float(known.number)
    try:
        return float(str(value).replace(",", "."))
    except ValueError:
        return np.nan


CHUNK = 2_000


def respondent_stream(survey_id: int) -> Iterator[tuple]:
    """(id, language, channel, week, background text) of the completed responses, by id."""
    stmt = (
        select(Response.id, Response.language, sa.cast(Response.channel, sa.String), Response.week, background_text())
        .where(completed_filter(survey_id))
        .order_by(Response.id)
    )
    return raw_stream(stmt)


def answer_stream(survey_id: int, open_codes: list[str], raw: bool) -> Iterator[tuple]:
    """(response id, answer id, item code, instance, value or scrubbed text, other text), by response id."""
    value = Answer.value
    if open_codes and not raw:
        value = sa.case((Answer.item_code.in_(open_codes), Answer.scrubbed_text), else_=Answer.value)
    other = Answer.other_text if raw else sa.null()
    stmt = (
        select(Answer.response_id, Answer.id, Answer.item_code, Answer.instance, value, other)
        .join(Response, Response.id == Answer.response_id)
        .where(completed_filter(survey_id))
        .order_by(Answer.response_id, Answer.id)
    )
    return raw_stream(stmt)


def _grouped(survey_id: int, open_codes: list[str], raw: bool) -> Iterator[tuple[tuple, list[tuple]]]:
    """(response row, its answer rows) for every completed response, in id order."""
    responses = respondent_stream(survey_id)
    for response_id, rows in groupby(answer_stream(survey_id, open_codes, raw), key=itemgetter(0)):
        own = list(rows)
        for response in responses:
            if response[0] == response_id:
                yield response, own
                break
            yield response, []  # a completed response without answers
    for response in responses:
        yield response, []


def records(survey_id: int, plan: list[Variable], raw: bool = False) -> Iterator[list]:
    """One list of values per completed response, aligned with ``plan``."""
    open_codes = sorted({v.item.stored_code for v in plan if v.kind == "text"})
    verified = _("verified")
    getters = [getter(v, raw, verified) for v in plan]
    limits = thresholds(survey_id)
    survey = db.session.get(Survey, survey_id)
    shown = shown_profiles(survey)
    parsed = (shown, export_profiles(survey, shown))
    chunk: list[tuple[tuple, list[tuple]]] = []
    number = 0
    for grouped in _grouped(survey_id, open_codes, raw):
        chunk.append(grouped)
        if len(chunk) == CHUNK:
            yield from _chunk_records(survey_id, getters, chunk, number, open_codes, parsed, limits)
            number += len(chunk)
            chunk = []
    if chunk:
        yield from _chunk_records(survey_id, getters, chunk, number, open_codes, parsed, limits)


def _chunk_records(
    survey_id, getters, chunk, start: int, open_codes: list[str], shown: tuple[Shown, dict], limits: dict
) -> Iterator[list]:
    ids = [row[1] for _, rows in chunk for row in rows if row[2] in open_codes]
    coded = codings(survey_id, ids, limits) if ids else {}
    for offset, ((_id, language, channel, week, text), rows) in enumerate(chunk, start=1):
        answers = {(f"{c}{REPEAT_SEPARATOR}{i}" if i else c): (a, v, o) for _r, a, c, i, v, o in rows}
        if isinstance(week, str):  # SQLite hands dates over as text
            week = date.fromisoformat(week)
        if _id in shown[1]:  # k over the combination, with the answers to background questions
            language, background, dropped = shown[1][_id]
            answers = {key: a for key, a in answers.items() if key not in dropped}
        else:  # k over the combination of language and stored background
            language, background = shown[0].of(language, text)
        context = (start + offset, language or None, channel, week, background, answers, coded)
        yield [get(context) for get in getters]


def getter(variable: Variable, raw: bool, verified: str = "verified") -> Callable[[tuple], object]:
    """A function from (number, language, channel, week, background, answers, codings) to the value."""
    kind = variable.kind
    fixed = {"respondent": 0, "language": 1, "channel": 2, "week": 3}
    if kind in fixed:
        position = fixed[kind]
        return lambda c: c[position]
    if kind == "background":
        key = variable.key
        return lambda c: _text(c[4].get(key))
    code = variable.item.code
    if kind in ("item", "text"):
        return lambda c: _answer(c, code, 1)
    if kind == "other":
        return lambda c: _answer(c, code, 2) if raw else None
    if kind == "option":
        option = variable.key
        return lambda c: None if (a := c[5].get(code)) is None else int(option in decode_multi(a[1]))
    return _coding_getter(variable, code, verified)


def _coding_getter(variable: Variable, code: str, verified: str) -> Callable[[tuple], object]:
    kind, key = variable.kind, variable.key

    def get(c):
        answer = c[5].get(code)
        coding: Coding | None = c[6].get(answer[0]) if answer is not None else None
        if coding is None:
            return None
        final = coding.final
        if kind == "themes":
            return "; ".join(f.theme_label for f in final)
        if kind == "theme":
            return int(any(f.theme_key == key for f in final))
        if kind == "sentiment":
            return coding.sentiment
        return "; ".join(provenance(f, verified) for f in final)

    return get


def _answer(context: tuple, code: str, position: int):
    answer = context[5].get(code)
    return None if answer is None else answer[position]


def _text(value):
    return None if value in (None, "") else str(value)


def provenance(code: FinalCode, verified: str) -> str:
    """``wachttijd=model 0.91`` / ``serieus=mens gecontroleerd``: where a final code came from."""
    text = f"{code.theme_key}={code.source}"
    if code.probability is not None:
        text += f" {code.probability:.2f}"
    if code.verified:
        text += " " + verified
    return text
