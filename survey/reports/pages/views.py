"""Results pages per round: the results with filters and breakdowns, trends, and the factsheet."""

from flask import Response, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from analysis.scores.numbers import format_count, format_percentage
from forms.reports import FilterForm
from survey.access import get_in_region, requires
from survey.accounts.models import Permission
from survey.audit.services import record
from survey.extensions import db
from survey.navigation import register_nav
from survey.protection_notes import note_lines
from survey.questionnaires.models import Survey
from survey.reports.anonymity import generalised_note
from survey.reports.blueprint import reports as bp
from survey.reports.models import CosmeticWording
from survey.reports.pages.factsheet import build_factsheet, factsheet_pdf
from survey.reports.pages.figures import Selection, filter_choices, parse_group, policy_for, variable_label
from survey.reports.pages.page import build_page
from survey.reports.pages.trends import series_rounds, trend_page
from survey.reports.results import completed_counts, load_round

register_nav("Results", "reports.list_surveys", Permission.VIEW_RESULTS, 40)
bp.add_app_template_filter(format_count, "nl_count")
bp.add_app_template_filter(format_percentage, "nl_pct")
bp.add_app_template_filter(variable_label, "variable_label")
bp.add_app_template_filter(note_lines, "note_lines")


@bp.get("/")
@requires(Permission.VIEW_RESULTS)
def list_surveys():
    surveys = list(
        db.session.scalars(
            select(Survey).where(Survey.region_id == g.region.id).order_by(Survey.created_at.desc(), Survey.id.desc())
        )
    )
    counts = completed_counts([s.id for s in surveys])
    return render_template("reports/index.html", surveys=surveys, counts=counts)


def selection_from(form: FilterForm) -> Selection:
    """The selection a valid filter form asks for."""
    group = parse_group(form.groep.data)
    return Selection(
        language=form.taal.data or None,
        variable=group[0] if group else None,
        value=group[1] if group else None,
        breakdown=form.uitsplitsing.data or None,
    )


@bp.get("/<int:survey_id>/")
@requires(Permission.VIEW_RESULTS)
def show_results(survey_id):
    survey = get_in_region(Survey, survey_id)
    data = load_round(survey)
    choices = filter_choices(data.respondents, data.variables, policy_for(survey))
    form = FilterForm(request.args, choices=choices)
    selection = selection_from(form) if request.args and form.validate() else Selection()
    page = build_page(survey, selection, data, choices)
    db.session.commit()  # keeps the round's grouped counts (ResultsCache) for the next view
    return render_template(
        "reports/results.html",
        survey=survey,
        page=page,
        form=form,
        selection=selection,
        generalised_note=generalised_note,
        rounds=series_rounds(survey),
    )


@bp.get("/<int:survey_id>/trend")
@requires(Permission.VIEW_RESULTS)
def show_trends(survey_id):
    survey = get_in_region(Survey, survey_id)
    trend = trend_page(survey)
    db.session.commit()  # keeps the rounds' grouped counts
    return render_template("reports/trends.html", survey=survey, trend=trend)


@bp.post("/<int:survey_id>/trend/cosmetisch")
@requires(Permission.BUILD_SURVEYS)
def mark_cosmetic(survey_id):
    """The researcher says an item's new wording asks the same thing (or takes that back)."""
    survey = get_in_region(Survey, survey_id)
    code = (request.form.get("item") or "").strip()[:60]
    if not code:
        flash(_("Choose a question."), "error")
        return redirect(url_for("reports.show_trends", survey_id=survey.id))
    found = db.session.get(CosmeticWording, (survey.id, code))
    if found is None:
        db.session.add(CosmeticWording(survey_id=survey.id, item_code=code, marked_by_id=current_user.id))
        message = _(
            "The change in %(code)s is marked as cosmetic: it is compared with the round before again.", code=code
        )
    else:
        db.session.delete(found)
        message = _("%(code)s is no longer compared with the round before: its wording changed.", code=code)
    record("trend.cosmetic", survey, item=code, cosmetic=found is None)
    db.session.commit()
    flash(message, "success")
    return redirect(url_for("reports.show_trends", survey_id=survey.id))


@bp.get("/<int:survey_id>/factsheet")
@requires(Permission.VIEW_RESULTS)
def show_factsheet(survey_id):
    survey = get_in_region(Survey, survey_id)
    sheet = build_factsheet(survey)
    db.session.commit()  # keeps the round's grouped counts
    return render_template("reports/factsheet.html", survey=survey, sheet=sheet)


@bp.get("/<int:survey_id>/factsheet.pdf")
@requires(Permission.VIEW_RESULTS)
def download_factsheet(survey_id):
    survey = get_in_region(Survey, survey_id)
    pdf = factsheet_pdf(build_factsheet(survey))
    record("results.factsheet_pdf", survey)
    db.session.commit()
    name = _("factsheet-%(id)s.pdf", id=survey.id)
    return Response(pdf, mimetype="application/pdf", headers={"Content-Disposition": f'attachment; filename="{name}"'})
