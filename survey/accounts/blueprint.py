"""The accounts stage's blueprints, public (``accounts``: log in, password) and staff (``staff``: users,
region settings, overview), and the view module whose routes attach to them."""

from flask import Blueprint

from survey.access import staff_blueprint

bp = Blueprint("accounts", __name__)
staff = staff_blueprint("staff", __name__)


def blueprints() -> tuple[Blueprint, ...]:
    """The blueprints of this package, to register, with the routes of its view modules attached."""
    from survey.accounts import views  # noqa: F401 - their routes attach

    return (bp, staff)
