"""The plan of a round's response export: its variables (the codebook), each with its name, label, value
labels and measure level, and the numbers a value stands for in a file.

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

One record of values per completed response, aligned with the plan, comes from
:mod:`survey.reports.exports.records`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from flask_babel import gettext as _
from sqlalchemy import select

from survey.coding.models import QuestionCodebook
from survey.coding.queries import themes_of_codebook
from survey.extensions import db
from survey.questionnaires.content.registry import OTHER_CODE
from survey.questionnaires.models import Survey
from survey.reports.items import ReportItem, report_items
from survey.reports.pages.figures import variable_label

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
