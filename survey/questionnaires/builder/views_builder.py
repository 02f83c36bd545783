"""Builder routes for sections and questions: add, edit, move up/down, duplicate, delete (no JavaScript)."""

from flask import abort, flash, render_template, request
from flask_babel import gettext as _

from forms.questionnaires import ConfirmForm, SectionForm
from forms.questions import QuestionForm
from survey.access import requires
from survey.accounts.models import Permission
from survey.questionnaires import versions
from survey.questionnaires.blueprint import bp
from survey.questionnaires.builder import editing, overview
from survey.questionnaires.builder import form_data as builder
from survey.questionnaires.builder.feedback import problem_messages
from survey.questionnaires.content.document import DocumentError, Section
from survey.questionnaires.content.registry import REGISTRY
from survey.questionnaires.views import (
    commit_or_conflict,
    conflict,
    conflict_message,
    get_survey,
    refused,
    to_builder,
)

#: which form field a document problem belongs to, by msgid
FIELD_OF = {
    "The question has no text.": "text",
    "Item code %(code)s is not valid: use a letter followed by letters or digits, such as T1.": "code",
    "Item code %(code)s is used twice.": "code",
    "A choice question needs at least two options.": "options",
    "Two options have the same code.": "options",
    "A group of statements needs at least one statement.": "statements",
    "The minimum is higher than the maximum.": "max",
    "The maximum length must be a number between 1 and 100000.": "max_length",
    "The condition is not valid.": "condition_item",
    "The condition refers to %(code)s, which is not an earlier question.": "condition_item",
    "The condition needs a number to compare with.": "condition_value",
    "The text shows the answer to %(code)s, which is not an earlier question.": "text",
    "{item} only works in a section that repeats over a list.": "text",
    "The section repeats over list %(name)s, which does not exist.": "repeat",
}


def _document_or_404(survey):
    return versions.editable_document(survey)


def _condition_choices(codes: list[str]):
    return [("", _("(always show)"))] + [(code, code) for code in codes]


def _save(survey, document, token):
    """Store the edited document and commit; returns None on success or the reason it failed."""
    try:
        versions.save_document(survey, document, token)
    except versions.ConflictError:
        return "conflict"
    except DocumentError as error:
        return error
    return None if commit_or_conflict() else "conflict"


def _action(survey_id, change, success: str, anchor=None):
    """A small POST action (move, duplicate, delete) on the current document."""
    survey = get_survey(survey_id)
    form = ConfirmForm()
    if not form.validate_on_submit():
        abort(400)
    document = _document_or_404(survey)
    try:
        change(document)
    except editing.NotFound:
        abort(404)
    outcome = _save(survey, document, form.lock.data)
    if outcome == "conflict":
        return conflict(survey)
    if isinstance(outcome, DocumentError):
        return refused(survey, outcome, _("This change was not saved."))
    flash(success, "success")
    return to_builder(survey, anchor)


# sections -------------------------------------------------------------------------------------------


@bp.route("/<int:survey_id>/secties/nieuw", methods=["GET", "POST"])
@requires(Permission.BUILD_SURVEYS)
def add_section(survey_id):
    return _section_form(survey_id, None)


@bp.route("/<int:survey_id>/secties/<key>", methods=["GET", "POST"])
@requires(Permission.BUILD_SURVEYS)
def edit_section(survey_id, key):
    return _section_form(survey_id, key)


def _section_form(survey_id, key):
    survey = get_survey(survey_id)
    document = _document_or_404(survey)
    try:
        current = editing.section(document, key) if key else None
    except editing.NotFound:
        abort(404)
    earlier = overview.earlier_codes(document)["section:" + key if key else "end"]
    data = {"lock": versions.lock_token(survey)}
    if current is not None and request.method == "GET":
        data.update(title=current.title.get("nl", ""), intro=current.intro.get("nl", ""), repeat=current.repeat or "")
        if current.condition:
            data.update(
                condition_item=current.condition.item,
                condition_op=current.condition.op,
                condition_value=_value_text(current.condition.value),
            )
    form = SectionForm(data=data)
    form.condition_item.choices = _condition_choices(earlier)
    form.repeat.choices = [("", _("(do not repeat)"))] + [(name, name) for name in document.lists]
    errors = []
    if form.validate_on_submit():
        fields = {
            "title": builder.with_dutch(current.title if current else {}, form.title.data),
            "intro": builder.with_dutch(current.intro if current else {}, form.intro.data),
            "repeat": form.repeat.data or None,
            "condition": builder.condition_from(form.condition_data()),
        }
        if current is None:
            target = editing.add_section(document, Section(key="", **fields))
        else:
            target = editing.update_section(document, key, **fields)
        outcome = _save(survey, document, form.lock.data)
        if outcome is None:
            flash(_("The section has been saved."), "success")
            return to_builder(survey, f"sectie-{target.key}")
        errors = [conflict_message()] if outcome == "conflict" else problem_messages(outcome)
        form.lock.data = versions.lock_token(get_survey(survey_id))
    return render_template(
        "questionnaires/section.html", survey=survey, form=form, section=current, errors=errors, lists=document.lists
    )


def _value_text(value):
    return ",".join(map(str, value)) if isinstance(value, list) else ("" if value is None else str(value))


@bp.post("/<int:survey_id>/secties/<key>/verplaatsen")
@requires(Permission.BUILD_SURVEYS)
def move_section(survey_id, key):
    direction = editing.UP if request.form.get("richting") == "omhoog" else editing.DOWN
    return _action(
        survey_id, lambda d: editing.move_section(d, key, direction), _("The section has been moved."), f"sectie-{key}"
    )


