"""Staff pages of the monitor: data requests, indicators, values, the template and uploads."""

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from analysis.programmes.periods import MONTH, QUARTER, parse_period
from forms.fields import decimal_text
from forms.programme_data import IndicatorForm, IndicatorSetForm, MeasurementForm, UploadForm
from survey.access import get_in_region, requires
from survey.accounts.models import Permission
from survey.audit.services import record
from survey.extensions import db
from survey.programmes.blueprint import bp
from survey.programmes.lookup import programme_in_region
from survey.programmes.monitor import measurements as data
from survey.programmes.monitor.conflicts import conflicts_of, origin, resolve
from survey.programmes.monitor.datarequest import template_bytes
from survey.programmes.monitor.indicators import Indicator, IndicatorSet, Measurement, MeasurementUpload
from survey.programmes.monitor.problems import describe

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@bp.get("/<int:programme_id>/indicatoren")
@requires(Permission.MANAGE_PROGRAMMES)
def list_indicators(programme_id):
    programme = programme_in_region(programme_id)
    return render_template("programmes/indicators.html", programme=programme, sets=data.indicator_sets(programme))


@bp.route("/<int:programme_id>/uitvragen/nieuw", methods=["GET", "POST"])
@requires(Permission.MANAGE_PROGRAMMES)
def create_indicator_set(programme_id):
    programme = programme_in_region(programme_id)
    form = IndicatorSetForm(taken=[s.name for s in data.indicator_sets(programme)])
    if form.validate_on_submit():
        data.create_indicator_set(programme, **form.fields())
        db.session.commit()
        flash(_("The data request has been created."), "success")
        return redirect(url_for("programmes.list_indicators", programme_id=programme.id))
    return render_template("programmes/indicator_set_form.html", form=form, programme=programme, indicator_set=None)


@bp.route("/uitvraag/<int:indicator_set_id>/bewerken", methods=["GET", "POST"])
@requires(Permission.MANAGE_PROGRAMMES)
def edit_indicator_set(indicator_set_id):
    indicator_set = get_in_region(IndicatorSet, indicator_set_id)
    others = [s.name for s in data.indicator_sets(indicator_set.programme) if s is not indicator_set]
    form = IndicatorSetForm(obj=indicator_set, taken=others)
    if form.validate_on_submit():
        data.update_indicator_set(indicator_set, **form.fields())
        db.session.commit()
        flash(_("The data request has been saved."), "success")
        return redirect(url_for("programmes.list_indicators", programme_id=indicator_set.programme_id))
    return render_template(
        "programmes/indicator_set_form.html", form=form, programme=indicator_set.programme, indicator_set=indicator_set
    )


@bp.post("/uitvraag/<int:indicator_set_id>/verwijderen")
@requires(Permission.MANAGE_PROGRAMMES)
def delete_indicator_set(indicator_set_id):
    indicator_set = get_in_region(IndicatorSet, indicator_set_id)
    programme_id = indicator_set.programme_id
    try:
        data.delete_indicator_set(indicator_set)
    except data.InUse as used:
        flash(_("Indicator '%(name)s' is used by a target. Remove the target first.", name=str(used)), "error")
        return redirect(url_for("programmes.edit_indicator_set", indicator_set_id=indicator_set_id))
    db.session.commit()
    flash(_("The data request has been deleted."), "success")
    return redirect(url_for("programmes.list_indicators", programme_id=programme_id))


