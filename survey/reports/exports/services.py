"""Starting an export: the plan, the audit entry (never answer content) and the stream of bytes; and the
files for statistics packages, SPSS ``.sav`` and Stata ``.dta``, written from one typed frame.

pyreadstat writes a whole DataFrame at once, so the data are gathered first, compactly: numeric
variables as float64 arrays (8 bytes a cell), text as object arrays filled per chunk of records. For
100k responses of a 15-item CEO that is about 30 MB of numbers plus the open texts (see
``docs/benchmarks.md`` for the measured peak). The file is written to a temporary directory, streamed
and removed. The SPSS file has variable labels, value labels and 98/99 as user-missing values.

Stata has no user-missing numbers: the escape answers *weet ik niet* (98) and *niet van toepassing* (99)
become the extended missing values ``.a`` and ``.b``, each with its value label, so a mean in Stata leaves
them out as SPSS does. Variable names are cut to Stata's 32 characters (kept unique), labels to 80.
CSV and Excel are written by :mod:`survey.reports.exports.tables`, the R zip by :mod:`survey.reports.exports.r`.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import tempfile
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd
import pyreadstat
from flask_babel import gettext as _
from sqlalchemy import func, select

from survey.audit.services import record
from survey.extensions import db
from survey.fieldwork import closed
from survey.questionnaires.models import Survey
from survey.reports.anonymity import export_notes
from survey.reports.exports.plan import Variable, export_plan, sav_number
from survey.reports.exports.r import r_export
from survey.reports.exports.records import records
from survey.reports.exports.tables import codebook_csv, codebook_xlsx, csv_export, file_chunks, xlsx_export
from survey.reports.results import background_keys, background_text, completed_filter, parse_background
from survey.responses.models import Response

MIMETYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "sav": "application/x-spss-sav",
    "dta": "application/x-stata-dta",
    "zip": "application/zip",
}
#: marks the file name of an export with raw (unscrubbed) open answers
RAW_MARK = "ONGESCHOOND"


@dataclass(frozen=True)
class Export:
    stream: Iterator[bytes]
    mimetype: str
    filename: str


def completed_count(survey_id: int) -> int:
    return int(db.session.scalar(select(func.count()).select_from(Response).where(completed_filter(survey_id))))


def background_variables(survey_id: int) -> tuple[str, ...]:
    """The background variables the completed responses of a round carry, sorted; after the close of
    fieldwork those they carried then (the close may have dropped a variable from every response: its
    column stays, empty, so the file has the same columns as before)."""
    frozen = closed.frozen_figures(survey_id)
    if frozen is not None:
        return tuple(frozen["reports"]["export_variables"])
    texts = db.session.scalars(select(background_text()).where(completed_filter(survey_id)).distinct())
    parsed: dict = {}
    return background_keys(parse_background(text, parsed) for text in texts)


def filename(survey: Survey, stem: str, extension: str) -> str:
    label = re.sub(r"[^A-Za-z0-9]+", "-", survey.round_label or "").strip("-")
    return f"{stem}-{survey.id}{'-' + label if label else ''}.{extension}"


def r_pair_export(survey: Survey, plan: list, raw: bool, notes) -> Export:
    """The R zip: ``antwoorden-R-12-2026.zip`` with ``antwoorden-12-2026.csv``, ``codeboek-12-2026.csv`` and
    ``inlezen.R`` (a raw export: ``ONGESCHOOND`` in the names of the zip and of the data file)."""
    data_name = filename(survey, data_stem(raw, False, "csv"), "csv")
    return Export(
        r_export(survey.id, plan, raw, data_name, filename(survey, "codeboek", "csv"), notes),
        MIMETYPES["zip"],
        filename(survey, data_stem(raw, False, "r"), "zip"),
    )


def audit_export(
    survey: Survey, fmt: str, plan: list, *, raw: bool = False, via: str = "web", token_id: int | None = None
) -> None:
    """The audit entry of an export: format, raw or not, how many responses and variables; no content."""
    details = {
        "format": fmt,
        "raw_text": raw,
        "responses": completed_count(survey.id),
        "variables": len(plan),
        "via": via,
    }
    if token_id is not None:
        details["token"] = token_id
    record("results.export_raw" if raw else "results.export", survey, **details)


def data_stem(raw: bool, labels: bool, fmt: str) -> str:
    """``antwoorden``, ``antwoorden-labels`` or ``antwoorden-ONGESCHOOND``: a raw file says so in its name."""
    stem = "antwoorden"
    if labels and fmt in ("csv", "xlsx"):
        stem += "-labels"
    if fmt == "r":
        stem += "-R"
    return f"{stem}-{RAW_MARK}" if raw else stem


def start_export(
    survey: Survey,
    fmt: str,
    *,
    raw: bool = False,
    semicolon: bool = False,
    labels: bool = False,
    sheet_names: tuple[str, str] = ("Antwoorden", "Codeboek"),
    via: str = "web",
    token_id: int | None = None,
) -> Export:
    """Plan an export, write its audit entry and return the (lazy) stream."""
    plan = export_plan(survey, background_variables(survey.id), raw=raw)
    audit_export(survey, fmt, plan, raw=raw, via=via, token_id=token_id)
    notes = export_notes(survey) if fmt in ("xlsx", "r", "codebook_csv", "codebook_xlsx", "sav") else ()
    stem = data_stem(raw, labels, fmt)
    if fmt == "csv":
        return Export(
            csv_export(survey.id, plan, raw, semicolon, labels), MIMETYPES["csv"], filename(survey, stem, "csv")
        )
    if fmt == "xlsx":
        return Export(
            xlsx_export(survey.id, plan, raw, labels, sheet_names, notes),
            MIMETYPES["xlsx"],
            filename(survey, stem, "xlsx"),
        )
    if fmt == "sav":
        return Export(sav_export(survey.id, plan, raw, notes), MIMETYPES["sav"], filename(survey, stem, "sav"))
    if fmt == "dta":
        return Export(dta_export(survey.id, plan, raw), MIMETYPES["dta"], filename(survey, stem, "dta"))
    if fmt == "r":
        return r_pair_export(survey, plan, raw, notes)
    if fmt == "codebook_csv":
        return Export(codebook_csv(plan, semicolon, notes), MIMETYPES["csv"], filename(survey, "codeboek", "csv"))
    if fmt == "codebook_xlsx":
        return Export(
            codebook_xlsx(plan, sheet_names[1], notes), MIMETYPES["xlsx"], filename(survey, "codeboek", "xlsx")
        )
    raise ValueError(f"unknown export format {fmt!r}")


#: records gathered before they become typed columns of the SPSS/Stata frame
SAV_CHUNK = 5_000


def _column(variable: Variable, values: list) -> np.ndarray:
    if variable.kind == "week":
        days = [v if isinstance(v, date) else None for v in values]
        return pd.to_datetime(pd.Series(days, dtype="object")).astype("datetime64[us]").to_numpy()
    if variable.numeric:
        return np.array([sav_number(variable, v) for v in values], dtype=np.float64)
    return np.array(["" if v is None else str(v) for v in values], dtype=object)


def sav_frame(survey_id: int, plan: list[Variable], raw: bool = False) -> pd.DataFrame:
    """The export as a DataFrame typed for SPSS, built a chunk of records at a time."""
    parts: list[list[np.ndarray]] = [[] for _ in plan]
    chunk: list[list] = []

    def flush():
        for i, variable in enumerate(plan):
            parts[i].append(_column(variable, [row[i] for row in chunk]))
        chunk.clear()

    for values in records(survey_id, plan, raw):
        chunk.append(values)
        if len(chunk) == SAV_CHUNK:
            flush()
    flush()
    return pd.DataFrame(
        {
            v.name: pd.Series(np.concatenate(p), dtype="object" if p[0].dtype == object else None)
            for v, p in zip(plan, parts, strict=True)
        }
    )


def EMPTY_CELL_NOTE() -> str:  # noqa: N802 - read as the note's name
    return _("An empty cell for language or background: not known, or left out so that nobody can be singled out.")


def write_sav(
    frame: pd.DataFrame, plan: list[Variable], path: str, file_label: str = "", notes: Sequence[str] = ()
) -> None:
    """Write the frame with the plan's labels, value labels, user-missing values, measure levels and display
    formats (whole numbers without decimals, the week as a date); ``notes`` become the file's documents
    (``DISPLAY DOCUMENTS``), and an empty language or background cell is user-missing."""
    numeric = [v for v in plan if v.numeric]
    missing: dict[str, list] = {
        v.name: [float(x.number) for x in v.values if x.missing] for v in numeric if any(x.missing for x in v.values)
    }
    missing |= {v.name: [""] for v in plan if v.kind in ("language", "background")}
    pyreadstat.write_sav(
        frame,
        path,
        file_label=file_label[:64],
        note=_document_lines([EMPTY_CELL_NOTE(), *notes]),
        column_labels={v.name: v.label[:255] for v in plan},
        variable_value_labels={
            v.name: {float(x.number): x.label[:120] for x in v.values if x.number is not None}
            for v in numeric
            if v.values
        },
        missing_ranges=missing,
        variable_measure={v.name: v.measure for v in plan if v.kind != "week"},
        variable_format=sav_formats(frame, plan),
    )


def _document_lines(notes: Sequence[str]) -> list[str]:
    """SPSS documents hold lines of at most 80 bytes (a curly quote takes three)."""
    lines = []
    for note in notes:
        width, wrapped = 80, textwrap.wrap(note, 80)
        while any(len(line.encode()) > 80 for line in wrapped):
            width -= 4
            wrapped = textwrap.wrap(note, width)
        lines += wrapped
    return lines


def sav_formats(frame: pd.DataFrame, plan: list[Variable]) -> dict[str, str]:
    """SPSS display formats: ``F2.0`` for codes such as 1-5 and 98 (not ``5.00``), the week as ``EDATE10``
    (02.03.2026); a column with fractions keeps SPSS's default."""
    formats = {}
    for variable in plan:
        if variable.kind == "week":
            formats[variable.name] = "EDATE10"
        elif variable.numeric:
            column = pd.to_numeric(frame[variable.name], errors="coerce").dropna()
            if (column % 1 == 0).all():
                digits = len(str(int(column.abs().max()))) if len(column) else 1
                formats[variable.name] = f"F{digits + bool((column < 0).any())}.0"
    return formats


