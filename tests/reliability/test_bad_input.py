"""Bad input on every public form and every upload: never a 500, always a Dutch page.

Property-based (hypothesis) over the public forms (login, password reset, the code page, opt-out, the
respondent's steps) and the uploads (questionnaire JSON/XLSX, contacts CSV/XLSX, indicator data, the
codebook loader); and the classic cases by hand: oversized bodies (413), invalid UTF-8, NUL bytes,
100,000-character answers, HTML and script in answers and titles, spreadsheet formulas, a zip bomb.
"""

import io
import json
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from analysis.codebook import Codebook, CodebookError
from survey.accounts.models import Role
from survey.questionnaires.models import Survey
from survey.responses.models import Answer

NASTY = [
    "<script>alert('x')</script>",
    '=HYPERLINK("http://evil.example","klik")',
    "+1+1",
    "@SUM(A1)",
    "a\x00b",
    "\x00",
    "\ufeff",
    "\u202eevil",
    "' OR 1=1 --",
    "{{ 7*7 }}",
    "%(n)s %s",
    "x" * 5000,
    "../../etc/passwd",
    "\r\n\r\n",
    "ØÆ€😀",
    "\ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
]
texts = st.one_of(st.text(max_size=300), st.sampled_from(NASTY))
FAST = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


def assert_dutch_page(answer):
    """Not a server error; an HTML page in Dutch (or a redirect / file)."""
    assert answer.status_code < 500, answer.status_code
    if answer.mimetype == "text/html" and not 300 <= answer.status_code < 400:
        page = answer.get_data(as_text=True)
        assert '<html lang="nl"' in page and "Traceback" not in page


@pytest.fixture
def open_survey(db, region):
    """The all-question-types questionnaire of the respondent tests, open, with an open link."""
    from tests.survey.responses.documents import all_types_document, create_survey

    return create_survey(db, region, document=all_types_document(), public_key="open-link")


@pytest.fixture
def staff(client, login, region, make_user):
    login(make_user(region, Role.BEHEERDER))
    return client


# public forms --------------------------------------------------------------------------------------------


@pytest.mark.slow
@FAST
@given(email=texts, password=texts)
def test_login_form(client, email, password):
    assert_dutch_page(client.post("/inloggen", data={"email": email, "password": password}))


@FAST
@given(email=texts)
def test_password_reset_form(client, email):
    assert_dutch_page(client.post("/wachtwoord-vergeten", data={"email": email}))


@FAST
@given(token=texts, password=texts)
def test_set_password_link(client, token, password):
    path = "/wachtwoord-instellen/" + (token.replace("/", "").replace("\x00", "") or "x")
    assert_dutch_page(client.post(path, data={"password": password, "confirm": password}))


@FAST
@given(code=texts)
def test_code_form(client, code):
    assert_dutch_page(client.post("/code", data={"code": code}))
    assert_dutch_page(client.get("/code", query_string={"code": code}))


@FAST
@given(token=texts)
def test_opt_out_link(client, token):
    path = "/afmelden/" + (token.replace("/", "").replace("\x00", "") or "x")
    assert_dutch_page(client.get(path))
    assert_dutch_page(client.post(path))


@FAST
@given(values=st.lists(texts, min_size=12, max_size=12), action=st.sampled_from(["volgende", "vorige", "later", "?"]))
def test_respondent_steps(client, open_survey, values, action):
    from bench.pages import parse

    page = client.get("/v/open-link/vraag/1")
    form = next(f for f in parse(page.get_data(as_text=True)).forms if ("actie", "volgende") in f.buttons)
    names = list(form.choices) + list(form.texts) + [name for name, _ in form.hidden]
    data = {name: values[n % len(values)] for n, name in enumerate(names)}
    data["actie"] = action
    assert_dutch_page(client.post("/v/open-link/vraag/1", data=data))
    assert_dutch_page(client.post("/v/open-link/vraag/2", data=data))
    assert_dutch_page(client.post("/v/open-link/controle", data=data))


# raw bodies ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        b"email=%ff%fe%fd&password=%c3%28",
        b"email=\xff\xfe\x00&password=\xc3\x28",
        b"email=a%00b%40example.nl&password=%00",
        b"\x00\x01\x02" * 100,
    ],
)
def test_invalid_utf8_and_nul_bytes_in_a_form(client, body):
    for path in ("/inloggen", "/wachtwoord-vergeten", "/code"):
        assert_dutch_page(client.post(path, data=body, content_type="application/x-www-form-urlencoded"))


def test_an_oversized_body_gets_the_dutch_413_page(client, open_survey):
    big = "x" * (21 * 1024 * 1024)
    for answer in (
        client.post("/inloggen", data={"email": big, "password": "x"}),
        client.post("/v/open-link/vraag/1", data={"v-T1": big}),
    ):
        assert answer.status_code == 413
        assert "Bestand of tekst te groot" in answer.get_data(as_text=True)


