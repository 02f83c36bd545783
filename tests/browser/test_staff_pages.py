"""The public staff pages work and are accessible at phone width in a real browser."""

from survey.accounts.models import Role
from tests.browser.conftest import assert_accessible, assert_no_horizontal_scroll
from tests.helpers import TEST_PASSWORD


def test_login_page_is_accessible_on_a_phone(live_server, phone):
    phone.goto(live_server + "/inloggen")
    assert phone.title().startswith("Inloggen")
    assert_no_horizontal_scroll(phone)
    assert_accessible(phone, "staff-login-phone")


def test_login_error_state_is_accessible_and_focus_friendly(live_server, phone):
    phone.goto(live_server + "/inloggen")
    with phone.expect_navigation():
        phone.get_by_role("button", name="Inloggen").click()
    assert phone.get_by_role("alert").get_by_text("Vul uw e-mailadres in.").is_visible()
    assert_accessible(phone, "staff-login-errors")


def test_staff_logs_in_by_keyboard_only(live_server, desktop, region, make_user):
    make_user(region, Role.BEHEERDER, email="bea@example.org")
    desktop.goto(live_server + "/inloggen")
    desktop.keyboard.press("Tab")  # skip link first
    assert desktop.evaluate("() => document.activeElement.textContent.trim()") == "Direct naar de inhoud"
    desktop.keyboard.press("Tab")
    desktop.keyboard.press("Tab")
    desktop.keyboard.type("bea@example.org")
    desktop.keyboard.press("Tab")
    desktop.keyboard.type(TEST_PASSWORD)
    desktop.keyboard.press("Enter")
    desktop.wait_for_url("**/beheer/rijnmond/")
    assert desktop.get_by_role("heading", level=1).inner_text() == "Jeugdhulpregio Rijnmond"
    assert_accessible(desktop, "staff-dashboard")


def test_error_pages_are_accessible(live_server, phone):
    phone.goto(live_server + "/bestaat-niet")
    assert_accessible(phone, "error-404")
