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
    "project.move": _l("Moved a project in the programme's order"),
    "regional_line.create": _l("Added a regional actielijn"),
    "regional_line.update": _l("Changed a regional actielijn"),
    "regional_line.delete": _l("Deleted a regional actielijn"),
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
    "measurement.resolve": _l("Chose between conflicting values"),
    "trend.cosmetic": _l("Judged a changed wording in a trend"),
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
    "survey.create": _l("Created a questionnaire"),
    "survey.publish": _l("Published a questionnaire version"),
    "survey.delete": _l("Deleted a questionnaire"),
    "survey.import": _l("Imported a questionnaire"),
    "survey.export": _l("Exported a questionnaire or codebook"),
    "survey.new_round": _l("Started a new round of a questionnaire"),
    "survey.link_series": _l("Linked a questionnaire to an earlier round"),
    "fieldwork.open": _l("Opened fieldwork"),
    "fieldwork.close": _l("Closed fieldwork and deleted contact data"),
    "fieldwork.import": _l("Imported invitees"),
    "fieldwork.invite": _l("Asked to send the invitations"),
    "fieldwork.remind": _l("Asked to send the reminders that are due"),
    "fieldwork.remind_now": _l("Asked to remind everyone who has not finished"),
    "fieldwork.invitations_sent": _l("Invitations sent"),
    "fieldwork.reminders_sent": _l("Reminders sent"),
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
    "interview.start": _l("Started an interview (answers entered by staff)"),
    "interview.complete": _l("Completed an interview"),
    "evaluation.create": _l("Made a mid-term evaluation"),
    "evaluation.update": _l("Changed the set-up of a mid-term evaluation"),
    "evaluation.text": _l("Changed texts of a mid-term evaluation"),
    "evaluation.item_lines": _l("Changed the actielijn of CEO/PEO items"),
    "evaluation.notes_add": _l("Added statements to a mid-term evaluation"),
    "evaluation.notes_update": _l("Changed the kinds of statements"),
    "evaluation.quotes_review": _l("Reviewed the quotes of a mid-term evaluation"),
    "evaluation.keep_terms": _l("Changed the keep-list for quotes"),
    "evaluation.approve": _l("Approved a mid-term evaluation"),
    "evaluation.reopen": _l("Put a mid-term evaluation back to draft"),
    "evaluation.publish": _l("Published a mid-term evaluation"),
    "evaluation.delete": _l("Deleted a draft mid-term evaluation"),
    "evaluation.export": _l("Downloaded a draft mid-term evaluation"),
    "evaluation.download": _l("Downloaded a published mid-term evaluation"),
    "coding.raw_view": _l("Viewed the original text of an open answer"),
    "coding.retrain": _l("Started training the coding model"),
    "coding.threshold": _l("Set the threshold for automatic coding"),
    "coding.shared_learning": _l("Changed whether the coding model learns from other surveys"),
    "coding.sample": _l("Drew a sample for double coding"),
    "coding.scrub_terms": _l("Changed the local names to scrub"),
    "codebook.import": _l("Imported a codebook"),
    "codebook.export": _l("Downloaded a codebook"),
    "codebook.theme_delete": _l("Removed a theme from a codebook"),
    "results.export": _l("Exported responses or a codebook"),
    "results.export_raw": _l("Exported responses WITH RAW (unscrubbed) open answers"),
    "results.factsheet_pdf": _l("Downloaded a factsheet (PDF)"),
    "api_token.create": _l("Made an API token"),
    "api_token.revoke": _l("Revoked an API token"),
}


def audit_label(action: str) -> str:
    label = ACTION_LABELS.get(action)
    return str(label) if label is not None else action


