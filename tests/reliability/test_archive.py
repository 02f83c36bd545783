"""Backup and restore of one region: ``flask regions export`` into one archive (region-scoped, contacts only
while fieldwork is open), ``flask regions import`` into a fresh instance, and the same documents, results,
tracking and programme data afterwards."""

import json
import random
import zipfile
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from analysis.scores.results import compute_results
from analysis.scores.scales import AGREEMENT, GRADE
from survey.archive import EXCLUDED, plan
from survey.database import Base
from survey.questionnaires.content.registry import REGISTRY
from survey.questionnaires.exchange.json_file import export_data
from survey.questionnaires.models import FieldworkStatus, Survey
from survey.questionnaires.versions import document_of
from tests import helpers
from tests.factories import save_survey

DAY = date(2026, 3, 2)


def fill_region(db, region, rng):
    """Demo content (questionnaires, programmes) plus fieldwork: invitees, answers and coding."""
    from survey.coding.models import AnswerCode, Codebook, CodedAnswer, Source, Theme
    from survey.fieldwork.models import Invitation
    from survey.questionnaires import services, versions
    from survey.responses.models import Answer, Channel, Response, ResponseStatus
    from survey.tokens import token_hash

    surveys = []
    for template, status in (("ceo_ouders", FieldworkStatus.OPEN), ("ceo_jongeren", FieldworkStatus.CLOSED)):
        survey = services.create_from_template(region, template)
        versions.publish(survey, versions.lock_token(survey))
        survey.status = status
        surveys.append(survey)
    db.session.flush()
    codebook = Codebook(region_id=region.id, name="Thema's")
    parent = Theme(codebook=codebook, key="hulp", label="Hulp")
    db.session.add_all([codebook, parent])
    db.session.flush()
    child = Theme(codebook=codebook, key="wachten", label="Wachttijd", parent_id=parent.id)
    db.session.add(child)
    db.session.flush()
    for survey in surveys:
        document = document_of(survey.published_version)
        for n in range(30):
            invitation = Invitation(
                survey_id=survey.id,
                token_hash=token_hash(f"{survey.id}-{n}"),
                email=f"ouder{n}.{survey.id}@example.nl",
                invited_on=DAY,
                reminder_count=0,
                background={"gemeente": rng.choice(["Delft", "Rijswijk"])},
                opted_out=False,
            )
            db.session.add(invitation)
            db.session.flush()
            helpers.mark_completed(invitation, DAY + timedelta(days=n % 3))
            response = Response(
                survey_id=survey.id,
                version_id=survey.published_version.id,
                channel=Channel.PERSONAL,
                week=DAY,
                status=ResponseStatus.COMPLETED,
                background=invitation.background,
            )
            for code in document.item_codes():
                kind = REGISTRY[document.question(code).type].kind
                value = {"agreement": rng.choice("12345"), "grade": str(rng.randint(1, 10))}.get(kind)
                if kind == "text":
                    value = f"Het wachten duurde lang ({n})"
                if value is not None:
                    response.answers.append(Answer(item_code=code, value=value))
            db.session.add(response)
            db.session.flush()
            open_answer = next((a for a in response.answers if a.value.startswith("Het wachten")), None)
            if open_answer is not None:
                coded = CodedAnswer(answer_id=open_answer.id, survey_id=survey.id, item_code=open_answer.item_code)
                db.session.add(coded)
                db.session.add(AnswerCode(coded=coded, theme_id=child.id, source=Source.RULE))
    db.session.commit()
    return surveys


def results_of(db, survey):
    """The computed results of a survey: headline, distributions and grades per item."""
    from analysis.scores.frames import answers_frame
    from survey.responses.models import Answer, Response, ResponseStatus

    document = document_of(survey.published_version)
    scales = {}
    for code in document.item_codes():
        kind = REGISTRY[document.question(code).type].kind
        if kind in ("agreement", "grade"):
            scales[code] = AGREEMENT if kind == "agreement" else GRADE
    rows = db.session.execute(
        select(Answer.response_id, Answer.item_code, Answer.value)
        .join(Response)
        .where(Response.survey_id == survey.id, Response.status == ResponseStatus.COMPLETED)
    ).all()
    results = compute_results(answers_frame([tuple(r) for r in rows]), scales)
    return {
        "headline": results.headline.to_dict(),
        "grades": {c: repr(g) for c, g in results.grades.items()},
        "distributions": {c: d.to_dict() for c, d in results.distributions.items()},
    }


