"""What the beheerder approves is what gets published: approval freezes the report (figures, scores,
statements), the approved page shows that version and says when the live data have changed since, and
going back to concept lets a new approval take the new figures."""

from decimal import Decimal

import pytest
from sqlalchemy import select

from survey.evaluations.models import Evaluation, EvaluationStatus
from survey.programmes.monitor.indicators import Indicator, Measurement
from tests.survey.evaluations.helpers import article, make_report
from tests.survey.evaluations.readback import docx_parts, pdf_text

#: Integrale Vroeghulp's waiting time as the demo measured it (10 to 6 weeks, latest 7,5) and after the
#: latest quarter's value is corrected to 5,5 weeks: 112,5 % of the way, past the target
APPROVED = "Van 10 weken naar 6 weken; bereikt: 7,5 weken (63 % van de weg). Status: Onderweg."
CHANGED = "Van 10 weken naar 6 weken; bereikt: 5,5 weken (113 % van de weg). Status: Voorbij het doel."
NOTICE = "De cijfers zijn gewijzigd sinds de goedkeuring"


def _waiting_time_now(db, value: str) -> None:
    """The latest measured waiting time of Integrale Vroeghulp changes (a corrected upload)."""
    latest = db.session.scalar(
        select(Measurement)
        .join(Indicator, Indicator.id == Measurement.indicator_id)
        .where(Indicator.name == "Wachttijd vroeghulponderzoek")
        .order_by(Measurement.period.desc())
        .limit(1)
    )
    latest.value = Decimal(value)
    db.session.commit()


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.slow
def test_approved_figures_are_published_though_the_data_change_afterwards(client, login, db, demo):
    evaluation = make_report(demo, [demo.survey])
    url = f"{demo.base}/tussenevaluaties/{evaluation.id}"
    login(demo.user("beheerder"))
    assert client.post(url + "/goedkeuren").status_code == 302
    page = client.get(url + "/").get_data(as_text=True)
    assert APPROVED in _flat(article(page)) and NOTICE not in page  # nothing changed yet

    _waiting_time_now(db, "5.5")
    login(demo.user("onderzoeker"))
    page = client.get(url + "/").get_data(as_text=True)
    report = _flat(article(page))
    assert APPROVED in report and "5,5 weken" not in report
    assert NOTICE in page and "Terug naar concept om de nieuwe cijfers mee te nemen" in page
    draft_docx, _ = docx_parts(client.get(url + "/concept/docx").data)
    assert any(APPROVED in _flat(p) for p in draft_docx)  # the approved version's downloads too

    published = client.post(url + "/publiceren", data={"confirm": "ja"})
    assert published.status_code == 302 and "/rapporten/tussenevaluaties/" in published.headers["Location"]
    db.session.expire_all()
    stored = db.session.get(Evaluation, evaluation.id)
    assert stored.status == EvaluationStatus.PUBLISHED and stored.snapshot["status_label"] == "Gepubliceerd"
    vroeghulp = next(p for p in stored.snapshot["projects"] if p["name"] == "Integrale Vroeghulp")
    assert [(t["value_text"], t["percent_text"]) for t in vroeghulp["targets"]] == [("7,5 weken", "63 %")]
    reader = f"{demo.base}/rapporten/tussenevaluaties/{evaluation.id}"
    html = _flat(article(client.get(reader + "/").get_data(as_text=True)))
    assert APPROVED in html and "5,5 weken" not in html
    pdf = pdf_text(client.get(reader + "/pdf").data)
    assert "bereikt: 7,5 weken (63 % van de weg)" in pdf and "5,5 weken" not in pdf
    paragraphs, _ = docx_parts(client.get(reader + "/docx").data)
    assert any(APPROVED in _flat(p) for p in paragraphs)


@pytest.mark.slow
def test_back_to_draft_and_a_new_approval_take_the_new_figures(client, login, db, demo):
    evaluation = make_report(demo, [demo.survey])
    url = f"{demo.base}/tussenevaluaties/{evaluation.id}"
    login(demo.user("beheerder"))
    assert client.post(url + "/goedkeuren").status_code == 302
    _waiting_time_now(db, "5.5")
    assert NOTICE in client.get(url + "/").get_data(as_text=True)

    assert client.post(url + "/terug-naar-concept").status_code == 302
    db.session.expire_all()
    stored = db.session.get(Evaluation, evaluation.id)
    assert (stored.status, stored.snapshot, stored.approved_at) == (EvaluationStatus.CONCEPT, None, None)
    assert CHANGED in _flat(article(client.get(url + "/").get_data(as_text=True)))  # a concept is live

    assert client.post(url + "/goedkeuren").status_code == 302
    page = client.get(url + "/").get_data(as_text=True)
    assert CHANGED in _flat(article(page)) and NOTICE not in page
    _waiting_time_now(db, "7.5")  # and back again: the second approval holds 5,5 weeks
    page = client.get(url + "/").get_data(as_text=True)
    assert CHANGED in _flat(article(page)) and NOTICE in page
    assert client.post(url + "/publiceren", data={"confirm": "ja"}).status_code == 302
    db.session.expire_all()
    vroeghulp = next(
        p for p in db.session.get(Evaluation, evaluation.id).snapshot["projects"] if p["name"] == "Integrale Vroeghulp"
    )
    assert [(t["value_text"], t["percent_text"], t["status_label"]) for t in vroeghulp["targets"]] == [
        ("5,5 weken", "113 %", "Voorbij het doel")
    ]