def sav_export(survey_id: int, plan: list[Variable], raw: bool = False, notes: Sequence[str] = ()) -> Iterator[bytes]:
    """The response export as a streamed .sav file (a raw export says so in its file label)."""
    return frame_file(survey_id, plan, raw, "export.sav", functools.partial(write_sav, notes=notes))


def frame_file(survey_id: int, plan: list[Variable], raw: bool, name: str, write) -> Iterator[bytes]:
    """Gather the frame, write it with ``write(frame, plan, path, file_label)`` and stream the file."""
    directory = tempfile.mkdtemp(prefix="export-")
    path = os.path.join(directory, name)
    try:
        frame = sav_frame(survey_id, plan, raw)
        write(frame, plan, path, _("RAW open answers, not scrubbed") if raw else "")
        del frame
    except BaseException:
        shutil.rmtree(directory, ignore_errors=True)
        raise
    yield from file_chunks(directory, path)


STATA_NAME = 32
STATA_LABEL = 80
#: SPSS user-missing number → Stata extended missing value
EXTENDED = {98.0: "a", 99.0: "b"}


def stata_names(plan: list[Variable]) -> dict[str, str]:
    """{export name: Stata name}: at most 32 characters and unique (case-insensitive)."""
    used: set[str] = set()
    names = {}
    for variable in plan:
        base = candidate = variable.name[:STATA_NAME]
        n = 1
        while candidate.lower() in used:
            n += 1
            candidate = f"{base[: STATA_NAME - len(str(n)) - 1]}_{n}"
        used.add(candidate.lower())
        names[variable.name] = candidate
    return names


