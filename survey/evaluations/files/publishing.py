"""Publishing: the report as it stands is drafted one last time, frozen as the snapshot and rendered
to every file. Afterwards the published page and downloads come from the snapshot and the files only."""

import math

from flask_babel import gettext as _

from survey.accounts.models import User
from survey.evaluations import services
from survey.evaluations.draft.report import build_report
from survey.evaluations.files import outputs
from survey.evaluations.labels import STATUS
from survey.evaluations.models import Evaluation, EvaluationStatus
from survey.i18n import long_date
from survey.timeutil import utcnow


def plain(value):
    """The report as strict JSON data: numpy numbers as Python numbers, NaN and infinity as None."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def final_report(evaluation: Evaluation) -> dict:
    """The report dict as it will be frozen: status published, with the date of publication."""
    report = build_report(evaluation)
    report["status"] = EvaluationStatus.PUBLISHED.value
    report["status_label"] = str(STATUS[EvaluationStatus.PUBLISHED])
    report["published_on"] = long_date(utcnow())
    if evaluation.approved_at is not None:
        report["approved_on"] = long_date(evaluation.approved_at)
    report["note"] = _("This report was published and does not change afterwards.")
    return plain(report)


def publish(evaluation: Evaluation, user: User) -> None:
    """Freeze and publish an approved report (WorkflowError otherwise)."""
    if evaluation.status != EvaluationStatus.APPROVED:
        raise services.WorkflowError(services.NOT_APPROVED)
    report = final_report(evaluation)
    services.publish(evaluation, user, report, outputs.all_files(report))
    for note in evaluation.notes:
        note.raw_text = ""  # the pasted originals were only needed to review replacements
