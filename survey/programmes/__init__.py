"""The programme side: programme, projects, actielijnen, indicators, measurements, progress, notes."""


def blueprint():
    """The staff blueprint with the routes of every view module of this stage."""
    from survey.programmes import views, views_data, views_progress, views_project  # noqa: F401 - add routes

    return views.bp
