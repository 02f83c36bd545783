"""The questionnaires stage's staff blueprint (``/beheer/<region>/vragenlijsten``) and the view modules
whose routes attach to it."""

from survey.access import staff_blueprint

bp = staff_blueprint("questionnaires", __name__, "/vragenlijsten")

BLUEPRINTS = (bp,)

from survey.questionnaires import (  # noqa: E402, F401 - their routes attach to the blueprint above
    views,
    views_builder,
    views_exchange,
    views_languages,
    views_lists,
    views_series,
)
