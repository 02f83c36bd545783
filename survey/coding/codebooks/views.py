"""Codebook screens: which codebook a question uses, themes, import and export."""

from flask import Response, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from forms.coding import ActionForm, ChooseCodebookForm, ImportCodebookForm, ThemeForm
from survey.access import requires
from survey.accounts.models import Permission
from survey.audit.services import record
from survey.coding import jobs
from survey.coding.answers import services as answers
from survey.coding.blueprint import bp, load_codebook, load_question, load_theme
from survey.coding.codebooks import services as codebooks
from survey.coding.codebooks import transfer
from survey.extensions import db

DEFAULT_LABELS = {
    "ceo": _l("The standard codebook for the CEO (client experience survey)"),
    "stakeholder": _l("The standard codebook for the stakeholder survey"),
}


@bp.route("/<int:survey_id>/<item_code>/codeboek", methods=["GET", "POST"])
@requires(Permission.VIEW_RESULTS)
def choose_codebook(survey_id, item_code):
    survey, question = load_question(survey_id, item_code)
    link = codebooks.ensure_question_codebook(survey, item_code)
    books = codebooks.region_codebooks(g.region.id)
    form = ChooseCodebookForm()
    form.choice.choices = (
        [(f"default:{k}", DEFAULT_LABELS[k]) for k in codebooks.DEFAULT_KINDS]
        + [(f"book:{b.id}", b.name) for b in books]
        + [("new", _l("A new, empty codebook"))]
    )
    if request.method == "GET":
        form.choice.data = f"book:{link.codebook_id}" if link else f"default:{codebooks.default_kind(survey)}"
    if form.validate_on_submit():
        book = _chosen_book(form, books)
        link = codebooks.attach_codebook(survey, item_code, book)
        jobs.code_answers(survey, item_code)
        answers.recode_question(link)
        db.session.commit()
        flash(_("Question %(code)s is now coded with %(name)s.", code=item_code, name=book.name), "success")
        return redirect(url_for("coding.list_answers", survey_id=survey.id, item_code=item_code))
    return render_template("coding/choose_codebook.html", survey=survey, question=question, link=link, form=form)


def _chosen_book(form, books):
    choice = form.choice.data
    if choice.startswith("default:"):
        return codebooks.create_from_default(g.region.id, choice.removeprefix("default:"))
    if choice == "new":
        return codebooks.create_empty(g.region.id, form.name.data)
    return next(b for b in books if f"book:{b.id}" == choice)


@bp.get("/codeboeken")
@requires(Permission.VIEW_RESULTS)
def list_codebooks():
    books = codebooks.region_codebooks(g.region.id)
    usage = {b.id: codebooks.questions_using(b) for b in books}
    return render_template("coding/codebooks.html", books=books, usage=usage)


@bp.get("/codeboeken/<int:codebook_id>")
@requires(Permission.VIEW_RESULTS)
def show_codebook(codebook_id):
    book = load_codebook(codebook_id)
    return render_template(
        "coding/codebook.html",
        book=book,
        themes=sorted(book.themes, key=lambda t: t.position),
        usage=codebooks.questions_using(book),
    )


def _theme_form(book, theme=None) -> ThemeForm:
    form = (
        ThemeForm()
        if request.method == "POST" or theme is None
        else ThemeForm(
            label=theme.label,
            description=theme.description,
            parent_id=theme.parent_id or 0,
            seed_words="\n".join(theme.seed_words or []),
            examples="\n".join(theme.examples or []),
        )
    )
    form.parent_id.choices = [(0, _("(none: this is a main theme)"))] + [
        (t.id, t.label) for t in sorted(book.themes, key=lambda t: t.position) if theme is None or t.id != theme.id
    ]
    return form


def _theme_fields(form) -> tuple:
    """A theme form's fields as ``add_theme`` and ``update_theme`` take them: label, description, parent,
    seed words (one a line) and examples (one a line)."""
    return (
        form.label.data,
        form.description.data or "",
        form.parent_id.data or None,
        codebooks.split_lines(form.seed_words.data),
        codebooks.split_lines(form.examples.data, r"\n"),
    )