def snapshot(db, slug):
    """What staff see of the region: documents, results, tracking, programmes, coding (ids left out)."""
    from survey.accounts.models import Region
    from survey.fieldwork.invitees.tracking import tracking
    from survey.programmes.models import Programme, Project

    region = db.session.scalar(select(Region).where(Region.slug == slug))
    surveys = db.session.scalars(
        select(Survey).where(Survey.region_id == region.id).order_by(Survey.created_at, Survey.id)
    ).all()
    result = {}
    for survey in surveys:
        name = survey.title["nl"] + (survey.round_label or "")
        entry = {"document": export_data(survey, document_of(survey.published_version or survey.versions[-1]))}
        if survey.published_version is not None:
            entry["results"] = results_of(db, survey)
            figures = tracking(survey)
            entry["tracking"] = repr((figures.totals, figures.days, figures.groups))
        result[name] = entry
    result["programmes"] = sorted(
        repr((p.name, sorted(x.name for x in db.session.scalars(select(Project).where(Project.programme_id == p.id)))))
        for p in db.session.scalars(select(Programme).where(Programme.region_id == region.id))
    )
    return json.loads(json.dumps(result, default=str, sort_keys=True))


def test_every_table_reaches_a_region_or_is_left_out_on_purpose(app):
    routes = plan()
    assert set(routes) | EXCLUDED == set(Base.metadata.tables)


@pytest.mark.slow
def test_a_region_exported_and_imported_into_a_fresh_instance_looks_the_same(app, db, make_region, tmp_path):
    from survey.demo import DEMO_REGION, load_demo
    from tests.conftest import make_test_app

    load_demo()
    rng = random.Random(11)
    slug = DEMO_REGION
    from survey.accounts.models import Region

    demo = db.session.scalar(select(Region).where(Region.slug == slug))
    fill_region(db, demo, rng)
    other = make_region("haaglanden", "Jeugdhulpregio Haaglanden")
    fill_region(db, other, rng)
    save_survey(db, other, title={"nl": "Geheim van Haaglanden"})
    before = snapshot(db, slug)

    archive = tmp_path / "regio.zip"
    result = app.test_cli_runner().invoke(args=["regions", "export", "--slug", slug, str(archive)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(archive) as zipped:
        content = {name: zipped.read(name).decode() for name in zipped.namelist()}
    everything = "\n".join(content.values())
    assert "Haaglanden" not in everything and f'"region_id": {other.id},' not in everything
    assert "tables/letter_batch.json" not in content
    invitations = json.loads(content["tables/invitation.json"])
    open_ids = {s["id"] for s in json.loads(content["tables/survey.json"]) if s["status"] == "open"}
    assert {bool(i["email"]) for i in invitations if i["survey_id"] in open_ids} == {True}
    assert {i["email"] for i in invitations if i["survey_id"] not in open_ids} == {None}  # closed: no contacts
    assert all(u["password_hash"] == "" for u in json.loads(content["tables/user_account.json"]))
    for name in (
        "survey",
        "survey_version",
        "response",
        "answer",
        "coded_answer",
        "answer_code",
        "theme",
        "programme",
        "project",
        "participation_day",
        "membership",
    ):
        assert json.loads(content[f"tables/{name}.json"]), name

    target_file = tmp_path / "nieuw.sqlite3"
    target = make_test_app(f"sqlite:///{target_file}")
    with target.app_context():
        Base.metadata.create_all(db.engine)
        result = target.test_cli_runner().invoke(args=["regions", "import", str(archive)])
        assert result.exit_code == 0, result.output
        after = snapshot(db, slug)
        again = target.test_cli_runner().invoke(args=["regions", "import", str(archive)])
        assert again.exit_code != 0 and "bestaat hier al" in again.output
        db.session.remove()
        db.engine.dispose()
    surveys_before = {k: v for k, v in before.items() if k != "programmes"}
    assert len(surveys_before) >= 4 and before["programmes"]
    assert sum(bool(v.get("results", {}).get("headline")) for v in surveys_before.values()) >= 2
    assert before == after
