"""The order in which answer-side rows are stored says nothing about who came first.

Thirty respondents start one after another. Their responses, answers, the coding rows made for their open
answers and the ledger's pending entries must come back from the database in an order unrelated to that:
ids do not count up (no sequence: random 63-bit ids), and on SQLite no hidden rowid counts up either (the
tables are WITHOUT ROWID, so a table's rows are stored in the order of their random key).
"""

from datetime import date

import pytest
from sqlalchemy import exc, select, text

from survey.coding.answers.services import code_new_answers
from survey.coding.models import AnswerCode, AnswerKind, CodedAnswer, SecondCoding, Source, Theme
from survey.fieldwork import ledger
from survey.fieldwork.models import LedgerPending
from survey.responses import services
from survey.responses.entries import Entry
from survey.responses.models import Answer, Channel, Response
from tests.survey.responses.documents import create_invitation

MONDAY = date(2026, 3, 2)
COUNT = 30
#: the tables whose key is random: on SQLite stored in the order of that key
RANDOM_KEYED = ("response", "answer", "coded_answer", "answer_code", "answer_kind", "second_coding", "ledger_pending")


def _start_one_after_another(db, survey, count=COUNT) -> list[str]:
    """Response ids in the order the respondents started (an open link; one step each, as a first step stores)."""
    started = []
    for number in range(count):
        entry = Entry("v", survey.public_key, survey, Channel.OPEN_LINK)
        made = services.start_response(
            entry, language="nl", start_key=f"start-{number}", secret=f"browser-secret-{number:020d}", today=MONDAY
        )
        response = db.session.get(Response, made.id)
        services.save_step(response, {("P2", "a"): (f"antwoord {number}", None), ("P1", "a"): ("7", None)}, 1)
        db.session.commit()
        started.append(made.id)
    return started


def _answer_ids(db, started: list[str], item_code: str) -> list[int]:
    by_response = dict(
        db.session.execute(select(Answer.response_id, Answer.id).where(Answer.item_code == item_code)).all()
    )
    return [by_response[response_id] for response_id in started]


def _monotonic(values: list) -> bool:
    return values == sorted(values) or values == sorted(values, reverse=True)


def _stored_order(db, table: str, key: str) -> list:
    """The keys of a table in the order a dump lists its rows (``SELECT *``, which no index covers: a scan of the
    table itself, as ``.dump`` reads it): rowid order for an ordinary SQLite table, key order for a WITHOUT ROWID
    one; PostgreSQL's heap order (ctid)."""
    order = "" if db.engine.dialect.name == "sqlite" else " ORDER BY ctid"
    rows = db.session.execute(text(f"SELECT * FROM {table}{order}")).mappings()  # noqa: S608
    return [row[key] for row in rows]


def test_answer_ids_do_not_count_up_with_the_order_of_starting(app, db, make_survey):
    survey = make_survey()
    started = _start_one_after_another(db, survey)
    for item_code in ("P1", "P2"):
        ids = _answer_ids(db, started, item_code)
        assert len(set(ids)) == COUNT
        assert not _monotonic(ids), item_code
        assert all(0 < number < 2**63 for number in ids)


@pytest.mark.sqlite
def test_responses_and_answers_are_stored_in_the_order_of_their_random_key(app, db, make_survey):
    survey = make_survey()
    started = _start_one_after_another(db, survey)
    stored = _stored_order(db, "response", "id")
    assert stored == sorted(started) and stored != started
    answers = _stored_order(db, "answer", "id")
    assert answers == sorted(answers) and not _monotonic(_answer_ids(db, started, "P1"))
    with pytest.raises(exc.OperationalError, match="rowid"):
        db.session.execute(text("SELECT rowid FROM response"))
    db.session.rollback()


@pytest.mark.sqlite
def test_every_table_with_a_random_key_is_without_rowid(app, db):
    made = dict(db.session.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'table'")).all())
    for table in RANDOM_KEYED:
        assert "WITHOUT ROWID" in made[table], table
    listed = {row.name: row.wr for row in db.session.execute(text("PRAGMA table_list"))}
    assert all(listed[table] == 1 for table in RANDOM_KEYED)


@pytest.mark.postgresql
def test_answer_side_ids_have_no_sequence_on_postgresql(app, db):
    for table in ("answer", "answer_code", "answer_kind", "second_coding"):
        default = db.session.scalar(
            text(
                "SELECT column_default FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = :table AND column_name = 'id'"
            ),
            {"table": table},
        )
        assert default is None, table
        assert db.session.scalar(text("SELECT pg_get_serial_sequence(:table, 'id')"), {"table": table}) is None
        kind = db.session.scalar(
            text(
                "SELECT data_type FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = :table AND column_name = 'id'"
            ),
            {"table": table},
        )
        assert kind == "bigint", table


def test_coding_rows_made_batch_after_batch_do_not_count_up(app, db, make_survey, make_user):
    """Scrubbing codes the open answers of the responses completed since the last batch: the coding rows of
    one batch after another must not be numbered (or stored) in that order."""
    from survey.coding.models import Codebook

    survey = make_survey()
    coder = make_user(email="codeur@example.org")
    started = _start_one_after_another(db, survey)
    book = Codebook(region_id=survey.region_id, name="Thema's")
    db.session.add(book)
    db.session.flush()
    theme = Theme(codebook_id=book.id, key="t", label="Thema")
    db.session.add(theme)
    db.session.flush()
    answers = {a.response_id: a for a in db.session.scalars(select(Answer).where(Answer.item_code == "P2"))}
    for first in range(0, COUNT, 10):  # three batches, in the order the respondents came
        batch = [answers[response_id] for response_id in started[first : first + 10]]
        code_new_answers(survey.id, "P2", batch, None)
        for answer in batch:
            db.session.add(AnswerCode(answer_id=answer.id, theme_id=theme.id, source=Source.RULE))
            db.session.add(AnswerKind(answer_id=answer.id, kind="zorg", source=Source.RULE))
            db.session.add(SecondCoding(answer_id=answer.id, coder_id=coder.id))
        db.session.commit()
    for model in (AnswerCode, AnswerKind, SecondCoding):
        by_answer = dict(db.session.execute(select(model.answer_id, model.id)).all())
        in_order = [by_answer[answers[response_id].id] for response_id in started]
        assert not _monotonic(in_order), model.__tablename__
    if db.engine.dialect.name == "sqlite":
        coded = _stored_order(db, "coded_answer", "answer_id")
        assert coded == sorted(coded) == sorted(a.id for a in answers.values())
        assert db.session.scalar(select(CodedAnswer.answer_id).limit(1)) is not None


@pytest.mark.sqlite
def test_pending_ledger_entries_are_stored_in_the_order_of_their_key(app, db, make_survey):
    survey = make_survey()
    survey.min_cell = COUNT + 1  # no batch: every entry stays pending
    db.session.commit()
    written = []
    for _ in range(COUNT):
        invitation, _token, _code = create_invitation(db, survey)
        ledger.note_start(invitation, "link", MONDAY)
        written.append(ledger.entry_of(survey.id, invitation.id))
    assert db.session.scalar(select(LedgerPending.entry).limit(1)) is not None
    stored = _stored_order(db, "ledger_pending", "entry")
    assert stored == sorted(written) and stored != written
