"""Every POST route of the URL map gets bad input through a live gunicorn server: never a 5xx, a Dutch page
for every refusal, and never a request without an answer.

The walk runs once per staff identity (a superuser and each role of the region, so the pages a role may not
use are walked too) over the staff routes, and once as a respondent (with a session of the open link) over
the public and respondent routes. For each route the fields are those its own page shows (every ``name=``
on the GET page, or on the page above for a POST-only route) plus ``actie`` and ``file``; the session's own
CSRF token always goes along, so the input reaches the form. Hypothesis draws what each field gets: left
out, empty, nasty text (scripts, formulas, NUL, bidi marks, 100,000 characters), numbers out of range, a
field sent twice, deeply nested JSON, a file (random bytes, a broken workbook, deep JSON), plus fields
nobody asked for. The examples are bounded and derandomized, so the walk is the same on every run.

Through gunicorn every response is closed as in production (the in-process test client leaves a streamed
export open, and its transaction with it); at the end no request has left a transaction open or a SQLite
write lock behind. Every request has a timeout; a request that gets no answer fails the test, naming the
route. CI runs the walk on SQLite and on PostgreSQL.
"""

import re
import time
import urllib.parse

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from survey.accounts.models import Role
from tests.helpers import TEST_PASSWORD
from tests.reliability.browser import Browser, forms_of, multipart
from tests.reliability.test_access_walk import every_route
from tests.reliability.test_access_walk import open_survey as open_survey  # noqa: F401 - fixture

pytestmark = pytest.mark.slow

NASTY = [
    "<script>alert(1)</script>",
    '=HYPERLINK("http://x")',
    "a\x00b",
    "\u202eevil",
    "' OR 1=1 --",
    "{{ 7*7 }}",
    "%(n)s %s",
    "../../etc/passwd",
    "\r\n\r\n",
    "ØÆ€😀",
    "-1",
    "0",
    "1e309",
    "NaN",
    "99999999999999999999999",
    "2026-02-30",
    "#zzzzzz",
    "x" * 100_000,
    " ",
    "",
]
DEEP_JSON = "[" * 50_000 + "]" * 50_000
DEEP_DICT = '{"a":' * 5_000 + "1" + "}" * 5_000

texts = st.one_of(st.text(max_size=120), st.sampled_from(NASTY), st.sampled_from([DEEP_JSON, DEEP_DICT]))
files = st.tuples(
    st.one_of(
        st.binary(max_size=600),
        st.sampled_from(
            [b"PK\x03\x04broken", DEEP_JSON.encode(), b"\xff\xfe" + "e-mail\n".encode("utf-16-le"), b'{"themes": 1}']
        ),
    ),
    st.sampled_from(["a.xlsx", "a.csv", "a.json", "a.png", "a"]),
)
#: what one field gets: left out (None), a value, the same field twice, or a file
values = st.one_of(st.none(), texts, st.lists(texts, min_size=2, max_size=3), files)


def walk_settings(examples: int):
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )


#: examples per identity: the superuser reaches every form; each role once more (mostly refused early)
SUPERUSER_EXAMPLES, ROLE_EXAMPLES, RESPONDENT_EXAMPLES = 2, 1, 3
#: routes that would end the walk itself
SKIP = {"accounts.logout"}
#: routes that start a heavy job (training a model): posted once with the corpus, not in every example
ONCE = {"coding.train_model"}
#: seconds a request may take before the walk counts it as hung
TIMEOUT = 30
LANG = re.compile(r'<html[^>]*\blang="([a-z]{2})"')


class Hung(Exception):
    pass


