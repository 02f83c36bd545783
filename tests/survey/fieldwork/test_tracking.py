"""Response tracking for the onderzoeker: per day and per group from the ledger, small groups hidden,
exportable without any answer or contact."""

from datetime import date, timedelta

from sqlalchemy import select

from survey.audit.models import AuditEntry
from survey.fieldwork import ledger, sending
from survey.fieldwork.models import Invitation
from survey.questionnaires.models import FieldworkStatus
from tests import helpers
from tests.survey.fieldwork.test_polls import answer

DAY = date(2026, 3, 2)
GROUPS = {"Rotterdam": (20, 8), "Delft": (12, 5), "Schiedam": (3, 1), "Maassluis": (2, 1)}


def invite_groups(db, survey):
    for gemeente, (invited, completed) in GROUPS.items():
        for n in range(invited):
            invitation = Invitation(
                survey_id=survey.id,
                token_hash=sending.unissued_token_hash(),
                email=f"{gemeente.lower()}{n}@example.nl",
                background={"gemeente": gemeente},
            )
            db.session.add(invitation)
            invitation.invited_on = DAY
            if n < completed:
                helpers.mark_completed(invitation, DAY + timedelta(days=1 + n % 2))
    db.session.commit()


def test_tracking_page_shows_response_per_day_and_per_gemeente(client, db, researcher, make_survey):
    survey = make_survey(min_cell=5)
    invite_groups(db, survey)
    page = client.get(f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/voortgang").get_data(as_text=True)
    assert '<th scope="row">2 maart 2026</th><td class="num">37</td>' in page
    assert (
        '<th scope="row">Rotterdam</th><td class="num">20</td><td class="num">8</td><td class="num">8</td>'
        '<td class="num">40,0 %</td>' in page
    )
    delft = page.split('<th scope="row">Delft</th>')[1].split("</tr>")[0]
    # 12 invited shown; its 5 completed hidden (not small: 5 is k): 15 - 8 - 5 would give Schiedam + Maassluis = 2 away
    assert delft.startswith('<td class="num">12</td>') and delft.count("verborgen") == 2
    schiedam = page.split('<th scope="row">Schiedam</th>')[1].split("</tr>")[0]
    assert schiedam.count("minder dan 5") == 3  # 3 invitees: not shown
    overview = client.get(f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/").get_data(as_text=True)
    assert "<dd>37</dd>" in overview and "<dd>15</dd>" in overview and "<dd>40,5 %</dd>" in overview


def test_csv_export_holds_figures_only(client, db, researcher, make_survey):
    survey = make_survey(min_cell=5)
    invite_groups(db, survey)
    answer(db, survey, P1="5", O1="Mijn zoon Youssef kreeg goede hulp")
    response = client.get(f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/voortgang.csv")
    assert response.mimetype == "text/csv"
    text = response.data.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "Uitsplitsing;Categorie;Uitgenodigd;Gestart;Afgerond;Respons %"
    assert "Totaal;;37;15;15;40,5" in lines
    assert "Gemeente;Rotterdam;20;8;8;40,0" in lines
    assert "Gemeente;Maassluis;minder dan 5;minder dan 5;minder dan 5;" in lines
    assert "@" not in text and "Youssef" not in text
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "fieldwork.export_tracking"))


def test_a_count_hidden_as_complement_says_hidden_not_fewer_than_k(client, db, researcher, make_survey):
    """30 invited for pleegzorg must not read "fewer than 10": it is hidden only so that the 3 of
    residentieel cannot be worked out from the total, and a note says so."""
    survey = make_survey(min_cell=10)
    for soort, invited in {"ambulant": 40, "pleegzorg": 30, "residentieel": 3}.items():
        for n in range(invited):
            invitation = Invitation(
                survey_id=survey.id,
                token_hash=sending.unissued_token_hash(),
                email=f"{soort}{n}@example.nl",
                background={"soort_hulp": soort},
            )
            db.session.add(invitation)
            invitation.invited_on = DAY
    db.session.commit()
    page = client.get(f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/voortgang").get_data(as_text=True)
    pleegzorg = page.split('<th scope="row">pleegzorg</th>')[1].split("</tr>")[0]
    assert pleegzorg.startswith('<td class="num"><span class="muted">verborgen</span></td>')
    assert "minder dan" not in pleegzorg.split("</td>")[0]
    residentieel = page.split('<th scope="row">residentieel</th>')[1].split("</tr>")[0]
    assert residentieel.startswith('<td class="num"><span class="muted">minder dan 10</span></td>')
    assert "zodat een klein aantal niet uit het totaal kan worden" in page
    lines = client.get(f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/voortgang.csv").data.decode("utf-8-sig")
    lines = lines.splitlines()
    assert "Soort hulp;ambulant;40;0;0;0,0" in lines
    assert "Soort hulp;pleegzorg;verborgen;verborgen;verborgen;" in lines
    assert "Soort hulp;residentieel;minder dan 10;minder dan 10;minder dan 10;" in lines
    assert any(line.startswith("Soort hulp;Opmerking;Ook een ander aantal is verborgen") for line in lines)


def test_the_pages_explain_why_the_totals_lag_behind_the_day_counts(client, db, researcher, make_survey):
    survey = make_survey(closes_on=DAY + timedelta(days=40))
    invitations = [
        Invitation(survey_id=survey.id, token_hash=sending.unissued_token_hash(), email=f"p{n}@example.nl")
        for n in range(12)
    ]
    db.session.add_all(invitations)
    db.session.commit()
    for invitation in invitations[:7]:  # fewer than k = 10: the batch waits
        ledger.note_start(invitation, "link", DAY)
        ledger.note_completed(invitation, DAY)
    base = f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk"
    note = (
        "Gestart en Afgerond worden per 10 genodigden bijgewerkt, zodat niemand aan het tijdstip te herkennen is; "
        "de cijfers per dag tellen ze al."
    )
    for url in (base + "/", base + "/voortgang"):
        assert note in client.get(url).get_data(as_text=True), url
    helpers.settle_ledger(survey.id)
    survey.status = FieldworkStatus.CLOSED
    db.session.commit()
    assert "worden per 10 genodigden bijgewerkt" not in client.get(base + "/").get_data(as_text=True)


def test_tracking_kept_at_the_close_reads_back_the_same(db, make_survey):
    """The close keeps the figures as JSON before it clears the invitations; read back they are the same
    (every table per category too), and with a k raised since then the tables per category are left out."""
    import dataclasses
    import json

    from survey.fieldwork.invitees import tracking

    survey = make_survey(min_cell=5)
    invite_groups(db, survey)
    live = tracking.tracking(survey)
    kept = json.loads(json.dumps(tracking.frozen(live)))
    assert tracking.thawed(kept, 5) == dataclasses.replace(live, batch=None)
    assert tracking.thawed(kept, 10).groups == {} and tracking.thawed(kept, 10).totals == live.totals
