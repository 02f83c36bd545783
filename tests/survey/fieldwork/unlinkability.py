"""Checks on a complete database dump: no answer can be joined to a contact.

``dump_database`` takes every row of every table (SQLite: ``iterdump()`` loaded into a fresh in-memory
database; PostgreSQL: all rows of all tables). ``assert_unlinkable`` then uses the test's ground truth (which
invitation gave which response) to show that no value of a response or its answers points to its own
invitation among fewer than k invitees — not directly, not through a JSON category, and not through the
week an invitee started.
"""

import hashlib
import json
import re
import sqlite3
from collections import defaultdict
from datetime import date, datetime, timedelta

from sqlalchemy import MetaData, select

#: response and answer columns that are bookkeeping shared by whole surveys, not about a person
ALLOWED = {
    ("response", "survey_id"),
    ("response", "version_id"),
    ("response", "position"),
    ("response", "lock_version"),
    ("response", "status"),
    ("response", "channel"),
    ("answer", "id"),
    ("answer", "response_id"),
}
RESPONSE_COLUMNS = {
    "id",
    "survey_id",
    "version_id",
    "channel",
    "language",
    "status",
    "week",
    "background",
    "resume_hash",
    "resume_code_hash",
    "start_hash",
    "position",
    "lock_version",
}
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
SUSPECT_NAMES = re.compile(r"token|invitation|email|mail|address|adres|ip|agent|time|created|updated|contact")


