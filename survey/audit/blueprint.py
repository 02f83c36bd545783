"""The audit log's staff blueprint (``/beheer/<region>/audit``) and the view module whose routes attach to it."""

from flask import Blueprint

from survey.access import staff_blueprint

bp = staff_blueprint("audit", __name__, "/audit")


def blueprints() -> tuple[Blueprint, ...]:
    """The blueprints of this package, to register, with the routes of its view modules attached."""
    from survey.audit import views  # noqa: F401 - their routes attach

    return (bp,)
