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
    "programme.create": _l("Created a programme"),
    "programme.update": _l("Changed a programme"),
    "programme.delete": _l("Deleted a programme"),
    "principle.create": _l("Added a principle"),
    "principle.update": _l("Changed a principle"),
    "principle.delete": _l("Deleted a principle"),
    "project.create": _l("Created a project"),
    "project.update": _l("Changed a project"),
    "project.delete": _l("Deleted a project"),
    "target.create": _l("Added a target"),
    "target.update": _l("Changed a target"),
    "target.delete": _l("Deleted a target"),
    "budget.create": _l("Added a budget line"),
    "budget.update": _l("Changed a budget line"),
    "budget.delete": _l("Deleted a budget line"),
    "indicator_set.create": _l("Created a data request"),
    "indicator_set.update": _l("Changed a data request"),
    "indicator_set.delete": _l("Deleted a data request"),
    "indicator.create": _l("Created an indicator"),
    "indicator.update": _l("Changed an indicator"),
    "indicator.delete": _l("Deleted an indicator"),
    "measurement.create": _l("Entered a value"),
    "measurement.delete": _l("Deleted a value"),
    "measurements.upload": _l("Uploaded values"),
    "measurements.upload_refused": _l("Upload refused"),
    "measurements.upload_delete": _l("Deleted an upload"),
    "progress.submit": _l("Sent a progress report"),
    "progress.update": _l("Changed a progress report"),
    "progress.reminder": _l("Sent a progress reminder"),
    "note.create": _l("Added statements"),
    "note.update": _l("Changed a statement"),
    "note.delete": _l("Deleted a statement"),
}


def audit_label(action: str) -> str:
    label = ACTION_LABELS.get(action)
    return str(label) if label is not None else action
