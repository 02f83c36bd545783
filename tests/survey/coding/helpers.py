"""Helpers for the coding tests: a stand-in scrubber, a questionnaire with an open question, answers."""

import re
from datetime import date
from pathlib import Path

from survey.coding.scrubbing import LISTS
from survey.responses.models import Answer, Channel, Response, ResponseStatus

DATA = Path(__file__).resolve().parents[2] / "analysis" / "data"
NAMES = ("Daan", "Fatima", "Sanne", "Pieter de Vries", "Zwolle")


class FakeScrubber:
    """Stands in for deduce: removes a few known names and the region's own list, counts its calls."""

    def __init__(self):
        self.calls = 0
        self.fail_next = 0

    def scrub(self, texts, terms):
        self.calls += 1
        if self.fail_next:
            self.fail_next -= 1
            raise RuntimeError("scrubber unavailable")
        out = []
        for text in texts:
            for kind, words in terms.items():
                for word in words:
                    text = re.sub(re.escape(word), f"[{LISTS[kind].upper()}]", text, flags=re.I)
            for name in NAMES:
                text = text.replace(name, "[NAAM]")
            out.append(text)
        return out


def document(item_code="O1", text="Wat kan er beter?"):
    return {"schema": 1, "languages": ["nl"], "lists": {}, "sections": [{
        "key": "S1", "title": {"nl": "Uw ervaring"}, "intro": {}, "condition": None, "repeat": None,
        "questions": [
            {"code": "T1", "type": "stelling", "text": {"nl": "Ik werd serieus genomen."}, "domain": "", "hint": {},
             "required": True, "options": [], "items": [], "settings": {}, "condition": None},
            {"code": item_code, "type": "open_lang", "text": {"nl": text}, "domain": "", "hint": {},
             "required": False, "options": [], "items": [], "settings": {}, "condition": None}]}]}


def add_answers(db, survey, version, texts, item_code="O1", status=ResponseStatus.COMPLETED):
    responses = []
    for text in texts:
        response = Response(survey_id=survey.id, version_id=version.id, channel=Channel.OPEN_LINK,
                            week=date(2026, 11, 16), status=status)
        response.answers = [Answer(item_code="T1", value="4"), Answer(item_code=item_code, value=text)]
        responses.append(response)
    db.session.add_all(responses)
    db.session.flush()
    return responses


def base(region, survey, item_code="O1"):
    return f"/beheer/{region.slug}/coderen/{survey.id}/{item_code}"
