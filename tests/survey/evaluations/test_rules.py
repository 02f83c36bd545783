"""What the draft shows and refuses: small groups, CEO/PEO scores per actielijn with their trend,
the workflow's order, and other regions."""

from datetime import date, timedelta

from sqlalchemy import select

from survey.accounts.models import Role
from survey.audit.models import AuditEntry
from survey.evaluations import services
from survey.evaluations.demo import stakeholder_survey
from survey.evaluations.demo_texts import PROUD
from survey.evaluations.draft.report import build_report
from survey.evaluations.files import outputs
from survey.evaluations.models import PROGRAMME_SCOPE, Evaluation, EvaluationStatus
from tests.survey.evaluations.helpers import make_report
from tests.survey.evaluations.readback import xlsx_sheets


def test_fewer_than_k_respondents_give_no_grade_no_themes_and_no_quotes(db, demo):
    small = stakeholder_survey(
        demo.region, demo.programme.projects, closes_on=date.today() - timedelta(days=3), completed=8
    )
    db.session.commit()
    report = build_report(make_report(demo, [small]))
    assert report["grades"][0]["shown"] is False and report["grades"][0]["mean_text"] == "–"
    part = report["sections"]["proud"]["survey"][0]
    assert (part["shown"], part["themes"], part["respondents"]) == (False, [], None)
    html = outputs.report_html(report)
    assert "minder dan 10 respondenten in de hele enquête, daarom wordt geen van de antwoorden getoond" in html
    assert not any(raw in html for raw, _scrubbed, _themes in PROUD)
    grade_rows = xlsx_sheets(outputs.render(report, "xlsx"))["Rapportcijfer"][1:]
    hidden = "Minder dan 10 respondenten gaven een cijfer: niet getoond."
    assert grade_rows == [("Stakeholder-enquête tussenevaluatie", "CIJFER", 8, None, None, None, None, hidden)]


def test_a_stakeholder_survey_is_protected_per_survey_not_per_project_question(db, demo):
    demo.survey.min_cell = 20  # 20 answered the survey, 16 about each project: fewer than k per project
    db.session.commit()
    report = build_report(make_report(demo, [demo.survey]))
    assert report["k"] == 20 and report["sections"]["works"]["survey"][0]["shown"]
    for project in report["projects"]:
        parts = [p for section in project["sections"].values() for p in section["survey"]]
        assert parts and all(p["shown"] for p in parts)
        assert any(p["themes"] for p in parts) and project["respondents"] == 16
    assert "een enquête onder professionals met 20 respondenten (minstens 20)" in " ".join(report["disclosure"])
    assert "Wat wel en niet wordt getoond" in outputs.report_html(report)

    demo.survey.min_cell = 21  # one short of k in the whole survey: nothing from it, anywhere
    db.session.commit()
    report = build_report(make_report(demo, [demo.survey]))
    for project in report["projects"]:
        assert all(not p["shown"] and not p["themes"] for s in project["sections"].values() for p in s["survey"])
        assert project["respondents"] is None


def test_ceo_scores_per_actielijn_with_trend_and_a_chosen_actielijn(db, demo, ceo):
    previous, current = ceo
    evaluation = make_report(demo, [previous, current])
    lines = {line["number"]: line for line in build_report(evaluation)["scores"]["lines"]}
    items = {i["code"]: (n, i) for n, line in lines.items() for i in line["items"]}
    line, t1 = items["T1"]
    assert (line, t1["pct_text"], t1["n"], t1["previous_pct_text"], t1["trend"]) == (
        1,
        "85 %",
        40,
        "50 %",
        "duidelijk hoger dan vorige meting",
    )
    assert items["K1"][0] == 6 and items["K1"][1]["trend"] == "geen duidelijk verschil"
    e3 = items["E3"][1]
    assert items["E3"][0] == 2 and (e3["shown"], e3["pct_text"], e3["trend"]) == (False, "–", "")
    assert "<svg" in lines[1]["svg"] and lines[1]["table"]["rows"][0][1] == "85 %"

    services.set_item_lines(evaluation, {"K1": 1})
    db.session.commit()
    lines = {line["number"]: line for line in build_report(evaluation)["scores"]["lines"]}
    assert [i["code"] for i in lines[1]["items"]] == ["T1", "K1"] and 6 not in lines


