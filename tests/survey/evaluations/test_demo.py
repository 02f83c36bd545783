"""The demo: a stakeholder-enquête among 30 invitees with 20 coded answers and a draft tussenevaluatie,
loaded once however often `flask demo load` runs."""

from sqlalchemy import func, select

from survey.coding.models import AnswerCode, CodedAnswer
from survey.demo import load_demo
from survey.evaluations.draft.report import build_report
from survey.evaluations.models import Evaluation, EvaluationStatus
from survey.fieldwork.closed import ledger_totals
from survey.fieldwork.models import Invitation
from survey.questionnaires.models import FieldworkStatus, Survey
from survey.responses.models import Answer, Response, ResponseStatus


def test_demo_is_loaded_once_and_drafts_jans_report(db, demo):
    lines = load_demo()
    assert "Stakeholder-enquête en tussenevaluatie: al aanwezig" in lines
    count = lambda model, *where: db.session.scalar(select(func.count()).select_from(model).where(*where))  # noqa: E731
    # other demo modules add surveys of their own; the enquête behind the report is closed
    assert demo.survey.status == FieldworkStatus.CLOSED
    titles = [s.text("title") for s in db.session.scalars(select(Survey))]
    assert titles.count(demo.survey.text("title")) == 1 and count(Evaluation) == 1
    enquete = demo.survey.id  # other demo modules add answers to surveys of their own
    assert count(Invitation, Invitation.survey_id == enquete) == 30
    # closed as every round closes: the invitations no longer say who completed; the totals were kept
    assert count(Invitation, Invitation.survey_id == enquete, Invitation.completed.is_(True)) == 0
    assert ledger_totals(enquete) == (30, 22, 20)  # two invitees started and did not finish
    assert count(Response, Response.survey_id == enquete, Response.status == ResponseStatus.COMPLETED) == 20
    open_answers = db.session.scalar(
        select(func.count())
        .select_from(Answer)
        .join(Response)
        .where(Response.survey_id == enquete, Answer.scrubbed_text.is_not(None))
    )
    coded = count(CodedAnswer, CodedAnswer.survey_id == enquete)
    assert open_answers == coded > 0 and count(AnswerCode) >= open_answers
    raw = db.session.scalars(select(Answer.value).where(Answer.value.contains("Petra"))).all()
    assert (
        raw and not db.session.scalars(select(Answer.scrubbed_text).where(Answer.scrubbed_text.contains("Petra"))).all()
    )

    evaluation = db.session.scalar(select(Evaluation))
    assert evaluation.status == EvaluationStatus.CONCEPT and len(evaluation.projects) == 5
    assert {n.kind.value for n in evaluation.notes} >= {"suggestie", "observatie"}
    report = build_report(evaluation)
    method = {row["title"]: row for row in report["method"]}
    assert method["Stakeholder-enquête tussenevaluatie"]["pct_text"] == "67 %"  # 20 of 30 invited
    assert report["grades"][0]["mean_text"] == "7,4"
    assert report["texts"]["introduction"].startswith("Deze tussenevaluatie beschrijft")
    assert all(p["targets"] and p["budget"]["rows"] for p in report["projects"])
    # the parents' CEO of 2026 per actielijn, against 2025, as counted from the demo's answers: T1 196 of 298
    # agree (66 %), in 2025 147 of 241 (61 %); T3 203 of 306 (66 %) against 131 of 243 (54 %), a clear rise
    items = {item["code"]: item for line in report["scores"]["lines"] for item in line["items"]}
    assert [(items[c]["pct_text"], items[c]["n"], items[c]["previous_pct_text"]) for c in ("T1", "T3")] == [
        ("66 %", 298, "61 %"),
        ("66 %", 306, "54 %"),
    ]
    assert items["T3"]["trend"] == "duidelijk hoger dan vorige meting"
