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
        conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                          "AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'"))


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
