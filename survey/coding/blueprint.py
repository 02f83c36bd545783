"""The staff blueprint of the coding stage (``/beheer/<region>/coderen``), its lookups inside the region, and
the view modules (one per role subfolder) whose routes attach to it."""

from flask import Blueprint, abort, flash, g
from flask_babel import gettext as _
from sqlalchemy import select

from survey.access import get_in_region, staff_blueprint
from survey.accounts.models import Permission
from survey.coding.models import Codebook, CodedAnswer, Theme
from survey.coding.questions import OpenQuestion, open_question
from survey.extensions import db
from survey.navigation import register_nav
from survey.questionnaires.models import Survey
from survey.responses.models import Answer, Response

bp = staff_blueprint("coding", __name__, "/coderen")

register_nav("Coding", "coding.index", Permission.CODE_ANSWERS, 40)


def load_question(survey_id: int, item_code: str) -> tuple[Survey, OpenQuestion]:
    """The survey (of this region) and its open question with this item code, else 404."""
    survey = get_in_region(Survey, survey_id)
    question = open_question(survey, item_code)
    if question is None:
        abort(404)
    return survey, question


def load_answer_question(answer_id: int) -> tuple[Survey, OpenQuestion]:
    """The survey and open question an answer belongs to (both in this region), else 404."""
    row = db.session.execute(
        select(Response.survey_id, Answer.item_code)
        .join(Response, Response.id == Answer.response_id)
        .where(Answer.id == answer_id)
    ).first()
    if row is None:
        abort(404)
    return load_question(row.survey_id, row.item_code)


def load_coded(survey: Survey, item_code: str, answer_id: int) -> CodedAnswer:
    coded = db.session.scalar(
        select(CodedAnswer).where(
            CodedAnswer.answer_id == answer_id, CodedAnswer.survey_id == survey.id, CodedAnswer.item_code == item_code
        )
    )
    if coded is None:
        abort(404)
    return coded


def refuse_waiting_answer() -> None:
    """Tell a coder who confirmed an answer still waiting for scrubbing that nothing was saved."""
    flash(
        _(
            "This answer cannot be coded yet: names and other identifying details have not been removed from it. "
            "Nothing was saved."
        ),
        "error",
    )


def load_codebook(codebook_id: int) -> Codebook:
    return get_in_region(Codebook, codebook_id)


def load_theme(theme_id: int) -> Theme:
    theme = db.session.get(Theme, theme_id)
    if theme is None or theme.codebook.region_id != g.region.id:
        abort(404)
    return theme


def blueprints() -> tuple[Blueprint, ...]:
    """The blueprints of this package, to register, with the routes of its view modules attached."""
    from survey.coding.agreement import views as agreement_views  # noqa: F401 - their routes attach
    from survey.coding.answers import views as answer_views  # noqa: F401 - their routes attach
    from survey.coding.codebooks import views as codebook_views  # noqa: F401 - their routes attach
    from survey.coding.scrubbing import views as scrubbing_views  # noqa: F401 - their routes attach
    from survey.coding.suggestions import views as suggestion_views  # noqa: F401 - their routes attach

    return (bp,)
