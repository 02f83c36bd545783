"""gunicorn's own error answers in Dutch: ``worker_class = "survey.serving.DutchErrorsWorker"``.

gunicorn refuses some requests before the application sees them: a request line longer than
``limit_request_line`` (414), headers over ``limit_request_field_size`` or too many of them (431), a
malformed request (400). It answers those with a short English page. This worker renders the
application's own Dutch error page (``survey.site.errors``, with the security headers) instead.
"""

from gunicorn import util
from gunicorn.workers.sync import SyncWorker

_english_write_error = util.write_error
REASONS = {
    400: "Bad Request",
    403: "Forbidden",
    414: "URI Too Long",
    417: "Expectation Failed",
    431: "Request Header Fields Too Large",
    500: "Internal Server Error",
    501: "Not Implemented",
}


class DutchErrorsWorker(SyncWorker):
    def load_wsgi(self):
        super().load_wsgi()
        app = self.wsgi

        def write_error(sock, status_int, reason, mesg):
            try:
                body, headers = dutch_page(app, status_int)
            except Exception:  # noqa: BLE001 - never worse than gunicorn's own page
                return _english_write_error(sock, status_int, reason, mesg)
            head = [
                f"HTTP/1.1 {status_int} {REASONS.get(status_int, reason)}",
                "Connection: close",
                f"Content-Length: {len(body)}",
                *(f"{name}: {value}" for name, value in headers),
            ]
            util.write_nonblock(sock, ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)

        util.write_error = write_error


def dutch_page(app, status: int) -> tuple[bytes, list[tuple[str, str]]]:
    """The application's error page for ``status``, rendered outside any real request."""
    from survey.site.errors import render_error

    with app.test_request_context("/"):
        response = app.process_response(app.make_response(render_error(status)))
    headers = [
        (name, value)
        for name, value in response.headers.items()
        if name.lower() not in ("content-length", "set-cookie", "vary")
    ]
    return response.get_data(), headers