@bp.post("/<int:survey_id>/secties/<key>/dupliceren")
@requires(Permission.BUILD_SURVEYS)
def duplicate_section(survey_id, key):
    return _action(
        survey_id,
        lambda d: editing.duplicate_section(d, key),
        _("The section has been copied; its questions got new item codes."),
    )


@bp.post("/<int:survey_id>/secties/<key>/verwijderen")
@requires(Permission.BUILD_SURVEYS)
def delete_section(survey_id, key):
    return _action(survey_id, lambda d: editing.delete_section(d, key), _("The section has been deleted."))


# questions ------------------------------------------------------------------------------------------


@bp.route("/<int:survey_id>/secties/<key>/vragen/nieuw", methods=["GET", "POST"])
@requires(Permission.BUILD_SURVEYS)
def add_question(survey_id, key):
    survey = get_survey(survey_id)
    document = _document_or_404(survey)
    try:
        target = editing.section(document, key)
    except editing.NotFound:
        abort(404)
    type_key = request.form.get("type") or request.args.get("soort", "")
    if type_key not in REGISTRY:
        return render_template("questionnaires/choose_type.html", survey=survey, section=target, types=REGISTRY)
    seen = overview.earlier_codes(document)
    index = document.sections.index(target)
    later = document.sections[index + 1] if index + 1 < len(document.sections) else None
    earlier = seen["section:" + later.key] if later else seen["end"]
    return _question_form(survey, document, None, type_key, earlier, key)


@bp.route("/<int:survey_id>/vragen/<code>", methods=["GET", "POST"])
@requires(Permission.BUILD_SURVEYS)
def edit_question(survey_id, code):
    survey = get_survey(survey_id)
    document = _document_or_404(survey)
    try:
        owner, _index, question = editing.locate(document, code)
    except editing.NotFound:
        abort(404)
    type_key = request.form.get("type") if request.method == "POST" else question.type
    if type_key not in REGISTRY:
        type_key = question.type
    earlier = overview.earlier_codes(document)[code]
    return _question_form(survey, document, question, type_key, earlier, owner.key)


def _question_form(survey, document, question, type_key, earlier, section_key):
    own = set(question.item_codes) | {question.code} if question else set()
    taken = editing.taken_codes(document) - own
    data = builder.form_data(question) if question is not None and request.method == "GET" else {}
    if question is None and request.method == "GET":
        data = {
            "code": editing.next_code(document, "I" if type_key == "informatie" else "V"),
            "required": REGISTRY[type_key].has_answer,
            "type": type_key,
        }
        data.update({name: value for name, value in REGISTRY[type_key].settings if value is not None})
    data.setdefault("lock", versions.lock_token(survey))
    form = QuestionForm(data=data, type_key=type_key, taken_codes=taken)
    form.condition_item.choices = _condition_choices(earlier)
    errors = []
    if request.form.get("wijzig_soort") is not None:
        form.type_key = type_key  # only show the fields of the new type; nothing is saved
    elif form.validate_on_submit():
        values = {name: field.data for name, field in form._fields.items()}
        values["condition"] = form.condition_data()
        new = builder.build_question(values, type_key, document.languages, question)
        if question is None:
            editing.add_question(document, section_key, new)
        else:
            editing.replace_question(document, question.code, new)
        outcome = _save(survey, document, form.lock.data)
        if outcome is None:
            flash(_("Question %(code)s has been saved.", code=new.code), "success")
            return to_builder(survey, f"vraag-{new.code}")
        if outcome == "conflict":
            errors = [conflict_message()]
            form.lock.data = versions.lock_token(get_survey(survey.id))
        else:
            errors = _attach(form, outcome, document, new)
    return render_template(
        "questionnaires/question.html",
        survey=survey,
        form=form,
        question=question,
        section_key=section_key,
        type_key=type_key,
        qtype=REGISTRY[type_key],
        errors=errors,
    )


def _attach(form, error: DocumentError, document, new) -> list[str]:
    """Problems of this question go to their field; problems elsewhere are listed above the form."""
    place = _place_of(document, new)
    general = []
    for where, msgid, params in error.problems:
        name = FIELD_OF.get(msgid)
        if where == place and name and name in form._fields:
            form._fields[name].errors = [*form._fields[name].errors, _(msgid, **params)]
        else:
            general.append(f"{where}: {_(msgid, **params)}")
    return general


def _place_of(document, question) -> str:
    for s_index, sec in enumerate(document.sections, start=1):
        for q_index, candidate in enumerate(sec.questions, start=1):
            if candidate is question:
                return f"sectie {s_index}, vraag {q_index}"
    return ""


@bp.post("/<int:survey_id>/vragen/<code>/verplaatsen")
@requires(Permission.BUILD_SURVEYS)
def move_question(survey_id, code):
    direction = editing.UP if request.form.get("richting") == "omhoog" else editing.DOWN
    return _action(
        survey_id,
        lambda d: editing.move_question(d, code, direction),
        _("Question %(code)s has been moved.", code=code),
        f"vraag-{code}",
    )


@bp.post("/<int:survey_id>/vragen/<code>/dupliceren")
@requires(Permission.BUILD_SURVEYS)
def duplicate_question(survey_id, code):
    return _action(
        survey_id,
        lambda d: editing.duplicate_question(d, code),
        _("Question %(code)s has been copied with a new item code.", code=code),
    )


@bp.post("/<int:survey_id>/vragen/<code>/verwijderen")
@requires(Permission.BUILD_SURVEYS)
def delete_question(survey_id, code):
    return _action(
        survey_id, lambda d: editing.delete_question(d, code), _("Question %(code)s has been deleted.", code=code)
    )
