"""Security headers on every response and cookies that are Secure behind HTTPS."""

import re
import time

from flask import Request, Response, abort, request
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import BadSignature
from werkzeug.datastructures import Headers, ImmutableMultiDict
from werkzeug.sansio.http import parse_cookie
from werkzeug.urls import iri_to_uri
from werkzeug.utils import cached_property

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}

_HEADER_ITEMS = tuple(HEADERS.items())
_LOWER_NAMES = frozenset(name.lower() for name in HEADERS)


#: session cookies whose signature this process checked: (cookie, keys) -> (signed at, contents); a cookie
#: is the same text on each request of one browser until its contents change
_CHECKED_COOKIES: dict[tuple, tuple[int, dict]] = {}
CHECKED_COOKIES_KEPT = 4096
_PLAIN_VALUES = (str, int, float, bool, type(None))


class SessionInterface(SecureCookieSessionInterface):
    """Signed-cookie sessions (stateless across workers), Secure whenever the request is HTTPS. A cookie's
    signature is checked once per process (the same text with the same keys has the same signature); its
    age is checked on every request."""

    def get_cookie_secure(self, app) -> bool:
        return bool(app.config["HTTPS"] or app.config["SESSION_COOKIE_SECURE"] or request.is_secure)

    def open_session(self, app, request):
        cookie = request.cookies.get(app.config["SESSION_COOKIE_NAME"])
        if not cookie or not app.secret_key:
            return super().open_session(app, request)
        key = (cookie, app.secret_key, tuple(app.config["SECRET_KEY_FALLBACKS"] or ()))
        max_age = int(app.permanent_session_lifetime.total_seconds())
        checked = _CHECKED_COOKIES.get(key)
        if checked is not None and 0 <= int(time.time()) - checked[0] <= max_age:
            return self.session_class(checked[1])
        try:
            data, signed = self.get_signing_serializer(app).loads(cookie, max_age=max_age, return_timestamp=True)
        except BadSignature:
            return self.session_class()
        if isinstance(data, dict) and all(type(value) in _PLAIN_VALUES for value in data.values()):
            if len(_CHECKED_COOKIES) >= CHECKED_COOKIES_KEPT:
                _CHECKED_COOKIES.clear()
            _CHECKED_COOKIES[key] = (int(signed.timestamp()), dict(data))  # no value a request could change
        return self.session_class(data)

    def save_session(self, app, session, response) -> None:
        """Flask's, without its look-ups for the cookie when nothing is to be written (a session neither
        changed nor refreshed on every request): then only "Vary: Cookie" when the session was read."""
        if session.modified or (session.permanent and app.config["SESSION_REFRESH_EACH_REQUEST"]):
            return super().save_session(app, session, response)
        if session.accessed:
            vary_on_cookie(response)
        return None


def vary_on_cookie(response) -> None:
    """``response.vary.add("Cookie")``: the line it would write, when there is no Vary line yet or one with
    header names only (as "Accept-Encoding" from compression); else Werkzeug's own."""
    lines = response.headers._list  # noqa: SLF001 - a valid line, where Headers.set would put it
    found = [index for index, (name, _) in enumerate(lines) if name.lower() == "vary"]
    if not found:
        lines.append(("Vary", "Cookie"))
        return
    value = lines[found[0]][1]
    if len(found) > 1 or not _HEADER_NAMES.fullmatch(value):
        response.vary.add("Cookie")
        return
    if "cookie" not in value.lower().split(", "):
        value += ", Cookie"
    lines[found[0]] = ("Vary", value)


_HEADER_NAMES = re.compile(r"[A-Za-z0-9-]+(?:, [A-Za-z0-9-]+)*")


class LeanResponse(Response):
    """Flask's response, whose headers are handed to the server as a copy of the checked lines."""

    def get_wsgi_headers(self, environ) -> Headers:
        """Werkzeug's, where its copy of the headers checks every line again as it adds it: the lines were
        checked when they were set (the fixed security headers are valid as written), so they are copied as
        they are. A response with a Content-Location, a status without a body or a Location to make absolute
        goes through Werkzeug's own."""
        status = self.status_code
        if self.autocorrect_location_header or status < 200 or status in (204, 304):
            return super().get_wsgi_headers(environ)
        lines = self.headers._list  # noqa: SLF001 - read as Werkzeug's copy reads it
        location = content_length = None
        for name, value in lines:
            lower = name.lower()
            if lower == "location":
                location = value
            elif lower == "content-length":
                content_length = value
            elif lower == "content-location":
                return super().get_wsgi_headers(environ)
        headers = Headers()
        headers._list = list(lines)  # noqa: SLF001 - the same lines, in the same order
        if location is not None:
            headers["Location"] = iri_to_uri(location)
        if self.automatically_set_content_length and self.is_sequence and content_length is None:
            headers["Content-Length"] = str(sum(len(part) for part in self.iter_encoded()))
        return headers


def _without_nul(values: ImmutableMultiDict) -> ImmutableMultiDict:
    if not any("\x00" in str(key) + str(value) for key, value in values.items(multi=True)):
        return values
    return ImmutableMultiDict(
        [(str(key).replace("\x00", ""), str(value).replace("\x00", "")) for key, value in values.items(multi=True)]
    )


class CleanRequest(Request):
    """Form fields and query arguments without NUL characters: no one types them, PostgreSQL refuses them
    in text, and a stray one must not turn an answer into a server error."""

    @cached_property
    def args(self):
        return _without_nul(super().args)

    @cached_property
    def cookies(self):
        """Werkzeug's, from the request's one ``Cookie`` line (``HTTP_COOKIE``) read directly: Werkzeug finds it
        by going through every header of the environ."""
        return parse_cookie(self.environ.get("HTTP_COOKIE", ""), cls=self.dict_storage_class)

    def _load_form_data(self) -> None:
        super()._load_form_data()
        self.__dict__["form"] = _without_nul(self.__dict__["form"])


def register_security(app) -> None:
    from survey.logs import install_log_redaction

    app.session_interface = SessionInterface()
    app.request_class = CleanRequest
    app.response_class = LeanResponse
    install_log_redaction(app)
    if app.config["PROXY_FIX"]:
        from werkzeug.middleware.proxy_fix import ProxyFix

        n = int(app.config["PROXY_FIX"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=n, x_proto=n, x_host=n)
    if app.config["HTTPS"]:
        app.config["REMEMBER_COOKIE_SECURE"] = True

    @app.before_request
    def refuse_nul_in_path():
        if "\x00" in request.path:  # no page has one; PostgreSQL would refuse it in a lookup
            abort(404)

    @app.after_request
    def set_security_headers(response):
        headers = response.headers
        lines = headers._list  # noqa: SLF001 - the fixed header lines are valid, so they go in as they are
        present = {name.lower(): value for name, value in lines}
        if _LOWER_NAMES.isdisjoint(present):  # the usual case: the fixed headers in one go
            lines.extend(_HEADER_ITEMS)
        else:
            for name, value in HEADERS.items():
                headers.setdefault(name, value)
        if request.is_secure:
            headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        if "cache-control" not in present and present.get("content-type", "").partition(";")[0].strip() == "text/html":
            lines.append(("Cache-Control", "no-store"))
        return response
