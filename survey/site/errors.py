"""Friendly Dutch error pages; never a stack trace."""

from flask import render_template, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from survey.extensions import db
from survey.i18n import requested_language, speak_on_public_page

MESSAGES = {
    400: (
        _l("The request could not be processed"),
        _l("Something in the request was not right. Go back and try again."),
    ),
    403: (_l("No access"), _l("Your role does not allow you to open this page.")),
    404: (_l("Page not found"), _l("This page does not exist (any more). Check the address or go to the start page.")),
    405: (_l("Not possible"), _l("This page cannot be used this way.")),
    413: (_l("File or text too large"), _l("What you sent is too large. Send a smaller file or a shorter text.")),
    414: (
        _l("Web address too long"),
        _l("The address of this page is too long. Go back and open the page through a link or the menu."),
    ),
    429: (_l("Too many attempts"), _l("You tried too often in a short time. Wait a few minutes and try again.")),
    431: (
        _l("Request too large"),
        _l("Your browser sent too much information with this request. Close the browser and try again."),
    ),
    500: (
        _l("Something went wrong"),
        _l("Something went wrong on our side. Nothing you entered earlier is lost. Try again in a moment."),
    ),
}


def speak_for_error() -> None:
    """An error page in the language a public page asked for (?taal=); a respondent's page that fails keeps
    the language it had chosen."""
    if requested_language() and not request.path.startswith("/beheer/"):
        speak_on_public_page(requested_language())


def render_error(code: int, title: str | None = None, message: str | None = None):
    default_title, default_message = MESSAGES.get(code, MESSAGES[500])
    return render_template(
        "errors/error.html", code=code, title=title or default_title, message=message or default_message
    ), code


def register_error_handlers(app) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error):
        speak_for_error()
        return render_error(
            400,
            _("This page has expired"),
            _("For your safety this form was valid for a limited time. Go back, reload the page and try again."),
        )

    @app.errorhandler(HTTPException)
    def http_error(error):
        if request.path.startswith("/api/"):
            from survey.reports.api.errors import api_error

            return api_error(error)
        speak_for_error()
        return render_error(error.code if error.code in MESSAGES else 400)

    @app.errorhandler(Exception)
    def unexpected_error(error):
        app.logger.exception("Unhandled error on %s %s", request.method, request.url_rule)
        db.session.rollback()
        speak_for_error()
        return render_error(500)
