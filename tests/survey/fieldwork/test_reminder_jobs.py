"""A reminder's mail job says nothing the ledger's batches hide.

A start is written on the invitation only in a batch of at least k invitees; until then it is a pending entry
that only the application (with the ledger key) can read. The reminder's job queue is stored outside the
database (a file or Redis): if the job of an invitee whose start is still pending differed from the job of one
who never started, a copy of the queue would name who started since the last batch. So ``remind`` decides from
the invitation's flags (the applied ledger) alone; the job itself, when it runs, reads the pending entry and
keeps the first link of an invitee who started (his answers hang on it).
"""

from datetime import date, timedelta

from survey.fieldwork import ledger, sending
from survey.fieldwork.models import Invitation, LedgerPending
from tests import helpers
from tests.survey.fieldwork.test_sending import LINK, add_invitees

DAY = date(2026, 3, 2)


def _queued_jobs(huey) -> dict[int, tuple]:
    """invitation id -> the arguments of its queued mail job, as the queue stores them."""
    jobs = {}
    for task in huey.pending():
        assert task.name.endswith("mail_invitee_job"), task.name
        invitation_id, *rest = task.args
        jobs[invitation_id] = (tuple(rest), dict(task.kwargs))
    return jobs


def test_a_pending_start_gets_the_same_reminder_job_as_no_start(app, db, outbox, make_survey, real_queue):
    survey = make_survey(closes_on=DAY + timedelta(days=40))
    survey.min_cell = 10  # a batch needs ten pending invitees: one start stays pending
    pending, silent, applied = add_invitees(
        db, survey, *[(f"{n}@example.nl", "nl", None) for n in ("bezig", "stil", "eerder")]
    )
    sending.invite(survey, DAY)
    db.session.commit()
    helpers.run_queue(real_queue)
    tokens = {m["To"]: LINK.search(m.get_content()).group(1) for m in outbox}
    outbox.clear()
    helpers.mark_started(db.session.get(Invitation, applied.id), DAY + timedelta(days=1))  # applied at once
    ledger.note_start(db.session.get(Invitation, pending.id), "link", DAY + timedelta(days=2))  # stays pending
    assert db.session.get(LedgerPending, ledger.entry_of(survey.id, pending.id)) is not None
    hashes = {i.id: i.token_hash for i in db.session.query(Invitation)}

    sending.remind(db.session.get(type(survey), survey.id), DAY + timedelta(days=7))
    db.session.commit()
    jobs = _queued_jobs(real_queue)
    assert set(jobs) == {pending.id, silent.id, applied.id}
    assert jobs[pending.id] == jobs[silent.id] == (("reminder", True, False), {})
    assert jobs[applied.id] == (("reminder", False, False), {})  # the ledger itself says he started
    # nor do their invitations differ before the jobs run: no link was changed yet
    now = {i.id: i for i in db.session.query(Invitation)}
    assert {now[n].token_hash == hashes[n] for n in (pending.id, silent.id)} == {True}
    assert now[pending.id].reminder_count == now[silent.id].reminder_count == 1

    helpers.run_queue(real_queue)  # the jobs read the pending entry themselves
    db.session.expire_all()
    mails = {m["To"]: m.get_content() for m in outbox}
    assert "U bent al begonnen." in mails["bezig@example.nl"] and "/r/" not in mails["bezig@example.nl"]
    assert ledger.invitation_for_token(tokens["bezig@example.nl"]).id == pending.id  # his first link still works
    new = LINK.search(mails["stil@example.nl"]).group(1)
    assert ledger.invitation_for_token(new).id == silent.id
    assert ledger.invitation_for_token(tokens["stil@example.nl"]) is None
    assert "U bent al begonnen." in mails["eerder@example.nl"]
