"""Loading a round for its results: grouped counts from the database, one query per table.

A results page needs counts, not rows. Completed responses are grouped into *profiles* (language and
coarse background, the only things a filter or breakdown can use; as :mod:`survey.reports.anonymity`
lets them be shown: k over the combination) and their answers are counted per
profile, item and answer code in the database: one grouped query over the responses and one over the
answers (open texts are counted, never read). The answer counts of a round are kept in
:class:`survey.reports.models.ResultsCache` until its completed responses or its questionnaire change,
because counting means visiting every answer row. From these small tables every view is derived:
``tally()`` gives the counts in the shape of :func:`analysis.scores.items.tally`, ``respondents`` one row per
respondent (profile columns only) for :mod:`analysis.scores.breakdowns`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from analysis.scores.breakdowns import UNKNOWN_GROUP
from analysis.scores.frames import answers_frame
from survey.extensions import db
from survey.questionnaires.models import Survey
from survey.reports.items import REPEAT_SEPARATOR, ReportItem, report_items
from survey.reports.models import ResultsCache
from survey.responses.models import Answer, Response, ResponseStatus

BATCH = 20_000
#: respondent columns that are not background variables
META_COLUMNS = ("language", "channel", "week")
#: bump when the cached counts change shape
CACHE_FORMAT = "1"


def completed_filter(survey_id: int):
    """The where-clause of a round's completed responses (plain values, so :func:`raw_stream` can bind them)."""
    return (Response.survey_id == int(survey_id)) & (Response.status == ResponseStatus.COMPLETED.value)


def completed_counts(survey_ids: list[int]) -> dict[int, int]:
    """Completed responses per survey (surveys without any are left out)."""
    if not survey_ids:
        return {}
    return dict(
        db.session.execute(
            select(Response.survey_id, func.count())
            .where(Response.survey_id.in_(survey_ids), Response.status == ResponseStatus.COMPLETED)
            .group_by(Response.survey_id)
        ).all()
    )


def raw_stream(stmt, batch: int = BATCH) -> Iterator[tuple]:
    """The rows of a select as the driver returns them, read in batches from the driver's own cursor.

    For exports of 100k responses the row objects and type conversion of SQLAlchemy cost more than the
    query itself, so the big streams skip them: values arrive as the driver makes them (a date may be a
    string on SQLite). Parameters must be plain values. PostgreSQL reads through a server-side cursor, so
    rows are not all held in memory.
    """
    connection = db.session.connection()
    compiled = stmt.compile(dialect=connection.dialect, compile_kwargs={"render_postcompile": True})
    params = compiled.params
    if compiled.positional:
        params = tuple(params[name] for name in compiled.positiontup)
    dbapi = connection.connection
    cursor = dbapi.cursor(name=f"stream_{id(stmt)}") if connection.dialect.name == "postgresql" else dbapi.cursor()
    try:
        cursor.execute(str(compiled), params)
        while rows := cursor.fetchmany(batch):
            yield from rows
    finally:
        cursor.close()


def background_text():
    """The background as text (JSON), so the database can group on it (PostgreSQL cannot group json)."""
    return sa.cast(Response.background, sa.Text)


def parse_background(text: str | None, cache: dict) -> dict:
    """A background dict from its JSON text, each distinct text parsed once."""
    if text not in cache:
        try:
            value = json.loads(text) if text else {}
        except ValueError:
            value = {}
        cache[text] = value if isinstance(value, dict) else {}
    return cache[text]


def background_keys(backgrounds: Iterable[dict | None]) -> tuple[str, ...]:
    """The background variables that occur (never a respondent column name), sorted."""
    seen: dict[str, None] = {}
    for background in backgrounds:
        for key in background or {}:
            if key not in META_COLUMNS:
                seen.setdefault(str(key), None)
    return tuple(sorted(seen))