@pytest.fixture
def open_question(db, region):
    """A survey whose first screen is one open question."""
    from tests.survey.responses.documents import create_survey, q, t

    document = {
        "languages": ["nl"],
        "sections": [
            {
                "key": "S1",
                "questions": [q("O1", "open_lang", t("Wat ging goed?")), q("T1", "stelling", t("Ik kreeg snel hulp."))],
            }
        ],
    }
    return create_survey(db, region, document=document, public_key="open-vraag")


def fill_first_step(client, text):
    from bench.pages import parse

    page = client.get("/v/open-vraag/vraag/1")
    form = next(f for f in parse(page.get_data(as_text=True)).forms if ("actie", "volgende") in f.buttons)
    assert form.texts, "the first step has a text field"
    data = dict(form.hidden) | {name: values[0] for name, values in form.choices.items()}
    data |= {name: text for name in form.texts}
    data["actie"] = "volgende"
    return client.post("/v/open-vraag/vraag/1", data=data)


def test_a_100000_character_answer_is_refused_with_a_dutch_message(client, db, open_question):
    answer = fill_first_step(client, "lang " * 20_000)
    assert answer.status_code == 200 and "tekens" in answer.get_data(as_text=True)
    assert db.session.scalar(select(Answer).where(Answer.value.like("lang lang%"))) is None


def test_nul_bytes_and_script_in_an_answer_are_stored_without_nul_and_shown_escaped(client, db, open_question):
    answer = fill_first_step(client, "<script>alert(1)</script>\x00 goed")
    assert answer.status_code == 302, answer.get_data(as_text=True)[:2000]
    stored = db.session.scalars(select(Answer.value).where(Answer.value.like("%script%"))).all()
    assert stored and all("\x00" not in value for value in stored)
    page = client.get(answer.headers["Location"]).get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page


def test_script_in_a_survey_title_is_escaped_on_every_page_and_in_the_exports(staff, db, open_survey):
    survey = db.session.get(Survey, open_survey.id)
    survey.title = {"nl": "<script>alert('titel')</script> =1+1"}
    db.session.commit()
    for path in (
        "/v/open-link",
        "/v/open-link/vraag/1",
        f"/beheer/rijnmond/vragenlijsten/{survey.id}",
        "/beheer/rijnmond/vragenlijsten/",
    ):
        page = staff.get(path).get_data(as_text=True)
        assert "<script>alert(" not in page and "&lt;script&gt;" in page, path
    from openpyxl import load_workbook

    for export in ("export.xlsx", "codeboek.xlsx"):
        exported = staff.get(f"/beheer/rijnmond/vragenlijsten/{survey.id}/{export}")
        assert exported.status_code == 200
        book = load_workbook(io.BytesIO(exported.data))
        cells = [c for sheet in book for row in sheet.iter_rows() for c in row if c.value]
        assert cells and not [c for c in cells if c.data_type == "f"]  # text never becomes a formula


# uploads -------------------------------------------------------------------------------------------------


def upload(client, url, data: bytes, name: str):
    return client.post(url, data={"file": (io.BytesIO(data), name)}, content_type="multipart/form-data")


