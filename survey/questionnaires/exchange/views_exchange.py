"""Export and import of a questionnaire (JSON, XLSX) and the codebook (XLSX, CSV)."""

import io

from flask import flash, g, render_template, send_file
from flask_babel import gettext as _

from forms.questionnaires import ImportForm
from survey.access import requires
from survey.accounts.models import Permission
from survey.audit.services import record
from survey.extensions import db
from survey.questionnaires import services, versions
from survey.questionnaires.blueprint import bp
from survey.questionnaires.builder.feedback import problem_messages
from survey.questionnaires.content.document import DocumentError
from survey.questionnaires.exchange import codebook, spreadsheet
from survey.questionnaires.exchange.json_file import export_json, survey_settings
from survey.questionnaires.exchange.uploads import read_upload
from survey.questionnaires.views import commit_or_conflict, conflict_message, get_survey, to_builder

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(survey, data: bytes, kind: str, what: str, version, mimetype: str):
    record("survey.export", survey, format=kind, content=what, version=version.number)
    db.session.commit()
    name = f"{what}-{survey.id}-versie{version.number}.{kind}"
    return send_file(io.BytesIO(data), mimetype=mimetype, as_attachment=True, download_name=name)


@bp.get("/<int:survey_id>/export.json")
@requires(Permission.BUILD_SURVEYS)
def export_survey_json(survey_id):
    survey = get_survey(survey_id)
    version = versions.current_version(survey)
    data = export_json(survey, versions.document_of(version))
    return _download(survey, data, "json", "vragenlijst", version, "application/json")


@bp.get("/<int:survey_id>/export.xlsx")
@requires(Permission.BUILD_SURVEYS)
def export_survey_xlsx(survey_id):
    survey = get_survey(survey_id)
    version = versions.current_version(survey)
    data = spreadsheet.export_xlsx(survey_settings(survey), versions.document_of(version))
    return _download(survey, data, "xlsx", "vragenlijst", version, XLSX)


@bp.get("/<int:survey_id>/codeboek.xlsx")
@requires(Permission.BUILD_SURVEYS)
def export_codebook_xlsx(survey_id):
    survey = get_survey(survey_id)
    version = survey.published_version or versions.current_version(survey)
    return _download(survey, codebook.codebook_xlsx(versions.document_of(version)), "xlsx", "codeboek", version, XLSX)


@bp.get("/<int:survey_id>/codeboek.csv")
@requires(Permission.BUILD_SURVEYS)
def export_codebook_csv(survey_id):
    survey = get_survey(survey_id)
    version = survey.published_version or versions.current_version(survey)
    return _download(
        survey,
        codebook.codebook_csv(versions.document_of(version)),
        "csv",
        "codeboek",
        version,
        "text/csv; charset=utf-8",
    )


def _read(form) -> tuple:
    """The uploaded questionnaire, or the Dutch problems (nothing is stored either way)."""
    try:
        return read_upload(form.file.content, form.file.filename), []
    except DocumentError as error:
        return None, problem_messages(error)


@bp.route("/importeren", methods=["GET", "POST"])
@requires(Permission.BUILD_SURVEYS)
def import_new_survey():
    """A new survey from a file exported here or in another region."""
    form = ImportForm()
    errors = []
    if form.validate_on_submit():
        (result, errors) = _read(form)
        if result is not None:
            exchange, kind = result
            survey = services.create_from_exchange(g.region, exchange, source=kind)
            db.session.commit()
            flash(_("The questionnaire has been imported as a new draft."), "success")
            return to_builder(survey)
    return render_template("questionnaires/import.html", form=form, errors=errors, survey=None)


@bp.route("/<int:survey_id>/importeren", methods=["GET", "POST"])
@requires(Permission.BUILD_SURVEYS)
def import_into_survey(survey_id):
    """Replace the draft's questions by those in a file, for example after translation."""
    survey = get_survey(survey_id)
    form = ImportForm(lock=versions.lock_token(survey))
    errors = []
    if form.validate_on_submit():
        (result, errors) = _read(form)
        if result is not None:
            try:
                services.import_into(survey, result[0], form.lock.data, source=result[1])
            except versions.ConflictError:
                errors = [conflict_message()]
            except DocumentError as error:
                errors = problem_messages(error)
            else:
                if commit_or_conflict():
                    flash(_("The questions have been imported into the draft."), "success")
                    return to_builder(survey)
                errors = [conflict_message()]
        db.session.rollback()
        form.lock.data = versions.lock_token(get_survey(survey_id))
    return render_template("questionnaires/import.html", form=form, errors=errors, survey=survey)
