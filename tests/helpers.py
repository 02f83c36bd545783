"""Constants and small helpers shared by tests."""

TEST_PASSWORD = "correct horse battery staple"  # noqa: S105 - test credential


def mark_started(invitation, day, route: str = "link") -> None:
    """An invitee who started, as the ledger has it after its next batch (the batch is applied at once)."""
    from survey.fieldwork import ledger

    ledger.note_start(invitation, route, day)
    settle_ledger(invitation.survey_id)


def mark_completed(invitation, day, route: str = "link") -> None:
    """An invitee who started and finished, the ledger's batch applied."""
    from survey.fieldwork import ledger

    ledger.note_start(invitation, route, day)
    ledger.note_completed(invitation, day)
    settle_ledger(invitation.survey_id)


def settle_ledger(survey_id: int) -> None:
    """Apply every pending ledger entry of a survey now (as fieldwork close does), and commit."""
    from survey.extensions import db
    from survey.fieldwork import ledger
    from survey.questionnaires.models import Survey

    ledger.apply_pending(db.session.get(Survey, survey_id), force=True)
    db.session.commit()


def release_leftover_transactions(engine) -> None:
    """PostgreSQL: a streamed response a test never read to the end (an export) keeps its request's
    transaction open, and the next TRUNCATE or update would wait for it forever. Close what the garbage
    collector can and end the rest (the test database belongs to the test run alone)."""
    import gc

    from sqlalchemy import text

    gc.collect()
    if engine.dialect.name != "postgresql":
        return
    with engine.begin() as conn:
        conn.execute(
            text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'"
            )
        )


class TableReset:
    """PostgreSQL: empty only the tables a test left rows in, and restart only the id sequences it used.

    One query asks which tables hold a row and which sequences were drawn from (whoever wrote them: the
    test, a request, a job, or a server process of a reliability test); those tables are emptied with
    DELETE, children before parents, and their sequences set back to 1. A TRUNCATE of every table per
    test replaced each table's files; this touches only what the test wrote. Should a DELETE meet a
    constraint anyway, everything is truncated as before."""

    def __init__(self, metadata):
        self.tables = [t.name for t in metadata.sorted_tables]
        exists = " UNION ALL ".join(f"SELECT '{name}' WHERE EXISTS (SELECT 1 FROM \"{name}\")" for name in self.tables)
        self.dirty_query = (
            f"SELECT 't', x FROM ({exists}) AS rows(x)"
            + """
            UNION ALL
            SELECT 's', s.schemaname || '.' || s.sequencename FROM pg_sequences s
            WHERE s.schemaname = current_schema() AND s.last_value IS NOT NULL"""
        )

    def touched(self, conn) -> tuple[list[str], list[str]]:
        """The tables holding rows (parents first) and the sequences that were used."""
        from sqlalchemy import text

        rows = conn.execute(text(self.dirty_query)).all()
        filled = {name for kind, name in rows if kind == "t"}
        return [t for t in self.tables if t in filled], [name for kind, name in rows if kind == "s"]

    def __call__(self, engine) -> list[str]:
        """Reset what was touched; returns the names of the tables emptied."""
        from sqlalchemy import text
        from sqlalchemy.exc import IntegrityError

        with engine.connect() as conn:
            tables, sequences = self.touched(conn)
            conn.rollback()
            if not tables and not sequences:
                return []
            try:
                with conn.begin():
                    for name in reversed(tables):
                        conn.execute(text(f'DELETE FROM "{name}"'))
                    for name in sequences:
                        conn.execute(text("SELECT setval(:seq, 1, false)"), {"seq": name})
            except IntegrityError:
                everything = ", ".join(f'"{t}"' for t in self.tables)
                with conn.begin():
                    conn.execute(text(f"TRUNCATE {everything} RESTART IDENTITY CASCADE"))
        return tables


class TableRows:
    """PostgreSQL: every row of every table, read once and written back into an empty database, with the
    id sequences set past the highest id (the demo region for each test that uses it)."""

    def __init__(self, rows: dict):
        self.rows = rows

    @classmethod
    def read(cls, metadata, engine) -> "TableRows":
        from sqlalchemy import select

        with engine.connect() as conn:
            rows = {}
            for table in metadata.sorted_tables:
                order = list(table.primary_key.columns)
                rows[table] = [dict(row._mapping) for row in conn.execute(select(table).order_by(*order))]
        return cls({table: found for table, found in rows.items() if found})

    def write(self, engine) -> None:
        from sqlalchemy import Integer, text

        with engine.begin() as conn:
            for table, rows in self.rows.items():
                conn.execute(table.insert(), rows)
                if "id" in table.c and isinstance(table.c.id.type, Integer):
                    highest = f'(SELECT max(id) FROM "{table.name}")'
                    sequence = "pg_get_serial_sequence(:table, 'id')"
                    conn.execute(text(f"SELECT setval({sequence}, {highest})"), {"table": f'"{table.name}"'})
        engine.dispose()


class MailCollector:
    """An aiosmtpd handler that keeps every message a local SMTP server receives."""

    def __init__(self):
        import threading

        self.messages = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        with self.lock:
            self.messages.append(envelope)
        return "250 OK"


def run_queue(huey, rounds: int = 12) -> None:
    """Work through a real (non-immediate) queue as a consumer would, jumping over each retry delay."""
    import datetime

    later = huey._get_timestamp()
    for _ in range(rounds):
        task = huey.dequeue()
        if task is not None:
            huey.execute(task)
            continue
        later += datetime.timedelta(seconds=61)  # the retry delay of the job has passed
        due = huey.read_schedule(later)
        if not due:
            return
        for task in due:
            huey.execute(task, later)
