"""Importing invitees through the fieldwork pages: a Dutch report per row, nothing half-imported."""

import io

import pytest
from sqlalchemy import func, select

from survey.audit.models import AuditEntry
from survey.fieldwork import ledger
from survey.fieldwork.models import Invitation


def upload(client, survey, data, name="genodigden.csv"):
    url = f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/genodigden/importeren"
    return client.post(url, data={"file": (io.BytesIO(data), name)}, content_type="multipart/form-data")


def count(db, survey):
    return db.session.scalar(select(func.count()).select_from(Invitation).where(Invitation.survey_id == survey.id))


def test_semicolon_cp1252_file_is_imported_with_a_report_in_dutch(client, db, researcher, make_survey):
    survey = make_survey()
    data = (
        "E-mailadres;Gemeente;Taal\n"
        "anouk@example.nl;Schiedam;\n"
        "fout-adres;Schiedam;\n"
        "bram@example.nl;Vlaardingen;Engels\n"
        "anouk@example.nl;Schiedam;\n"
    ).encode("cp1252")
    page = upload(client, survey, data).get_data(as_text=True)
    assert "2 genodigden zijn toegevoegd." in page
    assert "fout-adres is geen geldig e-mailadres." in page
    assert "Deze rij is hetzelfde als rij 2." in page
    assert "Niet ingelezen" in page
    invitations = db.session.scalars(select(Invitation).order_by(Invitation.id)).all()
    assert [(i.email, i.language, i.background) for i in invitations] == [
        ("anouk@example.nl", "nl", {"gemeente": "Schiedam"}),
        ("bram@example.nl", "en", {"gemeente": "Vlaardingen"}),
    ]
    entry = db.session.scalar(select(AuditEntry).where(AuditEntry.action == "fieldwork.import"))
    assert entry.details == {"imported": 2, "skipped": 2}


def test_imported_invitees_have_no_usable_link_until_invited(client, db, researcher, make_survey):
    survey = make_survey()
    upload(client, survey, b"email\nanouk@example.nl\n")
    invitation = db.session.scalar(select(Invitation))
    assert invitation.invited_on is None and len(invitation.token_hash) == 64
    assert invitation.short_code_hash is None


def test_importing_the_same_file_twice_adds_nobody_twice(client, db, researcher, make_survey):
    survey = make_survey()
    upload(client, survey, b"email;gemeente\na@example.nl;Delft\nb@example.nl;Delft\n")
    page = upload(client, survey, b"email;gemeente\na@example.nl;Delft\nc@example.nl;Delft\n").get_data(as_text=True)
    assert "Deze genodigde staat al in de lijst van deze vragenlijst." in page
    assert count(db, survey) == 3


def test_bsn_file_is_refused_with_an_explanation_and_nothing_imported(client, db, researcher, make_survey):
    survey = make_survey()
    data = "e-mail;nummer client\n" + "".join(
        f"p{n}@example.nl;{b}\n" for n, b in enumerate(["111222333", "123456782", "010000008"])
    )
    page = upload(client, survey, data.encode()).get_data(as_text=True)
    assert "Het bestand is niet ingelezen." in page
    assert "burgerservicenummers (BSN)" in page and "nummer client" in page
    assert "111222333" not in page
    assert count(db, survey) == 0


@pytest.mark.parametrize(
    "title", ["BSN-nummer", "BSN nr", "bsnnummer", "Client_BSN", "Burgerservicenummer", "sofinummer"]
)
def test_a_column_named_for_a_bsn_refuses_the_file_even_when_empty(client, db, researcher, make_survey, title):
    survey = make_survey()
    page = upload(client, survey, f"e-mail;{title}\nanouk@example.nl;\n".encode()).get_data(as_text=True)
    assert "Het bestand is niet ingelezen." in page
    assert "burgerservicenummers (BSN)" in page and title in page
    assert "niet gebruikt" not in page.lower()
    assert count(db, survey) == 0


