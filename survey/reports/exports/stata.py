"""The response export as a Stata ``.dta`` file, from the same typed frame as the SPSS file.

Stata has no user-missing numbers: the escape answers *weet ik niet* (98) and *niet van toepassing* (99)
become the extended missing values ``.a`` and ``.b``, each with its value label, so a mean in Stata leaves
them out as SPSS does. Variable names are cut to Stata's 32 characters (kept unique), labels to 80.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pandas as pd
import pyreadstat

from survey.reports.exports.codebook import Variable
from survey.reports.exports.spss import frame_file

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
