"""The ledger interface: token lookup by hash, and background categories only when k invitees share them."""

from datetime import date

from survey.accounts.models import Role  # noqa: F401 - fixtures create users
from survey.fieldwork import ledger
from survey.fieldwork.models import Invitation
from survey.tokens import new_short_code, new_token, normalise_short_code, short_code_hash, token_hash
from tests import helpers
from tests.factories import save_survey


def make_survey(db, region, min_cell=5):
    return save_survey(db, region, title={"nl": "CEO"}, min_cell=min_cell)


def test_token_is_found_by_hash_only(db, region):
    survey = make_survey(db, region)
    token, code = new_token(), new_short_code()
    db.session.add(Invitation(survey_id=survey.id, token_hash=token_hash(token), short_code_hash=short_code_hash(code)))
    db.session.commit()
    assert ledger.invitation_for_token(token).survey_id == survey.id
    assert ledger.invitation_for_token(token + "x") is None
    assert ledger.invitation_for_short_code(code.lower().replace("-", " ")).survey_id == survey.id
    assert len(token) >= 32 and normalise_short_code(code) == code


def test_background_reaches_response_only_for_shared_categories(db, region):
    survey = make_survey(db, region, min_cell=5)
    for n in range(6):
        db.session.add(
            Invitation(
                survey_id=survey.id,
                token_hash=token_hash(f"t{n}"),
                background={"gemeente": "Rotterdam", "leeftijd": "12-15" if n else "16-17"},
            )
        )
    db.session.commit()
    rare = ledger.invitation_for_token("t0")
    assert ledger.coarse_background(survey, rare) == {"gemeente": "Rotterdam"}
    helpers.mark_completed(rare, date(2026, 11, 23))
    assert rare.started and rare.completed


def test_days_go_into_counters_and_an_invitee_is_counted_once(db, region):
    from survey.fieldwork.invitees.tracking import day_counts
    from survey.fieldwork.models import ParticipationDay

    survey = make_survey(db, region)
    first, second = (Invitation(survey_id=survey.id, token_hash=token_hash(f"d{n}")) for n in range(2))
    db.session.add_all([first, second])
    db.session.commit()
    monday, tuesday = date(2026, 3, 2), date(2026, 3, 3)
    helpers.mark_started(first, monday)
    helpers.mark_started(first, tuesday)  # a second start of the same invitee changes nothing
    helpers.mark_completed(first, tuesday)
    helpers.mark_completed(second, tuesday)
    helpers.mark_completed(second, tuesday)
    db.session.commit()
    assert [(c.day, c.started, c.completed) for c in day_counts(survey)] == [(monday, 1, 0), (tuesday, 1, 2)]
    db.session.expire_all()
    assert all(i.started and i.completed for i in db.session.query(Invitation))
    # the invitation keeps no day of starting or finishing; the counters name no invitee
    date_columns = {c.name for c in Invitation.__table__.columns if isinstance(c.type, db.Date)}
    assert date_columns == {"invited_on", "last_reminded_on", "contact_deleted_on"}
    assert {c.name for c in ParticipationDay.__table__.columns} == {"survey_id", "day", "started", "completed"}


def test_the_survey_chooses_which_background_goes_first(db, region):
    survey = make_survey(db, region, min_cell=5)
    for n, (gemeente, language) in enumerate([(g, t) for g in ("Delft", "Schiedam") for t in ("nl", "ar")] * 3):
        db.session.add(
            Invitation(
                survey_id=survey.id,
                token_hash=token_hash(f"o{n}"),
                language=language,
                background={"gemeente": gemeente},
            )
        )
    db.session.commit()
    invitee = ledger.invitation_for_token("o1")  # Delft, Arabic: 3 share it, 6 share each value
    assert ledger.coarse_profile(survey, invitee, "ar") == ({}, "ar")  # by default the gemeente goes first
    survey.generalise_order = "taal"
    assert ledger.coarse_profile(survey, invitee, "ar") == ({"gemeente": "Delft"}, "")


