"""Wording a reader notices: themes counted truthfully, plural forms, month names instead of period codes,
the audit log in Dutch, and development mail readable in the console."""

import re
from decimal import Decimal

from survey import mail
from survey.accounts.models import Role
from survey.audit.services import record
from survey.programmes.monitor.indicators import Measurement
from tests.survey.programmes.factories import make_indicator
from tests.survey.reports import builders


def text_of(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True)).split())


def test_answers_without_a_theme_are_not_counted_as_having_themes(client, db, region, make_user, login):
    survey = builders.make_survey(db, region, min_cell=5)
    themes = builders.codebook(db, region, survey)
    responses = [
        builders.add_response(db, survey, {"T1": "4", "O1": f"Antwoord {i}"}, scrubbed={"O1": f"Antwoord {i}"})
        for i in range(6)
    ]
    db.session.flush()
    for i, response in enumerate(responses[:5]):  # five coded, two of them with a theme
        codes = [(themes["wachttijd"], "mens", None, True)] if i < 2 else []
        builders.code(db, survey, builders.answer_of(response, "O1"), codes, verified=True)
    db.session.commit()
    login(make_user(region, Role.ONDERZOEKER))
    page = text_of(client.get(f"/beheer/{region.slug}/resultaten/{survey.id}/"))
    assert "6 mensen schreven een antwoord. 2 antwoorden hebben minstens één thema." in page
    assert "3 gecodeerde antwoorden hebben geen thema." in page
    assert "antwoorden hebben thema's" not in page


def test_month_periods_read_as_month_names(client, db, region, make_user, login):
    indicator = make_indicator(region)
    db.session.add(Measurement(indicator_id=indicator.id, period="2026-03", value=Decimal(4)))
    db.session.commit()
    login(make_user(region, Role.ONDERZOEKER))
    page = text_of(client.get(f"/beheer/{region.slug}/programma/indicator/{indicator.id}/"))
    assert "maart 2026" in page and "2026-03" not in page


def test_the_audit_log_reads_in_dutch(app, client, db, region, make_user, login):
    admin = make_user(region, Role.BEHEERDER)
    survey = builders.make_survey(db, region)
    with app.test_request_context():
        record("results.export", survey, format="csv", raw_text=False, responses=6, variables=12, via="api")
        record("fieldwork.reminders_sent", survey, mails=3, letters=0, via="cron", mode="due")
    db.session.commit()
    login(admin)
    page = text_of(client.get(f"/beheer/{region.slug}/audit/"))
    assert "bestandstype: csv, ongeschoonde open antwoorden: nee, antwoorden: 6, variabelen: 12, via: API" in page
    assert "e-mails: 3, brieven: 0, via: dagelijkse taak, aan wie: wie aan de beurt was voor een herinnering" in page
    assert f"vragenlijst {survey.id}" in page
    for english in ("raw_text", "False", "cron", "survey "):
        assert english not in page.split("Details")[-1]


def test_development_mail_is_printed_decoded(app, capsys):
    app.config["MAIL_BACKEND"] = "console"
    body = "Beste heer, mevrouw,\n\nWij willen graag weten wat u van de jeugdhulp vindt. Één link: " + "é" * 80
    with app.app_context():
        mail.deliver(mail.build_message("ouder@example.nl", "Uitnodiging: Cliëntervaring", body))
    printed = capsys.readouterr().out
    assert "Wij willen graag weten wat u van de jeugdhulp vindt. Één link: " + "é" * 80 in printed
    assert "Subject: Uitnodiging: Cliëntervaring" in printed
    assert "=C3" not in printed and "quoted-printable" not in printed and "base64" not in printed


def test_plural_forms_for_one(app):
    with app.test_request_context():
        from flask_babel import force_locale, ngettext

        with force_locale("nl"):
            one = ngettext(
                "The taalcheck still has remarks on %(num)s text. You can publish anyway.",
                "The taalcheck still has remarks on %(num)s texts. You can publish anyway.",
                1,
            )
            assert one == "De taalcheck heeft nog opmerkingen bij 1 tekst. U kunt toch publiceren."
