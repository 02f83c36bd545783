"""The programme stage's staff blueprint (``/beheer/<region>/programma``) and the view modules whose routes
attach to it."""

from flask import Blueprint

from survey.access import staff_blueprint

bp = staff_blueprint("programmes", __name__, "/programma")


def blueprints() -> tuple[Blueprint, ...]:
    """The blueprints of this package, to register, with the routes of its view modules attached."""
    from survey.programmes import views, views_project  # noqa: F401 - their routes attach
    from survey.programmes.monitor import views_data  # noqa: F401 - their routes attach
    from survey.programmes.progress_reports import views_progress  # noqa: F401 - their routes attach

    return (bp,)