def test_a_batch_moves_only_with_k_invitees_pending_not_from_cron_with_four_at_once_with_the_fifth(app, db, region):
    survey = make_survey(db, region, min_cell=5)
    invitations = [Invitation(survey_id=survey.id, token_hash=token_hash(f"c{n}")) for n in range(6)]
    db.session.add_all(invitations)
    db.session.commit()
    monday = date(2026, 3, 2)
    for invitation in invitations[:4]:
        ledger.note_start(invitation, "link", monday)
    runner = app.test_cli_runner()
    assert "Niets bij te werken" in runner.invoke(args=["fieldwork", "apply-ledger"]).output
    db.session.expire_all()
    assert not any(i.started for i in invitations)  # four are fewer than k: nothing moves yet
    ledger.note_start(invitations[4], "code", monday)  # the fifth: k reached, applied at once (opportunistically)
    db.session.expire_all()
    assert [i.started for i in invitations] == [True] * 5 + [False]
    assert [i.started_route for i in invitations][3:] == ["link", "code", None]
    assert ledger.pending_count(survey.id) == 0


def test_a_late_second_click_after_the_batch_moved_the_entry_is_not_counted_again(db, region):
    """Found by bench/soak.py (30 minutes on PostgreSQL: 368 starts and 367 completions counted for 364
    respondents): the second request of a double click read the invitation before the first request's batch
    moved its entry onto it, found no pending entry to meet and counted the day again."""
    from sqlalchemy.orm.attributes import set_committed_value

    from survey.fieldwork.invitees.tracking import day_counts

    survey = make_survey(db, region)
    invitation = Invitation(survey_id=survey.id, token_hash=token_hash("late"))
    db.session.add(invitation)
    db.session.commit()
    monday = date(2026, 3, 2)

    def batch():  # as when k invitees are pending, or at fieldwork close
        ledger.apply_pending(survey, force=True)
        db.session.commit()

    def as_read_before_the_batch(**flags):  # the second request's copy of the invitation
        for name, value in flags.items():
            set_committed_value(invitation, name, value)

    assert ledger.note_start(invitation, "link", monday) == "link"
    batch()
    assert invitation.started and ledger.pending_count(survey.id) == 0  # the batch has moved it
    as_read_before_the_batch(started=False, started_route=None)
    assert ledger.note_start(invitation, "link", monday) == "link"
    ledger.note_completed(invitation, monday)
    batch()
    assert invitation.completed and ledger.pending_count(survey.id) == 0
    as_read_before_the_batch(completed=False)
    ledger.note_completed(invitation, monday)
    db.session.commit()
    assert [(c.day, c.started, c.completed) for c in day_counts(survey)] == [(monday, 1, 1)]
    assert ledger.pending_count(survey.id) == 0


def test_a_short_code_is_stored_keyed_so_a_dump_does_not_give_it_away(app, db, region):
    """50 bits can be tried one by one against a plain SHA-256 of a dump; the stored hash is keyed with the
    app's secret key. A letter sent before (a plain hash) still finds its invitation."""
    survey = make_survey(db, region)
    code, earlier = new_short_code(), new_short_code()
    db.session.add(Invitation(survey_id=survey.id, token_hash=token_hash("a"), short_code_hash=short_code_hash(code)))
    db.session.add(Invitation(survey_id=survey.id, token_hash=token_hash("b"), short_code_hash=token_hash(earlier)))
    db.session.commit()
    assert short_code_hash(code) != token_hash(code)
    assert ledger.invitation_for_short_code(code).token_hash == token_hash("a")
    assert ledger.invitation_for_short_code(earlier).token_hash == token_hash("b")
    with app.test_request_context():
        app.config["SECRET_KEY"] = "another key"
        assert ledger.invitation_for_short_code(code) is None  # without the key the stored hash finds nothing
