"""Helpers for the coding tests: a stand-in scrubber, a questionnaire with an open question, answers."""

import re
from datetime import date
from pathlib import Path

from sqlalchemy import select

from survey.coding.scrubbing.services import LISTS
from survey.questionnaires.models import VersionStatus
from survey.responses.models import Answer, Channel, Response, ResponseStatus
from tests.factories import new_survey

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
    return {
        "schema": 1,
        "languages": ["nl"],
        "lists": {},
        "sections": [
            {
                "key": "S1",
                "title": {"nl": "Uw ervaring"},
                "intro": {},
                "condition": None,
                "repeat": None,
                "questions": [
                    {
                        "code": "T1",
                        "type": "stelling",
                        "text": {"nl": "Ik werd serieus genomen."},
                        "domain": "",
                        "hint": {},
                        "required": True,
                        "options": [],
                        "items": [],
                        "settings": {},
                        "condition": None,
                    },
                    {
                        "code": item_code,
                        "type": "open_lang",
                        "text": {"nl": text},
                        "domain": "",
                        "hint": {},
                        "required": False,
                        "options": [],
                        "items": [],
                        "settings": {},
                        "condition": None,
                    },
                ],
            }
        ],
    }


def add_answers(db, survey, version, texts, item_code="O1", status=ResponseStatus.COMPLETED):
    responses = []
    for text in texts:
        response = Response(
            survey_id=survey.id,
            version_id=version.id,
            channel=Channel.OPEN_LINK,
            week=date(2026, 11, 16),
            status=status,
        )
        response.answers = [Answer(item_code="T1", value="4"), Answer(item_code=item_code, value=text)]
        responses.append(response)
    db.session.add_all(responses)
    db.session.flush()
    return responses


def answers_in_order(db, texts, survey=None, item_code="O1") -> list[Answer]:
    """The answers with these texts (each text once), in the order of ``texts``, as ``add_answers`` made them.
    Answer ids are random: their order says nothing about which answer was made first."""
    stmt = select(Answer).where(Answer.item_code == item_code)
    if survey is not None:
        stmt = stmt.join(Response).where(Response.survey_id == survey.id)
    by_text = {answer.value: answer for answer in db.session.scalars(stmt)}
    return [by_text[text] for text in texts if text in by_text]


def answer_ids_in_order(db, texts, survey=None, item_code="O1") -> list[int]:
    return [answer.id for answer in answers_in_order(db, texts, survey, item_code)]


def staff(region):
    return f"/beheer/{region.slug}/coderen"


def base(region, survey, item_code="O1"):
    return f"/beheer/{region.slug}/coderen/{survey.id}/{item_code}"


def coding_world(region):
    """One survey per region with a coded open question, a codebook, a topics run and a second coding;
    made once per region object, so every URL parameter of the coding screens points into it."""
    import weakref

    from survey.coding.models import (
        AnalysisRun,
        Codebook,
        CodedAnswer,
        QuestionCodebook,
        RunKind,
        RunStatus,
        SecondCoding,
        Theme,
    )
    from survey.extensions import db

    worlds = coding_world.__dict__.setdefault("worlds", weakref.WeakKeyDictionary())
    if region in worlds:
        return worlds[region]
    survey = new_survey(region, document(), version_status=VersionStatus.DRAFT, title={"nl": "CEO"})
    version = survey.versions[0]
    book = Codebook(region_id=region.id, name="CEO")
    theme = Theme(codebook=book, key="wachttijd", label="Wachttijd", seed_words=["wachten"], position=1)
    db.session.add_all([survey, version, book, theme])
    db.session.flush()
    [response] = add_answers(db, survey, version, ["We moesten lang wachten."])
    answer = next(a for a in response.answers if a.item_code == "O1")
    answer.scrubbed_text = answer.value
    db.session.add_all(
        [
            QuestionCodebook(survey_id=survey.id, item_code="O1", codebook_id=book.id),
            CodedAnswer(answer_id=answer.id, survey_id=survey.id, item_code="O1", verified=True),
            AnalysisRun(
                survey_id=survey.id,
                item_code="O1",
                kind=RunKind.TOPICS,
                status=RunStatus.DONE,
                result={
                    "n": 1,
                    "candidates": [{"terms": ["taxi", "vervoer"], "example_ids": [answer.id], "size": 1, "share": 1.0}],
                },
            ),
        ]
    )
    db.session.flush()
    second = SecondCoding(answer_id=answer.id, coder_id=None, done=True, theme_keys=[], first_theme_keys=[])
    db.session.add(second)
    db.session.commit()
    world = {"survey": survey, "answer": answer, "book": book, "second": second}
    worlds[region] = world
    return world


def new_theme_in(region):
    """A fresh theme in the region's codebook (each call: some routes move or delete it)."""
    from survey.coding.models import Theme
    from survey.extensions import db

    book = coding_world(region)["book"]
    theme = Theme(codebook_id=book.id, key=f"thema{len(book.themes) + 1}", label="Thema", position=len(book.themes) + 1)
    db.session.add(theme)
    db.session.commit()
    return theme
