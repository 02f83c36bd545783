"""The automatic ledger batch (during a respondent's request) empties SQLite's write-ahead log, as the
``apply-ledger`` command does: the log held every pending entry's commit, one after another, and the batch's
own pages. A reader that keeps the log busy does not hold the respondent up: the checkpoint gives up at once
and the job queue's worker tries again."""

import sqlite3
import time
from datetime import date
from pathlib import Path

import pytest

from survey.fieldwork import ledger
from survey.fieldwork.models import Invitation
from tests import helpers
from tests.survey.fieldwork.test_sending import add_invitees

DAY = date(2026, 3, 2)
K = 5

pytestmark = pytest.mark.sqlite


def _wal(db) -> Path:
    return Path(db.engine.url.database + "-wal")


def _invitees(db, make_survey) -> list[Invitation]:
    survey = make_survey()
    survey.min_cell = K
    db.session.commit()
    return add_invitees(db, survey, *[(f"{n}@example.nl", "nl", None) for n in range(K)])


def test_the_batch_in_a_respondents_request_empties_the_write_ahead_log(app, db, make_survey):
    invitees = _invitees(db, make_survey)
    for invitation in invitees[:-1]:
        ledger.note_start(invitation, "link", DAY)
    assert _wal(db).stat().st_size > 0  # the pending entries' commits, one after another
    assert not any(i.started for i in db.session.query(Invitation))

    ledger.note_start(invitees[-1], "link", DAY)  # the k-th: the batch runs in this request
    db.session.expire_all()
    assert all(i.started for i in db.session.query(Invitation))
    assert _wal(db).stat().st_size == 0


def test_a_busy_reader_does_not_hold_the_respondent_up_and_the_worker_empties_the_log_later(
    app, db, make_survey, real_queue
):
    invitees = _invitees(db, make_survey)
    for invitation in invitees[:-1]:
        ledger.note_start(invitation, "link", DAY)
    reader = sqlite3.connect(db.engine.url.database)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM invitation").fetchone()  # a read transaction on the log, kept open
    try:
        began = time.monotonic()
        ledger.note_start(invitees[-1], "link", DAY)
        assert time.monotonic() - began < 5  # the checkpoint gave up (the busy timeout is 20 s)
        db.session.expire_all()
        assert all(i.started for i in db.session.query(Invitation))  # the batch itself is committed
        assert _wal(db).stat().st_size > 0
        queued = [*real_queue.pending(), *real_queue.scheduled()]
        assert [t.name for t in queued] == ["cut_wal_job"] and queued[0].eta is not None
    finally:
        reader.rollback()
        reader.close()
    helpers.run_queue(real_queue)
    assert _wal(db).stat().st_size == 0
    assert real_queue.pending() == [] and real_queue.scheduled() == []


def test_the_reminders_sent_from_the_screen_empty_the_log_after_their_batch(app, db, make_survey):
    """The screen's reminder button runs the reminders as a job; its ledger batch is followed by a truncation,
    as the daily ``fieldwork remind`` command's is."""
    from survey.fieldwork.outreach import reminders_job

    invitees = _invitees(db, make_survey)
    for invitation in invitees:
        invitation.invited_on = DAY
    survey_id = invitees[0].survey_id
    set_min_cell(db, survey_id, K + 1)  # no batch in the respondents' requests
    for invitation in invitees:
        ledger.note_start(invitation, "link", DAY)
    set_min_cell(db, survey_id, K)
    assert _wal(db).stat().st_size > 0 and not any(i.started for i in db.session.query(Invitation))

    reminders_job(survey_id, date(2026, 3, 20).isoformat())
    db.session.expire_all()
    assert all(i.started for i in db.session.query(Invitation))  # the batch before the mails
    assert _wal(db).stat().st_size == 0


def set_min_cell(db, survey_id: int, k: int) -> None:
    from survey.questionnaires.models import Survey

    db.session.get(Survey, survey_id).min_cell = k
    db.session.commit()
