"""The site's blueprint (home page, health check, language choice) and the view module whose routes attach to it."""

from flask import Blueprint

bp = Blueprint("site", __name__)

BLUEPRINTS = (bp,)

from survey.site import views  # noqa: E402, F401 - its routes attach to the blueprint above
