"""Printed letters: one A4 page per invitee with a personal QR code and short code, in the invitee's
language, kept only as a temporary download."""

import io
import re
import subprocess
import tempfile
import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from survey.audit.models import AuditEntry
from survey.fieldwork import ledger, sending, services
from survey.fieldwork.letters import services as letters
from survey.fieldwork.models import LetterBatch
from tests import helpers
from tests.survey.evaluations.readback import pdf_pages
from tests.survey.fieldwork.test_sending import add_invitees

ADDRESSES = [
    "Fam. Jansen\nDorpsstraat 1\n1234 AB  ONS DORP",
    "Dhr. Haddad\nKade 2\n3011 AB  ROTTERDAM",
    "Mw. Smith\nLaan 3\n2511 CV  DEN HAAG",
]


def page_count(pdf: bytes) -> int:
    """Pages as a PDF reader counts them (pdfinfo). A hand-made count of "/Type /Page" inside the compressed
    streams missed a page whenever a stream's last byte happened to be a carriage return (its end-of-line
    rule took the byte and the stream no longer decompressed): 26 of 20,000 random object streams."""
    return pdf_pages(pdf)[0]


@pytest.fixture
def captured_pages(monkeypatch):
    pages = []
    original = letters.render_letters

    def capture(given):
        pages.extend(given)
        return original(given)

    monkeypatch.setattr(letters, "render_letters", capture)
    return pages


def test_letters_have_a_working_code_in_the_invitees_language(db, make_survey, captured_pages):
    survey = make_survey(languages=("nl", "en", "ar"), closes_on=date(2026, 5, 1))
    services.save_text(survey, "letter", "ar", "ما رأيك في المساعدة؟", "مرحبا\n\n{titel}\n\n{code}")
    invitees = add_invitees(
        db, survey, (None, "nl", ADDRESSES[0]), (None, "ar", ADDRESSES[1]), (None, "en", ADDRESSES[2])
    )
    result = sending.invite(survey, date(2026, 3, 2))
    db.session.commit()
    assert (result.mails, result.letters) == (0, 3)

    batch = db.session.scalar(select(LetterBatch))
    assert batch.letter_count == 3 and batch.pdf.startswith(b"%PDF") and page_count(batch.pdf) == 3
    with zipfile.ZipFile(io.BytesIO(batch.archive)) as archive:
        names = archive.namelist()
        assert names == ["brief-00001.pdf", "brief-00002.pdf", "brief-00003.pdf"]
        assert all(page_count(archive.read(n)) == 1 for n in names)

    dutch, arabic, english = captured_pages
    for page, invitation in zip(captured_pages, invitees, strict=True):
        assert ledger.invitation_for_short_code(page["code"]).id == invitation.id
        assert page["address"] == invitation.postal_address.split("\n")
        assert str(page["qr"]).startswith('<img class="qr" src="data:image/png;base64,')
    assert dutch["subject"] == "Wat vindt u van de jeugdhulp?" and dutch["date"] == "2 maart 2026"
    assert any("1 mei 2026" in p["html"] for p in dutch["paragraphs"])
    assert not any("afmelden" in p["html"] for p in dutch["paragraphs"])
    assert arabic["dir"] == "rtl" and arabic["subject"] == "ما رأيك في المساعدة؟"
    assert english["language"] == "en" and english["subject"] == "What do you think of youth care?"


def test_letters_go_only_to_invitees_without_e_mail_unless_asked(db, outbox, make_survey):
    survey = make_survey()
    add_invitees(db, survey, ("a@example.nl", "nl", ADDRESSES[0]), (None, "nl", ADDRESSES[1]))
    assert sending.invite(survey, date(2026, 3, 2)).letters == 1
    db.session.commit()
    other = make_survey()
    add_invitees(db, other, ("a@example.nl", "nl", ADDRESSES[0]))
    services.save_settings(other, 2, 7, True)
    result = sending.invite(other, date(2026, 3, 2))
    db.session.commit()
    assert (result.mails, result.letters) == (1, 1)


