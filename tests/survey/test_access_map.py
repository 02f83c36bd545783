"""Walk the whole URL map: every staff route refuses anonymous users, the wrong role and other regions."""

import pytest

from survey.accounts.models import ROLE_PERMISSIONS, Membership, Role
from survey.extensions import db as _db
from survey.fieldwork.models import LetterBatch, LetterKind
from survey.questionnaires.models import VersionStatus
from survey.timeutil import utcnow
from tests.survey.coding.helpers import coding_world, new_theme_in
from tests.survey.evaluations.factories import PARAM_FACTORIES as EVALUATION_FACTORIES
from tests.survey.programmes.factories import PARAM_FACTORIES as PROGRAMME_FACTORIES

#: endpoints any member of the region may open (no specific permission)
MEMBER_ENDPOINTS = {"staff.dashboard"}


def _user_in(region, make_user):
    return make_user(region, Role.LEZER)


def _survey_in(region, make_user):
    """A CEO questionnaire (sections S1…, items T1…, languages nl/en/ar) with a list "projecten"."""
    from survey.questionnaires import services
    from survey.questionnaires.content.document import ListItem

    survey = services.create_from_template(region, "ceo_ouders")
    document = services.versions.document_of(survey.versions[0])
    document.lists["projecten"] = [ListItem("p1", {"nl": "Thuis opgroeien"})]
    survey.versions[0].document = document.to_dict()
    survey.versions[0].status = VersionStatus.PUBLISHED  # respondent and fieldwork routes need a published version
    survey.versions[0].published_at = utcnow()
    _db.session.commit()
    return survey


def _letter_batch_in(region, make_user):
    survey = _survey_in(region, make_user)
    batch = LetterBatch(survey_id=survey.id, kind=LetterKind.INVITATION, letter_count=1, pdf=b"%PDF-", archive=b"PK")
    _db.session.add(batch)
    _db.session.commit()
    return batch


def _interview_in(region, make_user):
    from survey.responses.models import Channel, Response
    from survey.responses.services import week_of
    from survey.timeutil import local_today

    survey = _survey_in(region, make_user)
    response = Response(
        survey_id=survey.id,
        version_id=survey.published_version.id,
        channel=Channel.INTERVIEWER,
        week=week_of(local_today()),
    )
    _db.session.add(response)
    _db.session.commit()
    return response


def _api_token_in(region, make_user):
    from survey.reports.api.models import ApiScope
    from survey.reports.api.tokens import create_token

    token, _text = create_token(region, "Power BI", ApiScope.AGGREGATES, None)
    _db.session.commit()
    return token


#: how to make an object in a region for each URL parameter; later stages add theirs
PARAM_FACTORIES = {
    "user_id": _user_in,
    **PROGRAMME_FACTORIES,
    "survey_id": _survey_in,
    "key": lambda region, make_user: "S1",  # section key in _survey_in's questionnaire
    "code": lambda region, make_user: "T1",  # item code in _survey_in's questionnaire
    "language": lambda region, make_user: "en",
    "name": lambda region, make_user: "projecten",  # list name in _survey_in's questionnaire
    "batch_id": _letter_batch_in,
    "response_id": _interview_in,
    **EVALUATION_FACTORIES,
    "item_code": lambda region, make_user: "O1",  # an open question in _survey_in's questionnaire
    "answer_id": lambda region, make_user: coding_world(region)["answer"],
    "codebook_id": lambda region, make_user: coding_world(region)["book"],
    "theme_id": lambda region, make_user: new_theme_in(region),
    "second_id": lambda region, make_user: coding_world(region)["second"],
    "fmt": lambda region, make_user: "xlsx",  # a format both codebook and report downloads offer
    "index": lambda region, make_user: 0,
    "token_id": _api_token_in,
}


def staff_rules(app):
    return sorted((r for r in app.url_map.iter_rules() if r.rule.startswith("/beheer/<region>")), key=lambda r: r.rule)


def method_of(rule):
    return "GET" if "GET" in rule.methods else "POST"


def build_url(app, rule, region, make_user):
    values = {"region": region.slug}
    for arg in rule.arguments - {"region"}:
        factory = PARAM_FACTORIES.get(arg)
        assert factory is not None, f"no test object factory for URL parameter {arg!r} of {rule.rule}"
        obj = factory(region, make_user)
        values[arg] = obj.id if hasattr(obj, "id") else obj
    with app.test_request_context():
        from flask import url_for

        return url_for(rule.endpoint, **values)


def request(client, rule, url):
    return client.open(url, method=method_of(rule))


def test_every_staff_route_declares_who_may_use_it(app):
    for rule in staff_rules(app):
        view = app.view_functions[rule.endpoint]
        assert getattr(view, "required_permission", None) or rule.endpoint in MEMBER_ENDPOINTS, rule.rule


@pytest.mark.slow
def test_anonymous_users_are_sent_to_login(app, client, region, make_user):
    for rule in staff_rules(app):
        url = build_url(app, rule, region, make_user)
        response = request(client, rule, url)
        assert response.status_code == 302, rule.rule
        assert "/inloggen" in response.headers["Location"], rule.rule


@pytest.mark.slow
def test_users_of_another_region_get_404(app, client, login, region, other_region, make_user):
    outsider = make_user(other_region, Role.BEHEERDER)
    login(outsider)
    for rule in staff_rules(app):
        url = build_url(app, rule, region, make_user)
        assert request(client, rule, url).status_code == 404, rule.rule


@pytest.mark.slow
def test_objects_of_another_region_get_404_inside_own_region(app, client, login, region, other_region, make_user):
    """A beheerder of region B who puts region A's object ids in a region-B URL gets 404."""
    admin_b = make_user(other_region, Role.BEHEERDER)
    login(admin_b)
    for rule in staff_rules(app):
        if not (rule.arguments - {"region"}):
            continue
        url_a = build_url(app, rule, region, make_user)
        url_b = url_a.replace(f"/beheer/{region.slug}/", f"/beheer/{other_region.slug}/", 1)
        permission = getattr(app.view_functions[rule.endpoint], "required_permission", None)
        # a route the beheerder's role may not use (raw answer text) refuses before any lookup: 403
        expected = 404 if permission is None or permission in ROLE_PERMISSIONS[Role.BEHEERDER] else 403
        assert request(client, rule, url_b).status_code == expected, rule.rule


@pytest.mark.slow
@pytest.mark.parametrize("role", list(Role))
def test_roles_without_the_permission_get_403(app, client, login, region, make_user, role):
    user = make_user(region, role)
    login(user)
    for rule in staff_rules(app):
        permission = getattr(app.view_functions[rule.endpoint], "required_permission", None)
        url = build_url(app, rule, region, make_user)
        status = request(client, rule, url).status_code
        if permission is None or permission in ROLE_PERMISSIONS[role]:
            assert status not in (403, 404, 500), (role, rule.rule, status)
        else:
            assert status == 403, (role, rule.rule, status)


def test_superuser_reaches_every_region(app, client, login, region, make_user):
    admin = make_user(None, superuser=True)
    login(admin)
    assert client.get(f"/beheer/{region.slug}/gebruikers").status_code == 200


def test_removed_member_loses_access_at_once(app, client, login, region, make_user):
    user = make_user(region, Role.BEHEERDER)
    login(user)
    assert client.get(f"/beheer/{region.slug}/").status_code == 200
    _db.session.query(Membership).filter_by(user_id=user.id).delete()
    _db.session.commit()
    assert client.get(f"/beheer/{region.slug}/").status_code == 404
