"""The tussenevaluatie: programme progress and survey results combined into one report per period."""


def blueprints():
    """The composing blueprint (with the routes of every view module) and the readers' blueprint."""
    from survey.evaluations import views, views_reader, views_review, views_text  # noqa: F401 - add routes

    return views.bp, views_reader.reader
