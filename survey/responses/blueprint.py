"""The respondent's blueprint (``responses``) and the view modules whose routes attach to it.

It is public (the ways in, the questions) and also holds the staff preview and interviewer entry under
``/beheer/<region>/…`` (staff_views.py): url_for fills in the current region where such a route expects one.
"""

from flask import Blueprint

from survey.access import add_region_to_staff_urls

bp = Blueprint("responses", __name__)
add_region_to_staff_urls(bp)


def blueprints() -> tuple[Blueprint, ...]:
    """The blueprints of this package, to register, with the routes of its view modules attached."""
    from survey.responses import keep_views, staff_views, step_views, views  # noqa: F401 - their routes attach

    return (bp,)
