"""One respondent request: the entry, the response in progress (if any), the questionnaire document,
the language, and this browser's resume cookie.

The cookie holds only a random secret (the response keeps its keyed hash) and is scoped to the path of
one survey's link, so it is never sent with another survey's pages. Personal links set no resume cookie:
the link itself finds the response, so a parent's device never resumes a young person's answers. Like
every page they get the session cookie, which holds a random form token and one-time notices only (it
ends with the browser session and finds nothing).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field

from flask import current_app, g, request, url_for

from survey.accounts.models import Region
from survey.extensions import db
from survey.fieldwork import ledger
from survey.i18n import chrome_language, text_direction, use_respondent_language
from survey.questionnaires.content.document import Document
from survey.responses import entries, services, storage
from survey.responses.display.piping import Piping
from survey.responses.models import Channel
from survey.responses.state import ResponseState, find_response, link_resume_hash, set_visit_language
from survey.responses.steps.flow import Flow, compute_flow

COOKIE = "vl"
DONE_COOKIE = "vl_klaar"
COOKIE_DAYS = 90


@dataclass
class Visit:
    entry: entries.Entry
    response: ResponseState | None  # plain values, never an ORM object
    document: Document
    language: str
    secret: str | None = None
    set_secret: bool = False
    completed: bool = False  # this request made the response final (the ledger is told after the commit)
    answers: dict = field(default_factory=dict)
    others: dict = field(default_factory=dict)
    computed_flow: Flow | None = field(default=None, repr=False)  # of the answers as they are now

    @property
    def survey(self):
        return self.entry.survey

    @property
    def languages(self) -> list[str]:
        return list(self.document.languages)

    @property
    def uses_cookie(self) -> bool:
        return self.entry.channel != Channel.PERSONAL

    @property
    def path(self) -> str:
        return visit_url("welcome", self.entry.way, self.entry.key)

    def flow(self) -> Flow:
        if self.computed_flow is None:
            self.computed_flow = compute_flow(
                self.document, self.survey.display_mode, self.answers, shared=entries.is_shared(self.document)
            )
        return self.computed_flow

    def piping(self) -> Piping:
        variables = self.response.background if self.response else {}
        if not variables and self.entry.invitation is not None:
            variables = ledger.coarse_background(self.survey, self.entry.invitation)
        return Piping(
            self.document,
            self.answers,
            self.language,
            variables or {},
            self.others,
            shared=entries.is_shared(self.document),
        )

    def reload_answers(self) -> None:
        self.answers, self.others = (
            storage.load_rows(self.response.rows, self.document, shared=entries.is_shared(self.document))
            if self.response is not None
            else ({}, {})
        )
        self.computed_flow = None

    def apply(self, submitted: storage.Submitted) -> None:
        """The answers just stored, as ``reload_answers`` would read them back, without reading."""
        storage.merge_answers(self.answers, self.others, submitted, self.document)
        self.computed_flow = None

    def page(self) -> dict:
        """What every respondent page template needs besides its own content."""
        from survey.responses.display.piping import localized
        from survey.responses.display.screens import language_name

        return {
            "visit": self,
            "way": self.entry.way,
            "key": self.entry.key,
            "language": self.language,
            "languages": [(code, language_name(code)) for code in self.languages],
            "address": self.survey.address_form.value,
            "title_text": localized(self.survey.title, self.language),
        }

    def url(self, endpoint: str, **values) -> str:
        return visit_url(endpoint, self.entry.way, self.entry.key, **values)


#: URLs of the respondent's pages per process, with the link key as a placeholder: (endpoint, way, script
#: root, other values) -> URL; a plain key is the same text in a URL, so it is put in afterwards
_URLS: dict[tuple, str] = {}
URLS_KEPT = 2048
#: stands for the link key in what is kept per process (letters only: unchanged by URL quoting and HTML
#: escaping), and the keys that are the same text in a URL and in HTML
KEY_MARK = "qQzKeYzQq"
PLAIN_KEY = re.compile(r"[A-Za-z0-9_-]{1,200}")


def visit_url(endpoint: str, way: str, key: str, **values) -> str:
    """``url_for(f"responses.{endpoint}", way=way, key=key, **values)``, built once per process."""
    if not PLAIN_KEY.fullmatch(key):
        return url_for(f"responses.{endpoint}", way=way, key=key, **values)
    try:
        kept_key = (endpoint, way, request.script_root, *sorted(values.items()))
        url = _URLS.get(kept_key)
    except TypeError:  # a value that is no dictionary key
        return url_for(f"responses.{endpoint}", way=way, key=key, **values)
    if url is None:
        if len(_URLS) >= URLS_KEPT:
            _URLS.clear()
        url = _URLS[kept_key] = url_for(f"responses.{endpoint}", way=way, key=KEY_MARK, **values)
    return url.replace(KEY_MARK, key)


def open_visit(way: str, key: str) -> Visit:
    """The visit behind a link (raises entries.EntryProblem when the link cannot be used)."""
    channel = entries.WAYS.get(way)
    secret = request.cookies.get(COOKIE) if channel != Channel.PERSONAL else None
    if secret is not None and not 20 <= len(secret) <= 100:
        secret = None
    wanted = link_resume_hash(channel, key, secret) if channel is not None and key else None
    entry = entries.find_entry(way, key, services.local_today(), response_hash=wanted)
    response = find_response(entry, secret, wanted)  # read with the entry
    if services.completed_unnoticed(entry, response):
        raise entries.EntryProblem("used", entry.survey, entry.invitation.language)
    version = entry.survey.version(response.version_id) if response else entry.survey.published_version
    document = entries.document_of(version)
    visit = Visit(entry, response, document, "nl", secret)
    visit.language = choose_language(visit, request.args.get("taal") or request.form.get("taal"))
    visit.reload_answers()
    speak(visit.language, entry.survey.region_id)
    return visit


def choose_language(visit: Visit, wanted: str | None) -> str:
    """A language switch, else the response's language, else the invitee's preferred language."""
    if wanted in visit.languages:
        if visit.response is not None and set_visit_language(visit.response, wanted):
            db.session.commit()
        return wanted
    if visit.response is not None and visit.response.language in visit.languages:
        return visit.response.language
    return visit.entry.default_language if visit.entry.default_language in visit.languages else "nl"


def speak(language: str, region_id: int | None = None) -> None:
    """Chrome in the respondent's language, lang/dir on <html>, and the region's house style. Without page
    chrome in that language the page is in the chrome's language and the survey's texts carry their own."""
    chrome = chrome_language(language)
    use_respondent_language(chrome, chrome, text_direction(chrome))
    if region_id is not None:
        read = g.get("region_values")  # read with the survey in this request
        g.brand_region = read if read is not None and read.id == region_id else db.session.get(Region, region_id)


def ensure_secret(visit: Visit) -> None:
    """Open link and poll: this browser gets a random secret before its first answer is sent."""
    if visit.uses_cookie and visit.secret is None:
        visit.secret = secrets.token_urlsafe(32)
        visit.set_secret = True


def remember_browser(visit: Visit, http_response) -> None:
    if visit.set_secret and visit.secret:
        set_cookie(http_response, COOKIE, visit.secret, visit.path)


def set_cookie(http_response, name: str, value: str, path: str) -> None:
    secure = bool(current_app.config["HTTPS"] or request.is_secure)
    http_response.set_cookie(
        name, value, max_age=COOKIE_DAYS * 86400, path=path, secure=secure, httponly=True, samesite="Lax"
    )


def forget_browser(visit: Visit, http_response) -> None:
    """After completion: the secret is useless; a marker (no secret, no id) says this browser is done."""
    http_response.delete_cookie(COOKIE, path=visit.path)
    if visit.uses_cookie:
        set_cookie(http_response, DONE_COOKIE, "1", visit.path)