@dataclass(frozen=True, eq=False)
class RoundData:
    """One round as profiles and grouped answer counts (see the module docstring)."""

    survey: Survey
    items: list[ReportItem]
    #: one row per profile: language, the background variables, n (respondents), key (language, text)
    profiles: pd.DataFrame
    #: profile, item_code, value, count; open items count answers with value ""
    counts: pd.DataFrame
    variables: tuple[str, ...] = field(default=())
    #: respondents whose language or a background value is shown as onbekend (k over the combination)
    generalised: int = 0

    @property
    def n(self) -> int:
        """Completed responses in the round."""
        return int(self.profiles["n"].sum()) if len(self.profiles) else 0

    @cached_property
    def respondents(self) -> pd.DataFrame:
        """One row per respondent: language, background variables and profile (no identities)."""
        columns = ["language", *self.variables]
        frame = self.profiles.loc[self.profiles.index.repeat(self.profiles["n"]), columns]
        frame = frame.assign(profile=np.repeat(self.profiles.index.to_numpy(), self.profiles["n"].to_numpy()))
        frame.index = pd.RangeIndex(len(frame), name="response_id")
        return frame

    def tally(
        self, item_codes: Iterable[str], profiles: Iterable[int] | None = None, by: Iterable[str] = ()
    ) -> pd.DataFrame:
        """Counts per [by...], item_code and value, as :func:`analysis.scores.items.tally` gives them."""
        by = list(by)
        counts = self.counts[self.counts["item_code"].isin(list(item_codes))]
        if profiles is not None:
            counts = counts[counts["profile"].isin(list(profiles))]
        if by:
            groups = self.profiles[by].astype("object").where(self.profiles[by].notna(), UNKNOWN_GROUP)
            counts = counts.join(groups, on="profile")
        grouped = counts.groupby([*by, "item_code", "value"], sort=False, observed=True)["count"].sum()
        return grouped.reset_index()

    def answered(self, item_code: str, profiles: Iterable[int] | None = None) -> int:
        """How many respondents answered an item (for open items: wrote something)."""
        rows = self.counts[self.counts["item_code"] == item_code]
        if profiles is not None:
            rows = rows[rows["profile"].isin(list(profiles))]
        return int(rows["count"].sum())

    def choice_answers(self, item: ReportItem, profiles: Iterable[int] | None = None) -> pd.DataFrame:
        """A long answers frame of a choice item for :func:`analysis.scores.items.choice_distribution`.

        Each counted answer becomes a row with a running number as its response id (one per respondent
        who answered the item); a multiple-choice answer gives one row per chosen code.
        """
        rows = self.counts[self.counts["item_code"] == item.code]
        if profiles is not None:
            rows = rows[rows["profile"].isin(list(profiles))]
        ids, values, start = [], [], 0
        for value, count in zip(rows["value"], rows["count"], strict=True):
            chosen = decode_multi(value) if item.kind == "multi" else [value]
            for code in chosen:
                ids.append(np.arange(start, start + count))
                values.append(np.full(count, code, dtype=object))
            start += count
        frame = pd.DataFrame(
            {
                "response_id": np.concatenate(ids) if ids else np.array([], dtype=np.int64),
                "item_code": item.code,
                "value": np.concatenate(values) if values else np.array([], dtype=object),
            }
        )
        return answers_frame(frame)


def decode_multi(value: str) -> list[str]:
    """The chosen codes of a stored multiple-choice answer (a JSON list; a plain code is one choice)."""
    try:
        decoded = json.loads(value)
    except (TypeError, ValueError):
        return [value] if value else []
    if isinstance(decoded, list):
        return [str(v) for v in decoded if v not in (None, "")]
    return [str(decoded)]


def profile_rows(survey_id: int) -> list[tuple[str, str | None, int]]:
    """(language, background text, respondents) per profile of the completed responses."""
    stmt = (
        select(Response.language, background_text(), func.count())
        .where(completed_filter(survey_id))
        .group_by(Response.language, background_text())
    )
    return [(language, text, int(n)) for language, text, n in db.session.execute(stmt)]


def counted_rows(survey_id: int, coded_items: Iterable[str]) -> list[list]:
    """[language, background text, item code, instance, value, count] of the completed responses' answers.

    Only the values of ``coded_items`` (items answered with codes or numbers) are read; every other
    answer (open text, or an item the questionnaire no longer has) is counted with the value "", so no
    text is ever read or kept."""
    coded_items = sorted(set(coded_items))
    value = (
        sa.case((Answer.item_code.in_(coded_items), Answer.value), else_=sa.literal_column("''"))
        if coded_items
        else sa.literal_column("''")
    ).label("answer_value")
    groups = [Response.language, background_text(), Answer.item_code, Answer.instance]
    if coded_items:  # PostgreSQL refuses a constant in GROUP BY
        groups.append(value)
    stmt = (
        select(Response.language, background_text(), Answer.item_code, Answer.instance, value, func.count())
        .join(Response, Response.id == Answer.response_id)
        .where(completed_filter(survey_id))
        .group_by(*groups)
    )
    return [
        [language, text, code, instance, v, int(n)] for language, text, code, instance, v, n in db.session.execute(stmt)
    ]