class Walker:
    """A browser on the live server that posts drawn bodies and keeps what went wrong."""

    def __init__(self, base: str, email: str | None = None):
        self.browser = Browser(base)
        self.email = email
        self.token = ""
        self.failures: list[tuple] = []
        self.posted: set[str] = set()
        self.requests = 0
        if email:
            self.login()

    def login(self) -> None:
        self.browser.login(self.email, TEST_PASSWORD)
        self.token = ""

    def request(self, method: str, url: str, route: str, body: bytes | None = None, kind: str | None = None):
        started = time.monotonic()
        self.requests += 1
        try:
            return self.browser._open(method, url, body, {"Content-Type": kind} if kind else None, timeout=TIMEOUT)
        except OSError as error:  # a timeout or a connection the server dropped
            raise Hung(f"{method} {route}: no answer after {time.monotonic() - started:.0f} s ({error!r})") from error

    def page(self, url: str, route: str):
        """The page behind a URL, following redirects (a respondent's step page starts a response)."""
        for _ in range(5):
            page = self.request("GET", url, route)
            if page.status not in (301, 302, 303) or not page.location:
                return page
            url = urllib.parse.urljoin(page.url, page.location)
        return page

    def field_names(self, rule, url: str) -> tuple[list[str], str]:
        """Every field name on the route's page (or the page above it) and that page's CSRF token."""
        page_url = url if "GET" in rule.methods else url.rsplit("/", 1)[0]
        page = self.page(page_url, rule.rule)
        names = re.findall(r'name="([^"]+)"', page.body) if page.status == 200 else []
        token = next((f.value("csrf_token") for f in forms_of(page.body) if f.value("csrf_token")), "")
        return sorted(set(names) - {"csrf_token"}) + ["actie", "file"], token

    def csrf(self) -> str:
        if not self.token:
            page = self.page("/", "/")
            self.token = next((f.value("csrf_token") for f in forms_of(page.body) if f.value("csrf_token")), "")
        return self.token

    def post(self, rule, url: str, fields: list, languages: set[str]) -> None:
        body, kind = multipart(fields)
        answer = self.request("POST", url, rule.rule, body, kind)
        if answer.status in (302, 303) and (answer.location or "").startswith("/inloggen") and self.email:
            self.login()  # the input ended the session (a changed password, say): on with a new one
        if answer.status >= 500:
            self.failures.append((rule.rule, answer.status, answer.body[-300:]))
            return
        if (answer.status < 300 or answer.status >= 400) and "<html" in answer.body[:500]:  # a page a user sees
            found = LANG.search(answer.body)
            if found is None or found.group(1) not in languages:
                self.failures.append((rule.rule, answer.status, "not a Dutch page", answer.body[:300]))


def draw_body(data, names: list[str]) -> list:
    chosen = []
    for name in names + data.draw(st.lists(st.text(min_size=1, max_size=12), max_size=2), label="extra"):
        value = data.draw(values, label=name)
        if value is None:
            continue
        if isinstance(value, list):
            chosen.extend((name, v) for v in value)
        else:
            chosen.append((name, value))
    return chosen


def walk(walker: Walker, routes: list, examples: int, languages: set[str], token_of) -> None:
    @walk_settings(examples)
    @given(data=st.data())
    def run(data):
        for rule, url, names, page_token in routes:
            fields = draw_body(data, names)  # drawn for every route, so each example draws alike
            if rule.endpoint in ONCE and rule.endpoint in walker.posted:
                continue
            walker.posted.add(rule.endpoint)
            walker.post(rule, url, [("csrf_token", token_of(page_token))] + fields, languages)

    run()


def no_transaction_left_open(database_url: str) -> list:
    """What the server's connections still hold once every answer is in: open transactions (PostgreSQL) or
    the SQLite write lock."""
    from sqlalchemy import create_engine, text

    if database_url.startswith("sqlite"):
        import sqlite3

        probe = sqlite3.connect(database_url.removeprefix("sqlite:///"), timeout=0)
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.rollback()
            return []
        except sqlite3.OperationalError as error:
            return [str(error)]
        finally:
            probe.close()
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            return conn.execute(
                text(
                    "SELECT state, left(query, 120) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'"
                )
            ).all()
    finally:
        engine.dispose()


