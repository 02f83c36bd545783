"""The tussenevaluatie's staff blueprints, composing (``evaluations``) and reading (``evaluation_reports``),
and the view modules whose routes attach to them."""

from survey.access import staff_blueprint

bp = staff_blueprint("evaluations", __name__, "/tussenevaluaties")
reader = staff_blueprint("evaluation_reports", __name__, "/rapporten/tussenevaluaties")

BLUEPRINTS = (bp, reader)

from survey.evaluations import views, views_reader, views_review, views_text  # noqa: E402, F401 - routes
