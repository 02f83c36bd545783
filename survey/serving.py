"""The platform's gunicorn worker (``worker_class = "survey.serving.PlatformWorker"``): gunicorn's own error
answers in Dutch, and one worker woken per connection.

gunicorn refuses some requests before the application sees them: a request line longer than
``limit_request_line`` (414), headers over ``limit_request_field_size`` or too many of them (431), a
malformed request (400). It answers those with a short English page. This worker renders the
application's own Dutch error page (``survey.site.errors``, with the security headers) instead.

gunicorn's sync workers wait for a connection with ``select`` on the socket they share, so every connection
wakes every idle worker, and all but one find nothing to accept: with four workers each request cost three
wasted wake-ups, which a survey of fifteen screens pays sixteen times (a quarter of its server CPU, one
respondent at a time: ``python -m bench.serial``). This worker waits with Linux's ``epoll`` and
``EPOLLEXCLUSIVE``, which wakes one waiting worker (or a few) per connection; elsewhere it waits as gunicorn
does.
"""

import errno
import os
import select

from gunicorn import util
from gunicorn.workers.sync import StopWaiting, SyncWorker

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


_EXCLUSIVE = getattr(select, "EPOLLEXCLUSIVE", None) if hasattr(select, "epoll") else None


def exclusive_poller(wait_fds: list, pipe: int) -> tuple | None:
    """(an epoll object, the waited objects by descriptor) that wakes one waiter per connection on the
    listening sockets (and always on the worker's own signal pipe); None where Linux's EPOLLEXCLUSIVE is
    missing."""
    if _EXCLUSIVE is None:
        return None
    poller, waited = select.epoll(), {}
    for each in wait_fds:
        fd = each if isinstance(each, int) else each.fileno()
        poller.register(fd, select.EPOLLIN if each == pipe else select.EPOLLIN | _EXCLUSIVE)
        waited[fd] = each
    return poller, waited


class PlatformWorker(SyncWorker):
    _poller = None

    def run(self):
        self._poller = exclusive_poller(self.wait_fds, self.PIPE[0])
        super().run()

    def wait(self, timeout):
        if self._poller is None:
            return super().wait(timeout)
        poller, waited = self._poller
        try:
            self.notify()
            ready = [waited[fd] for fd, _event in poller.poll(timeout)]
            if self.PIPE[0] in ready:
                os.read(self.PIPE[0], 1)
            return ready
        except OSError as error:
            if error.errno == errno.EBADF:
                if self.nr < 0:
                    return self.sockets
                raise StopWaiting from error
            raise

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