@bp.get("/uitvraag/<int:indicator_set_id>/sjabloon.xlsx")
@requires(Permission.MANAGE_PROGRAMMES)
def download_template(indicator_set_id):
    indicator_set = get_in_region(IndicatorSet, indicator_set_id)
    typed = request.args.get("periode", "").strip()
    period = parse_period(typed, QUARTER) or parse_period(typed, MONTH) if typed else None
    if typed and period is None:
        flash(_("Enter a period such as 2026-K1 or 2026-03, or leave it empty."), "error")
        return redirect(url_for("programmes.upload_measurements", indicator_set_id=indicator_set_id))
    name = f"data-uitvraag-{indicator_set.id}{'-' + period if period else ''}.xlsx"
    return Response(
        template_bytes(indicator_set, period),
        mimetype=XLSX,
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@bp.route("/uitvraag/<int:indicator_set_id>/uploaden", methods=["GET", "POST"])
@requires(Permission.MANAGE_PROGRAMMES)
def upload_measurements(indicator_set_id):
    indicator_set = get_in_region(IndicatorSet, indicator_set_id)
    form, report = UploadForm(), None
    if form.validate_on_submit():
        result, stored = data.import_upload(
            indicator_set, form.file.content, form.file.filename, form.source.data.strip(), current_user
        )
        if stored is not None:
            waiting = sum(len(conflicts_of(i)) for i in indicator_set.indicators)
            db.session.commit()
            flash(_("%(n)s values have been imported.", n=stored.row_count), "success")
            if waiting:
                flash(
                    ngettext(
                        "%(num)s period has two values that wait for a choice on the indicator's page; "
                        "they are not added up.",
                        "%(num)s periods have two values that wait for a choice on the indicator's "
                        "page; they are not added up.",
                        waiting,
                    ),
                    "info",
                )
            if result.skipped_without_value:
                flash(_("%(n)s rows without a value were skipped.", n=result.skipped_without_value), "info")
            return redirect(url_for("programmes.upload_measurements", indicator_set_id=indicator_set.id))
        db.session.rollback()
        record("measurements.upload_refused", indicator_set, problems=len(result.problems))
        db.session.commit()
        report = [(p, describe(p)) for p in result.problems]
    return render_template(
        "programmes/upload.html",
        form=form,
        indicator_set=indicator_set,
        report=report,
        uploads=data.uploads_of(indicator_set),
    )


@bp.post("/upload/<int:upload_id>/verwijderen")
@requires(Permission.MANAGE_PROGRAMMES)
def delete_upload(upload_id):
    upload = get_in_region(MeasurementUpload, upload_id)
    set_id = upload.indicator_set_id
    data.delete_upload(upload)
    db.session.commit()
    flash(_("The upload and its values have been deleted."), "success")
    return redirect(url_for("programmes.upload_measurements", indicator_set_id=set_id))


@bp.route("/<int:programme_id>/indicatoren/nieuw", methods=["GET", "POST"])
@requires(Permission.MANAGE_PROGRAMMES)
def create_indicator(programme_id):
    programme = programme_in_region(programme_id)
    sets = data.indicator_sets(programme)
    if not sets:
        flash(_("First create a data request: every indicator belongs to one."), "info")
        return redirect(url_for("programmes.create_indicator_set", programme_id=programme.id))
    form = IndicatorForm(sets=sets, taken=[i.name for i in data.programme_indicators(programme)])
    if not form.is_submitted():
        form.indicator_set.data = request.args.get("uitvraag", str(sets[0].id))
    if form.validate_on_submit():
        fields = form.fields()
        indicator = data.create_indicator(fields.pop("indicator_set"), **fields)
        db.session.commit()
        flash(_("The indicator has been created."), "success")
        return redirect(url_for("programmes.show_indicator", indicator_id=indicator.id))
    return render_template("programmes/indicator_form.html", form=form, programme=programme, indicator=None)


@bp.route("/indicator/<int:indicator_id>/", methods=["GET", "POST"])
@requires(Permission.MANAGE_PROGRAMMES)
def show_indicator(indicator_id):
    indicator = get_in_region(Indicator, indicator_id)
    programme = indicator.indicator_set.programme
    form = MeasurementForm(indicator=indicator, gemeenten=programme.gemeenten or [])
    existing = []
    if form.validate_on_submit():
        fields = form.fields()
        existing = data.values_there(indicator, fields["period"], fields["gemeente"])
        if data.value_exists(indicator, fields["period"], fields["gemeente"], fields["source"]):
            form.period.errors.append(
                _("There is already a value for this period, gemeente and source. Delete it first.")
            )
        elif existing and not form.existing.data:
            form.existing.errors.append(
                _("Say whether your value corrects the value already there, or whether you want to choose later.")
            )
        else:
            data.add_measurement(indicator, user=current_user, corrects=form.existing.data == "correction", **fields)
            db.session.commit()
            flash(_("The value has been saved."), "success")
            if existing and form.existing.data == "conflict":
                flash(_("Two values for one period are not added up. Choose below which one counts."), "info")
            return redirect(url_for("programmes.show_indicator", indicator_id=indicator.id))
    return render_template(
        "programmes/indicator.html",
        indicator=indicator,
        programme=programme,
        form=form,
        values=data.measurements_of(indicator),
        existing=existing,
        conflicts=conflicts_of(indicator),
        origin=origin,
    )


@bp.post("/meting/<int:measurement_id>/kiezen")
@requires(Permission.MANAGE_PROGRAMMES)
def choose_measurement(measurement_id):
    """Resolve a conflict: this value counts, the others of its period and gemeente are set aside."""
    measurement = get_in_region(Measurement, measurement_id)
    resolve(measurement, current_user, correction=request.form.get("mode") == "correction")
    db.session.commit()
    flash(
        _(
            "The value %(value)s counts for %(period)s; the other values are kept but not counted.",
            value=decimal_text(measurement.value),
            period=measurement.period,
        ),
        "success",
    )
    return redirect(url_for("programmes.show_indicator", indicator_id=measurement.indicator_id))


@bp.route("/indicator/<int:indicator_id>/bewerken", methods=["GET", "POST"])
@requires(Permission.MANAGE_PROGRAMMES)
def edit_indicator(indicator_id):
    indicator = get_in_region(Indicator, indicator_id)
    programme = indicator.indicator_set.programme
    others = [i.name for i in data.programme_indicators(programme) if i is not indicator]
    form = IndicatorForm(obj=indicator, sets=data.indicator_sets(programme), taken=others)
    if not form.is_submitted():
        form.indicator_set.data = str(indicator.indicator_set_id)
    if form.validate_on_submit():
        data.update_indicator(indicator, **form.fields())
        db.session.commit()
        flash(_("The indicator has been saved."), "success")
        return redirect(url_for("programmes.show_indicator", indicator_id=indicator.id))
    return render_template("programmes/indicator_form.html", form=form, programme=programme, indicator=indicator)


@bp.post("/indicator/<int:indicator_id>/verwijderen")
@requires(Permission.MANAGE_PROGRAMMES)
def delete_indicator(indicator_id):
    indicator = get_in_region(Indicator, indicator_id)
    programme_id = indicator.indicator_set.programme_id
    try:
        data.delete_indicator(indicator)
    except data.InUse:
        flash(_("This indicator is used by a target. Remove the target first."), "error")
        return redirect(url_for("programmes.show_indicator", indicator_id=indicator_id))
    db.session.commit()
    flash(_("The indicator has been deleted."), "success")
    return redirect(url_for("programmes.list_indicators", programme_id=programme_id))


@bp.post("/meting/<int:measurement_id>/verwijderen")
@requires(Permission.MANAGE_PROGRAMMES)
def delete_measurement(measurement_id):
    measurement = get_in_region(Measurement, measurement_id)
    indicator_id = measurement.indicator_id
    data.delete_measurement(measurement)
    db.session.commit()
    flash(_("The value has been deleted."), "success")
    return redirect(url_for("programmes.show_indicator", indicator_id=indicator_id))