def test_a_column_that_only_resembles_bsn_is_not_refused(client, db, researcher, make_survey):
    survey = make_survey()
    page = upload(client, survey, b"e-mail;clubsnaam\nanouk@example.nl;Sparta\n").get_data(as_text=True)
    assert "Het bestand is niet ingelezen." not in page and count(db, survey) == 1


def test_a_missing_address_column_is_named_in_dutch_at_that_column(client, db, researcher, make_survey):
    survey = make_survey()
    data = b"Straat;Huisnummer;Postcode\nDorpsstraat;12;3011 AB\n"
    page = upload(client, survey, data).get_data(as_text=True)
    assert "Het postadres is niet compleet: Woonplaats ontbreekt." in page
    assert "city" not in page
    assert '<td class="num">2</td><td>Woonplaats</td>' in page
    assert count(db, survey) == 0


def test_wrong_file_type_gives_a_dutch_message_not_an_error(client, db, researcher, make_survey):
    survey = make_survey()
    response = upload(client, survey, b"%PDF-1.4 \x00\x01", "lijst.pdf")
    assert response.status_code == 200
    assert "Dit is een PDF-bestand." in response.get_data(as_text=True)
    assert count(db, survey) == 0


def test_file_without_address_columns_is_refused(client, db, researcher, make_survey):
    survey = make_survey()
    page = upload(client, survey, b"naam;gemeente\nJan;Delft\n").get_data(as_text=True)
    assert "Er is geen kolom met e-mailadressen of postadressen gevonden." in page
    assert count(db, survey) == 0


def test_no_file_chosen_shows_the_error_at_the_field(client, researcher, make_survey):
    survey = make_survey()
    url = f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/genodigden/importeren"
    page = client.post(url, data={}, content_type="multipart/form-data").get_data(as_text=True)
    assert "Kies een bestand." in page and "Controleer het volgende" in page


def test_background_shared_by_k_invitees_reaches_the_ledger_interface(client, db, researcher, make_survey):
    survey = make_survey(min_cell=5)
    rows = "".join(
        f"p{n}@example.nl;{'Delft' if n < 6 else 'Schiedam' if n < 11 else 'Pijnacker'}\n" for n in range(13)
    )
    upload(client, survey, ("email;gemeente\n" + rows).encode())
    delft, schiedam, rare = (
        db.session.scalar(select(Invitation).where(Invitation.email == e))
        for e in ("p0@example.nl", "p6@example.nl", "p12@example.nl")
    )
    assert ledger.coarse_background(survey, rare) == {}
    # the 2 from Pijnacker alone would be "the ones without a gemeente": the smallest group joins them
    assert ledger.coarse_background(survey, schiedam) == {}
    assert ledger.coarse_background(survey, delft) == {"gemeente": "Delft"}


def test_background_categories_are_one_group_across_imports_whatever_the_spelling(client, db, researcher, make_survey):
    survey = make_survey()
    upload(client, survey, b"email;soort hulp;leeftijd\na@example.nl;Ambulant;12-15\n")
    data = (
        "email;soort hulp;leeftijd\n"
        "b@example.nl;ambulant;12–15\nc@example.nl;AMBULANT;14 jaar\nd@example.nl;ambulant;14 jr\n"
    )
    page = upload(client, survey, data.encode()).get_data(as_text=True)
    assert "3 genodigden zijn toegevoegd." in page
    backgrounds = db.session.scalars(select(Invitation.background).order_by(Invitation.id)).all()
    assert backgrounds == [{"soort_hulp": "Ambulant", "leeftijd": "12–15"}] * 4


def test_an_age_that_cannot_be_made_coarse_is_not_stored_and_is_reported_in_dutch(client, db, researcher, make_survey):
    survey = make_survey()
    page = upload(client, survey, b"email;leeftijd\na@example.nl;veertien\n").get_data(as_text=True)
    assert count(db, survey) == 1
    assert "veertien is geen leeftijd of leeftijdsgroep (zoals 14 of 12–15)" in page
    assert db.session.scalar(select(Invitation.background)) == {}
