"""The accounts stage's blueprints, public (``accounts``: log in, password) and staff (``staff``: users,
region settings, overview), and the view module whose routes attach to them."""

from flask import Blueprint

from survey.access import staff_blueprint

bp = Blueprint("accounts", __name__)
staff = staff_blueprint("staff", __name__)

BLUEPRINTS = (bp, staff)

from survey.accounts import views  # noqa: E402, F401 - its routes attach to the blueprints above