@bp.route("/codeboeken/<int:codebook_id>/themas/nieuw", methods=["GET", "POST"])
@requires(Permission.VIEW_RESULTS)
def new_theme(codebook_id):
    book = load_codebook(codebook_id)
    form = _theme_form(book)
    if form.validate_on_submit():
        try:
            theme = codebooks.add_theme(book, *_theme_fields(form))
        except codebooks.ThemeProblem as problem:
            getattr(form, problem.field).errors.append(problem.message)
        else:
            answers.recode_codebook(book)
            db.session.commit()
            flash(_("Theme %(label)s has been added.", label=theme.label), "success")
            return redirect(url_for("coding.show_codebook", codebook_id=book.id))
    return render_template("coding/theme_form.html", book=book, form=form, theme=None)


@bp.route("/themas/<int:theme_id>", methods=["GET", "POST"])
@requires(Permission.VIEW_RESULTS)
def edit_theme(theme_id):
    theme = load_theme(theme_id)
    book = theme.codebook
    form = _theme_form(book, theme)
    if form.validate_on_submit():
        try:
            codebooks.update_theme(theme, *_theme_fields(form))
        except codebooks.ThemeProblem as problem:
            getattr(form, problem.field).errors.append(problem.message)
        else:
            answers.recode_codebook(book)
            db.session.commit()
            flash(_("Theme %(label)s has been saved.", label=theme.label), "success")
            return redirect(url_for("coding.show_codebook", codebook_id=book.id))
    return render_template("coding/theme_form.html", book=book, form=form, theme=theme)


@bp.post("/themas/<int:theme_id>/verplaatsen")
@requires(Permission.VIEW_RESULTS)
def move_theme(theme_id):
    theme = load_theme(theme_id)
    if ActionForm().validate_on_submit():
        codebooks.move_theme(theme, -1 if request.form.get("direction") == "up" else 1)
        db.session.commit()
    return redirect(url_for("coding.show_codebook", codebook_id=theme.codebook_id) + f"#thema-{theme.id}")


@bp.post("/themas/<int:theme_id>/verwijderen")
@requires(Permission.VIEW_RESULTS)
def delete_theme(theme_id):
    theme = load_theme(theme_id)
    book, label = theme.codebook, theme.label
    if ActionForm().validate_on_submit():
        codebooks.delete_theme(theme)
        record("codebook.theme_delete", book, theme_id=theme_id)
        db.session.commit()
        flash(_("Theme %(label)s has been removed, with the codes given with it.", label=label), "success")
    return redirect(url_for("coding.show_codebook", codebook_id=book.id))


@bp.get("/codeboeken/<int:codebook_id>/export.<any(json, xlsx):fmt>")
@requires(Permission.VIEW_RESULTS)
def export_codebook(codebook_id, fmt):
    book = load_codebook(codebook_id)
    data = codebooks.to_data(book)
    record("codebook.export", book, format=fmt, themes=len(data.themes))
    db.session.commit()
    filename = f"codeboek-{codebooks.slug(book.name) or book.id}.{fmt}"
    if fmt == "json":
        body, mimetype = transfer.to_json(data), "application/json"
    else:
        body = transfer.to_xlsx(data)
        mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return Response(body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.route("/codeboeken/importeren", methods=["GET", "POST"])
@requires(Permission.VIEW_RESULTS)
def import_codebook():
    form = ImportCodebookForm()
    if form.validate_on_submit():
        content, name = form.file.content, (form.file.filename or "codeboek").rsplit(".", 1)[0]
        try:
            data = (
                transfer.from_json(content)
                if form.file.filename.lower().endswith(".json")
                else transfer.from_xlsx(content, name)
            )
        except transfer.ImportProblem as problem:
            form.file.errors.append(str(problem))
        else:
            book = codebooks.create_from_data(g.region.id, data)
            record("codebook.import", book, themes=len(data.themes))
            db.session.commit()
            flash(
                ngettext(
                    "Codebook %(name)s has been imported with %(num)s theme.",
                    "Codebook %(name)s has been imported with %(num)s themes.",
                    len(data.themes),
                    name=book.name,
                ),
                "success",
            )
            return redirect(url_for("coding.show_codebook", codebook_id=book.id))
    return render_template("coding/import.html", form=form)


@bp.post("/codeboeken/nieuw")
@requires(Permission.VIEW_RESULTS)
def create_codebook():
    kind = request.form.get("kind", "")
    if not ActionForm().validate_on_submit() or kind not in codebooks.DEFAULT_KINDS:
        flash(_("Choose one of the standard codebooks."), "error")
        return redirect(url_for("coding.list_codebooks"))
    book = codebooks.create_from_default(g.region.id, kind)
    db.session.commit()
    flash(_("Codebook %(name)s has been made from the standard codebook.", name=book.name), "success")
    return redirect(url_for("coding.show_codebook", codebook_id=book.id))