def test_download_delete_and_closing_remove_the_letter_files(client, db, researcher, make_survey):
    survey = make_survey()
    add_invitees(db, survey, (None, "nl", ADDRESSES[0]), (None, "nl", ADDRESSES[1]))
    client.post(f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/uitnodigen")
    page = client.get(f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/").get_data(as_text=True)
    assert "Brieven om te printen" in page and "eerdere brieven werken dan niet meer" in page
    first = db.session.scalar(select(LetterBatch)).id
    response = client.get(f"/beheer/rijnmond/veldwerk/brieven/{first}.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.data.startswith(b"%PDF")
    assert db.session.scalar(select(AuditEntry).where(AuditEntry.action == "fieldwork.letters_downloaded"))
    client.post(f"/beheer/rijnmond/veldwerk/brieven/{first}/verwijderen")
    assert db.session.scalar(select(LetterBatch)) is None
    assert client.get(f"/beheer/rijnmond/veldwerk/brieven/{first}.pdf").status_code == 404

    add_invitees(db, survey, (None, "nl", ADDRESSES[2]))
    client.post(f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/uitnodigen")
    assert db.session.scalar(select(LetterBatch)).letter_count == 1
    client.post(f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/sluiten")
    assert db.session.scalar(select(LetterBatch)) is None


def test_reminder_letter_for_someone_who_started_has_no_new_code(db, make_survey, captured_pages):
    survey = make_survey()
    started, silent = add_invitees(db, survey, (None, "nl", ADDRESSES[0]), (None, "nl", ADDRESSES[1]))
    sending.invite(survey, date(2026, 3, 2))
    helpers.mark_started(started, date(2026, 3, 3))
    db.session.commit()
    captured_pages.clear()
    assert sending.remind(survey, date(2026, 3, 9)).letters == 2
    db.session.commit()
    first, second = captured_pages
    assert first["qr"] is None and first["code"] is None
    assert any("U bent al begonnen." in p["html"] for p in first["paragraphs"])
    assert ledger.invitation_for_short_code(second["code"]).id == silent.id


def test_letters_can_be_made_again_with_new_codes_for_one_address(client, db, researcher, make_survey, captured_pages):
    survey = make_survey()
    jansen, haddad, smith = add_invitees(db, survey, *[(None, "nl", a) for a in ADDRESSES])
    client.post(f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/uitnodigen")
    old = {p["address"][0]: p["code"] for p in captured_pages}
    helpers.mark_started(db.session.get(type(smith), smith.id), date(2026, 3, 3))
    db.session.commit()
    page = client.get(f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/").get_data(as_text=True)
    assert "2 genodigden per post zijn nog niet begonnen." in page
    url = f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/brieven/opnieuw"

    captured_pages.clear()
    page = client.post(url, data={"address": "3011ab, 2"}, follow_redirects=True).get_data(as_text=True)
    assert "1 nieuwe brief is gemaakt." in page
    (reprinted,) = captured_pages
    assert reprinted["address"][0] == "Dhr. Haddad"
    assert ledger.invitation_for_short_code(reprinted["code"]).id == haddad.id
    assert ledger.invitation_for_short_code(old["Dhr. Haddad"]) is None  # the lost letter stops working
    assert ledger.invitation_for_short_code(old["Fam. Jansen"]).id == jansen.id  # the neighbours' still work

    captured_pages.clear()
    page = client.post(url, data={"address": "2511 CV 3"}, follow_redirects=True).get_data(as_text=True)
    assert "Op dit adres woont geen genodigde per post die nog niet is begonnen." in page  # Smith started
    assert captured_pages == []
    client.post(url, data={"address": ""})
    assert sorted(p["address"][0] for p in captured_pages) == ["Dhr. Haddad", "Fam. Jansen"]


def pdf_tool(tool: str, pdf: bytes, *options: str) -> str:
    """The output of one of poppler-utils' tools (pdffonts, pdftotext) for a PDF, as a reader would see it."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "letters.pdf"
        path.write_bytes(pdf)
        return subprocess.run(
            [tool, *options, str(path), "-"][: None if tool == "pdftotext" else -1], check=True, capture_output=True
        ).stdout.decode("utf-8")


def test_letters_print_tigrinya_and_keep_the_address_whole_in_arabic(db, make_survey, captured_pages, monkeypatch):
    # digits and a colon in the address are what a right-to-left paragraph reordered
    monkeypatch.setitem(letters.current_app.config, "BASE_URL", "http://127.0.0.1:5092/")
    survey = make_survey(languages=("nl", "ar"))
    add_invitees(db, survey, (None, "ar", ADDRESSES[1]), (None, "ti", ADDRESSES[0]), (None, "fa", ADDRESSES[2]))
    sending.invite(survey, date(2026, 3, 2))
    db.session.commit()
    arabic, tigrinya, farsi = captured_pages
    pdf = db.session.scalar(select(LetterBatch)).pdf

    fonts = pdf_tool("pdffonts", pdf)
    assert "Abyssinica" in fonts, fonts  # a font with the Ge'ez script, else Tigrinya prints as boxes
    ethiopic = tigrinya["paragraphs"][0]
    assert tigrinya["language"] == "nl" and ethiopic["lang"] == "ti" and ethiopic["dir"] == "ltr"
    assert farsi["paragraphs"][0]["lang"] == "fa" and farsi["paragraphs"][0]["dir"] == "rtl"
    assert all(p["lang"] is None for p in farsi["paragraphs"][1:])

    address = f"{letters.current_app.config['BASE_URL'].rstrip('/')}/code"
    assert address.startswith("http://")
    # pdftotext marks each run's direction with Unicode's embedding characters; a reader sees none of them
    text = re.sub("[\u202a-\u202e\u2066-\u2069]", "", pdf_tool("pdftotext", pdf, "-enc", "UTF-8", "-l", "1"))
    assert address in text and arabic["code"] in text, text  # each whole, in order, on one line
    assert "//:" not in text and "code/" not in text
    arabic_line = next(p["html"] for p in arabic["paragraphs"] if address in p["html"])
    assert f'<bdi dir="ltr" class="ltr-token">{address}</bdi>' in arabic_line
    assert f'<bdi dir="ltr" class="ltr-token">{arabic["code"]}</bdi>' in arabic_line
