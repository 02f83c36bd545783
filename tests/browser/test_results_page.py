"""The results page in a real browser: usable and accessible at desktop and phone width, without JavaScript."""

from survey.accounts.models import Role
from survey.responses.models import ResponseStatus
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll
from tests.helpers import TEST_PASSWORD
from tests.survey.reports import builders


def _round(db, region):
    survey = builders.make_survey(db, region, min_cell=5)
    themes = builders.codebook(db, region, survey)
    for i in range(24):
        response = builders.add_response(
            db,
            survey,
            {
                "T1": "54321"[i % 5],
                "K1": "4",
                "E1": ["5", "weet_niet"][i % 2],
                "F1": "vaak",
                "R1": 5 + i % 5,
                "C1": ["thuis"],
                "O1": "Lang wachten",
            },
            language="nl",
            background={"gemeente": ["Rotterdam", "Schiedam", "Vlaardingen"][i % 3]},
            scrubbed={"O1": "Ik moest lang wachten op [PERSOON-1]."},
        )
        db.session.flush()
        builders.code(db, survey, builders.answer_of(response, "O1"), [(themes["wachttijd"], "regel", None, False)])
    builders.add_response(db, survey, {"T1": "1"}, status=ResponseStatus.IN_PROGRESS)
    # the invitees carry the same gemeenten (k over the combination keeps them)
    for gemeente, count, started in (("Rotterdam", 14, 2), ("Schiedam", 13, 0), ("Vlaardingen", 13, 0)):
        builders.add_invitations(db, survey, count, completed=8, started=started, background={"gemeente": gemeente})
    db.session.commit()
    return survey


def _log_in(page, live_server, email):
    page.goto(live_server + "/inloggen")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/beheer/**")


def test_results_page_with_breakdown_at_desktop_and_phone(live_server, desktop, phone, db, region, make_user):
    survey = _round(db, region)
    make_user(region, Role.ONDERZOEKER, email="els@example.org")
    for page, name in ((desktop, "results-desktop"), (phone, "results-phone")):
        _log_in(page, live_server, "els@example.org")
        page.goto(f"{live_server}/beheer/{region.slug}/resultaten/{survey.id}/")
        page.get_by_label("Uitsplitsen naar").select_option("gemeente")
        page.get_by_role("button", name="Resultaten tonen").click()
        page.wait_for_url("**uitsplitsing=gemeente**")
        assert page.get_by_role("heading", name="Naar gemeente").is_visible()
        assert page.get_by_role("img", name="% (helemaal) mee eens per vraag").is_visible()
        assert page.get_by_role("table", name="% (helemaal) mee eens per vraag").count() == 1
        assert_no_horizontal_scroll(page)
        assert_accessible(page, name)
