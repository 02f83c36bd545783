"""The coding screen in a real browser: number keys tick themes, Enter confirms, J and K move; accessible."""

import json

import pytest
from sqlalchemy import select

from survey.accounts.models import Role
from survey.coding.answers import services as answers
from survey.coding.codebooks import services as codebooks
from survey.coding.models import CodedAnswer
from survey.questionnaires.models import VersionStatus
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll
from tests.factories import new_survey
from tests.helpers import TEST_PASSWORD
from tests.survey.coding.helpers import DATA as ANALYSIS_DATA
from tests.survey.coding.helpers import add_answers, answer_ids_in_order, document

DATA = ANALYSIS_DATA / "ceo_answers_train.jsonl"

TEXTS = [
    "[NAAM] zegt: we stonden maanden op de wachtlijst.",
    "De begeleider luisterde echt naar ons.",
    "Het vervoer met de taxi ging steeds mis.",
]


def seed(db, region):
    survey = new_survey(region, document(), version_status=VersionStatus.DRAFT)
    version = survey.versions[0]
    db.session.add_all([survey, version])
    db.session.flush()
    for position, response in enumerate(add_answers(db, survey, version, TEXTS), 1):
        for answer in response.answers:
            answer.scrubbed_text = answer.value if answer.item_code == "O1" else None
            if answer.item_code == "O1":
                answer.id = position  # ids are random; the screen lists answers by id: here in the order of TEXTS
    book = codebooks.create_from_default(region.id, "ceo")
    codebooks.attach_codebook(survey, "O1", book)
    answers.ensure_coded(survey, "O1")
    db.session.commit()
    return survey, sorted(book.themes, key=lambda t: t.position)


def test_coding_by_keyboard_at_desktop_width(live_server, desktop, db, region, make_user):
    make_user(region, Role.ONDERZOEKER, email="els@example.org")
    survey, themes = seed(db, region)
    ids = list(db.session.scalars(select(CodedAnswer.answer_id).order_by(CodedAnswer.answer_id)))
    desktop.goto(live_server + "/inloggen")
    desktop.get_by_label("E-mailadres").fill("els@example.org")
    desktop.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    desktop.get_by_role("button", name="Inloggen").click()
    desktop.wait_for_url("**/beheer/rijnmond/")

    questions = f"{live_server}/beheer/rijnmond/coderen/{survey.id}/O1/"
    desktop.goto(questions)
    assert desktop.get_by_text("0 van 3 gecontroleerd").is_visible()
    assert_accessible(desktop, "coding-answers-list")

    desktop.goto(f"{live_server}/beheer/rijnmond/coderen/antwoorden/{ids[0]}")
    wait, heard = desktop.locator(f"#theme-{themes[0].id}"), desktop.locator(f"#theme-{themes[1].id}")
    assert wait.is_checked() and not heard.is_checked()  # the rule suggestion is ticked
    assert_accessible(desktop, "coding-answer")
    desktop.locator("body").click(position={"x": 5, "y": 5})  # focus the page, not a field
    desktop.keyboard.press("2")
    assert heard.is_checked()
    desktop.keyboard.press("1")
    assert not wait.is_checked()
    desktop.keyboard.press("Enter")
    desktop.wait_for_url(f"**/antwoorden/{ids[1]}")
    assert desktop.get_by_text("Antwoord bevestigd.").is_visible()
    assert desktop.get_by_text("1 van 3 gecontroleerd").is_visible()

    db.session.expire_all()
    coded = db.session.get(CodedAnswer, ids[0])
    assert coded.verified and {c.theme_id for c in coded.codes if c.verified} == {themes[1].id}

    desktop.keyboard.press("k")
    desktop.wait_for_url(f"**/antwoorden/{ids[0]}")
    assert desktop.locator(f"#theme-{themes[1].id}").is_checked()
    assert not desktop.locator(f"#theme-{themes[0].id}").is_checked()
    desktop.keyboard.press("j")
    desktop.wait_for_url(f"**/antwoorden/{ids[1]}")


@pytest.fixture
def app_config():
    return {"CODING_MIN_PER_THEME": 10}


