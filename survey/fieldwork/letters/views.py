"""Letters to print: download (a temporary file holding readable codes), delete, and make again with new codes."""

from __future__ import annotations

from flask import Response, abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from forms.fieldwork import ConfirmForm, ReprintForm
from survey.access import get_in_region, requires
from survey.accounts.models import Permission
from survey.audit.services import record
from survey.extensions import db
from survey.fieldwork.blueprint import letters as bp
from survey.fieldwork.letters import services as letters
from survey.fieldwork.models import LetterBatch
from survey.fieldwork.sending import reprint_job, reprint_letters
from survey.jobs import enqueue_after_commit
from survey.questionnaires.models import FieldworkStatus, Survey
from survey.timeutil import local_today


def _batch(batch_id: int) -> tuple[LetterBatch, Survey]:
    batch = db.session.get(LetterBatch, batch_id) if 0 < batch_id < 2**31 else None
    if batch is None:
        abort(404)
    return batch, get_in_region(Survey, batch.survey_id)


@bp.get("/veldwerk/brieven/<int:batch_id>.pdf")
@requires(Permission.RUN_FIELDWORK)
def download_letters(batch_id):
    return _download(*_batch(batch_id), "pdf")


@bp.get("/veldwerk/brieven/<int:batch_id>.zip")
@requires(Permission.RUN_FIELDWORK)
def download_letter_files(batch_id):
    return _download(*_batch(batch_id), "zip")


def _download(batch: LetterBatch, survey: Survey, kind: str) -> Response:
    record("fieldwork.letters_downloaded", survey, letters=batch.letter_count)
    db.session.commit()
    data = batch.pdf if kind == "pdf" else batch.archive
    mimetype = "application/pdf" if kind == "pdf" else "application/zip"
    return Response(
        data,
        mimetype=mimetype,
        headers={
            "Content-Disposition": f"attachment; filename=brieven-{survey.id}-{batch.id}.{kind}",
            "Cache-Control": "no-store",
        },
    )


@bp.post("/veldwerk/brieven/<int:batch_id>/verwijderen")
@requires(Permission.RUN_FIELDWORK)
def delete_letters(batch_id):
    batch, survey = _batch(batch_id)
    if ConfirmForm().validate_on_submit():
        letters.delete_batches(survey, batch.id)
        record("fieldwork.letters_deleted", survey)
        db.session.commit()
        flash(_("The letter file has been deleted."), "success")
    return redirect(url_for("fieldwork.overview", survey_id=survey.id))


@bp.post("/vragenlijsten/<int:survey_id>/veldwerk/brieven/opnieuw")
@requires(Permission.RUN_FIELDWORK)
def reprint(survey_id):
    """New letters with new codes for invitees by post who have not started; their old letters stop working."""
    survey = get_in_region(Survey, survey_id)
    form = ReprintForm(request.form)
    if not form.validate_on_submit() or survey.status != FieldworkStatus.OPEN:
        flash(
            _("Letters can only be made again while fieldwork is open, for a valid postcode and house number."), "error"
        )
        return redirect(url_for("fieldwork.overview", survey_id=survey.id))
    record("fieldwork.letters_reprinted", survey)
    if form.address.data:  # one household: at once
        count = reprint_letters(survey, local_today(), form.address.data).letters
        db.session.commit()
        flash(
            ngettext("%(num)s new letter has been made.", "%(num)s new letters have been made.", count)
            if count
            else _("No invitee by post who has not started lives at this address."),
            "success" if count else "error",
        )
    else:
        enqueue_after_commit(db.session(), reprint_job, survey.id, local_today().isoformat())
        db.session.commit()
        flash(_("New letters are being made. They appear below when they are ready."), "success")
    return redirect(url_for("fieldwork.overview", survey_id=survey.id, _anchor="brieven"))
