"""Security headers on every response and cookies that are Secure behind HTTPS."""

import time

from flask import Request, abort, request
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import BadSignature
from werkzeug.datastructures import ImmutableMultiDict
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

    def _load_form_data(self) -> None:
        super()._load_form_data()
        self.__dict__["form"] = _without_nul(self.__dict__["form"])


def register_security(app) -> None:
    from survey.logs import install_log_redaction

    app.session_interface = SessionInterface()
    app.request_class = CleanRequest
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
