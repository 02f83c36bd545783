"""Series of rounds: making this year's questionnaire from last year's template continues the series, a
survey made without that link can be joined afterwards (item codes checked, differences listed in
Dutch), and the results and trend pages say which rounds the trend uses."""

from sqlalchemy import select

from survey.accounts.models import Role
from survey.audit.models import AuditEntry
from survey.questionnaires import services
from survey.questionnaires.models import Survey
from survey.questionnaires.series import services as series
from tests.survey.questionnaires.helpers import text_of, url


def new(client, region, **data):
    form = {
        "source": "ceo_ouders",
        "title": "CEO ouders 2027",
        "round_label": "2027",
        "kind": "ceo",
        "audience": "ouders",
        "address_form": "u",
    } | data
    return client.post(f"/beheer/{region.slug}/vragenlijsten/nieuw", data=form)


def surveys(db, region):
    db.session.expire_all()
    return list(db.session.scalars(select(Survey).where(Survey.region_id == region.id).order_by(Survey.id)))


def test_a_template_the_region_used_before_offers_to_continue_its_series(researcher, make_survey, db, region):
    last_year = make_survey("ceo_ouders", round_label="2026")
    page = text_of(researcher.get(f"/beheer/{region.slug}/vragenlijsten/nieuw"))
    assert "Uw regio heeft dit sjabloon al gebruikt." in page
    offer = new(researcher, region)
    assert offer.status_code == 200 and len(surveys(db, region)) == 1  # nothing made yet: first the question
    text = text_of(offer)
    assert "Een bestaande reeks voortzetten?" in text
    assert "Nieuwe meting na" in text and "meting 2026" in text
    made = new(researcher, region, series=str(last_year.id))
    assert made.status_code == 302
    this_year = surveys(db, region)[-1]
    assert (this_year.series_key, this_year.previous_round_id) == (last_year.series_key, last_year.id)
    assert this_year.round_label == "2027" and this_year.text("title") == "CEO ouders 2027"
    assert series.newest_document(this_year).item_codes() == series.newest_document(last_year).item_codes()
    assert db.session.scalars(select(AuditEntry).where(AuditEntry.action == "survey.new_round")).one()


def test_a_fresh_series_from_the_template_is_still_possible(researcher, make_survey, db, region):
    last_year = make_survey("ceo_ouders", round_label="2026")
    assert new(researcher, region, series="new").status_code == 302
    fresh = surveys(db, region)[-1]
    assert fresh.series_key != last_year.series_key and fresh.previous_round_id is None


def test_another_template_or_a_new_region_is_not_asked(researcher, make_survey, db, region):
    make_survey("peo", round_label="2026")
    assert new(researcher, region).status_code == 302  # ceo_ouders never used here: made at once
    assert len(surveys(db, region)) == 2


def test_linking_afterwards_lists_the_differences_and_joins_the_series(researcher, make_survey, db, region):
    last_year = make_survey("ceo_ouders", round_label="2026")
    this_year = make_survey("ceo_jongeren", round_label="2027")  # same item codes, youth wording
    page = text_of(researcher.get(url(this_year, "/reeks")))
    assert "Koppelen aan een eerdere meting" in page
    compared = text_of(researcher.post(url(this_year, "/reeks"), data={"earlier": last_year.id}))
    assert "itemcodes in allebei: de trend vergelijkt die." in compared
    assert "De tekst van T3 is anders dan in de vorige meting: controleer of hij nog hetzelfde betekent." in compared
    assert surveys(db, region)[1].series_key != last_year.series_key  # not linked before confirming
    linked = researcher.post(url(this_year, "/reeks"), data={"earlier": last_year.id, "confirmed": "1"})
    assert linked.status_code == 302
    this_year = surveys(db, region)[1]
    assert (this_year.series_key, this_year.previous_round_id) == (last_year.series_key, last_year.id)
    entry = db.session.scalars(select(AuditEntry).where(AuditEntry.action == "survey.link_series")).one()
    assert entry.details["shared_items"] > 10 and entry.details["only_here"] == 0


def test_linking_is_refused_without_a_shared_item_code(researcher, make_survey, db, region):
    ceo = make_survey("ceo_ouders", round_label="2026")
    poll = make_survey("peiling", round_label="2027")
    poll.kind = ceo.kind  # same kind, so it is offered, but no item code in common
    db.session.commit()
    page = text_of(researcher.post(url(poll, "/reeks"), data={"earlier": ceo.id, "confirmed": "1"}))
    assert "geen enkele itemcode gemeen" in page
    assert surveys(db, region)[1].series_key != ceo.series_key


def test_linking_to_a_survey_of_another_region_is_not_possible(researcher, make_survey, db, other_region):
    mine = make_survey("ceo_ouders", round_label="2027")
    theirs = make_survey("ceo_ouders", in_region=other_region, round_label="2026")
    response = researcher.post(url(mine, "/reeks"), data={"earlier": theirs.id, "confirmed": "1"})
    assert response.status_code == 404
    db.session.expire_all()
    assert db.session.get(Survey, mine.id).series_key != theirs.series_key


def test_results_and_trend_pages_name_the_rounds_the_trend_uses(make_survey, db, region, make_user, login, client):
    first = make_survey("ceo_ouders", round_label="2026")
    login(make_user(region, Role.ONDERZOEKER))
    alone = text_of(client.get(f"/beheer/{region.slug}/resultaten/{first.id}/trend"))
    assert "Deze meting is niet gekoppeld aan een eerdere meting, dus er is nog geen trend." in alone
    second = services.new_round(first, "2027")
    db.session.commit()
    for path in ("/", "/trend"):
        page = text_of(client.get(f"/beheer/{region.slug}/resultaten/{second.id}{path}"))
        assert "De trend gebruikt 2 metingen van deze reeks:" in page
        assert "meting 2026" in page and "meting 2027 (deze meting)" in page
