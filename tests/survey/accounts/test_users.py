"""The beheerder manages users and region settings."""

import io

from sqlalchemy import select

from survey.accounts.models import Membership, Role


def test_beheerder_adds_existing_user_from_another_region_without_new_account(
    client, db, login, region, other_region, make_user, outbox
):
    admin = make_user(region, Role.BEHEERDER)
    colleague = make_user(other_region, Role.ONDERZOEKER, email="els@example.org")
    login(admin)
    response = client.post(
        "/beheer/rijnmond/gebruikers/nieuw", data={"email": "ELS@example.org", "name": "Els", "role": "codeur"}
    )
    assert response.status_code == 302
    assert colleague.role_in(region) == Role.CODEUR
    assert outbox == []  # an existing account needs no password mail


def test_adding_a_member_twice_gives_a_message_at_the_field(client, login, region, make_user):
    admin = make_user(region, Role.BEHEERDER)
    make_user(region, Role.LEZER, email="lex@example.org")
    login(admin)
    page = client.post(
        "/beheer/rijnmond/gebruikers/nieuw", data={"email": "lex@example.org", "name": "Lex", "role": "codeur"}
    ).get_data(as_text=True)
    assert "Deze persoon heeft al een rol in deze regio." in page


def test_beheerder_cannot_demote_or_remove_self(client, db, login, region, make_user):
    admin = make_user(region, Role.BEHEERDER)
    login(admin)
    page = client.post(f"/beheer/rijnmond/gebruikers/{admin.id}", data={"role": "lezer"}).get_data(as_text=True)
    assert "eigen beheerdersrol" in page
    client.post(f"/beheer/rijnmond/gebruikers/{admin.id}/verwijderen")
    assert admin.role_in(region) == Role.BEHEERDER


def test_removing_a_member_keeps_the_account(client, db, login, region, make_user):
    admin = make_user(region, Role.BEHEERDER)
    lex = make_user(region, Role.LEZER)
    login(admin)
    client.post(f"/beheer/rijnmond/gebruikers/{lex.id}/verwijderen")
    assert db.session.scalar(select(Membership).where(Membership.user_id == lex.id)) is None
    assert db.session.get(type(lex), lex.id) is not None


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_region_settings_with_logo_and_colour(client, db, login, region, make_user):
    login(make_user(region, Role.BEHEERDER))
    response = client.post(
        "/beheer/rijnmond/instellingen",
        data={"name": "Rijnmond", "main_colour": "#003366", "logo": (io.BytesIO(PNG), "logo.png")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    db.session.refresh(region)
    assert region.name == "Rijnmond" and region.main_colour == "#003366"
    assert client.get("/huisstijl/rijnmond/logo").data == PNG


def test_region_settings_refuse_light_colour_and_fake_logo(client, db, login, region, make_user):
    login(make_user(region, Role.BEHEERDER))
    page = client.post("/beheer/rijnmond/instellingen", data={"name": "Rijnmond", "main_colour": "#ffff00"}).get_data(
        as_text=True
    )
    assert "te licht" in page
    page = client.post(
        "/beheer/rijnmond/instellingen",
        data={"name": "Rijnmond", "main_colour": "#003366", "logo": (io.BytesIO(b"<svg onload=x>"), "logo.png")},
        content_type="multipart/form-data",
    ).get_data(as_text=True)
    assert "PNG- of JPEG-bestand" in page
