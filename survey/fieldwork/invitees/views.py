"""Public fieldwork pages: stopping mail about a survey (*afmelden*)."""

from __future__ import annotations

from flask import render_template

from forms.fieldwork import ConfirmForm
from survey.extensions import db, limiter
from survey.fieldwork import services
from survey.fieldwork.blueprint import optout as bp
from survey.fieldwork.messages.composing import invitation_for_opt_out
from survey.i18n import requested_language, speak_on_public_page


@bp.route("/afmelden/<token>", methods=["GET", "POST"])
@limiter.limit("30 per minute")
def opt_out(token):
    """A GET only asks (mail scanners open links); the button makes it so."""
    invitation = invitation_for_opt_out(token)
    speak_on_public_page(invitation.language if invitation is not None else requested_language())
    if invitation is None:
        return render_template("fieldwork/optout_invalid.html"), 404
    form = ConfirmForm()
    if invitation.opted_out:
        return render_template("fieldwork/optout_done.html")
    if form.validate_on_submit():
        services.opt_out(invitation)
        db.session.commit()
        return render_template("fieldwork/optout_done.html")
    return render_template("fieldwork/optout.html", form=form)
