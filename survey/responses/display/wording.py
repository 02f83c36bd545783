"""Respondent texts that address the reader: u-form for parents and stakeholders, je-form for young
people and professionals' polls. Each text exists twice in the catalog, with context "u" or "je";
in English and Arabic both contexts read the same."""

from flask_babel import pgettext

#: what the welcome page promises about saving, per display mode (only what the mode does without JavaScript)
SAVED_BY_MODE = {"one_per_screen": "saved", "section_per_page": "saved_page", "all_on_one_page": "saved_all"}


def words(address: str) -> dict[str, str]:
    """The addressing texts of the respondent pages in the current language."""
    return _je() if address == "je" else _u()


def _u() -> dict[str, str]:
    return {
        "anonymous": pgettext(
            "u",
            "Your answers are anonymous. Nobody can see what you answered, not even the "
            "organisation that sent you this questionnaire.",
        ),
        "voluntary": pgettext(
            "u",
            "Taking part is your choice. You may skip a question marked \u201coptional\u201d. "
            "You can stop at any time.",
        ),
        "saved": pgettext("u", "Your answers are saved after every question. You can stop and go on later."),
        "saved_page": pgettext(
            "u", "Your answers are saved each time you go to the next page. You can stop and go on later."
        ),
        "saved_all": pgettext(
            "u",
            "All questions are on one page. Your answers are saved when you send them or "
            "choose \u201cStop and go on later\u201d.",
        ),
        "welcome_back": pgettext("u", "Welcome back. Your earlier answers are saved."),
        "used": pgettext("u", "You have already filled in this questionnaire."),
        "used_more": pgettext("u", "Your answers were sent. You cannot change them any more. Thank you!"),
        "sent": pgettext("u", "Your answers have been sent."),
        "close": pgettext("u", "You can close this page now."),
        "check": pgettext("u", "Check your answers"),
        "check_intro": pgettext("u", "Is everything right? Then send your answers. You cannot change them after that."),
        "later_personal": pgettext(
            "u",
            "Your answers are saved. To go on, open the link from your letter or e-mail "
            "again. You will start where you stopped.",
        ),
        "later_code": pgettext(
            "u",
            "Your answers are saved. Write down this code. With it you can go on later, also "
            "on another phone or computer.",
        ),
        "other_route": pgettext(
            "u",
            "You already started this questionnaire in another way: with the link or QR code, "
            "or with the code from the letter. Use the same way as the first time to go on.",
        ),
        "other_route_code": pgettext(
            "u", "You started this questionnaire with the code from your letter. Type that code again to go on."
        ),
        "other_route_link": pgettext(
            "u",
            "You started this questionnaire with the link or QR code from your "
            "letter or e-mail. Open that link again to go on.",
        ),
        "lost": pgettext(
            "u",
            "We cannot find your answers in this browser. Did you get a code to go on later? Fill it "
            "in on the first page.",
        ),
    }


def _je() -> dict[str, str]:
    return {
        "anonymous": pgettext(
            "je",
            "Your answers are anonymous. Nobody can see what you answered, not even the "
            "organisation that sent you this questionnaire.",
        ),
        "voluntary": pgettext(
            "je",
            "Taking part is your choice. You may skip a question marked \u201coptional\u201d. "
            "You can stop at any time.",
        ),
        "saved": pgettext("je", "Your answers are saved after every question. You can stop and go on later."),
        "saved_page": pgettext(
            "je", "Your answers are saved each time you go to the next page. You can stop and go on later."
        ),
        "saved_all": pgettext(
            "je",
            "All questions are on one page. Your answers are saved when you send them or "
            "choose \u201cStop and go on later\u201d.",
        ),
        "welcome_back": pgettext("je", "Welcome back. Your earlier answers are saved."),
        "used": pgettext("je", "You have already filled in this questionnaire."),
        "used_more": pgettext("je", "Your answers were sent. You cannot change them any more. Thank you!"),
        "sent": pgettext("je", "Your answers have been sent."),
        "close": pgettext("je", "You can close this page now."),
        "check": pgettext("je", "Check your answers"),
        "check_intro": pgettext(
            "je", "Is everything right? Then send your answers. You cannot change them after that."
        ),
        "later_personal": pgettext(
            "je",
            "Your answers are saved. To go on, open the link from your letter or e-mail "
            "again. You will start where you stopped.",
        ),
        "later_code": pgettext(
            "je",
            "Your answers are saved. Write down this code. With it you can go on later, "
            "also on another phone or computer.",
        ),
        "other_route": pgettext(
            "je",
            "You already started this questionnaire in another way: with the link or QR "
            "code, or with the code from the letter. Use the same way as the first time to "
            "go on.",
        ),
        "other_route_code": pgettext(
            "je", "You started this questionnaire with the code from your letter. Type that code again to go on."
        ),
        "other_route_link": pgettext(
            "je",
            "You started this questionnaire with the link or QR code from your "
            "letter or e-mail. Open that link again to go on.",
        ),
        "lost": pgettext(
            "je",
            "We cannot find your answers in this browser. Did you get a code to go on later? Fill "
            "it in on the first page.",
        ),
    }
