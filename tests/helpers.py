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
