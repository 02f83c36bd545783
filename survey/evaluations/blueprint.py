"""The tussenevaluatie's staff blueprints, composing (``evaluations``) and reading (``evaluation_reports``),
and the view modules whose routes attach to them."""

from flask import Blueprint

from survey.access import staff_blueprint

bp = staff_blueprint("evaluations", __name__, "/tussenevaluaties")
reader = staff_blueprint("evaluation_reports", __name__, "/rapporten/tussenevaluaties")


def blueprints() -> tuple[Blueprint, ...]:
    """The blueprints of this package, to register, with the routes of its view modules attached."""
    from survey.evaluations import views, views_text  # noqa: F401 - their routes attach
    from survey.evaluations.statements import views_review  # noqa: F401 - their routes attach

    return (bp, reader)
