"""The reports stage's blueprints and the modules whose routes attach to them.

Staff: ``reports`` (results), ``exports`` (downloads, both under ``/beheer/<region>/resultaten``) and
``api_tokens``. Public, with a token: ``api`` (``/api/v1``: JSON, CSV and OData from odata.py).
"""

from flask import Blueprint

from survey.access import staff_blueprint

reports = staff_blueprint("reports", __name__, "/resultaten")
exports = staff_blueprint("exports", __name__, "/resultaten")
api_tokens = staff_blueprint("api_tokens", __name__, "/api-sleutels")
api = Blueprint("api", __name__, url_prefix="/api/v1")


def blueprints() -> tuple[Blueprint, ...]:
    """The blueprints of this package, to register, with the routes of its view modules attached."""
    from survey.reports.api import odata, token_views  # noqa: F401 - their routes attach
    from survey.reports.api import views as api_views  # noqa: F401 - their routes attach
    from survey.reports.exports import views as export_views  # noqa: F401 - their routes attach
    from survey.reports.pages import views  # noqa: F401 - their routes attach

    return (reports, exports, api_tokens, api)
