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
    "fieldwork.open": _l("Opened fieldwork"),
    "fieldwork.close": _l("Closed fieldwork and deleted contact data"),
    "fieldwork.import": _l("Imported invitees"),
    "fieldwork.invite": _l("Sent invitations"),
    "fieldwork.remind": _l("Sent reminders"),
    "fieldwork.settings": _l("Changed the reminder settings"),
    "fieldwork.text": _l("Changed an invitation text"),
    "fieldwork.open_link": _l("Made an open link"),
    "fieldwork.open_link_revoked": _l("Switched the open link off"),
    "fieldwork.poll_started": _l("Started a live poll"),
    "fieldwork.poll_stopped": _l("Stopped a live poll"),
    "fieldwork.letters_downloaded": _l("Downloaded letters"),
    "fieldwork.letters_deleted": _l("Deleted a letter file"),
    "fieldwork.letters_reprinted": _l("Made letters again with new codes"),
    "fieldwork.opt_out_by_staff": _l("Stopped mail for an invitee on request"),
    "fieldwork.export_tracking": _l("Exported response figures"),
    "retention.purge": _l("Deleted answers after the retention period"),
}


def audit_label(action: str) -> str:
    label = ACTION_LABELS.get(action)
    return str(label) if label is not None else action
