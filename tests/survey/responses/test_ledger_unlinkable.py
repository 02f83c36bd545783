"""No transaction and no database file joins a response to an invitation: a round of 14 invitees answering
through the respondent pages (by link and by short code, some stopping halfway), then the attacks of a
privacy officer holding the database. On PostgreSQL: the ``xmin`` join. On SQLite: every commit in the
write-ahead log (taken after every request, so checkpoints hide nothing) and the rollback journal."""

from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from survey.fieldwork import ledger
from survey.fieldwork.models import Invitation, LedgerPending, ParticipationDay
from survey.responses.models import Response, ResponseStatus
from tests.helpers import settle_ledger
from tests.survey.responses.documents import small_poll_document
from tests.survey.responses.walk import walk

K = 5


def wal_commits(data: bytes) -> dict[tuple, list[bytes]]:
    """The commits in a WAL file, each with the pages it wrote; stale frames (of an earlier salt) included."""
    if len(data) < 32:
        return {}
    page_size = int.from_bytes(data[8:12], "big") or 65536
    commits, pages, offset = {}, [], 32
    while offset + 24 + page_size <= len(data):
        header = data[offset : offset + 24]
        pages.append(data[offset + 24 : offset + 24 + page_size])
        if int.from_bytes(header[4:8], "big"):  # a commit frame: the database size after the commit
            commits[(header[16:24], offset)] = pages
            pages = []
        offset += 24 + page_size
    return commits


class FileWatch:
    """Reads the database's -wal and -journal after every request of a test client."""

    def __init__(self, path: Path):
        self.path, self.commits, self.journal_pages = path, {}, []

    def look(self) -> None:
        wal = Path(f"{self.path}-wal")
        if wal.exists():
            self.commits.update(wal_commits(wal.read_bytes()))
        journal = Path(f"{self.path}-journal")
        if journal.exists():
            self.journal_pages.append(journal.read_bytes())

    def attach(self, client) -> None:
        plain = client.open

        def open_and_look(*args, **kwargs):
            answer = plain(*args, **kwargs)
            self.look()
            return answer

        client.open = open_and_look


def play_round(client, make_survey, make_invitation):
    """14 invitees; 11 start (4 by the short code), 7 of them finish; the others stop after one step."""
    survey = make_survey(document=small_poll_document())
    survey.min_cell = K
    invitees = [make_invitation(survey, background={"gemeente": "Rotterdam"}) for _ in range(14)]
    for n, (_invitation, token, code) in enumerate(invitees[:11]):
        base = f"/r/{code}" if n % 3 == 0 else f"/r/{token}"
        assert client.get(base).status_code == 200
        walk(client, base, stop_after=None if n < 7 else 1)
    return survey, invitees


def groups_of_xmin(db, table: str) -> list[tuple[str, int]]:
    """For each row of ``table`` that shares its transaction with invitations: how many invitations."""
    return db.session.execute(
        text(
            f"SELECT t.xmin::text, (SELECT count(*) FROM invitation i WHERE i.xmin = t.xmin) FROM {table} t "  # noqa: S608
            f"WHERE EXISTS (SELECT 1 FROM invitation i WHERE i.xmin = t.xmin)"
        )
    ).all()


@pytest.mark.postgresql
def test_an_xmin_join_of_invitations_and_responses_finds_no_group_smaller_than_k(
    client, db, make_survey, make_invitation
):
    survey, _ = play_round(client, make_survey, make_invitation)
    db.session.commit()
    for table in ("response", "answer"):
        assert [g for g in groups_of_xmin(db, table) if g[1] < K] == [], table
    settle_ledger(survey.id)  # fieldwork close: the last batch
    for table in ("response", "answer"):
        assert [g for g in groups_of_xmin(db, table) if g[1] < K] == [], table
    assert_ledger_counts(db, survey)


def test_no_commit_in_the_sqlite_files_changes_both_an_invitation_and_a_response(
    client, db, make_survey, make_invitation
):
    if db.engine.dialect.name != "sqlite":  # PostgreSQL keeps no such file; its trace is xmin: no answer-side
        survey, _ = play_round(client, make_survey, make_invitation)  # row shares a transaction with any
        db.session.commit()  # ledger-side row (invitation, pending entry, day counter)
        for table in ("invitation", "ledger_pending", "participation_day"):
            shared = db.session.execute(
                text(
                    f"SELECT count(*) FROM {table} l WHERE EXISTS (SELECT 1 FROM response r WHERE r.xmin = l.xmin) "  # noqa: S608
                    f"OR EXISTS (SELECT 1 FROM answer a WHERE a.xmin = l.xmin)"
                )
            ).scalar()
            assert shared == 0, table
        settle_ledger(survey.id)
        assert_ledger_counts(db, survey)
        return
    watch = FileWatch(Path(db.engine.url.database))
    watch.attach(client)
    survey, invitees = play_round(client, make_survey, make_invitation)
    settle_ledger(survey.id)
    watch.look()
    response_ids = [r.encode() for r in db.session.scalars(select(Response.id))]
    invitation_rows = [i.token_hash.encode() for i, _token, _code in invitees]
    assert len(response_ids) == 11
    with_responses = with_invitations = 0
    for pages in watch.commits.values():
        has_response = any(r in page for page in pages for r in response_ids)
        has_invitation = any(h in page for page in pages for h in invitation_rows)
        with_responses += has_response
        with_invitations += has_invitation
        assert not (has_response and has_invitation), "one commit wrote an invitation and a response"
    assert with_responses >= 11 and with_invitations >= 1  # the scan saw the round's commits and the batches
    for image in watch.journal_pages:
        assert not (any(r in image for r in response_ids) and any(h in image for h in invitation_rows))
    assert_ledger_counts(db, survey)


def assert_ledger_counts(db, survey):
    """After the batch: the flags and the day counters count 11 starters and 7 finishers, as the responses do."""
    db.session.expire_all()
    flags = db.session.execute(
        select(
            func.count().filter(Invitation.started.is_(True)), func.count().filter(Invitation.completed.is_(True))
        ).where(Invitation.survey_id == survey.id)
    ).one()
    days = db.session.execute(
        select(func.sum(ParticipationDay.started), func.sum(ParticipationDay.completed)).where(
            ParticipationDay.survey_id == survey.id
        )
    ).one()
    finished = db.session.scalar(
        select(func.count())
        .select_from(Response)
        .where(Response.survey_id == survey.id, Response.status == ResponseStatus.COMPLETED)
    )
    assert tuple(flags) == tuple(days) == (11, 7) and finished == 7
    assert db.session.scalar(select(func.count()).select_from(LedgerPending)) == 0
    assert ledger.pending_count(survey.id) == 0
