"""The fieldwork stage's blueprints and the view modules whose routes attach to them.

Staff: ``fieldwork`` (a round's page; its routes in ``views.py``, ``invitees/views.py`` and
``messages/views.py``), ``letters`` (letters to print) and ``polls`` (a live poll's
presenter screen). Public: ``poll_link`` (a poll's short link) and ``optout`` (the opt-out page).
"""

from flask import Blueprint

from survey.access import staff_blueprint

#: the path of one round's fieldwork pages, under ``/beheer/<region>``
SURVEY = "/vragenlijsten/<int:survey_id>/veldwerk"

fieldwork = staff_blueprint("fieldwork", __name__)
letters = staff_blueprint("letters", __name__)
polls = staff_blueprint("polls", __name__, SURVEY + "/peiling")
poll_link = Blueprint("poll_link", __name__)
optout = Blueprint("optout", __name__)


def blueprints() -> tuple[Blueprint, ...]:
    """The blueprints of this package, to register, with the routes of its view modules attached."""
    from survey.fieldwork import views  # noqa: F401 - their routes attach
    from survey.fieldwork.invitees import views as invitee_views  # noqa: F401 - their routes attach
    from survey.fieldwork.letters import views as letter_views  # noqa: F401 - their routes attach
    from survey.fieldwork.messages import views as message_views  # noqa: F401 - their routes attach
    from survey.fieldwork.polls import views as poll_views  # noqa: F401 - their routes attach

    return (fieldwork, letters, polls, poll_link, optout)
