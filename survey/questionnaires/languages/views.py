"""Languages of a questionnaire and the side-by-side translation page (Dutch beside the other language)."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from forms.questionnaires import ConfirmForm, LanguageForm
from survey.access import requires
from survey.accounts.models import Permission
from survey.i18n import text_direction
from survey.questionnaires import versions
from survey.questionnaires.blueprint import bp
from survey.questionnaires.builder.feedback import problem_messages
from survey.questionnaires.content.document import DocumentError
from survey.questionnaires.languages import services as languages
from survey.questionnaires.views import commit_or_conflict, conflict, conflict_message, get_survey

SURVEY_PREFIX = "survey:"
SETTING_NAMES = {
    "title": _l("Title"),
    "introduction": _l("Introduction on the welcome page"),
    "organiser": _l("Who runs the research"),
    "privacy_statement": _l("Privacy statement"),
    "help_text": _l("Where to find help (thank-you page)"),
}
ENTRY_NAMES = {
    "title": _l("section title"),
    "intro": _l("section introduction"),
    "text": _l("question"),
    "hint": _l("explanation"),
    "option": _l("answer option"),
    "statement": _l("statement"),
    "scale": _l("answer scale (used by every question of this type)"),
    "list": _l("list item"),
}


def _overview_url(survey):
    return url_for("questionnaires.list_languages", survey_id=survey.id)


@bp.get("/<int:survey_id>/vertalingen")
@requires(Permission.BUILD_SURVEYS)
def list_languages(survey_id):
    survey = get_survey(survey_id)
    document = versions.editable_document(survey)
    token = versions.lock_token(survey)
    return render_template(
        "questionnaires/languages.html",
        survey=survey,
        document=document,
        completeness=languages.completeness(document),
        form=LanguageForm(lock=token),
        confirm=ConfirmForm(lock=token),
        common=languages.COMMON_LANGUAGES,
        name=languages.language_name,
        is_rtl=languages.is_rtl,
        page_texts=languages.page_texts,
    )


@bp.post("/<int:survey_id>/talen")
@requires(Permission.BUILD_SURVEYS)
def add_language(survey_id):
    survey = get_survey(survey_id)
    document = versions.editable_document(survey)
    form = LanguageForm()
    code = (form.language.data or "").strip().lower()
    if not form.validate_on_submit() or not languages.valid_language(code):
        flash(_("Enter a language code of two or three letters, such as en or ar."), "error")
        return redirect(_overview_url(survey))
    if code in document.languages:
        flash(_("This questionnaire already has %(language)s.", language=languages.language_name(code)), "error")
        return redirect(_overview_url(survey))
    languages.add_language(document, code)
    if not _store(survey, document, form.lock.data):
        return conflict(survey)
    flash(
        _("%(language)s has been added. Fill in the translations.", language=languages.language_name(code)), "success"
    )
    return redirect(url_for("questionnaires.translate", survey_id=survey.id, language=code))


@bp.post("/<int:survey_id>/talen/<language>/verwijderen")
@requires(Permission.BUILD_SURVEYS)
def remove_language(survey_id, language):
    survey = get_survey(survey_id)
    document = versions.editable_document(survey)
    form = ConfirmForm()
    if language not in document.languages or language == languages.SOURCE or not form.validate_on_submit():
        abort(404)
    languages.remove_language(document, language)
    for name in languages.SETTING_LABELS:
        texts = dict(getattr(survey, name) or {})
        if texts.pop(language, None) is not None:
            setattr(survey, name, texts)
    if not _store(survey, document, form.lock.data):
        return conflict(survey)
    flash(_("%(language)s has been removed with its texts.", language=languages.language_name(language)), "success")
    return redirect(_overview_url(survey))


@bp.route("/<int:survey_id>/vertalingen/<language>", methods=["GET", "POST"])
@requires(Permission.BUILD_SURVEYS)
def translate(survey_id, language):
    """Every text with Dutch beside it; empty fields are the missing translations."""
    survey = get_survey(survey_id)
    document = versions.editable_document(survey)
    if language not in document.languages or language == languages.SOURCE:
        abort(404)
    errors = []
    form = ConfirmForm(lock=versions.lock_token(survey))
    if form.validate_on_submit():
        values = {key: request.form[key] for key in request.form if not key.startswith(("csrf_token", "lock"))}
        languages.apply_translations(document, language, values)
        _apply_survey_texts(survey, language, values)
        if _store(survey, document, form.lock.data, errors):
            flash(_("The translations have been saved."), "success")
            return redirect(url_for("questionnaires.translate", survey_id=survey.id, language=language))
        form.lock.data = versions.lock_token(get_survey(survey_id))
    survey_entries = [
        languages.Entry(SURVEY_PREFIX + name, "", name, dict(getattr(survey, name) or {}))
        for name in languages.SETTING_LABELS
        if (getattr(survey, name) or {}).get("nl")
    ]
    return render_template(
        "questionnaires/translate.html",
        survey=survey,
        form=form,
        language=language,
        name=languages.language_name(language),
        direction=text_direction(language),
        survey_entries=survey_entries,
        entries=languages.translatable(document),
        errors=errors,
        values=request.form if request.method == "POST" else None,
        setting_labels=SETTING_NAMES,
        kind_labels=ENTRY_NAMES,
    )


def _apply_survey_texts(survey, language: str, values: dict) -> None:
    for name in languages.SETTING_LABELS:
        key = SURVEY_PREFIX + name
        if key not in values:
            continue
        texts = dict(getattr(survey, name) or {})
        value = (values[key] or "").strip()
        if value:
            texts[language] = value
        else:
            texts.pop(language, None)
        if texts != (getattr(survey, name) or {}):
            setattr(survey, name, texts)


def _store(survey, document, token, errors: list | None = None) -> bool:
    """Save the document (and changed survey texts) in one commit; False on a conflict or a problem."""
    try:
        versions.save_document(survey, document, token)
    except versions.ConflictError:
        if errors is not None:
            errors.append(conflict_message())
        return False
    except DocumentError as error:
        if errors is not None:
            errors.extend(problem_messages(error))
        return False
    if commit_or_conflict():
        return True
    if errors is not None:
        errors.append(conflict_message())
    return False
