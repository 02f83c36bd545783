"""Statements from pasted meeting notes: split, scrubbed, placed in a section, and corrected by the
evaluator. A statement pasted under a heading ("Trots op:", "Aandachtspunten", "Opvallend") takes its
section from that heading; only where no heading says does the predicted kind of remark decide. An
interview quote may end in who said it ("— projectleider, gemeente Oost"), kept apart as its
attribution.

A pasted statement gets the same de-identification as an open answer in the coding stage (deduce, its
rules and the region's terms) plus the quote pass with the region's keep-list: deduce loads in a
background job (``detect_notes_job``), never in a request, and a statement is not quoted until that job
has looked at it (``EvaluationNote.detected``)."""

from analysis.evaluation.notes import mark_headings, section_from_heading, split_attribution
from analysis.remarks import RemarkClassifier, shipped_classifier, split_notes
from survey.audit.services import record
from survey.coding.models import RemarkKind
from survey.coding.scrubbing.services import detect_texts, region_terms
from survey.evaluations.draft.context import ReportContext
from survey.evaluations.models import Evaluation, EvaluationNote
from survey.extensions import db
from survey.jobs import enqueue_after_commit, task
from survey.programmes.models import Project
from survey.timeutil import utcnow

MAX_STATEMENT = 2000


def classifier() -> RemarkClassifier:
    """The shipped classifier (cues, the question prior and the model trained on the shipped labels)."""
    return shipped_classifier()


def add_notes(evaluation: Evaluation, block: str, *, project: Project | None, source: str) -> list[EvaluationNote]:
    """One statement per bullet, line or sentence; a heading ("Aandacht:") guides the suggested kind."""
    remarks = split_notes(mark_headings(block or ""))
    if not remarks:
        return []
    # one paste is one document: its statements together say what mix of kinds it holds
    predictions = classifier().classify([r.text for r in remarks], [r.heading for r in remarks], document=True)
    context = ReportContext(evaluation)
    position = max((n.position for n in evaluation.notes), default=0)
    added = []
    for remark, prediction in zip(remarks, predictions, strict=True):
        position += 1
        kind = RemarkKind(prediction.kind)
        said, who = split_attribution(remark.text)
        raw = said[:MAX_STATEMENT]
        text = context.quote_scrubber.scrub(raw)
        attribution = context.quote_scrubber.scrub(who)[:200]
        note = EvaluationNote(
            evaluation_id=evaluation.id,
            project_id=project.id if project else None,
            text=text,
            raw_text=raw,
            suggested_kind=kind,
            kind=kind,
            kind_to_check=remark.prompt_kind is None,
            source=source.strip()[:200],
            position=position,
            section=section_from_heading(remark.heading),
            attribution=attribution,
        )
        evaluation.notes.append(note)  # the collection stays current for whoever reads it next
        added.append(note)
    db.session.flush()
    record("evaluation.notes_add", evaluation, count=len(added), project_id=project.id if project else None)
    _touch(evaluation)
    queue_detection(evaluation)
    return added


def waiting_for_detection(evaluation: Evaluation) -> int:
    """Pasted statements the coding stage's de-identification has not looked at yet (never quoted)."""
    return sum(1 for n in evaluation.notes if n.detected is None and n.raw_text)


def queue_detection(evaluation: Evaluation) -> None:
    """Run the de-identification of the waiting statements once the current transaction commits."""
    enqueue_after_commit(db.session(), detect_notes_job, evaluation.id)


@task(retries=3, retry_delay=60)
def detect_notes_job(evaluation_id: int) -> int:
    """The coding stage's de-identification over an evaluation's waiting statements; the job names the
    evaluation only."""
    evaluation = db.session.get(Evaluation, evaluation_id)
    return detect_notes(evaluation) if evaluation is not None else 0


def detect_notes(evaluation: Evaluation) -> int:
    """Store what deduce, its rules and the region's terms find in each waiting statement, and its
    scrubbed copy made with those findings plus the keep-list; returns how many were looked at."""
    waiting = [n for n in evaluation.notes if n.detected is None and n.raw_text]
    if not waiting:
        return 0
    context = ReportContext(evaluation)
    found = detect_texts([n.raw_text for n in waiting], region_terms(evaluation.region_id))
    for note, spans in zip(waiting, found, strict=True):
        note.detected = [list(span) for span in spans]
        note.text = context.quote_scrubber.scrub(note.raw_text, detected=spans)
    db.session.flush()
    return len(waiting)


def update_notes(evaluation: Evaluation, kinds: dict[int, RemarkKind], removed: set[int]) -> int:
    """Set the evaluator's kind of remark per statement and remove the ones left out; a statement whose kind
    waited for a check is checked now (the evaluator saved it as shown or changed it). Returns changes."""
    changed = checked = 0
    for note in list(evaluation.notes):
        if note.id in removed:
            db.session.delete(note)
            changed += 1
            continue
        if note.id in kinds and note.kind_to_check:
            note.kind_to_check = False
            checked += 1
        if note.id in kinds and kinds[note.id] != note.kind:
            note.kind = kinds[note.id]
            changed += 1
    db.session.flush()
    if changed or checked:
        record("evaluation.notes_update", evaluation, changed=changed, removed=len(removed), checked=checked)
        _touch(evaluation)
    return changed


def kinds_to_check(evaluation: Evaluation) -> int:
    """Pasted statements whose kind no heading gave and the evaluator has not saved yet."""
    return sum(1 for n in evaluation.notes if n.kind_to_check)


def notes_by_kind(evaluation: Evaluation) -> dict[RemarkKind, list[EvaluationNote]]:
    """The statements grouped by their kind of remark, in the order the classifier's kinds are listed."""
    return {kind: [n for n in evaluation.notes if n.kind == kind] for kind in RemarkKind}


def _touch(evaluation: Evaluation) -> None:
    evaluation.updated_at = utcnow()