#: Dutch names of the details an audit entry carries (counts, codes and settings; never answers)
DETAIL_LABELS = {
    "action_lines": _l("actielijnen"), "added": _l("added"), "answer_id": _l("answer"), "automatic": _l("automatic"),
    "changed": _l("changed"), "coder_id": _l("coder"), "contacts_deleted": _l("contact data deleted"),
    "content": _l("content"), "count": _l("how many"), "draft": _l("draft"), "expected": _l("expected"),
    "fields": _l("fields"), "files": _l("files"), "format": _l("file type"), "imported": _l("imported"),
    "indicator_id": _l("indicator"), "indicators": _l("indicators"), "interval_days": _l("days between reminders"),
    "invitees": _l("invitees"), "item_code": _l("item code"), "items": _l("items"), "kind": _l("kind"),
    "language": _l("language"), "letter_files_deleted": _l("letter files deleted"), "letters": _l("letters"),
    "mails": _l("e-mails"), "max_reminders": _l("most reminders"), "new": _l("new"),
    "new_account": _l("new account"), "old": _l("old"), "only_earlier": _l("only in the earlier round"),
    "only_here": _l("only in this questionnaire"), "period": _l("period"), "previous": _l("previous round"),
    "problems": _l("problems"), "project_id": _l("project"), "projects": _l("projects"), "removed": _l("removed"),
    "responses_deleted": _l("responses deleted"), "role": _l("role"), "round": _l("round"), "rows": _l("rows"),
    "scope": _l("scope"), "sections": _l("sections"), "shared_items": _l("shared item codes"), "size": _l("size"),
    "skipped": _l("skipped"), "source": _l("source"), "status": _l("status"), "surveys": _l("questionnaires"),
    "template": _l("template"), "theme_id": _l("theme"), "themes": _l("themes"), "threshold": _l("threshold"),
    "user_id": _l("user"), "version": _l("version"), "versions": _l("versions"), "via": _l("via"),
    "year": _l("year"), "raw_text": _l("raw open answers"), "responses": _l("responses"),
    "variables": _l("variables"), "position": _l("place in the order"), "token": _l("API token"), "mode": _l("to whom"),
}

#: Dutch words for the fixed values some details take
VALUE_LABELS = {
    "web": _l("screen"), "screen": _l("screen"), "api": _l("API"), "cron": _l("daily task"),
    "now": _l("everyone who had not finished"), "due": _l("those due a reminder"),
}

#: Dutch names of the kinds of object an entry is about (the table it lives in)
OBJECT_LABELS = {
    "survey": _l("questionnaire"), "user_account": _l("user"), "region": _l("region"), "codebook": _l("codebook"),
    "theme": _l("theme"), "programme": _l("programme"), "project": _l("project"), "principle": _l("principle"),
    "regional_action_line": _l("regional actielijn"),
    "target": _l("target"), "budget_line": _l("budget line"), "indicator": _l("indicator"),
    "indicator_set": _l("data request"), "measurement": _l("value"), "measurement_upload": _l("upload"),
    "progress_report": _l("progress report"), "programme_note": _l("programme statement"),
    "evaluation": _l("mid-term evaluation"),
    "letter_batch": _l("letter file"), "api_token": _l("API token"), "answer": _l("answer"),
    "coded_answer": _l("coded answer"), "membership": _l("role"), "question_codebook": _l("question codebook"),
    "invitation": _l("invitee"), "scrub_term": _l("name to scrub"), "coding_run": _l("training run"),
}


def detail_value(value) -> str:
    """A detail value as a reader sees it: yes/no, Dutch words for fixed values, lists joined."""
    if isinstance(value, bool):
        return str(_l("yes") if value else _l("no"))
    if isinstance(value, list | tuple):
        return ", ".join(detail_value(v) for v in value)
    if isinstance(value, str) and value in VALUE_LABELS:
        return str(VALUE_LABELS[value])
    return str(value)


def audit_details(details: dict | None) -> str:
    """The details of an entry in Dutch: "bestandstype: csv, ongeschoonde open antwoorden: nee"."""
    return ", ".join(f"{DETAIL_LABELS.get(key, key)}: {detail_value(value)}" for key, value in (details or {}).items())


def object_label(object_type: str) -> str:
    label = OBJECT_LABELS.get(object_type)
    return str(label) if label is not None else object_type
