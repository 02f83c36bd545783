"""The rank-order attack on a database dump: responses in the order they were stored against the ledger.

Respondents answer day by day through the respondent services; one day only three invitees start. With
a start or completion day per invitee those three would be the three responses stored that day; the
ledger keeps only yes/no (the days are counters per survey), so the quiet day points at nobody.
"""

import random
from datetime import date, timedelta

from survey.fieldwork import ledger, sending
from survey.fieldwork.models import Invitation, ParticipationDay
from survey.responses import entries, services
from survey.responses.entries import Entry
from survey.responses.models import Channel, Response
from survey.responses.steps.flow import compute_flow
from survey.tokens import new_token, token_hash
from tests.survey.fieldwork.unlinkability import assert_no_rank_link, assert_unlinkable, insertion_order

MONDAY = date(2026, 3, 2)
#: starters per day; Tuesday is quiet (fewer than k = 10)
PER_DAY = [(MONDAY, 25), (MONDAY + timedelta(days=1), 3), (MONDAY + timedelta(days=3), 20)]


def test_the_order_of_stored_responses_singles_out_nobody(app, db, make_survey):
    survey = make_survey(min_cell=10)
    rng = random.Random(5)
    tokens = [new_token() for _ in range(60)]
    for token in rng.sample(tokens, len(tokens)):  # imported in another order than they will answer
        db.session.add(
            Invitation(
                survey_id=survey.id,
                token_hash=token_hash(token),
                email="x@example.nl",
                invited_on=MONDAY,
                reminder_count=0,
                opted_out=False,
                background={},
            )
        )
    db.session.commit()

    truth, answering = {}, iter(tokens)
    document = entries.document_of(survey.published_version)
    for day, count in PER_DAY:
        if day.weekday() == 3:  # Thursday: the reminder to those who have not finished
            sending.remind(survey, day)
        for _ in range(count):
            token = next(answering)
            invitation = ledger.invitation_for_token(token)
            entry = Entry("r", token, survey, Channel.PERSONAL, invitation)
            started = services.start_response(entry, language="nl", start_key=token, secret=None, today=day)
            response = db.session.get(Response, started.id)  # made as a respondent's first step makes it
            services.save_step(response, {("P1", ""): (rng.choice("12345"), None)}, 1)
            flow = compute_flow(document, survey.display_mode, {("P1", ""): "3", ("P2", ""): "gi"})
            services.save_step(response, {("P2", ""): ("gi", None)}, len(flow))
            services.complete_response(response, flow)
            truth[response.id] = invitation.id
            db.session.commit()
            ledger.note_completed(invitation, day)

    assert len(insertion_order(db)) == 48
    counts = {c.day: (c.started, c.completed) for c in db.session.query(ParticipationDay)}
    assert counts[MONDAY + timedelta(days=1)] == (3, 3)  # tracking still knows the quiet day …
    assert_no_rank_link(db, truth, k=10)  # … the ledger cannot point at its three
    assert_unlinkable(db, truth, tokens, k=10)