def zip_bomb() -> bytes:
    """An XLSX-looking zip whose sheet unpacks to 200 MB."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            chunk = b" " * (1024 * 1024)
            for _ in range(200):
                sheet.write(chunk)
    return out.getvalue()


def spreadsheet(rows) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = Workbook()
    for row in rows:
        book.active.append([ILLEGAL_CHARACTERS_RE.sub("", c) if isinstance(c, str) else c for c in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


NASTY_FILES = [
    b"",
    b"\x00" * 100,
    b"\xff\xfe\x00<\x00",
    b"PK\x03\x04 not really a zip",
    b"{" * 10000,
    json.dumps({"format": "x", "document": {"sections": "<script>"}}).encode(),
    b"e-mail;gemeente\n\x00a@example.nl;Rot\x00terdam\n",
    b"e-mail\n\xff\xfe\xfd@x.nl\n",
    b'e-mail;gemeente\nb@example.nl;=HYPERLINK("http://evil")\n',
]


@pytest.fixture
def upload_urls(db, region, make_survey_for_uploads):
    survey, indicator_set = make_survey_for_uploads
    return {
        "questionnaire": "/beheer/rijnmond/vragenlijsten/importeren",
        "contacts": f"/beheer/rijnmond/vragenlijsten/{survey.id}/veldwerk/genodigden/importeren",
        "indicators": f"/beheer/rijnmond/programma/uitvraag/{indicator_set.id}/uploaden",
    }


@pytest.fixture
def make_survey_for_uploads(db, region, open_survey):
    from tests.survey.programmes.factories import make_indicator_set

    return open_survey, make_indicator_set(region)


@pytest.mark.parametrize("name", ["bestand.json", "bestand.xlsx", "bestand.csv", "bestand"])
def test_nasty_files_on_every_upload(staff, upload_urls, name):
    for kind, url in upload_urls.items():
        for data in NASTY_FILES + [zip_bomb() if name.endswith("xlsx") else b"x"]:
            assert_dutch_page(upload(staff, url, data, name)), (kind, data[:30])


@FAST
@given(data=st.binary(max_size=2000), name=st.sampled_from(["a.json", "a.xlsx", "a.csv", "a.txt"]))
def test_random_bytes_on_every_upload(staff, upload_urls, data, name):
    for url in upload_urls.values():
        assert_dutch_page(upload(staff, url, data, name))


@FAST
@given(
    rows=st.lists(
        st.lists(st.one_of(texts, st.integers(), st.floats(allow_nan=False), st.none()), max_size=6), max_size=8
    )
)
def test_random_spreadsheets_on_every_upload(staff, upload_urls, rows):
    data = spreadsheet(
        [[cell.replace("\x00", "") if isinstance(cell, str) else cell for cell in row][:6] for row in rows]
    )
    for url in upload_urls.values():
        assert_dutch_page(upload(staff, url, data, "bestand.xlsx"))


@settings(max_examples=60, deadline=None)
@given(
    data=st.recursive(
        st.none() | st.booleans() | st.integers() | texts,
        lambda children: st.lists(children, max_size=4) | st.dictionaries(texts, children, max_size=4),
        max_leaves=12,
    )
)
def test_the_codebook_loader_refuses_anything_else_with_its_own_error(data):
    for loader in (
        lambda: Codebook.from_dict(data),
        lambda: Codebook.from_json(json.dumps(data)),
        lambda: Codebook.from_rows(data if isinstance(data, list) else [data]),
    ):
        try:
            loader()
        except CodebookError as error:
            assert str(error)


def test_formulas_in_contact_data_never_run_in_the_tracking_export(staff, db, open_survey, upload_urls):
    from survey.fieldwork.models import Invitation

    rows = "\n".join(f'ouder{n}@example.nl;=HYPERLINK("http://evil")' for n in range(12))
    page = upload(staff, upload_urls["contacts"], ("e-mail;gemeente\n" + rows).encode(), "g.csv")
    assert_dutch_page(page)
    for invitation in db.session.scalars(select(Invitation)):
        invitation.invited_on = invitation.invited_on or __import__("datetime").date(2026, 3, 2)
    db.session.commit()
    export = staff.get(f"/beheer/rijnmond/vragenlijsten/{open_survey.id}/veldwerk/voortgang.csv")
    text = export.data.decode("utf-8-sig")
    import csv

    cells = [cell for row in csv.reader(io.StringIO(text), delimiter=";") for cell in row]
    assert '\'=HYPERLINK("http://evil")' in cells  # the category is there, as text …
    assert not [cell for cell in cells if cell.startswith(("=", "+", "@"))]  # … and nothing a spreadsheet runs


@pytest.mark.parametrize(
    "path",
    [
        "/v/open%00link",
        "/huisstijl/a%00b.css",
        "/r/%00",
        "/p/AB%00CD",
        "/afmelden/1%00-2",
        "/v/%ff%fe",
        "/code?code=%00%ff",
    ],
)
def test_nul_bytes_and_invalid_utf8_in_the_address(client, open_survey, path):
    answer = client.get(path)
    assert answer.status_code in (200, 404), path
    assert_dutch_page(answer)


def test_html_in_a_title_and_an_address_is_printed_as_text_on_the_letters(db, region, tmp_path):
    """The letters are HTML laid out as PDF: markup typed by staff or in a contact file stays visible text."""
    import subprocess
    from datetime import date

    from survey.fieldwork import sending, services
    from survey.fieldwork.models import Invitation, LetterBatch
    from tests.survey.responses.documents import create_survey

    survey = create_survey(db, region, public_key="brief")
    survey.title = {"nl": "<script>alert(1)</script> <b>Vet</b>"}
    services.save_text(survey, "letter", "nl", "Uw mening", "Hallo\n\n{titel}\n\n{code}")
    db.session.add(
        Invitation(
            survey_id=survey.id,
            token_hash=sending.unissued_token_hash(),
            language="nl",
            postal_address="<i>Fam.</i> Jansen\nDorpsstraat 1\n1234 AB  ONS DORP",
            background={},
        )
    )
    db.session.commit()
    sending.invite(survey, date(2026, 3, 2))
    db.session.commit()
    pdf = tmp_path / "brieven.pdf"
    pdf.write_bytes(db.session.scalar(select(LetterBatch)).pdf)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "<script>alert(1)</script> <b>Vet</b>" in text and "<i>Fam.</i> Jansen" in text
