"""Dutch labels for audit actions (English msgids); unknown codes are shown as they are."""

from flask_babel import lazy_gettext as _l

ACTION_LABELS = {
    "auth.login": _l("Logged in"),
    "auth.reset_requested": _l("Asked for a password link"),
    "auth.password_set": _l("Set a password"),
    "region.create": _l("Created the region"),
    "region.update": _l("Changed the region settings"),
    "user.add": _l("Added a user"),
    "user.role_change": _l("Changed a role"),
    "user.remove": _l("Removed a user"),
    "survey.create": _l("Created a questionnaire"),
    "survey.publish": _l("Published a questionnaire version"),
    "survey.delete": _l("Deleted a questionnaire"),
    "survey.import": _l("Imported a questionnaire"),
    "survey.export": _l("Exported a questionnaire or codebook"),
    "survey.new_round": _l("Started a new round of a questionnaire"),
}


def audit_label(action: str) -> str:
    label = ACTION_LABELS.get(action)
    return str(label) if label is not None else action