def fingerprint(survey: Survey) -> str:
    """What the counts of a round depend on: its completed responses and its questionnaire version.

    A completed response's answers never change; a new one, a purged one or a reopened one changes the
    count, the sum of the rows' version counters or the smallest/largest (random) id.
    """
    row = db.session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(Response.lock_version), 0),
            func.min(Response.id),
            func.max(Response.id),
        ).where(completed_filter(survey.id))
    ).one()
    versions = ",".join(f"{v.id}.{v.lock_version}" for v in survey.versions)
    return f"{CACHE_FORMAT}|{row[0]}|{row[1]}|{row[2] or ''}|{row[3] or ''}|{versions}"[:200]


def cached_counts(survey: Survey, coded_items: Iterable[str]) -> list[list]:
    """The grouped answer counts of a round, from the cache when its data did not change."""
    key = fingerprint(survey)
    cache = db.session.get(ResultsCache, survey.id)
    if cache is not None and cache.fingerprint == key:
        return cache.counts
    rows = counted_rows(survey.id, coded_items)
    try:
        with db.session.begin_nested():
            if cache is None:
                db.session.add(ResultsCache(survey_id=survey.id, fingerprint=key, counts=rows))
            else:
                cache.fingerprint, cache.counts = key, rows
    except IntegrityError:  # another request stored the same counts at the same moment
        pass
    return rows


def _profiles(rows: list[tuple[str, str | None, int]], shown) -> tuple[pd.DataFrame, tuple[str, ...], dict]:
    """One row per stored profile, with the language and background values the combination rule lets
    the round show (``shown``: :class:`survey.reports.anonymity.Shown`); ``key`` stays the stored one."""
    profiles = [shown.of(language, text) for language, text, _n in rows]
    variables = background_keys(background for _l, background in profiles)
    data = {"language": [language or UNKNOWN_GROUP for language, _b in profiles]}
    for variable in variables:
        data[variable] = [None if b.get(variable) in (None, "") else str(b.get(variable)) for _l, b in profiles]
    frame = pd.DataFrame(data, dtype="object")
    frame["n"] = pd.Series([n for _l, _t, n in rows], dtype="int64")
    frame["key"] = [(language, text) for language, text, _n in rows]
    frame.index.name = "profile"
    return frame, variables, {key: i for i, key in enumerate(frame["key"])}


def _counts(rows: list[list], index: dict) -> pd.DataFrame:
    profile, codes, values, counts = [], [], [], []
    for language, text, code, instance, value, count in rows:
        position = index.get((language, text))
        if position is None:  # a response completed between the two queries
            continue
        profile.append(position)
        codes.append(f"{code}{REPEAT_SEPARATOR}{instance}" if instance else code)
        values.append(value)
        counts.append(count)
    return pd.DataFrame(
        {
            "profile": pd.Series(profile, dtype="int64"),
            "item_code": pd.Series(codes, dtype=object),
            "value": pd.Series(values, dtype=object),
            "count": pd.Series(counts, dtype="int64"),
        }
    )


def load_round(survey: Survey, items: list[ReportItem] | None = None) -> RoundData:
    """The profiles and grouped answer counts of a round (see the module docstring)."""
    items = report_items(survey) if items is None else items
    from survey.reports.anonymity import shown_profiles  # it reads this module's helpers

    shown = shown_profiles(survey)
    profiles, variables, index = _profiles(profile_rows(survey.id), shown)
    coded_items = [i.stored_code for i in report_items(survey) if not i.is_open]
    counts = _counts(cached_counts(survey, coded_items), index)
    counts = counts[
        counts["value"].notna() & (counts["value"].astype(str) != "")
        | counts["item_code"].isin([i.code for i in items if i.is_open])
    ]
    return RoundData(
        survey=survey,
        items=items,
        profiles=profiles,
        counts=counts.reset_index(drop=True),
        variables=variables,
        generalised=shown.generalised,
    )