def _missing_column(values: pd.Series, missing: dict[float, str]) -> pd.Series:
    # plain floats: pyreadstat takes a column of numpy floats and letters for text
    return pd.Series(
        [missing.get(v, float(v)) if not np.isnan(v) else np.nan for v in values.to_numpy()],
        dtype="object",
        index=values.index,
    )


def write_dta(frame: pd.DataFrame, plan: list[Variable], path: str, file_label: str = "") -> None:
    """Write the frame with variable labels, integer value labels and ``.a``/``.b`` for 98/99."""
    names = stata_names(plan)
    value_labels, missing_values = {}, {}
    for variable in plan:
        if not variable.numeric or not variable.values:
            continue
        missing = {x.number: EXTENDED[x.number] for x in variable.values if x.missing and x.number in EXTENDED}
        labels = {
            (missing.get(x.number) or int(x.number)): x.label[:STATA_LABEL]
            for x in variable.values
            if x.number is not None and (x.number in missing or float(x.number).is_integer())
        }
        if missing:
            frame[variable.name] = _missing_column(frame[variable.name], missing)
            missing_values[names[variable.name]] = sorted(missing.values())
        value_labels[names[variable.name]] = labels
    pyreadstat.write_dta(
        frame.rename(columns=names),
        path,
        file_label=file_label[:STATA_LABEL],
        column_labels={names[v.name]: v.label[:STATA_LABEL] for v in plan},
        variable_value_labels=value_labels,
        missing_user_values=missing_values,
        version=15,
    )


def dta_export(survey_id: int, plan: list[Variable], raw: bool = False) -> Iterator[bytes]:
    """The response export as a streamed .dta file."""
    return frame_file(survey_id, plan, raw, "export.dta", write_dta)
