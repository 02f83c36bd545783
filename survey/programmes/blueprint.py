"""The programme stage's staff blueprint (``/beheer/<region>/programma``) and the view modules whose routes
attach to it."""

from survey.access import staff_blueprint

bp = staff_blueprint("programmes", __name__, "/programma")

BLUEPRINTS = (bp,)

from survey.programmes import views, views_data, views_progress, views_project  # noqa: E402, F401 - routes
