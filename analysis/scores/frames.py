"""Answers as tidy DataFrames: the input shape of every computation in ``analysis``.

Two frames describe one survey round (*meting*):

``answers`` - long/tidy, one row per given answer:

============  ==========================================================================
column        meaning
============  ==========================================================================
response_id   the anonymous response (any hashable scalar: int or str), never a person id
item_code     the stable item code (``T1``, ``K2``, ``R1``, ``O1`` ...), same across languages
value         the stored code of the answer, always text: agreement ``"5"`` .. ``"1"`` or the
              escapes ``"weet_niet"`` / ``"nvt"``; frequency ``"altijd"`` .. ``"nooit"``;
              grade ``"1"`` .. ``"10"``; a choice code; the open text itself
============  ==========================================================================

A question that was not answered has **no row** (empty strings and missing values are dropped).
A multiple-choice question has one row per chosen option, all with the same response_id and
item_code. Any other column is ignored by the scoring functions.

``respondents`` - one row per response, indexed by ``response_id``, with the coarse background
columns used for breakdowns: ``gemeente``, ``age_band`` (12-15, 16-17, 18-23), ``help_kind``,
``language`` (``nl``, ``en``, ``ar`` ...), ``role`` (respondent role), and optionally ``completed``
(bool). Background values are labels, shown as they are. When the background columns arrive repeated
on every answer row, :func:`split_background` separates them.

Build both with :func:`answers_frame` and :func:`respondents_frame`; they check the shape and set
compact dtypes (``item_code`` categorical) so a 100k-response round stays fast.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

RESPONSE_ID = "response_id"
ITEM_CODE = "item_code"
VALUE = "value"
ANSWER_COLUMNS = (RESPONSE_ID, ITEM_CODE, VALUE)
#: the background columns the platform asks; others are allowed
BACKGROUND_COLUMNS = ("gemeente", "age_band", "help_kind", "language", "role")
#: separator between item code and option code in wide multiple-choice columns (``Q5__sport``)
WIDE_SEPARATOR = "__"


def answers_frame(rows: Iterable | pd.DataFrame) -> pd.DataFrame:
    """A checked long answers frame from rows of (response_id, item_code, value) or a DataFrame."""
    if isinstance(rows, pd.DataFrame):
        frame = rows
    else:
        frame = pd.DataFrame.from_records(
            list(rows) if not isinstance(rows, list) else rows, columns=list(ANSWER_COLUMNS)
        )
    missing = [c for c in ANSWER_COLUMNS if c not in frame.columns]
    if missing:
        raise ValueError(f"answers frame lacks column(s): {', '.join(missing)}")
    if frame[RESPONSE_ID].isna().any():
        raise ValueError("answers frame has rows without a response_id")
    if frame[ITEM_CODE].isna().any():
        raise ValueError("answers frame has rows without an item_code")
    value = frame[VALUE].astype("str")
    keep = frame[VALUE].notna() & (value.str.len() > 0)
    out = frame.loc[keep, list(ANSWER_COLUMNS)].copy()
    out[VALUE] = value[keep]
    out[ITEM_CODE] = out[ITEM_CODE].astype("str").astype("category")
    return out.reset_index(drop=True)


def respondents_frame(rows: Iterable | pd.DataFrame, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """A respondents frame indexed by response_id; rows are dicts/tuples or a DataFrame."""
    if isinstance(rows, pd.DataFrame):
        frame = rows.reset_index() if rows.index.name == RESPONSE_ID else rows
    else:
        frame = pd.DataFrame.from_records(list(rows), columns=list(columns) if columns else None)
    if RESPONSE_ID not in frame.columns:
        raise ValueError("respondents frame lacks column: response_id")
    if frame[RESPONSE_ID].duplicated().any():
        dupes = frame.loc[frame[RESPONSE_ID].duplicated(), RESPONSE_ID].head(3).tolist()
        raise ValueError(f"respondents frame repeats response_id(s): {dupes}")
    return frame.set_index(RESPONSE_ID)


def split_background(long: pd.DataFrame, columns: Sequence[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split a long frame that repeats background columns on every row into (answers, respondents)."""
    background = long[[RESPONSE_ID, *columns]].drop_duplicates()
    if background[RESPONSE_ID].duplicated().any():
        raise ValueError("a response has conflicting background values across its answer rows")
    return answers_frame(long), respondents_frame(background)


def group_of(answers: pd.DataFrame, respondents: pd.DataFrame, column: str) -> pd.Series:
    """The background value of ``column`` for every answer row (NaN when the respondent lacks it)."""
    if column not in respondents.columns:
        raise ValueError(f"respondents frame has no background column {column!r}")
    mapped = answers[RESPONSE_ID].map(respondents[column])
    if len(answers) and len(respondents) and not answers[RESPONSE_ID].isin(respondents.index).any():
        raise ValueError("no answer matches a respondent: are both response_id columns of the same type?")
    return mapped.rename(column)


def item_rows(answers: pd.DataFrame, item_codes: Iterable[str]) -> pd.DataFrame:
    """The answer rows of the given items only."""
    return answers[answers[ITEM_CODE].isin(list(item_codes))]


def to_wide(
    answers: pd.DataFrame, multiple: Iterable[str] = (), respondents: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per response and one column per item; multiple-choice items become 0/1 columns.

    A multiple-choice item ``Q5`` becomes one column per chosen option, ``Q5__<code>``, holding 1 when
    the respondent chose it and 0 when they answered Q5 without choosing it (NA when Q5 was not
    answered at all). Single items with more than one row for a response raise ValueError.
    Background columns of ``respondents`` are joined on the left when given.
    """
    multiple = set(multiple)
    is_multi = answers[ITEM_CODE].isin(list(multiple))
    single = answers.loc[~is_multi]
    repeated = single.duplicated([RESPONSE_ID, ITEM_CODE])
    if repeated.any():
        bad = sorted(single.loc[repeated, ITEM_CODE].astype("str").unique())
        raise ValueError(f"items with several answers per response (pass them as multiple): {bad}")
    wide = single.pivot(index=RESPONSE_ID, columns=ITEM_CODE, values=VALUE)
    wide.columns = wide.columns.astype("str")
    wide.columns.name = None
    parts = [wide, *(_multi_columns(answers.loc[answers[ITEM_CODE] == code], code) for code in sorted(multiple))]
    out = pd.concat(parts, axis=1)
    out.index.name = RESPONSE_ID
    if respondents is not None:
        out = respondents.join(out, how="left")
    return out


def _multi_columns(rows: pd.DataFrame, code: str) -> pd.DataFrame:
    if rows.empty:
        return pd.DataFrame(index=pd.Index([], name=RESPONSE_ID))
    flags = pd.crosstab(rows[RESPONSE_ID], rows[VALUE]).clip(upper=1).astype("Int64")
    flags.columns = [f"{code}{WIDE_SEPARATOR}{c}" for c in flags.columns]
    flags.index.name = RESPONSE_ID
    return flags


def from_wide(wide: pd.DataFrame, items: Iterable[str]) -> pd.DataFrame:
    """The long answers frame back from a wide one (single-answer item columns only)."""
    long = (
        wide[list(items)]
        .rename_axis(RESPONSE_ID)
        .reset_index()
        .melt(id_vars=RESPONSE_ID, var_name=ITEM_CODE, value_name=VALUE)
    )
    return answers_frame(long.dropna(subset=[VALUE]))
