"""The questionnaires stage's staff blueprint (``/beheer/<region>/vragenlijsten``) and the view modules
whose routes attach to it."""

from flask import Blueprint

from survey.access import staff_blueprint

bp = staff_blueprint("questionnaires", __name__, "/vragenlijsten")


def blueprints() -> tuple[Blueprint, ...]:
    """The blueprints of this package, to register, with the routes of its view modules attached."""
    from survey.questionnaires import views  # noqa: F401 - their routes attach
    from survey.questionnaires.builder import views_builder, views_lists  # noqa: F401 - their routes attach
    from survey.questionnaires.exchange import views_exchange  # noqa: F401 - their routes attach
    from survey.questionnaires.languages import views as views_languages  # noqa: F401 - their routes attach
    from survey.questionnaires.series import views as views_series  # noqa: F401 - their routes attach

    return (bp,)
