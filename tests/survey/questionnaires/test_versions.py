"""Versions and rounds: publishing freezes a version, answers stay with the version they answered, a new
round keeps item codes, meaning changes are warned about, and two editors never overwrite each other."""

import re
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from survey.audit.models import AuditEntry
from survey.questionnaires import services, versions
from survey.questionnaires.models import FrozenVersionError, Survey, SurveyVersion, VersionStatus
from survey.responses.models import Answer, Channel, Response
from tests.factories import save_survey
from tests.survey.questionnaires.helpers import document, text_of, token, url


def publish(client, survey):
    response = client.post(url(survey, "/publiceren"), data={"lock": token(survey)})
    assert response.status_code == 302
    return response


def edit_text(client, survey, code, text, type_key="stelling"):
    return client.post(
        url(survey, f"/vragen/{code}"),
        data={
            "lock": token(survey),
            "type": type_key,
            "code": code,
            "text": text,
            "required": "y",
            "condition_op": "is",
        },
    )


def test_publishing_freezes_the_version_and_editing_makes_a_new_draft(researcher, make_survey, db):
    survey = make_survey("peiling")
    publish(researcher, survey)
    db.session.expire_all()
    assert [(v.number, v.status) for v in survey.versions] == [(1, VersionStatus.PUBLISHED)]
    assert "Versie 1: gepubliceerd op" in text_of(researcher.get(url(survey)))
    v1_document = dict(survey.versions[0].document)

    assert edit_text(researcher, survey, "P1", "Ik heb genoeg ruimte in mijn werk.").status_code == 302
    db.session.expire_all()
    assert [(v.number, v.status) for v in survey.versions] == [(1, VersionStatus.PUBLISHED), (2, VersionStatus.DRAFT)]
    assert survey.versions[0].document == v1_document
    assert versions.document_of(survey.versions[1]).question("P1").text["nl"] == "Ik heb genoeg ruimte in mijn werk."
    page = text_of(researcher.get(url(survey)))
    assert "Versie 2: concept" in page
    assert "De tekst van P1 is anders dan in de gepubliceerde versie." in page


def test_a_published_document_cannot_be_changed_even_by_code(db, make_survey):
    survey = make_survey("peiling")
    versions.publish(survey, token(survey))
    db.session.commit()
    version = survey.versions[0]
    changed = versions.document_of(version)
    changed.sections[0].questions[0].text["nl"] = "Stiekem anders."
    version.document = changed.to_dict()
    with pytest.raises(FrozenVersionError):
        db.session.flush()
    db.session.rollback()


def test_publish_is_refused_when_a_repeated_list_is_empty(researcher, make_survey, db):
    survey = make_survey("stakeholder")
    doc = document(survey)
    doc.lists["projecten"] = []
    versions.save_document(survey, doc, token(survey))
    db.session.commit()
    response = researcher.post(url(survey, "/publiceren"), data={"lock": token(survey)})
    page = text_of(researcher.get(response.headers["Location"]))
    assert "De sectie herhaalt over lijst projecten, maar die lijst is leeg." in page
    db.session.expire_all()
    assert survey.versions[0].status == VersionStatus.DRAFT


def test_answers_to_version_1_stay_linked_after_version_2_is_published(researcher, make_survey, db):
    survey = make_survey("peiling")
    publish(researcher, survey)
    db.session.expire_all()
    v1 = survey.versions[0]
    response = Response(survey_id=survey.id, version_id=v1.id, channel=Channel.OPEN_LINK, week=date(2026, 3, 2))
    response.answers.append(Answer(item_code="P1", value="4"))
    db.session.add(response)
    db.session.commit()

    edit_text(researcher, survey, "P1", "Ik heb ruimte om te doen wat een gezin nodig heeft.")
    publish(researcher, survey)
    db.session.expire_all()
    assert [v.status for v in survey.versions] == [VersionStatus.PUBLISHED, VersionStatus.PUBLISHED]
    assert survey.published_version.number == 2
    stored = db.session.get(Response, response.id)
    assert stored.version_id == v1.id
    assert (
        versions.document_of(db.session.get(SurveyVersion, stored.version_id)).question("P1").text["nl"]
        == "Ik heb genoeg ruimte om te doen wat nodig is."
    )
    # and a survey with answers cannot be deleted
    page = text_of(researcher.post(url(survey, "/verwijderen")))
    assert "Deze vragenlijst heeft 1 respondent." in page
    assert db.session.get(Survey, survey.id) is not None


def test_new_round_keeps_item_codes_and_links_to_the_previous_round(researcher, make_survey, db):
    survey = make_survey("ceo_ouders")
    publish(researcher, survey)
    response = researcher.post(url(survey, "/nieuwe-meting"), data={"round_label": "2027"})
    assert response.status_code == 302
    db.session.expire_all()
    copy = db.session.scalars(select(Survey).where(Survey.previous_round_id == survey.id)).one()
    assert (copy.series_key, copy.round_label) == (survey.series_key, "2027")
    assert copy.public_key is None and copy.poll_code is None
    assert versions.document_of(copy.versions[0]).item_codes() == versions.document_of(survey.versions[0]).item_codes()
    # changing the meaning of an item warns against the previous round, but does not block
    researcher.post(
        url(copy, "/vragen/R1"),
        data={
            "lock": token(copy),
            "type": "schaal_0_10",
            "code": "R1",
            "text": "Hoe waarschijnlijk is het dat u de hulp aanraadt?",
            "required": "y",
            "condition_op": "is",
        },
    )
    page = text_of(researcher.get(url(copy)))
    assert (
        "R1 heeft een ander vraagtype dan in de vorige meting (rapportcijfer → schaal_0_10): de trend breekt." in page
    )
    assert document(copy).question("R1").type == "schaal_0_10"
    assert "Metingen in deze reeks: 2026 , 2027" in page.replace("2026,", "2026 ,")


