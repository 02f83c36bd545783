"""Double coding: a blind second coder on a random sample of checked answers; kappa, alpha, disagreements."""

import re

from sqlalchemy import select

from survey.accounts.models import Role
from survey.audit.models import AuditEntry
from survey.coding.answers import assign
from survey.coding.models import CodedAnswer, SecondCoding, Theme
from survey.responses.models import Answer
from tests.survey.coding.helpers import answer_ids_in_order, base, staff

TEXTS = [
    "Lang wachten op de wachtlijst.",
    "Ze luisterden niet.",
    "Nooit bereikbaar, wachten.",
    "Fijne hulp.",
    "Het vervoer ging mis.",
]
FIRST = [{"wachttijd"}, {"bejegening"}, {"bereikbaarheid", "wachttijd"}, set(), {"passend"}]


def coded_survey(db, client, login, region, make_survey, first_coder):
    survey = make_survey(region, TEXTS)
    login(first_coder)
    client.post(base(region, survey) + "/codeboek", data={"choice": "default:ceo"})
    themes = {t.key: t for t in db.session.scalars(select(Theme))}
    ids = answer_ids_in_order(db, TEXTS)
    for answer in db.session.scalars(select(Answer).where(Answer.id.in_(ids))):
        answer.scrubbed_text = answer.value
    for answer_id, keys in zip(ids[:4], FIRST, strict=False):  # the fifth answer stays unchecked
        coded = db.session.get(CodedAnswer, answer_id)
        assign.confirm_coding(
            coded,
            lock_version=coded.lock_version,
            coder_id=first_coder.id,
            theme_ids=[themes[k].id for k in keys],
            sentiment=None,
            kinds=[],
        )
    db.session.commit()
    return survey, ids, themes


def test_blind_double_coding_gives_kappa_and_disagreements(
    db, client, login, app, region, make_survey, researcher, make_user
):
    survey, ids, themes = coded_survey(db, client, login, region, make_survey, researcher)
    colleague = make_user(region, Role.CODEUR, name="Collega")
    response = client.post(
        base(region, survey) + "/overeenstemming/steekproef",
        data={"size": "10", "coder": str(colleague.id)},
        follow_redirects=True,
    )
    assert "Er waren maar 4 gecontroleerde antwoorden" in response.get_data(as_text=True)
    sample = sorted(s.answer_id for s in db.session.scalars(select(SecondCoding)))
    assert sample == sorted(ids[:4])  # only checked answers, never the unchecked fifth
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "coding.sample")).details["size"] == 4

    other = app.test_client()
    login(colleague, on=other)
    listing = other.get(base(region, survey) + "/").get_data(as_text=True)
    assert listing.count("U codeert dit antwoord blind") == 4 and "Wachttijd en snelheid <span" not in listing
    form = other.get(base(region, survey) + "/dubbel", follow_redirects=True).get_data(as_text=True)
    assert "blind" in form and not re.search(r'id="theme-\d+"[^>]*checked', form)
    second = [{"wachttijd"}, {"bejegening", "informatie"}, {"bereikbaarheid"}, set()]
    for answer_id, keys in zip(ids[:4], second, strict=True):
        other.post(staff(region) + f"/dubbel/{answer_id}", data={"themes": [str(themes[k].id) for k in keys]})
    assert "geen antwoorden meer" in other.get(base(region, survey) + "/dubbel", follow_redirects=True).get_data(
        as_text=True
    )

    page = client.get(base(region, survey) + "/overeenstemming").get_data(as_text=True)
    assert "4 van de 4 antwoorden" in page
    # 40 decisions (4 answers x 10 themes), 38 the same; both yes 3, both no 35: kappa (0.95 - 0.82) / 0.18
    assert "<dd>95%</dd>" in page
    kappa = float(re.search(r"Cohens kappa</dt><dd>([\d,]+)</dd>", page).group(1).replace(",", "."))
    assert abs(kappa - 0.72) < 0.006
    assert page.count("Markeren als opgelost") == 2
    assert "Alleen de tweede codeur (Collega): Informatie en uitleg" in page

    # correcting the coding afterwards does not change what was measured
    coded = db.session.get(CodedAnswer, ids[1])
    assign.confirm_coding(
        coded,
        lock_version=coded.lock_version,
        coder_id=researcher.id,
        theme_ids=[themes["bejegening"].id, themes["informatie"].id],
        sentiment=None,
        kinds=[],
    )
    db.session.commit()
    disagreement = db.session.scalar(select(SecondCoding).where(SecondCoding.answer_id == ids[1]))
    client.post(staff(region) + f"/overeenstemming/{disagreement.id}/opgelost")
    page = client.get(base(region, survey) + "/overeenstemming").get_data(as_text=True)
    assert page.count("Markeren als opgelost") == 1 and ">opgelost</span>" in page
    assert abs(float(re.search(r"Cohens kappa</dt><dd>([\d,]+)</dd>", page).group(1).replace(",", ".")) - kappa) < 1e-9


def test_a_coder_is_never_sampled_on_their_own_answers(db, client, login, region, make_survey, researcher):
    survey, _ids, _themes = coded_survey(db, client, login, region, make_survey, researcher)
    response = client.post(
        base(region, survey) + "/overeenstemming/steekproef",
        data={"size": "3", "coder": str(researcher.id)},
        follow_redirects=True,
    )
    assert "Er waren maar 0 gecontroleerde antwoorden" in response.get_data(as_text=True)
    bad = client.post(base(region, survey) + "/overeenstemming/steekproef", data={"size": "0", "coder": "x"})
    assert bad.status_code == 200 and "Vul een getal van 1 tot en met 1000 in." in bad.get_data(as_text=True)
