"""The site's blueprint (home page, health check, language choice) and the view module whose routes attach to it."""

from flask import Blueprint

bp = Blueprint("site", __name__)


def blueprints() -> tuple[Blueprint, ...]:
    """The blueprints of this package, to register, with the routes of its view modules attached."""
    from survey.site import views  # noqa: F401 - their routes attach

    return (bp,)
