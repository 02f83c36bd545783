"""No time finer than a day sits beside an answer: every table that hangs off a response (directly or through
an answer) stores at most a date, so no row says when an answer was given, coded or scrubbed."""

import sqlalchemy as sa

from survey.database import Base, import_models


def answer_side_tables() -> list[sa.Table]:
    """``response`` and every table with a foreign key chain to it."""
    import_models()
    found = {"response"}
    changed = True
    while changed:
        changed = False
        for table in Base.metadata.sorted_tables:
            if table.name not in found and any(fk.column.table.name in found for fk in table.foreign_keys):
                found.add(table.name)
                changed = True
    return [Base.metadata.tables[name] for name in sorted(found)]


def test_answer_side_tables_keep_no_time_finer_than_a_day():
    tables = answer_side_tables()
    assert {"response", "answer", "coded_answer", "answer_code", "answer_kind", "second_coding"} <= {
        t.name for t in tables
    }
    timed = [
        f"{t.name}.{c.name}"
        for t in tables
        for c in t.columns
        if isinstance(c.type, sa.DateTime | sa.Time | sa.Interval)
    ]
    assert timed == []
