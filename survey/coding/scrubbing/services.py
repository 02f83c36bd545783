"""Scrubbing open answers: ``analysis.privacy.scrub`` (deduce, rules for what it misses) plus the region's own
list of local names (care providers, schools, places).

deduce costs seconds and about 1 GB to load, so ``analysis.privacy.scrub`` keeps one instance per process,
and it is used only in background jobs and the ``flask coding scrub`` command, never in a request.
Tests may put any object with a ``scrub(texts, terms) -> texts`` method in the ``CODING_SCRUBBER``
setting. Scrubbing reduces risk; it does not anonymise: a person still checks quotes before publishing.
"""

from functools import cache
from typing import Protocol

from flask import current_app
from sqlalchemy import bindparam, case, delete, func, select

from analysis.privacy import scrub as scrub_analysis
from survey.coding.answers import services as answers_module
from survey.coding.models import ScrubKind, ScrubQueued, ScrubTerm
from survey.coding.questions import completed_answers, open_questions
from survey.database import insert_unless_taken
from survey.extensions import db
from survey.questionnaires.models import Survey
from survey.responses.models import Answer, Response, ResponseStatus

#: which list of ``analysis.privacy.scrub.Scrubber`` each kind of local name goes to
LISTS = {
    ScrubKind.PROVIDER: "organisations",
    ScrubKind.SCHOOL: "schools",
    ScrubKind.PLACE: "places",
    ScrubKind.OTHER: "names",
}


class Scrubber(Protocol):
    def scrub(self, texts: list[str], terms: dict[ScrubKind, list[str]]) -> list[str]: ...

    # optional: ``spans(texts, terms) -> [[(start, end, tag), ...], ...]``, what ``scrub`` would replace


class DeduceScrubber:
    """analysis.privacy.scrub with the region's names; deduce is built once per process, on first use."""

    def __init__(self, cache_path: str | None = None):
        self.cache_path = cache_path

    def scrub(self, texts: list[str], terms: dict[ScrubKind, list[str]]) -> list[str]:
        lists = {LISTS[kind]: words for kind, words in terms.items()}
        scrubber = scrub_analysis.Scrubber(**lists, cache_path=self.cache_path)
        return [result.text for result in scrubber.scrub_many(texts)]

    def spans(self, texts: list[str], terms: dict[ScrubKind, list[str]]) -> list[list[tuple[int, int, str]]]:
        """Where ``scrub`` would replace, per text: for quotes that apply a keep-list on top."""
        lists = {LISTS[kind]: words for kind, words in terms.items()}
        scrubber = scrub_analysis.Scrubber(**lists, cache_path=self.cache_path)
        return [scrubber.spans(text or "") for text in texts]


def scrubber() -> Scrubber:
    """The configured scrubber, or deduce through analysis.privacy.scrub."""
    configured = current_app.config.get("CODING_SCRUBBER")
    return configured if configured is not None else DeduceScrubber(current_app.config.get("DEDUCE_CACHE"))


def warm_cache() -> None:
    """Load deduce now (building its lookup cache on first use): for deploy steps and worker start."""
    if current_app.config.get("CODING_SCRUBBER") is None:
        scrub_analysis.warm_cache(current_app.config.get("DEDUCE_CACHE"))


def region_terms(region_id: int) -> dict[ScrubKind, list[str]]:
    """The region's local names per kind, longest first so 'Jeugdzorg Oost' goes before 'Oost'."""
    terms: dict[ScrubKind, list[str]] = {kind: [] for kind in ScrubKind}
    for row in db.session.scalars(select(ScrubTerm).where(ScrubTerm.region_id == region_id)):
        terms[row.kind].append(row.term)
    return {kind: sorted(words, key=len, reverse=True) for kind, words in terms.items()}


def scrub_texts(texts: list[str], terms: dict[ScrubKind, list[str]]) -> list[str]:
    """Scrubbed copies of texts, with the region's local names replaced too."""
    return scrubber().scrub(list(texts), terms)


def detect_texts(texts: list[str], terms: dict[ScrubKind, list[str]]) -> list[list[tuple[int, int, str]]]:
    """The coding stage's de-identification as spans per text (start, end, tag), so a quote can apply the
    region's keep-list and the evaluator's undo on top (``analysis.privacy.quotes``). A configured stand-in
    without ``spans`` finds nothing. Loads deduce: for background jobs only."""
    configured = scrubber()
    find = getattr(configured, "spans", None)
    if find is None:
        return [[] for _ in texts]
    return [[(int(s), int(e), str(t)) for s, e, t in found] for found in find(list(texts), terms)]


