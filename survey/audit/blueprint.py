"""The audit log's staff blueprint (``/beheer/<region>/audit``) and the view module whose routes attach to it."""

from survey.access import staff_blueprint

bp = staff_blueprint("audit", __name__, "/audit")

BLUEPRINTS = (bp,)

from survey.audit import views  # noqa: E402, F401 - its routes attach to the blueprint above
