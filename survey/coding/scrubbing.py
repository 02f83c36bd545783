"""Scrubbing open answers: the region's own list of local names, then deduce for names, places, numbers.

deduce costs seconds and about 1 GB to load, so it is loaded once per worker process (never per request)
and only in background jobs and the ``flask coding scrub`` command. Tests and small setups may put any
object with a ``scrub(texts) -> texts`` method in the ``CODING_SCRUBBER`` setting instead.
Scrubbing reduces risk; it does not anonymise. A person still checks quotes before they are published.
"""

import gc
import re
import threading
from pathlib import Path
from typing import Protocol

from flask import current_app
from sqlalchemy import select

from survey.coding import answers as answers_module
from survey.coding.models import ScrubKind, ScrubTerm
from survey.coding.questions import completed_answers, open_items, open_questions
from survey.extensions import db
from survey.questionnaires.models import Survey, SurveyVersion
from survey.responses.models import Answer, Response, ResponseStatus

#: the tag that replaces a name from the region's list, per kind of name
TAGS = {ScrubKind.PROVIDER: "[ZORGAANBIEDER]", ScrubKind.SCHOOL: "[SCHOOL]", ScrubKind.PLACE: "[LOCATIE]",
        ScrubKind.OTHER: "[NAAM]"}


class Scrubber(Protocol):
    def scrub(self, texts: list[str]) -> list[str]: ...


class DeduceScrubber:
    """deduce, loaded on first use with the garbage collector paused (1–2 s instead of 9 s from cache)."""

    def __init__(self, cache_path: str):
        self.cache_path = cache_path
        self._deduce = None
        self._lock = threading.Lock()

    def load(self):
        with self._lock:
            if self._deduce is None:
                from deduce import Deduce

                Path(self.cache_path).mkdir(parents=True, exist_ok=True)
                gc.disable()
                try:
                    self._deduce = Deduce(cache_path=self.cache_path)
                finally:
                    gc.enable()
                    gc.freeze()  # the lookup tables live as long as the process; keep them out of collections
        return self._deduce

    def scrub(self, texts: list[str]) -> list[str]:
        deduce = self.load()
        with self._lock:  # deduce is not documented as thread-safe; job threads take turns
            return [deduce.deidentify(text).deidentified_text if text.strip() else text for text in texts]


_process: dict[str, DeduceScrubber] = {}
_process_lock = threading.Lock()


def cache_path(app) -> str:
    return app.config.get("SCRUB_CACHE_PATH") or str(Path(app.instance_path) / "deduce")


def scrubber() -> Scrubber:
    """The configured scrubber, or this process's one deduce instance."""
    configured = current_app.config.get("CODING_SCRUBBER")
    if configured is not None:
        return configured
    path = cache_path(current_app)
    with _process_lock:
        if path not in _process:
            _process[path] = DeduceScrubber(path)
        return _process[path]


def warm_cache() -> None:
    """Load deduce now (building its lookup cache on first use): for deploy steps and worker start."""
    instance = scrubber()
    if isinstance(instance, DeduceScrubber):
        instance.load()


def region_terms(region_id: int) -> dict[ScrubKind, list[str]]:
    """The region's local names per kind, longest first so 'Jeugdzorg Oost' goes before 'Oost'."""
    terms: dict[ScrubKind, list[str]] = {kind: [] for kind in ScrubKind}
    for row in db.session.scalars(select(ScrubTerm).where(ScrubTerm.region_id == region_id)):
        terms[row.kind].append(row.term)
    return {kind: sorted(words, key=len, reverse=True) for kind, words in terms.items()}


def apply_terms(text: str, terms: dict[ScrubKind, list[str]]) -> str:
    """Replace the region's local names (whole words, any case) by a tag for their kind."""
    pairs = sorted(((t, TAGS[kind]) for kind, words in terms.items() for t in words if t.strip()),
                   key=lambda pair: len(pair[0]), reverse=True)
    for term, tag in pairs:
        text = re.sub(rf"(?<!\w){re.escape(term.strip())}(?!\w)", tag, text, flags=re.IGNORECASE)
    return text


def scrub_texts(texts: list[str], terms: dict[ScrubKind, list[str]]) -> list[str]:
    """Scrubbed copies of texts: local names first, then the scrubber."""
    return scrubber().scrub([apply_terms(text, terms) for text in texts])


def save_terms(region_id: int, kind: ScrubKind, lines: list[str]) -> tuple[int, int]:
    """Replace the region's list of one kind of names; returns (added, removed)."""
    wanted = set({line.strip()[:120].lower(): line.strip()[:120] for line in lines if line.strip()}.values())
    current = {row.term: row for row in db.session.scalars(
        select(ScrubTerm).where(ScrubTerm.region_id == region_id, ScrubTerm.kind == kind))}
    for term in set(current) - wanted:
        db.session.delete(current[term])
    db.session.add_all(ScrubTerm(region_id=region_id, kind=kind, term=t) for t in sorted(wanted - set(current)))
    db.session.flush()
    return len(wanted - set(current)), len(set(current) - wanted)


def scrub_answers(answers: list[Answer], region_id: int) -> None:
    """Store a scrubbed copy of each answer's text; the raw text is left as it is."""
    if not answers:
        return
    terms = region_terms(region_id)
    for answer, clean in zip(answers, scrub_texts([a.value for a in answers], terms), strict=True):
        answer.scrubbed_text = clean
    db.session.flush()


def scrub_response(response_id: str) -> int:
    """Scrub the open answers of one completed response and create their coding rows; returns how many."""
    response = db.session.get(Response, response_id)
    if response is None or response.status != ResponseStatus.COMPLETED:
        return 0
    survey = db.session.get(Survey, response.survey_id)
    version = db.session.get(SurveyVersion, response.version_id)
    items = open_items(version.document)
    answers = [a for a in response.answers if a.item_code in items and a.value]
    scrub_answers(answers, survey.region_id)
    for item_code in sorted({a.item_code for a in answers}):
        answers_module.ensure_coded(survey, item_code)
    return len(answers)


def scrub_survey(survey_id: int, redo: bool = False, batch: int = 500) -> int:
    """Scrub a survey's open answers in batches (only those without a scrubbed copy unless ``redo``)."""
    survey = db.session.get(Survey, survey_id)
    done = 0
    for question in open_questions(survey):
        stmt = completed_answers(survey.id, question.item_code)
        if not redo:
            stmt = stmt.where(Answer.scrubbed_text.is_(None))
        ids = list(db.session.scalars(stmt.with_only_columns(Answer.id)))
        for start in range(0, len(ids), batch):
            chunk = list(db.session.scalars(select(Answer).where(Answer.id.in_(ids[start:start + batch]))))
            scrub_answers(chunk, survey.region_id)
            done += len(chunk)
        answers_module.ensure_coded(survey, question.item_code)
    return done
