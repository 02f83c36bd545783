"""Publishing: the report as it stands is drafted one last time, frozen as the snapshot and rendered
to every file. Afterwards the published page and downloads come from the snapshot and the files only."""

from flask_babel import gettext as _

from survey.accounts.models import User
from survey.evaluations import outputs, services
from survey.evaluations.draft import build_report
from survey.evaluations.labels import STATUS
from survey.evaluations.models import Evaluation, EvaluationStatus
from survey.i18n import long_date
from survey.timeutil import utcnow


def final_report(evaluation: Evaluation) -> dict:
    """The report dict as it will be frozen: status published, with the date of publication."""
    report = build_report(evaluation)
    report["status"] = EvaluationStatus.PUBLISHED.value
    report["status_label"] = str(STATUS[EvaluationStatus.PUBLISHED])
    report["published_on"] = long_date(utcnow())
    if evaluation.approved_at is not None:
        report["approved_on"] = long_date(evaluation.approved_at)
    report["note"] = _("This report was published and does not change afterwards.")
    return report


def publish(evaluation: Evaluation, user: User) -> None:
    """Freeze and publish an approved report (WorkflowError otherwise)."""
    if evaluation.status != EvaluationStatus.APPROVED:
        raise services.WorkflowError(services.NOT_APPROVED)
    report = final_report(evaluation)
    services.publish(evaluation, user, report, outputs.all_files(report))