def test_removed_and_reworded_items_are_warned_about(db, make_survey):
    survey = make_survey("peiling")
    versions.publish(survey, token(survey))
    db.session.commit()
    doc = versions.editable_document(survey)
    doc.sections[0].questions.pop(1)
    doc.sections[0].questions[0].options[0].label["nl"] = "Eens"
    versions.save_document(survey, doc, token(survey))
    db.session.commit()
    found = {(c.code, c.change) for c in versions.meaning_changes(survey, document(survey))}
    assert found == {("P2", "removed"), ("P1", "options")}


def test_two_editors_get_the_dutch_conflict_message_and_no_lost_update(researcher, make_survey, db):
    survey = make_survey("peiling")
    stale = token(survey)  # both editors loaded the page with this token
    first = researcher.post(
        url(survey, "/vragen/P1"),
        data={
            "lock": stale,
            "type": "stelling",
            "code": "P1",
            "text": "Eerste wijziging.",
            "required": "y",
            "condition_op": "is",
        },
    )
    assert first.status_code == 302
    second = researcher.post(
        url(survey, "/vragen/P1"),
        data={
            "lock": stale,
            "type": "stelling",
            "code": "P1",
            "text": "Tweede wijziging.",
            "required": "y",
            "condition_op": "is",
        },
    )
    assert second.status_code == 200
    assert "Iemand anders heeft deze vragenlijst intussen gewijzigd. Uw wijziging is niet opgeslagen." in text_of(
        second
    )
    assert document(survey).question("P1").text["nl"] == "Eerste wijziging."
    moved = researcher.post(url(survey, "/vragen/P3/verplaatsen"), data={"lock": stale, "richting": "omhoog"})
    page = text_of(researcher.get(moved.headers["Location"]))
    assert "Iemand anders heeft deze vragenlijst intussen gewijzigd." in page
    assert document(survey).item_codes() == ["P1", "P2", "P3"]


def test_a_race_at_commit_time_gives_the_same_message_not_a_500(researcher, make_survey, db, monkeypatch):
    survey = make_survey("peiling")
    from survey.extensions import db as ext_db

    def racing_commit():
        raise StaleDataError("UPDATE statement on table 'survey_version' expected to update 1 row(s); 0 were matched.")

    monkeypatch.setattr(ext_db.session, "commit", racing_commit)
    response = researcher.post(url(survey, "/vragen/P2/dupliceren"), data={"lock": token(survey)})
    monkeypatch.undo()
    assert response.status_code == 302
    assert "Iemand anders heeft deze vragenlijst intussen gewijzigd." in text_of(researcher.get(url(survey)))
    assert document(survey).item_codes() == ["P1", "P2", "P3"]


def test_settings_conflict_is_reported(researcher, make_survey):
    survey = make_survey("peiling")
    stale = str(survey.lock_version)
    data = {
        "lock": stale,
        "title": "A",
        "kind": "peiling",
        "audience": "professionals",
        "address_form": "je",
        "estimated_minutes": "2",
        "display_mode": "all_on_one_page",
        "retention_months": "12",
        "min_cell": "10",
    }
    assert researcher.post(url(survey, "/instellingen"), data=data).status_code == 302
    response = researcher.post(url(survey, "/instellingen"), data={**data, "title": "B"})
    assert "Iemand anders heeft deze vragenlijst intussen gewijzigd." in text_of(response)


def test_create_publish_delete_are_audited_without_content(researcher, make_survey, db, region):
    survey = make_survey("peiling")
    publish(researcher, survey)
    other = make_survey("ceo_kind")
    other_id = other.id
    assert researcher.post(url(other, "/verwijderen")).status_code == 302
    entries = list(
        db.session.scalars(select(AuditEntry).where(AuditEntry.region_id == region.id).order_by(AuditEntry.id))
    )
    assert [e.action for e in entries] == ["survey.create", "survey.publish", "survey.create", "survey.delete"]
    assert entries[1].details == {"version": 1, "items": 3}
    assert "ruimte" not in str([e.details for e in entries])  # no question text in the log
    assert db.session.get(Survey, other_id) is None
    with researcher.application.test_request_context():
        from survey.audit.labels import audit_label

        assert audit_label("survey.publish") == "Versie van een vragenlijst gepubliceerd"


def test_services_never_commit(db, region):
    survey = services.create_from_template(region, "peiling")
    db.session.rollback()
    assert db.session.get(Survey, survey.id) is None


def test_a_survey_made_elsewhere_without_a_version_opens_in_the_builder(researcher, region, db):
    from survey.questionnaires.models import SurveyKind

    survey = save_survey(db, region, kind=SurveyKind.OVERIG, title={"nl": "Zonder vragen"})
    page = researcher.get(url(survey))
    assert "Deze sectie heeft nog geen vragen." in text_of(page)
    lock = re.search(r'name="lock" value="([^"]+)"', page.get_data(as_text=True)).group(1)
    response = researcher.post(
        url(survey, "/secties/S1/vragen/nieuw?soort=open_kort"),
        data={"lock": lock, "type": "open_kort", "code": "Q1", "text": "Wat vond u goed?", "condition_op": "is"},
    )
    assert response.status_code == 302
    assert document(survey).item_codes() == ["Q1"]
