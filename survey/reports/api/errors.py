"""Dutch JSON errors for the API (also for unknown addresses under /api/)."""

from flask import jsonify
from flask_babel import gettext as _
from werkzeug.exceptions import HTTPException, InternalServerError


def _messages() -> dict[int, str]:
    return {
        400: _("The request is not valid."),
        401: _("A valid API token is needed: send it as “Authorization: Bearer <token>”."),
        403: _("This token may not read this. Ask the administrator for a token with access to responses."),
        404: _("Not found. The survey does not exist or belongs to another region."),
        405: _("This address only answers GET requests."),
        429: _("Too many requests. Wait a minute and try again."),
        500: _("Something went wrong on our side. Try again later."),
    }


def api_error(error):
    """A JSON error body ``{"fout": "...", "status": code}`` with the right status code."""
    if not isinstance(error, HTTPException):
        from flask import current_app

        from survey.extensions import db

        current_app.logger.exception("Unhandled API error")
        db.session.rollback()
        error = InternalServerError()
    code = error.code or 500
    messages = _messages()
    message = messages.get(code, messages[400])
    if code == 400 and error.description and not error.description.startswith("The browser"):
        message = error.description
    response = jsonify({"fout": str(message), "status": code})
    response.status_code = code
    for name, value in error.get_headers():  # e.g. Allow on a 405 (RFC 9110), Retry-After on a 429
        if name.lower() != "content-type":
            response.headers[name] = value
    if code == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="api"'
    return response
