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
    "coding.raw_view": _l("Viewed the original text of an open answer"),
    "coding.retrain": _l("Started training the coding model"),
    "coding.threshold": _l("Set the threshold for automatic coding"),
    "coding.sample": _l("Drew a sample for double coding"),
    "coding.scrub_terms": _l("Changed the local names to scrub"),
    "codebook.import": _l("Imported a codebook"),
    "codebook.export": _l("Downloaded a codebook"),
    "codebook.theme_delete": _l("Removed a theme from a codebook"),
}


def audit_label(action: str) -> str:
    label = ACTION_LABELS.get(action)
    return str(label) if label is not None else action
