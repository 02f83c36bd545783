"""Statements from pasted meeting notes: split, scrubbed, placed in a section, and corrected by the
evaluator. A statement pasted under a heading ("Trots op:", "Aandachtspunten", "Opvallend") takes its
section from that heading; only where no heading says does the predicted kind of remark decide. An
interview quote may end in who said it ("— projectleider, gemeente Oost"), kept apart as its
attribution. Only the scrubbed statement is stored."""


from analysis.notes import mark_headings, section_from_heading, split_attribution
from analysis.remarks import RemarkClassifier, shipped_classifier, split_notes
from survey.audit.services import record
from survey.coding.models import RemarkKind
from survey.evaluations.context import ReportContext
from survey.evaluations.models import Evaluation, EvaluationNote
from survey.extensions import db
from survey.programmes.models import Project
from survey.timeutil import utcnow

MAX_STATEMENT = 2000


def classifier() -> RemarkClassifier:
    """The shipped classifier (cues, the question prior and the model trained on the shipped labels)."""
    return shipped_classifier()


def add_notes(evaluation: Evaluation, block: str, *, project: Project | None,
              source: str) -> list[EvaluationNote]:
    """One statement per bullet, line or sentence; a heading ("Aandacht:") guides the suggested kind."""
    remarks = split_notes(mark_headings(block or ""))
    if not remarks:
        return []
    predictions = classifier().classify([r.text for r in remarks], [r.prompt_kind for r in remarks])
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
        note = EvaluationNote(evaluation_id=evaluation.id, project_id=project.id if project else None, text=text,
                              raw_text=raw,
                              suggested_kind=kind, kind=kind, source=source.strip()[:200], position=position,
                              section=section_from_heading(remark.heading), attribution=attribution)
        evaluation.notes.append(note)  # the collection stays current for whoever reads it next
        added.append(note)
    db.session.flush()
    record("evaluation.notes_add", evaluation, count=len(added), project_id=project.id if project else None)
    _touch(evaluation)
    return added


def update_notes(evaluation: Evaluation, kinds: dict[int, RemarkKind], removed: set[int]) -> int:
    """Set the evaluator's kind of remark per statement and remove the ones left out; returns changes."""
    changed = 0
    for note in list(evaluation.notes):
        if note.id in removed:
            db.session.delete(note)
            changed += 1
        elif note.id in kinds and kinds[note.id] != note.kind:
            note.kind = kinds[note.id]
            changed += 1
    db.session.flush()
    if changed:
        record("evaluation.notes_update", evaluation, changed=changed, removed=len(removed))
        _touch(evaluation)
    return changed


def notes_by_kind(evaluation: Evaluation) -> dict[RemarkKind, list[EvaluationNote]]:
    """The statements grouped by their kind of remark, in the order the classifier's kinds are listed."""
    return {kind: [n for n in evaluation.notes if n.kind == kind] for kind in RemarkKind}


def _touch(evaluation: Evaluation) -> None:
    evaluation.updated_at = utcnow()
