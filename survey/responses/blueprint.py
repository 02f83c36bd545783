"""The respondent's blueprint (``responses``) and the view modules whose routes attach to it.

It is public (the ways in, the questions) and also holds the staff preview and interviewer entry under
``/beheer/<region>/…`` (staff/views.py): url_for fills in the current region where such a route expects one.
"""

from flask import Blueprint

from survey.access import add_region_to_staff_urls

bp = Blueprint("responses", __name__)
add_region_to_staff_urls(bp)


def blueprints() -> tuple[Blueprint, ...]:
    """The blueprints of this package, to register, with the routes of its view modules attached."""
    # their routes attach to ``bp`` when imported
    from survey.responses import views  # noqa: F401
    from survey.responses.staff import views as staff_views  # noqa: F401
    from survey.responses.steps import keep_views  # noqa: F401
    from survey.responses.steps import views as step_views  # noqa: F401

    return (bp,)
