"""Tussenevaluatie objects for tests: the demo region with its programme and stakeholder-enquête, and
a published report for the URL-map walk."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from survey.accounts.models import Region, User
from survey.demo import DEMO_REGION, load_demo
from survey.evaluations.draft.report import build_report
from survey.evaluations.files import outputs
from survey.evaluations.models import Evaluation, EvaluationFile, EvaluationProject, EvaluationStatus
from survey.extensions import db
from survey.programmes.models import Programme
from survey.questionnaires.models import FieldworkStatus, Survey, SurveyKind
from survey.timeutil import utcnow
from tests.survey.programmes.factories import make_programme, make_project


@dataclass
class Demo:
    region: Region
    programme: Programme
    survey: Survey

    def user(self, role: str) -> User:
        return db.session.scalar(select(User).where(User.email == f"{role}@demo.example"))

    @property
    def base(self) -> str:
        return f"/beheer/{self.region.slug}"


def load_demo_region() -> Demo:
    """The demo region as ``flask demo load`` makes it: users per role, programme, stakeholder-enquête."""
    load_demo()
    region = db.session.scalar(select(Region).where(Region.slug == DEMO_REGION))
    programme = db.session.scalar(select(Programme).where(Programme.region_id == region.id))
    survey = db.session.scalar(
        select(Survey).where(
            Survey.region_id == region.id,
            Survey.kind == SurveyKind.STAKEHOLDER,
            Survey.status == FieldworkStatus.CLOSED,
        )
    )
    return Demo(region, programme, survey)


def make_evaluation(region, make_user=None, *, published: bool = True) -> Evaluation:
    """A small report of one project; published with a real snapshot and page, and stand-in downloads
    (the route walk only needs the files to exist; the workflow tests make real ones)."""
    programme = make_programme(region)
    project = make_project(region, programme=programme, name="Thuis opgroeien")
    evaluation = Evaluation(
        region_id=region.id,
        programme=programme,
        title="Tussenevaluatie",
        period_start=date(programme.start_year, 1, 1),
        period_end=date.today(),
        item_lines={},
        project_links=[EvaluationProject(project=project, position=0)],
    )
    db.session.add(evaluation)
    db.session.commit()
    if published:
        report = build_report(evaluation)
        evaluation.snapshot = report
        evaluation.files = [
            EvaluationFile(
                format="html",
                filename="t.html",
                mimetype=outputs.MIMETYPES["html"],
                size=1,
                sha256="0" * 64,
                content=outputs.report_html(report).encode(),
            )
        ]
        evaluation.files += [
            EvaluationFile(
                format=fmt,
                filename=f"t.{fmt}",
                mimetype=outputs.MIMETYPES[fmt],
                size=4,
                sha256="0" * 64,
                content=b"test",
            )
            for fmt in outputs.DOWNLOADS
        ]
        evaluation.status = EvaluationStatus.PUBLISHED
        evaluation.published_at = utcnow()
        db.session.commit()
    return evaluation


#: URL parameter → factory, for the URL-map walk in tests/survey/test_access_map.py
PARAM_FACTORIES = {
    "evaluation_id": make_evaluation,
    "scope": lambda region, make_user: "programma",
    "fmt": lambda region, make_user: "xlsx",
}
