"""What a virtual respondent sees of a page: its forms (hidden inputs, choice groups, text and number
fields, buttons), the start link, the heading and the hints; and how it fills a step like a person would."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

NEXT = ("actie", "volgende")
FIELD = re.compile(r"^v-([A-Za-z0-9_]+)$")
NUMBERS = re.compile(r"-?\d+(?:[.,]\d+)?")


@dataclass
class Form:
    action: str = ""
    method: str = "get"
    hidden: list[tuple[str, str]] = field(default_factory=list)
    choices: dict[str, list[str]] = field(default_factory=dict)  # radio/checkbox name → values
    checkboxes: set[str] = field(default_factory=set)
    texts: dict[str, str] = field(default_factory=dict)  # name → "text" | "textarea" | "number"
    selects: dict[str, list[str]] = field(default_factory=dict)
    buttons: list[tuple[str, str]] = field(default_factory=list)


class PageParser(HTMLParser):
    """The forms of a page, its start link, its h1 and the texts of its hints and error messages."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self.start_link: str | None = None
        self.h1 = ""
        self.hints: dict[str, str] = {}
        self._form: Form | None = None
        self._select: str | None = None
        self._capture: str | None = None  # "h1" or "hint:<id>"
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):  # noqa: C901 - one branch per element kind
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._form = Form(action=a.get("action", ""), method=a.get("method", "get").lower())
            self.forms.append(self._form)
        elif tag == "a" and "button-start" in a.get("class", ""):
            self.start_link = a.get("href")
        elif tag == "h1" and not self.h1:
            self._capture, self._text = "h1", []
        elif tag == "p" and a.get("id", "").endswith(("-hint", "-error")):
            self._capture, self._text = "hint:" + a["id"].rsplit("-", 1)[0], []
        if self._form is None:
            return
        name = a.get("name", "")
        if tag == "input":
            kind = a.get("type", "text").lower()
            if kind == "hidden" and name:
                self._form.hidden.append((name, a.get("value", "")))
            elif kind in ("radio", "checkbox") and name:
                self._form.choices.setdefault(name, []).append(a.get("value", "on"))
                if kind == "checkbox":
                    self._form.checkboxes.add(name)
            elif kind in ("text", "number", "email") and name:
                numeric = a.get("inputmode") == "decimal" or kind == "number" or "input-number" in a.get("class", "")
                self._form.texts[name] = "number" if numeric else "text"
                for limit in ("min", "max", "data-min", "data-max"):
                    if a.get(limit):
                        self.hints[name] = self.hints.get(name, "") + f" {a[limit]}"
            elif kind == "submit" and name:
                self._form.buttons.append((name, a.get("value", "")))
        elif tag == "textarea" and name:
            self._form.texts[name] = "textarea"
        elif tag == "select" and name:
            self._select = name
            self._form.selects[name] = []
        elif tag == "option" and self._select and a.get("value"):
            self._form.selects[self._select].append(a["value"])
        elif tag == "button" and a.get("type", "submit") == "submit":
            self._form.buttons.append((name, a.get("value", "")))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag in ("h1", "p") and self._capture:
            text = " ".join("".join(self._text).split())
            if self._capture == "h1":
                self.h1 = text
            else:
                key = self._capture.split(":", 1)[1]
                self.hints[key] = self.hints.get(key, "") + " " + text
            self._capture = None

    def handle_data(self, data):
        if self._capture:
            self._text.append(data)


def parse(html: str) -> PageParser:
    parser = PageParser()
    parser.feed(html)
    return parser


def number_for(hint: str, rng: random.Random) -> str:
    """A whole number within the limits a hint or error states ("van 0 tot 120"), else a small one."""
    found = [float(n.replace(",", ".")) for n in NUMBERS.findall(hint or "")]
    if len(found) >= 2:
        low, high = sorted(found[:2])
        return str(rng.randint(int(low) if low == int(low) else int(low) + 1, int(high)))
    if len(found) == 1:
        return str(int(found[0]))
    return str(rng.randint(1, 9))


def fill(form: Form, hints: dict[str, str], rng: random.Random, marker: str) -> list[tuple[str, str]]:
    """Answers for every field of a step form, and the "next" button."""
    data = list(form.hidden)
    for name, values in form.choices.items():
        data.append((name, rng.choice(values)))
    for name, kind in form.texts.items():
        if kind == "number":
            data.append((name, number_for(hints.get(name, ""), rng)))
        elif name.endswith("-anders"):
            data.append((name, "iets anders"))
        else:
            data.append((name, f"Antwoord van {marker}: de hulp was <b>goed</b> & snel."))
    for name, values in form.selects.items():
        if values:
            data.append((name, rng.choice(values)))
    button = NEXT if NEXT in form.buttons else next(((n, v) for n, v in form.buttons if n), None)
    if button:
        data.append(button)
    return data
