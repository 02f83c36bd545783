"""Closed-loop virtual respondents (asyncio + aiohttp) for the respondent benchmark.

Each virtual respondent repeats, without think time, one whole survey as a new respondent (an empty
cookie jar): GET the start page, fill every answer field of the form it shows (one random option per
radio group, a short Dutch text per text field, the hidden inputs as given, the "next" button), POST it
without following the redirect, and GET the next page until the redirect leads to the thank-you page. Sent
as the page's script sends a screen of one question (``Target.by_script``), a step's answer is the next
page itself (200 with ``X-Screen-Location``), and no GET follows.
A POST counts as acknowledged when it redirects away from the page it was sent from; the answers it
carried are tallied per (field, value), so the database can be checked afterwards: every acknowledged
answer stored, none twice. The same client drives the platform (one page or one question per screen),
the peer and the bare handler.

Bounded: loopback targets only, concurrency ≤ 256, a per-request timeout, ≤ 60 requests per survey,
and a hard deadline on the whole phase.
"""

from __future__ import annotations

import asyncio
import html
import random
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlparse

import aiohttp

from bench.ceo_survey import OPEN_TEXTS

TAG = re.compile(r"<(input|textarea|form|button)\b([^>]*)>", re.I)
ATTR = re.compile(r'([\w:-]+)(?:\s*=\s*"([^"]*)")?')
MAX_CONCURRENCY = 256
MAX_REQUESTS_PER_SURVEY = 60
LOOPBACK = ("127.0.0.1", "localhost", "::1")


@dataclass
class Target:
    """Where a system's survey starts and how its thank-you page is recognised."""

    base_url: str
    start_path: str
    done: re.Pattern
    #: send each step as the page's script does (``X-Screen: 1``): a screen of one question answers with the
    #: next screen itself, one request per screen
    by_script: bool = False

    def __post_init__(self):
        if urlparse(self.base_url).hostname not in LOOPBACK:
            raise ValueError("the load client only talks to 127.0.0.1")


@dataclass
class Tally:
    get_latency: list[float] = field(default_factory=list)
    post_latency: list[float] = field(default_factory=list)
    completed: int = 0
    acknowledged: Counter = field(default_factory=Counter)  # (field name, value) of acknowledged answers
    errors: Counter = field(default_factory=Counter)


def _attrs(text: str) -> dict[str, str]:
    return {k.lower(): html.unescape(v or "") for k, v in ATTR.findall(text)}


def fill_form(page: str, rnd: random.Random) -> tuple[str | None, dict[str, str], dict[str, str]]:
    """(action, all fields to send, the answer fields among them) for the first POST form of a page."""
    action, hidden, radios, texts, button = None, {}, {}, [], None
    for tag, raw in TAG.findall(page):
        at, tag = _attrs(raw), tag.lower()
        if tag == "form":
            if at.get("method", "").lower() == "post" and action is None:
                action = at.get("action", "")
        elif tag == "textarea" and "name" in at:
            texts.append(at["name"])
        elif tag == "button" and "name" in at and button is None and at.get("type", "submit") == "submit":
            button = (at["name"], at.get("value", ""))
        elif tag == "input" and "name" in at:
            kind = at.get("type", "text").lower()
            if kind == "radio":
                radios.setdefault(at["name"], []).append(at.get("value", "on"))
            elif kind == "hidden":
                hidden[at["name"]] = at.get("value", "")
            elif kind == "text":
                texts.append(at["name"])
    answers = {name: rnd.choice(values) for name, values in radios.items()}
    answers.update({name: rnd.choice(OPEN_TEXTS) for name in texts})
    data = {**hidden, **answers}
    if button:
        data[button[0]] = button[1]
    return action, data, answers


async def _request(session, method, url, tally, **kwargs):
    """(status, body, location) or None on a transport error (counted)."""
    started = time.perf_counter()
    try:
        async with session.request(method, url, allow_redirects=False, **kwargs) as response:
            body = await response.text()
            status, location = response.status, response.headers.get("Location", "")
            location = location or response.headers.get("X-Screen-Location", "")
    except TimeoutError:
        tally.errors[f"{method} timeout"] += 1
        return None
    except aiohttp.ClientError as error:
        tally.errors[f"{method} {type(error).__name__}"] += 1
        await asyncio.sleep(0.05)
        return None
    (tally.get_latency if method == "GET" else tally.post_latency).append(time.perf_counter() - started)
    return status, body, location


async def one_survey(session, target: Target, tally: Tally, rnd: random.Random, deadline: float) -> None:
    """One new respondent from the start page to the thank-you page (or the deadline)."""
    session.cookie_jar.clear()
    url = urljoin(target.base_url, target.start_path)
    headers = {"X-Screen": "1"} if target.by_script else {}
    page = None  # the page of ``url`` when a step's answer brought it, else fetched by a GET
    for _ in range(MAX_REQUESTS_PER_SURVEY // 2):
        if page is None:
            got = await _request(session, "GET", url, tally)
            if got is None:
                return
            status, page, _location = got
            if status != 200:
                tally.errors[f"GET {status}"] += 1
                return
        action, data, answers = fill_form(page, rnd)
        if action is None or not answers:
            tally.errors["GET no form"] += 1
            return
        post_url = urljoin(url, action) if action else url
        sent = await _request(session, "POST", post_url, tally, data=data, headers={"Referer": url, **headers})
        if sent is None:
            return
        status, body, location = sent
        following = urljoin(post_url, location)
        moved = status in (301, 302, 303) or (status == 200 and target.by_script and location)
        if not moved or urlparse(following).path == urlparse(post_url).path:
            tally.errors[f"POST {status}{' same page' if status in (301, 302, 303) else ''}"] += 1
            return
        tally.acknowledged.update(answers.items())
        if target.done.search(urlparse(following).path):
            tally.completed += 1
            return
        if time.monotonic() >= deadline:
            return
        url, page = following, (body if status == 200 else None)
    tally.errors["too many steps"] += 1


async def _respondent(target, tally, deadline, rnd, timeout):
    jar = aiohttp.CookieJar(unsafe=True)  # unsafe: keep cookies of 127.0.0.1
    connector = aiohttp.TCPConnector(limit=1)
    async with aiohttp.ClientSession(
        cookie_jar=jar, connector=connector, timeout=aiohttp.ClientTimeout(total=timeout)
    ) as session:
        while time.monotonic() < deadline:
            await one_survey(session, target, tally, rnd, deadline)


async def _phase(target: Target, concurrency: int, seconds: float, seed: int, timeout: float) -> Tally:
    tally = Tally()
    deadline = time.monotonic() + seconds
    master = random.Random(seed)
    tasks = [_respondent(target, tally, deadline, random.Random(master.random()), timeout) for _ in range(concurrency)]
    await asyncio.wait_for(asyncio.gather(*tasks), timeout=seconds + timeout + 30)
    return tally


def run_phase(
    target: Target, concurrency: int, seconds: float, *, seed: int = 1, timeout: float = 30.0
) -> tuple[Tally, float]:
    """Drive the target for ``seconds`` with ``concurrency`` respondents; (tally, elapsed seconds)."""
    concurrency = max(1, min(concurrency, MAX_CONCURRENCY))
    started = time.monotonic()
    tally = asyncio.run(_phase(target, concurrency, seconds, seed, timeout))
    return tally, time.monotonic() - started