def dump_database(db) -> tuple[str, dict[str, list[dict]]]:
    """The whole database as text (to search) and as rows per table (to join)."""
    if db.engine.dialect.name == "sqlite":
        raw = db.engine.raw_connection()
        try:
            lines = list(raw.driver_connection.iterdump())
        finally:
            raw.close()
        text = "\n".join(lines)
        copy = sqlite3.connect(":memory:")
        copy.executescript(text)
        copy.row_factory = sqlite3.Row
        tables = [r[0] for r in copy.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        rows = {t: [dict(r) for r in copy.execute(f'SELECT * FROM "{t}"')] for t in tables}  # noqa: S608
        copy.close()
        return text, rows
    meta = MetaData()
    meta.reflect(db.engine)
    with db.engine.connect() as conn:
        rows = {t.name: [dict(r._mapping) for r in conn.execute(select(t))] for t in meta.sorted_tables}
    return repr(rows), rows


def atoms(value) -> set:
    """Comparable pieces of a stored value: JSON objects give key=value pairs and their values, dates become
    ISO text; numbers stay numbers (a stored 5 is not the text "5")."""
    if value is None or value == "":
        return set()
    if isinstance(value, dict):
        return {f"{k}={v}" for k, v in value.items()} | {a for v in value.values() for a in atoms(v)}
    if isinstance(value, str) and value.startswith("{"):
        try:
            decoded = json.loads(value)
        except ValueError:
            return {value}
        return atoms(decoded) if isinstance(decoded, dict) else {value}
    if isinstance(value, datetime | date):
        return {value.isoformat()}
    if isinstance(value, bytes | memoryview):
        return {bytes(value).hex()}
    return {value}


def monday(value) -> str | None:
    if value in (None, ""):
        return None
    day = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return (day - timedelta(days=day.weekday())).isoformat()


def assert_unlinkable(db, truth: dict[str, int], secrets: list[str], k: int) -> None:
    """truth: response id → the invitation it came from; secrets: every token and short code handed out."""
    text, tables = dump_database(db)
    responses, answers, invitations = tables["response"], tables["answer"], tables["invitation"]
    assert responses and invitations

    # no personal token or short code is stored anywhere; their hashes never sit with answers
    assert not [s for s in secrets if s in text]
    hashes = {hashlib.sha256(s.encode()).hexdigest() for s in secrets}
    answer_side = repr(responses) + repr(answers)
    assert not [h for h in hashes if h in answer_side]

    # neither side refers to the other
    from survey.database import Base

    for name in ("response", "answer"):
        assert {fk.column.table.name for fk in Base.metadata.tables[name].foreign_keys} <= {
            "survey",
            "survey_version",
            "response",
        }
    assert {fk.column.table.name for fk in Base.metadata.tables["invitation"].foreign_keys} == {"survey"}

    # the response table holds no identifying columns and only a week
    assert set(responses[0]) == RESPONSE_COLUMNS
    assert not [c for c in set(responses[0]) | set(answers[0]) if SUSPECT_NAMES.search(c)]
    for r in responses:
        assert monday(r["week"]) == (r["week"].isoformat() if isinstance(r["week"], date) else r["week"])
    ids = [r["id"] for r in responses]
    assert all(re.fullmatch(r"[0-9a-f]{32}", i) for i in ids) and len(set(ids)) == len(ids)
    made = list(truth)  # the order the responses were made in
    assert made != sorted(made), "response ids should not follow the order they were made in"
    if db.engine.dialect.name == "sqlite":  # PostgreSQL's heap keeps the order rows were written in (docs/security.md)
        assert ids != made or len(ids) < 3, "a dump should not list the responses in the order they were made in"

    # a distinctive value (ids, hashes, texts) of a response never appears in any invitation row; the week and
    # the coarse background categories, which many invitees share, are checked by the join below
    invitation_values = {a for row in invitations for v in row.values() for a in atoms(v)}
    for row in responses + answers:
        for c, v in row.items():
            if c == "background":
                continue
            distinctive = {a for a in atoms(v) if isinstance(a, str) and len(a) >= 8 and not ISO_DAY.fullmatch(a)}
            assert not (distinctive & invitation_values), distinctive & invitation_values

    # joining on any column (or on the week an invitee started) never singles out the true invitation
    index = defaultdict(lambda: defaultdict(set))
    for row in invitations:
        for column, value in row.items():
            for a in atoms(value):
                index[column][a].add(row["id"])
            if column.endswith("_on") and value:
                index["week of " + column][monday(value)].add(row["id"])
    answers_of = defaultdict(list)
    for a in answers:
        answers_of[a["response_id"]].append(a)
    by_id = {row["id"]: row for row in invitations}
    for r in responses:
        own = by_id[truth[r["id"]]]
        values = [("response", c, v) for c, v in r.items()] + [
            ("answer", c, v) for a in answers_of[r["id"]] for c, v in a.items()
        ]
        for table, column, value in values:
            if (table, column) in ALLOWED:
                continue
            for a in atoms(value):
                for inv_column, groups in index.items():
                    candidates = groups.get(a, set())
                    if own["id"] in candidates:
                        assert len(candidates) >= k, (table, column, a, inv_column, len(candidates))


def insertion_order(db) -> list[str]:
    """Response ids in the order a dump of the database lists them: the physical row order (SQLite: a scan of
    the table itself, in the order of its random key since the table has no rowid; PostgreSQL's heap position,
    ctid, which follows the order the responses were stored)."""
    from sqlalchemy import text

    order = "" if db.engine.dialect.name == "sqlite" else " ORDER BY ctid"
    return [row.id for row in db.session.execute(text(f"SELECT * FROM response{order}"))]  # noqa: S608


#: invitation columns that say when something happened to an invitee (the id says only import order)
TIME_LIKE = re.compile(r"_on$|^started$|^completed$|^reminder_count$")


def assert_no_rank_link(db, truth: dict[str, int], k: int) -> None:
    """The rank-order attack: line up the responses in the order they were stored with the invitees, sorted
    by any ledger column that says when something happened to them. Invitees that share a value form a
    block, and a response can at best be narrowed down to its invitee's block. The attacker is granted the
    best alignment of the two orders (whichever end a block sits at), so the rule does not depend on the
    storage order the engine happens to choose: every block that holds a responding invitee has at least k
    invitees. A block counts every invitee with that value, not only those who answered: an entry the ledger
    has not yet applied looks like an invitee who never started, and nothing in the dump tells them apart."""
    _text, tables = dump_database(db)
    order = insertion_order(db)
    answering = {truth[r] for r in order}
    invitations = tables["invitation"]
    assert answering <= {row["id"] for row in invitations}
    for column in sorted(c for c in invitations[0] if TIME_LIKE.search(c)):
        blocks: dict[str, set[int]] = defaultdict(set)
        for row in invitations:
            blocks[str(row[column])].add(row["id"])
        for value, block in blocks.items():
            assert not block & answering or len(block) >= k, (column, value, len(block), len(block & answering))
