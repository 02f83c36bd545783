"""The seven server errors an adversarial pass found on staff input, each now a Dutch answer; and the one
place that turns any other exception into the Dutch 500 page, with the error logged."""

import io
import logging
import zipfile

import pytest
from flask import Blueprint

from survey.accounts.models import Role
from tests.reliability.test_upload_guard import LAUGHS, workbook_with


@pytest.fixture
def staff(client, login, region, make_user):
    login(make_user(region, Role.BEHEERDER))
    return client


def upload(client, url, data: bytes, name: str):
    return client.post(url, data={"file": (io.BytesIO(data), name)}, content_type="multipart/form-data")


def dutch(answer, *phrases):
    page = answer.get_data(as_text=True)
    assert answer.status_code == 200, (answer.status_code, page[:500])
    assert '<html lang="nl"' in page
    for phrase in phrases:
        assert phrase in page, (phrase, page[-2000:])


def test_an_invitee_csv_with_a_cell_over_128_kb_is_refused_in_dutch(staff, db, region):
    from tests.survey.responses.documents import create_survey

    survey = create_survey(db, region, public_key="csv")
    data = ("e-mail;gemeente\nouder@example.nl;" + "R" * (140 * 1024) + "\n").encode()
    answer = upload(staff, f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/genodigden/importeren", data, "g.csv")
    dutch(answer, "Het CSV-bestand is beschadigd rond rij")


CODEBOOK = "/beheer/rijnmond/coderen/codeboeken/importeren"


def broken_workbook(part: str) -> bytes:
    """A real codebook workbook with one of its XML parts cut short."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["sleutel", "thema"])
    book.active.append(["T1", "Bereikbaarheid"])
    out = io.BytesIO()
    book.save(out)
    source = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, data[: len(data) // 2] if item.filename == part else data)
    return broken.getvalue()


@pytest.mark.parametrize("part", ["xl/worksheets/sheet1.xml", "xl/workbook.xml"])
def test_a_codebook_workbook_with_broken_xml_is_refused_in_dutch(staff, part):
    dutch(upload(staff, CODEBOOK, broken_workbook(part), "codeboek.xlsx"), "Het bestand is beschadigd")


def test_a_codebook_workbook_with_a_dtd_entity_is_refused_in_dutch(staff):
    dutch(upload(staff, CODEBOOK, workbook_with(LAUGHS), "codeboek.xlsx"), "DTD of entiteiten")


def test_a_deeply_nested_codebook_json_is_refused_in_dutch(staff):
    data = b'{"themes": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    dutch(upload(staff, CODEBOOK, data, "codeboek.json"), "te diep genest")


def test_the_name_list_with_fields_missing_is_saved_not_crashed(staff):
    answer = staff.post("/beheer/rijnmond/coderen/namenlijst", data={"provider": "Jeugdteam Noord"})
    assert answer.status_code == 302
    page = staff.get("/beheer/rijnmond/coderen/namenlijst").get_data(as_text=True)
    assert "Jeugdteam Noord" in page


def test_a_file_sent_in_a_text_field_or_a_json_body_is_a_form_error_not_a_500(staff):
    answer = staff.post(
        "/beheer/rijnmond/coderen/namenlijst",
        data={"provider": (io.BytesIO(b"x"), "a.txt")},
        content_type="multipart/form-data",
    )
    assert answer.status_code in (200, 302)
    answer = staff.post("/beheer/rijnmond/coderen/namenlijst", json=[1, 2, 3])
    assert answer.status_code < 500


@pytest.mark.parametrize("app_config", [{"PROPAGATE_EXCEPTIONS": False}])
def test_any_other_exception_is_the_dutch_500_page_and_is_logged(app, client, caplog):
    crash = Blueprint("crash", __name__)

    @crash.route("/kapot")
    def broken():
        raise KeyError("geheim detail")

    app.register_blueprint(crash)
    with caplog.at_level(logging.ERROR):
        answer = client.get("/kapot")
    page = answer.get_data(as_text=True)
    assert answer.status_code == 500 and '<html lang="nl"' in page and "Er ging iets mis" in page
    assert "geheim detail" not in page and "Traceback" not in page
    assert any("Unhandled error on GET /kapot" in r.getMessage() and r.exc_info for r in caplog.records)