def test_only_a_concept_is_edited_and_only_an_approved_report_is_published(client, login, db, demo):
    evaluation = make_report(demo, [demo.survey])
    url = f"{demo.base}/tussenevaluaties/{evaluation.id}"
    login(demo.user("onderzoeker"))
    client.post(url + "/publiceren", data={"confirm": "ja"})
    assert db.session.get(Evaluation, evaluation.id).status == EvaluationStatus.CONCEPT
    login(demo.user("beheerder"))
    client.post(url + "/goedkeuren")
    assert client.post(url + "/tekst/programma", data={"introduction": "Nieuw"}).status_code == 302
    assert client.post(url + "/uitspraken", data={"block": "- Iets"}).status_code == 302
    db.session.expire_all()
    evaluation = db.session.get(Evaluation, evaluation.id)
    assert evaluation.text_of(PROGRAMME_SCOPE, "introduction") != "Nieuw" and evaluation.notes == []
    assert "kan niet meer worden gewijzigd" in client.get(url + "/").get_data(as_text=True)

    client.post(url + "/terug-naar-concept")
    db.session.expire_all()
    evaluation = db.session.get(Evaluation, evaluation.id)
    assert (evaluation.status, evaluation.approved_at) == (EvaluationStatus.CONCEPT, None)
    assert client.post(url + "/tekst/programma", data={"introduction": "Nieuw"}).status_code == 302
    assert db.session.get(Evaluation, evaluation.id).text_of(PROGRAMME_SCOPE, "introduction") == "Nieuw"
    actions = list(db.session.scalars(select(AuditEntry.action).where(AuditEntry.object_type == "evaluation")))
    assert actions.count("evaluation.approve") == 1 and "evaluation.reopen" in actions


def test_bad_set_up_is_refused_with_a_message_at_the_field(client, login, db, demo):
    login(demo.user("onderzoeker"))
    page = client.post(
        f"{demo.base}/tussenevaluaties/nieuw",
        data={"title": "", "period_start": "2026-05-01", "period_end": "2026-01-01", "projects": []},
    )
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    for message in (
        "Vul een titel in.",
        "Het einde van de periode kan niet voor het begin liggen.",
        "Kies minstens één project.",
    ):
        assert message in text
    assert db.session.scalar(select(Evaluation).where(Evaluation.title == "")) is None


def test_a_report_of_another_region_is_not_found(client, login, db, demo, make_region, make_user):
    evaluation = make_report(demo, [demo.survey])
    other = make_region("elders")
    login(make_user(other, Role.BEHEERDER))
    assert client.get(f"/beheer/elders/tussenevaluaties/{evaluation.id}/").status_code == 404
    assert client.get(f"/beheer/elders/rapporten/tussenevaluaties/{evaluation.id}/").status_code == 404
    assert client.post(f"/beheer/elders/tussenevaluaties/{evaluation.id}/goedkeuren").status_code == 404
    assert client.get(f"{demo.base}/tussenevaluaties/{evaluation.id}/").status_code == 404


def test_the_snapshot_is_strict_json():
    import json

    import numpy as np

    from survey.evaluations.files.outputs import plain

    data = plain({"pct": float("nan"), "n": np.int64(3), "rows": [(np.float64(1.5), float("inf"))]})
    assert data == {"pct": None, "n": 3, "rows": [[1.5, None]]}
    assert json.dumps(data, allow_nan=False)


def test_two_evaluators_saving_at_once_get_a_message_not_an_error(client, login, db, demo, monkeypatch):
    from sqlalchemy.orm.exc import StaleDataError

    evaluation = make_report(demo, [demo.survey])

    def saved_meanwhile(*args, **kwargs):
        raise StaleDataError("evaluation changed")

    monkeypatch.setattr(services, "save_texts", saved_meanwhile)
    login(demo.user("onderzoeker"))
    response = client.post(
        f"{demo.base}/tussenevaluaties/{evaluation.id}/tekst/programma",
        data={"introduction": "Tegelijk"},
        follow_redirects=True,
    )
    assert (
        response.status_code == 200
        and "Iemand anders wijzigde dit rapport op hetzelfde moment" in response.get_data(as_text=True)
    )
