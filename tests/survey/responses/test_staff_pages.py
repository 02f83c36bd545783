"""Staff: the preview steps through a draft as a respondent sees it and stores nothing; interviewer
entry stores a response marked "interviewer"; the audit log holds no answer content."""

import re

from sqlalchemy import func, select

from survey.accounts.models import Role
from survey.audit.models import AuditEntry
from survey.questionnaires.models import FieldworkStatus, SurveyVersion, VersionStatus
from survey.responses.models import Answer, Channel, Response, ResponseStatus
from tests.survey.responses.walk import FormReader, fill


def count(db, model):
    return db.session.scalar(select(func.count()).select_from(model))


def preview_url(survey, **query):
    extra = "&".join(f"{k}={v}" for k, v in query.items())
    return f"/beheer/rijnmond/vragenlijsten/{survey.id}/voorbeeld" + (f"?{extra}" if extra else "")


def test_preview_steps_through_the_draft_without_storing(client, db, login, region, make_user, make_survey):
    survey = make_survey(status=FieldworkStatus.DRAFT, published=False)
    login(make_user(region, Role.ONDERZOEKER))
    page = client.get(preview_url(survey))
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and 'class="phone-frame respondent" lang="nl" dir="ltr"' in text
    assert "Deze vragen gaan over de hulp in [gemeente]." in text and "Versie 1 (concept)" in text
    for _ in range(3):
        page = client.post(preview_url(survey), data=fill(text, {"T1": "2"}))
        text = page.get_data(as_text=True)
        assert page.status_code == 200
    assert "De hulpverleners werkten goed samen." in text and "Vraag 3 van 15" in text
    assert "Vorig antwoord:" in text
    back = client.post(preview_url(survey), data=fill(text, action="vorige")).get_data(as_text=True)
    assert "De hulpverlener nam mij serieus." in back
    assert count(db, Response) == 0 and count(db, Answer) == 0


def test_preview_in_arabic_mirrors_only_the_phone(client, db, login, region, make_user, make_survey):
    survey = make_survey()
    login(make_user(region, Role.ONDERZOEKER))
    text = client.get(preview_url(survey, taal="ar")).get_data(as_text=True)
    assert '<html lang="nl"' in text and 'lang="ar" dir="rtl"' in text
    assert "التالي" in text and "Voorbeeld" in text


def test_preview_of_a_draft_with_problems_lists_them(client, db, login, region, make_user, make_survey):
    survey = make_survey()
    survey.versions.append(
        SurveyVersion(
            number=2,
            status=VersionStatus.DRAFT,
            document={"sections": [{"questions": [{"code": "X", "type": "slider", "text": {"nl": "?"}}]}]},
        )
    )
    db.session.commit()
    login(make_user(region, Role.ONDERZOEKER))
    text = client.get(preview_url(survey)).get_data(as_text=True)
    assert "Het voorbeeld kan pas worden getoond" in text
    published = client.get(preview_url(survey, versie="gepubliceerd")).get_data(as_text=True)
    assert "Versie 1 (gepubliceerd)" in published


def test_preview_reaches_the_end_with_an_overview(client, db, login, region, make_user, make_survey):
    from tests.survey.responses.documents import small_poll_document

    survey = make_survey(small_poll_document(), mode="all_on_one_page")
    login(make_user(region, Role.ONDERZOEKER))
    text = client.get(preview_url(survey)).get_data(as_text=True)
    end = client.post(preview_url(survey), data=fill(text, {"P3": "ja"})).get_data(as_text=True)
    assert "Bedankt voor het meedoen!" in end and "Ja" in end


def test_interviewer_enters_a_whole_interview(client, db, login, region, make_user, make_survey):
    survey = make_survey()
    login(make_user(region, Role.ONDERZOEKER))
    start = client.get(f"/beheer/rijnmond/vragenlijsten/{survey.id}/interview")
    assert start.status_code == 200 and "telefonisch interview" in start.get_data(as_text=True)
    begun = client.post(f"/beheer/rijnmond/vragenlijsten/{survey.id}/interview", data={"language": "nl"})
    url = begun.headers["Location"]
    for _ in range(40):
        page = client.get(url)
        sent = client.post(page.request.url, data=fill(page.get_data(as_text=True), {"L1": "Geheim antwoord"}))
        assert sent.status_code == 302
        url = sent.headers["Location"]
        if "/interview" in url and "/interviews/" not in url:
            break
    response = db.session.scalars(select(Response)).one()
    assert response.channel == Channel.INTERVIEWER and response.status == ResponseStatus.COMPLETED
    entries = db.session.scalars(select(AuditEntry)).all()
    assert [e.action for e in entries] == ["interview.start", "interview.complete"]
    assert all(e.object_type == "survey" for e in entries)
    assert "Geheim" not in str([(e.details, e.object_id) for e in entries])
    assert client.get(f"/beheer/rijnmond/interviews/{response.id}").status_code == 404  # final


def test_interview_only_while_fieldwork_runs(client, db, login, region, make_user, make_survey):
    survey = make_survey(status=FieldworkStatus.CLOSED)
    login(make_user(region, Role.ONDERZOEKER))
    page = client.post(f"/beheer/rijnmond/vragenlijsten/{survey.id}/interview", data={"language": "nl"})
    assert page.status_code == 200 and "niet open voor antwoorden" in page.get_data(as_text=True)
    assert count(db, Response) == 0


def test_form_reader_sees_the_generated_fields(client, db, make_survey):
    make_survey()
    client.post(
        "/v/open-sleutel-1234/vraag/1", data=fill(client.get("/v/open-sleutel-1234/vraag/1").get_data(as_text=True))
    )
    reader = FormReader(client.get("/v/open-sleutel-1234/vraag/2").get_data(as_text=True))
    assert list(reader.fields) == ["v-T1"] and re.match(r"^\d+$", reader.hidden["lock"])
