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
    "results.export": _l("Exported responses or a codebook"),
    "results.factsheet_pdf": _l("Downloaded a factsheet (PDF)"),
    "api_token.create": _l("Made an API token"),
    "api_token.revoke": _l("Revoked an API token"),
}


def audit_label(action: str) -> str:
    label = ACTION_LABELS.get(action)
    return str(label) if label is not None else action
