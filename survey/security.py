"""Security headers on every response and cookies that are Secure behind HTTPS."""

from flask import Request, abort, request
from flask.sessions import SecureCookieSessionInterface
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


class SessionInterface(SecureCookieSessionInterface):
    """Signed-cookie sessions (stateless across workers), Secure whenever the request is HTTPS."""

    def get_cookie_secure(self, app) -> bool:
        return bool(app.config["HTTPS"] or app.config["SESSION_COOKIE_SECURE"] or request.is_secure)


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
        if any(name in headers for name in HEADERS):
            for name, value in HEADERS.items():
                headers.setdefault(name, value)
        else:  # the usual case: the fixed headers in one go
            headers.extend(_HEADER_ITEMS)
        if request.is_secure:
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        if response.mimetype == "text/html":
            response.headers.setdefault("Cache-Control", "no-store")
        return response