def test_model_agreement_and_codebook_pages_are_accessible(live_server, desktop, db, region, make_user):
    from survey.coding import jobs
    from survey.coding.agreement import services as agreement
    from survey.coding.answers import assign

    user = make_user(region, Role.ONDERZOEKER, email="els@example.org")
    colleague = make_user(region, Role.CODEUR, name="Collega")
    rows = [json.loads(line) for line in DATA.read_text("utf-8").splitlines()[:100]]
    survey = new_survey(region, document(), version_status=VersionStatus.DRAFT, title={"nl": "CEO"})
    version = survey.versions[0]
    db.session.add_all([survey, version])
    db.session.flush()
    add_answers(db, survey, version, [r["text"] for r in rows])
    book = codebooks.create_from_default(region.id, "ceo")
    link = codebooks.attach_codebook(survey, "O1", book)
    answers.ensure_coded(survey, "O1")
    themes = {t.key: t.id for t in book.themes}
    coded_rows = [db.session.get(CodedAnswer, i) for i in answer_ids_in_order(db, [r["text"] for r in rows])]
    for coded, row in list(zip(coded_rows, rows, strict=True))[:80]:
        assign.confirm_coding(
            coded,
            lock_version=coded.lock_version,
            coder_id=user.id,
            sentiment=None,
            kinds=[],
            theme_ids=[themes[k] for k in row["themes"]],
        )
    jobs.queue_training(survey.id, "O1", user.id)
    db.session.commit()  # the training job runs now
    link.auto_threshold = 0.8
    agreement.draw_sample(survey.id, "O1", 5, colleague.id, seed=1)
    for second in agreement.pending_for(survey.id, "O1", colleague.id):
        agreement.save_second(second, ["wachttijd"])
    db.session.commit()

    desktop.goto(live_server + "/inloggen")
    desktop.get_by_label("E-mailadres").fill("els@example.org")
    desktop.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    desktop.get_by_role("button", name="Inloggen").click()
    desktop.wait_for_url("**/beheer/rijnmond/")
    question = f"{live_server}/beheer/rijnmond/coderen/{survey.id}/O1"
    for path, name in [
        ("/model", "coding-model"),
        ("/kwaliteit", "coding-quality"),
        ("/overeenstemming", "coding-agreement"),
        ("/nieuwe-themas", "coding-new-themes"),
        ("/codeboek", "coding-choose-codebook"),
    ]:
        desktop.goto(question + path)
        assert_accessible(desktop, name)
    desktop.goto(question + "/model")
    assert desktop.locator("svg.curve circle").count() >= 1
    for path, name in [
        (f"/codeboeken/{book.id}", "coding-codebook"),
        (f"/themas/{book.themes[0].id}", "coding-theme"),
        ("/codeboeken/importeren", "coding-import"),
        ("/", "coding-overview"),
    ]:
        desktop.goto(f"{live_server}/beheer/rijnmond/coderen{path}")
        assert_accessible(desktop, name)


def test_a_copied_standard_codebook_reads_on_a_phone(live_server, phone, region, make_user):
    """The stakeholder codebook's table of themes and seed words scrolls in its own box at 360 px; the page
    itself does not (the table's hidden button labels once widened the page to over 700 px)."""
    make_user(region, Role.ONDERZOEKER, email="els@example.org")
    phone.goto(live_server + "/inloggen")
    phone.get_by_label("E-mailadres").fill("els@example.org")
    phone.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    phone.get_by_role("button", name="Inloggen").click()
    phone.wait_for_url("**/beheer/rijnmond/")
    phone.goto(live_server + "/beheer/rijnmond/coderen/codeboeken")
    phone.get_by_role("button", name="Codeboek stakeholderenquête kopiëren").click()
    phone.wait_for_url("**/coderen/codeboeken/*")
    row = phone.get_by_role("row").filter(has_text="Toegang en lokale teams")
    assert "wachtlijsten" in row.inner_text() and "wachttijd" in row.inner_text()
    assert_no_horizontal_scroll(phone)
    assert_accessible(phone, "codebook-phone")
