"""Walking through a questionnaire with the test client, as a respondent would: read the form on the
page, fill in every field, send it, follow the redirect."""

import re
from html.parser import HTMLParser

#: what a respondent "chooses" per input type when a test does not say otherwise
DEFAULT_TEXT = "Goed geholpen"


class FormReader(HTMLParser):
    """The step form of a page: hidden values, and the answer fields with their options."""

    def __init__(self, html: str):
        super().__init__()
        self.hidden: dict[str, str] = {}
        self.fields: dict[str, dict] = {}
        self.in_form = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and "step-form" in (attrs.get("class") or ""):
            self.in_form = True
        if not self.in_form or tag not in ("input", "textarea"):
            return
        name, kind = attrs.get("name"), attrs.get("type", "textarea" if tag == "textarea" else "text")
        if kind == "hidden":
            self.hidden[name] = attrs.get("value", "")
        elif name:
            field = self.fields.setdefault(name, {"type": kind, "options": [], "checked": []})
            if tag == "textarea":
                self.textarea = name
            if kind in ("radio", "checkbox"):
                field["options"].append(attrs.get("value"))
                if "checked" in attrs:
                    field["checked"].append(attrs.get("value"))
            else:
                field["value"] = attrs.get("value", "")
                field["inputmode"] = attrs.get("inputmode")

    def handle_data(self, data):
        if getattr(self, "textarea", None):
            self.fields[self.textarea]["value"] = self.fields[self.textarea].get("value", "") + data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        if tag == "form":
            self.in_form = False


def default_answer(name: str, field: dict):
    """What was filled in before (the respondent just goes on), else a plausible answer."""
    if field["checked"]:
        return field["checked"] if field["type"] == "checkbox" else field["checked"][0]
    if field.get("value"):
        return field["value"]
    if field["type"] == "radio":
        options = [o for o in field["options"] if o not in ("weet_niet", "nvt", "anders")]
        return options[len(options) // 2] if options else field["options"][0]
    if field["type"] == "checkbox":
        return [field["options"][0]]
    if name.endswith("-anders"):
        return ""
    if field.get("inputmode") == "decimal":
        return "12"
    return DEFAULT_TEXT


def fill(html: str, answers: dict | None = None, action: str = "volgende") -> dict:
    """Form data for a step page: the given answers (by item code or field name), defaults elsewhere."""
    reader = FormReader(html)
    data = dict(reader.hidden)
    answers = answers or {}
    for name, field in reader.fields.items():
        code = name.split("-")[1] if name.startswith("v-") else name
        wanted = answers.get(name, answers.get(code))
        if name.endswith("-anders"):
            wanted = answers.get(name, "")
        elif wanted is None:
            wanted = default_answer(name, field)
        data[name] = wanted
    data["actie"] = action
    return data


def current_number(location: str) -> int | None:
    match = re.search(r"/vraag/(\d+)", location or "")
    return int(match.group(1)) if match else None


def walk(
    client, base: str, answers: dict | None = None, start: int = 1, stop_after: int | None = None, max_steps: int = 60
):
    """Answer step after step from ``start``; returns the last response (the thanks redirect or a page)."""
    url = f"{base}/vraag/{start}"
    done = 0
    for _ in range(max_steps):
        page = client.get(url)
        assert page.status_code == 200, (url, page.status_code)
        sent = client.post(url, data=fill(page.get_data(as_text=True), answers))
        done += 1
        if sent.status_code != 302:
            return sent
        location = sent.headers["Location"]
        if stop_after is not None and done >= stop_after:
            return sent
        if "/vraag/" not in location:
            return sent
        url = location
    raise AssertionError("the questionnaire did not end")