def save_terms(region_id: int, kind: ScrubKind, lines: list[str]) -> tuple[int, int]:
    """Replace the region's list of one kind of names; returns (added, removed)."""
    spelled: dict[str, str] = {}
    for line in lines:
        if line.strip():
            spelled.setdefault(line.strip()[:120].lower(), line.strip()[:120])  # first spelling wins
    wanted = set(spelled.values())
    current = {
        row.term: row
        for row in db.session.scalars(select(ScrubTerm).where(ScrubTerm.region_id == region_id, ScrubTerm.kind == kind))
    }
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


def waiting_responses(survey_id: int, survey=None, at_most: int | None = None, codes=None) -> int:
    """How many completed responses of a survey have an open answer without a scrubbed copy yet (``survey``:
    the survey as the caller read it already, if so; ``codes``: its ``open_codes`` if the caller has them),
    counted up to ``at_most``: a caller that asks "at least k?" at every completion need not look further than
    k (counting them all made each completion's work grow with the responses still waiting: on PostgreSQL, the
    most expensive statement of a respondent's answer in the benchmark, python -m bench --only respondent)."""
    if codes is None:
        survey = survey if survey is not None else db.session.get(Survey, survey_id)
        codes = open_codes(survey) if survey is not None else set()
    if not codes:
        return 0
    parameters = {"survey": survey_id, "codes": sorted(codes), "at_most": at_most}
    return db.session.scalar(_waiting_statement(at_most is not None), parameters) or 0


def open_codes(survey) -> set[str]:
    """The item codes of a survey's open questions, whose answers wait for de-identification."""
    return {q.item_code for q in open_questions(survey)}


def holds_waiting_text(codes: set[str], values) -> bool:
    """Whether answers, as (item code, value), hold a text ``waiting_responses`` counts once completed: a
    non-empty answer to one of the open questions' ``codes``. A completion without one cannot bring a batch
    closer."""
    return any(code in codes and value not in (None, "") for code, value in values)


@cache
def _waiting_statement(limited: bool, unless_queued: bool = False):
    """``waiting_responses``'s count, made once per process (each completion asks it); ``unless_queued``: -1
    without counting when the survey has a batch queued (``batch_due``)."""
    waiting = (
        select(Answer.id)
        .where(
            Answer.response_id == Response.id,
            Answer.item_code.in_(bindparam("codes", expanding=True)),
            Answer.value != "",
            Answer.scrubbed_text.is_(None),
        )
        .exists()
    )
    found = select(Response.id).where(
        Response.survey_id == bindparam("survey"), Response.status == ResponseStatus.COMPLETED, waiting
    )
    if limited:
        found = found.limit(bindparam("at_most"))
    count = select(func.count()).select_from(found.subquery())
    if not unless_queued:
        return count
    queued = select(ScrubQueued.survey_id).where(ScrubQueued.survey_id == bindparam("survey")).exists()
    return select(case((queued, -1), else_=count.scalar_subquery()))


def batch_due(survey_id: int, at_least: int, codes: set[str]) -> bool:
    """Whether at least ``at_least`` completed responses wait for de-identification and no batch of the survey is
    queued yet: one statement, which does not count when a batch is queued (a busy survey's completions)."""
    if not codes:
        return False
    parameters = {"survey": survey_id, "codes": sorted(codes), "at_most": at_least}
    return (db.session.scalar(_waiting_statement(True, unless_queued=True), parameters) or 0) >= at_least


def claim_batch(survey_id: int) -> bool:
    """Note that a batch of the survey is queued; False when a twin completion noted it first (it queues it)."""
    statement = insert_unless_taken(ScrubQueued.__table__, db.session.get_bind().dialect.name, "survey_id")
    return db.session.execute(statement, {"survey_id": survey_id}).first() is not None


def start_batch(survey_id: int) -> None:
    """A batch starts: completions from now on may queue the next one. The caller commits this before the batch
    reads the answers. On SQLite a completion writes under the database's one write lock, so one that still saw
    the batch queued has committed before the batch reads; on PostgreSQL one in flight at that moment may wait
    for the next batch, or the hourly one (``survey.coding.jobs.scrub_waiting``)."""
    db.session.execute(delete(ScrubQueued).where(ScrubQueued.survey_id == survey_id))


def surveys_waiting() -> list[int]:
    """Surveys with completed open answers still waiting to be scrubbed."""
    candidates = db.session.scalars(
        select(Response.survey_id)
        .join(Answer, Answer.response_id == Response.id)
        .where(Response.status == ResponseStatus.COMPLETED, Answer.value != "", Answer.scrubbed_text.is_(None))
        .distinct()
    ).all()
    return [survey_id for survey_id in candidates if waiting_responses(survey_id, at_most=1)]


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
            chunk = list(db.session.scalars(select(Answer).where(Answer.id.in_(ids[start : start + batch]))))
            scrub_answers(chunk, survey.region_id)
            done += len(chunk)
        answers_module.ensure_coded(survey, question.item_code)
    return done