@pytest.fixture
def walk_map(app, db, region, make_user, open_survey):  # noqa: F811
    """The URL of every POST route with the objects it names, staff and public, committed for the server."""
    staff, public = [], []
    for rule, url in every_route(app, region, make_user, open_survey):
        if "POST" in rule.methods and rule.endpoint not in SKIP:
            (staff if rule.rule.startswith("/beheer/") else public).append((rule, url))
    identities = [("superuser", make_user(None, superuser=True).email, SUPERUSER_EXAMPLES)]
    identities += [(role.value, make_user(region, role).email, ROLE_EXAMPLES) for role in Role]
    db.session.commit()
    db.session.remove()  # the server's workers write to this database from now on
    return staff, public, identities


def test_no_post_route_answers_bad_input_with_a_server_error_or_a_page_not_in_dutch(app, walk_map, start_server):
    staff, public, identities = walk_map
    assert len(staff) >= 80 and len(public) >= 5, (len(staff), len(public))
    database_url = app.config["SQLALCHEMY_DATABASE_URI"]
    # no throttle: the walk posts bad passwords to the login page and logs in again after it
    server = start_server(database_url, env={"SURVEY_RATELIMIT_ENABLED": "false"})
    failures, requests = [], 0
    try:
        # the fields of every staff page as the superuser sees them (every page is open to the superuser)
        looker = Walker(server.url, identities[0][1])
        staff_routes = [(rule, url, *looker.field_names(rule, url)) for rule, url in staff]
        for name, email, examples in identities:
            walker = Walker(server.url, email)
            walk(walker, staff_routes, examples, {"nl"}, lambda _page_token, w=walker: w.csrf())
            failures += [(name, *f) for f in walker.failures]
            requests += walker.requests
        # a respondent of the open link: public pages and the respondent's own, each with its page's token
        respondent = Walker(server.url)
        public_routes = [(rule, url, *respondent.field_names(rule, url)) for rule, url in public]
        walk(respondent, public_routes, RESPONDENT_EXAMPLES, {"nl", "en", "ar"}, lambda page_token: page_token)
        failures += [("respondent", *f) for f in respondent.failures]
        requests += respondent.requests + looker.requests
    except Hung as hung:
        pytest.fail(f"a request got no answer: {hung}")
    assert failures == [], sorted({f[:4] for f in failures})[:20]
    assert requests >= 6 * len(staff), requests
    assert no_transaction_left_open(database_url) == []


def test_an_export_download_the_user_abandons_leaves_no_transaction_open(live_database, start_server):
    """The in-process walk hung because the test client never closes a streamed export, whose transaction
    then stays open; gunicorn closes every response. Each export format is downloaded and the client stops
    after 10 bytes, as a cancelled download does (this round is small, so the server has sent it all);
    afterwards no connection of the server is left in a transaction (PostgreSQL) or holds the SQLite write
    lock, and the next page comes at once."""
    import urllib.request

    from bench.load import answer_all
    from tests.reliability.server import add_staff, seed_ceo

    seed = seed_ceo(live_database, 3)
    add_staff(live_database, "export@example.nl", role="beheerder")
    server = start_server(live_database)
    assert all(r.completed for r in answer_all(server.url, seed.links))
    staff = Browser(server.url)
    staff.login("export@example.nl", TEST_PASSWORD)
    url = f"/beheer/{seed.region_slug}/resultaten/{seed.survey_id}/export"
    form = next(f for f in forms_of(staff.get(url).body) if f.value("format"))
    for fmt in ("csv", "xlsx", "sav", "dta"):
        form.set("format", fmt)
        body = urllib.parse.urlencode(form.fields).encode()
        request = urllib.request.Request(server.url + url, data=body, method="POST")  # noqa: S310 - test server
        with staff.opener.open(request, timeout=TIMEOUT) as download:  # noqa: S310 - http to the test server
            assert download.status == 200 and download.headers["Content-Disposition"].startswith("attachment")
            assert len(download.read(10)) == 10  # and then the user cancels the download
    deadline = time.monotonic() + 10
    while (left := no_transaction_left_open(live_database)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert left == []
    started = time.monotonic()
    assert staff.get(url).status == 200 and time.monotonic() - started < 5
