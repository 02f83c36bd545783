"""The screen of the region's own list of names that scrubbing removes (care providers, schools, places)."""

from flask import flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from forms.coding import ScrubTermsForm
from survey.access import requires
from survey.accounts.models import Permission
from survey.audit.services import record
from survey.coding.blueprint import bp
from survey.coding.models import ScrubKind
from survey.coding.scrubbing import services as scrubbing
from survey.extensions import db


@bp.route("/namenlijst", methods=["GET", "POST"])
@requires(Permission.MANAGE_REGION)
def scrub_terms():
    """The region's own names (care providers, schools, places) that scrubbing removes."""
    form = ScrubTermsForm()
    if request.method == "GET":
        terms = scrubbing.region_terms(g.region.id)
        for kind, name in ScrubTermsForm.FIELDS.items():
            getattr(form, name).data = "\n".join(sorted(terms[kind], key=str.lower))
    if form.validate_on_submit():
        changes = [
            scrubbing.save_terms(g.region.id, kind, (getattr(form, name).data or "").splitlines())
            for kind, name in ScrubTermsForm.FIELDS.items()
        ]
        record(
            "coding.scrub_terms",
            g.region,
            region=g.region,
            added=sum(c[0] for c in changes),
            removed=sum(c[1] for c in changes),
        )
        db.session.commit()
        flash(_("The list has been saved. It applies to answers scrubbed from now on."), "success")
        return redirect(url_for("coding.scrub_terms"))
    return render_template("coding/scrub_terms.html", form=form, kinds=list(ScrubKind))
