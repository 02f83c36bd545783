"""PostgreSQL runs share one database: after a test, what it wrote is gone and ids start at 1 again, also
for rows another process wrote (a gunicorn worker, a job consumer), while untouched tables are left alone."""

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from survey.accounts.models import Region
from survey.audit.models import AuditEntry
from survey.database import Base
from survey.extensions import db as _db
from tests.helpers import TableReset


@pytest.mark.postgresql
def test_what_a_test_wrote_is_emptied_and_its_ids_restart(app, db, region):
    other_process = create_engine(_db.engine.url)
    with Session(other_process) as session:  # rows written outside the test's own session
        session.add_all([Region(slug="tweede", name="Tweede regio"), AuditEntry(action="test")])
        session.commit()
    other_process.dispose()
    reset = TableReset(Base.metadata)
    with _db.engine.connect() as conn:
        touched, sequences = reset.touched(conn)
    assert set(touched) == {"region", "audit_entry"}
    assert any(name.endswith("region_id_seq") for name in sequences)

    assert set(reset(_db.engine)) == {"region", "audit_entry"}
    with _db.engine.begin() as conn:
        assert conn.execute(text("SELECT count(*) FROM region")).scalar() == 0
        assert conn.execute(text("SELECT nextval('region_id_seq')")).scalar() == 1  # ids start at 1 again
    assert reset(_db.engine) == []  # only a sequence was used: no table to empty, the sequence restarts
    with _db.engine.connect() as conn:
        assert reset.touched(conn) == ([], [])
