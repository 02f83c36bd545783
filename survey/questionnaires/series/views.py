"""Linking a questionnaire afterwards to an earlier round, so the trend uses both (*reeks koppelen*)."""

from flask import abort, flash, render_template
from flask_babel import gettext as _
from flask_babel import ngettext

from forms.questionnaires import LinkSeriesForm
from survey.access import requires
from survey.accounts.models import Permission
from survey.extensions import db
from survey.questionnaires.blueprint import bp
from survey.questionnaires.series import services as series
from survey.questionnaires.views import get_survey, to_builder


@bp.route("/<int:survey_id>/reeks", methods=["GET", "POST"])
@requires(Permission.BUILD_SURVEYS)
def link_series(survey_id):
    """Choose the earlier round, see the item codes compared, then confirm."""
    survey = get_survey(survey_id)
    candidates = series.link_candidates(survey)
    form = LinkSeriesForm()
    form.earlier.choices = [
        (c.id, _("%(title)s, round %(round)s", title=c.text("title"), round=c.round_label or c.id)) for c in candidates
    ]
    check = earlier = None
    if form.validate_on_submit():
        earlier = next((c for c in candidates if c.id == form.earlier.data), None)
        if earlier is None:
            abort(404)
        check = series.check_link(survey, earlier)
        if form.confirmed.data == "1" and check.linkable:
            series.link_to_series(survey, earlier)
            db.session.commit()
            flash(
                ngettext(
                    "The questionnaire now follows %(title)s, round %(round)s. The trend uses "
                    "%(num)d shared item code.",
                    "The questionnaire now follows %(title)s, round %(round)s. "
                    "The trend uses %(num)d shared item codes.",
                    len(check.shared),
                    title=earlier.text("title"),
                    round=earlier.round_label or earlier.id,
                ),
                "success",
            )
            return to_builder(survey)
    return render_template(
        "questionnaires/link_series.html", survey=survey, form=form, check=check, earlier=earlier, candidates=candidates
    )
