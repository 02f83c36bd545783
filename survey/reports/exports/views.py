"""Downloads of a round's responses and codebook (CSV, Excel, SPSS), each written to the audit log."""

from flask import Response, abort, g, render_template, stream_with_context
from flask_babel import gettext as _
from flask_login import current_user

from forms.reports import ExportForm
from survey.access import get_in_region, requires
from survey.accounts.models import Permission
from survey.extensions import db
from survey.questionnaires.models import Survey
from survey.reports.blueprint import exports as bp
from survey.reports.exports.services import completed_count, start_export


@bp.route("/<int:survey_id>/export", methods=["GET", "POST"])
@requires(Permission.EXPORT)
def export_data(survey_id):
    survey = get_in_region(Survey, survey_id)
    form = ExportForm()
    raw_allowed = current_user.can(Permission.VIEW_RAW_TEXT, g.region)
    if form.validate_on_submit():
        if form.raw_text.data and not raw_allowed:
            abort(403)
        export = start_export(
            survey,
            form.format.data,
            raw=bool(form.raw_text.data),
            semicolon=form.delimiter.data == "semicolon",
            labels=form.values.data == "labels",
            sheet_names=(_("Responses"), _("Codebook")),
        )
        db.session.commit()
        return Response(
            stream_with_context(export.stream),
            content_type=export.mimetype,
            headers={"Content-Disposition": f'attachment; filename="{export.filename}"', "Cache-Control": "no-store"},
        )
    status = 400 if form.errors else 200
    return render_template(
        "reports/export.html", survey=survey, form=form, raw_allowed=raw_allowed, completed=completed_count(survey.id)
    ), status
