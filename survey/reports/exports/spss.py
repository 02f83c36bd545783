"""The response export as an SPSS ``.sav`` file with variable labels, value labels and missing values.

pyreadstat writes a whole DataFrame at once, so the data are gathered first, compactly: numeric
variables as float64 arrays (8 bytes a cell), text as object arrays filled per chunk of records. For
100k responses of a 15-item CEO that is about 30 MB of numbers plus the open texts (see
``docs/benchmarks.md`` for the measured peak). The file is written to a temporary directory, streamed
and removed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import date

import numpy as np
import pandas as pd
import pyreadstat
from flask_babel import gettext as _

from survey.reports.exports.codebook import Variable
from survey.reports.exports.rows import records
from survey.reports.exports.tables import file_chunks

CHUNK = 5_000


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

    for record in records(survey_id, plan, raw):
        chunk.append(record)
        if len(chunk) == CHUNK:
            flush()
    flush()
    return pd.DataFrame(
        {
            v.name: pd.Series(np.concatenate(p), dtype="object" if p[0].dtype == object else None)
            for v, p in zip(plan, parts, strict=True)
        }
    )


def write_sav(frame: pd.DataFrame, plan: list[Variable], path: str, file_label: str = "") -> None:
    """Write the frame with the plan's labels, value labels, user-missing values and measure levels."""
    numeric = [v for v in plan if v.numeric]
    pyreadstat.write_sav(
        frame,
        path,
        file_label=file_label[:64],
        column_labels={v.name: v.label[:255] for v in plan},
        variable_value_labels={
            v.name: {float(x.number): x.label[:120] for x in v.values if x.number is not None}
            for v in numeric
            if v.values
        },
        missing_ranges={
            v.name: [float(x.number) for x in v.values if x.missing]
            for v in numeric
            if any(x.missing for x in v.values)
        },
        variable_measure={v.name: v.measure for v in plan if v.kind != "week"},
    )


def sav_export(survey_id: int, plan: list[Variable], raw: bool = False) -> Iterator[bytes]:
    """The response export as a streamed .sav file (a raw export says so in its file label)."""
    return frame_file(survey_id, plan, raw, "export.sav", write_sav)


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
