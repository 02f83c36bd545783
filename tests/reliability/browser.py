"""A minimal blocking browser for thread tests against a live server: cookies, forms with their current
values, redirects followed on GET and reported on POST."""

from __future__ import annotations

import http.cookiejar
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Page:
    status: int
    url: str
    body: str
    location: str | None = None


@dataclass
class FilledForm:
    action: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    buttons: list[tuple[str, str]] = field(default_factory=list)

    def set(self, name: str, value: str) -> None:
        self.fields = [(n, v) for n, v in self.fields if n != name] + [(name, value)]

    def value(self, name: str) -> str | None:
        return next((v for n, v in self.fields if n == name), None)


class _FormValues(HTMLParser):
    """Every form with the values a browser would send as the page stands."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[FilledForm] = []
        self._form = self._textarea = self._select = None
        self._text: list[str] = []
        self._selected: str | None = None
        self._first: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v if v is not None else "" for k, v in attrs}
        if tag == "form":
            self._form = FilledForm(a.get("action", ""))
            self.forms.append(self._form)
        if self._form is None:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind in ("radio", "checkbox"):
                if "checked" in a:
                    self._form.fields.append((name, a.get("value", "on")))
            elif kind == "submit":
                self._form.buttons.append((name, a.get("value", "")))
            elif kind != "file":
                self._form.fields.append((name, a.get("value", "")))
        elif tag == "button" and a.get("type", "submit") == "submit":
            self._form.buttons.append((name or "", a.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []
        elif tag == "select" and name:
            self._select, self._selected, self._first = name, None, None
        elif tag == "option" and self._select:
            value = a.get("value", "")
            self._first = value if self._first is None else self._first
            if "selected" in a:
                self._selected = value

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea" and self._textarea:
            self._form.fields.append((self._textarea, "".join(self._text).removeprefix("\n")))
            self._textarea = None
        elif tag == "select" and self._select:
            chosen = self._selected if self._selected is not None else self._first or ""
            self._form.fields.append((self._select, chosen))
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)


def forms_of(body: str) -> list[FilledForm]:
    parser = _FormValues()
    parser.feed(body)
    return parser.forms


class Browser:
    """One browser (one cookie jar); safe to share between the two "tabs" of a test one call at a time."""

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect())

    def _open(
        self,
        method: str,
        url: str,
        data: list[tuple[str, str]] | bytes | None = None,
        headers: dict | None = None,
        timeout: float = 60,
    ) -> Page:
        url = urllib.parse.urljoin(self.base, url)
        body = urllib.parse.urlencode(data).encode() if isinstance(data, list) else data
        request = urllib.request.Request(url, data=body, method=method, headers=headers or {})  # noqa: S310 - http to the test server
        try:
            with self.opener.open(request, timeout=timeout) as answer:  # noqa: S310 - http to the test server
                return Page(answer.status, url, answer.read().decode("utf-8", "replace"))
        except urllib.error.HTTPError as answer:
            return Page(answer.code, url, answer.read().decode("utf-8", "replace"), answer.headers.get("Location"))

    def get(self, url: str) -> Page:
        for _ in range(10):
            page = self._open("GET", url)
            if page.status in (301, 302, 303) and page.location:
                url = urllib.parse.urljoin(page.url, page.location)
                continue
            return page
        raise AssertionError("too many redirects")

    def post(self, url: str, data: list[tuple[str, str]] | bytes, headers: dict | None = None) -> Page:
        return self._open("POST", url, data, headers)

    def submit(self, page: Page, form: FilledForm, button: tuple[str, str] | None = None) -> Page:
        data = list(form.fields) + ([button] if button and button[0] else [])
        return self.post(urllib.parse.urljoin(page.url, form.action or page.url), data)

    def login(self, email: str, password: str) -> Page:
        page = self.get("/inloggen")
        form = forms_of(page.body)[-1]
        form.set("email", email)
        form.set("password", password)
        answer = self.submit(page, form)
        assert answer.status in (302, 303), answer.body[:500]
        return answer


def multipart(fields: list[tuple[str, str | tuple[bytes, str]]]) -> tuple[bytes, str]:
    """A multipart/form-data body as a browser sends it: text fields, and files as (content, file name).
    Quotes and line breaks in names are escaped as browsers do; returns the body and its content type."""
    import secrets

    boundary = "----walk" + secrets.token_hex(12)

    def quoted(name: str) -> str:
        return name.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")

    parts = []
    for name, value in fields:
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{quoted(name)}"'
        if isinstance(value, tuple):
            content, filename = value
            parts.append(
                f'{head}; filename="{quoted(filename)}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
                + content
                + b"\r\n"
            )
        else:
            parts.append(f"{head}\r\n\r\n".encode() + value.encode("utf-8", "surrogatepass") + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"
