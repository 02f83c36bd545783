"""The quote review: every statement a section could publish (enquête answers and pasted notes), the
evaluator's decisions about them, and saving those decisions. Only reviewed statements are published."""

from sqlalchemy import select

from analysis.evaluation.quote_review import DECISIONS, EDIT, MERGE, Decision, Statement, statement_key, unique
from survey.audit.services import record
from survey.evaluations.draft.context import ReportContext
from survey.evaluations.labels import NOTE_SECTION, PROJECT_ROLE_SECTION, REMARK_SECTION
from survey.evaluations.models import Evaluation, EvaluationQuote, QuoteDecision, QuoteKeepTerm
from survey.extensions import db
from survey.programmes.models import Project
from survey.timeutil import utcnow

MAX_EDIT = 1000


def note_section(note) -> str:
    """The section of a pasted statement: its heading's, else the one its kind of remark gives."""
    return note.section or REMARK_SECTION[note.kind]


def candidates(context: ReportContext, section: str, project: Project | None = None) -> list[Statement]:
    """The statements of one section in order: enquête answers (when the survey may be shown), then the
    programme's notes, then pasted notes. Texts are quotes made by the region's quote pass, without the
    replacements the evaluator undid."""
    project_id = project.id if project is not None else None
    chosen = cached_decisions(context)
    found = []

    def statement(
        source_text: str, origin: str, source: str, theme=("", ""), attribution: str = "", detected=()
    ) -> Statement:
        key = statement_key(project_id, section, source_text)
        undone = chosen[key].undone if key in chosen else ()
        done = {u.casefold() for u in undone}
        replaced = tuple(
            dict.fromkeys(
                (r.original, r.label) for r in context.quote_scrubber.replacements(source_text, detected=detected)
            )
        )
        return Statement(
            key,
            context.quote(source_text, undone, detected),
            origin,
            source,
            theme,
            attribution,
            tuple(r for r in replaced if r[0].casefold() not in done),
            tuple(undone),
        )

    for stakeholder in context.stakeholder:
        if stakeholder.completed < context.k:
            continue  # the per-survey rule: nothing from a survey below k
        instances = stakeholder.keys.get(project_id, set()) if project is not None else None
        if project is not None and not instances:
            continue
        roles = [r for r, s in PROJECT_ROLE_SECTION.items() if s == section] if project is not None else [section]
        title = stakeholder.survey.text("title")
        for role in roles:
            for remark in stakeholder.remarks_for(role, instances):
                if remark.quote:  # an answer that was not scrubbed is never quoted
                    found.append(
                        statement(remark.quote, "enquete", title, remark.themes[0] if remark.themes else ("", ""))
                    )
    for note in context.programme_notes:
        if note.project_id == project_id and NOTE_SECTION[note.kind] == section:
            found.append(statement(note.text, "notes", note.source))
    for note in context.evaluation.notes:
        if note.project_id == project_id and note_section(note) == section:
            if not note.raw_text:  # published: the scrubbed copy is all there is
                found.append(statement(note.text, "notes", note.source, attribution=note.attribution))
            elif note.detected is not None:  # not quoted before the coding stage's check has looked at it
                found.append(
                    statement(note.raw_text, "notes", note.source, attribution=note.attribution, detected=note.detected)
                )
    return unique(found)


def decisions(evaluation: Evaluation) -> dict[str, Decision]:
    return {
        q.key: Decision(q.decision.value, q.text, q.merged_into, q.attribution_public, tuple(q.undone or ()))
        for q in evaluation.quotes
    }


def cached_decisions(context: ReportContext) -> dict[str, Decision]:
    """The decisions, read once per report context."""
    if not hasattr(context, "_quote_decisions"):
        context._quote_decisions = decisions(context.evaluation)
    return context._quote_decisions


def save_decisions(evaluation: Evaluation, chosen: dict[str, dict], context: ReportContext) -> int:
    """Store the evaluator's decisions ({key: {decision, text, merged_into, public}}); returns changes.
    A shortened text is scrubbed again; a merge must name another statement of the list."""
    existing = {q.key: q for q in evaluation.quotes}
    changed = 0
    for key, values in chosen.items():
        decision = values.get("decision") or ""
        if decision not in DECISIONS:
            if key in existing:  # back to "not reviewed"
                db.session.delete(existing.pop(key))
                changed += 1
            continue
        undone = sorted(set(values.get("undone") or ()))
        text = context.quote_scrubber.scrub(values.get("text") or "", undone)[:MAX_EDIT] if decision == EDIT else ""
        merged_into = values.get("merged_into") if decision == MERGE else None
        row = existing.get(key)
        if row is None:
            row = EvaluationQuote(evaluation_id=evaluation.id, key=key, decision=QuoteDecision(decision))
            evaluation.quotes.append(row)
        elif (row.decision.value, row.text, row.merged_into, row.attribution_public, sorted(row.undone or ())) == (
            decision,
            text,
            merged_into,
            bool(values.get("public")),
            undone,
        ):
            continue
        row.decision, row.text, row.merged_into = QuoteDecision(decision), text, merged_into
        row.attribution_public, row.undone, row.decided_at = bool(values.get("public")), undone, utcnow()
        changed += 1
    db.session.flush()
    if changed:
        record("evaluation.quotes_review", evaluation, changed=changed)
        evaluation.updated_at = utcnow()
    return changed


def keep_terms(region_id: int) -> list[str]:
    return sorted(
        db.session.scalars(select(QuoteKeepTerm.term).where(QuoteKeepTerm.region_id == region_id)), key=str.lower
    )


def save_keep_terms(region, lines: list[str]) -> tuple[int, int]:
    """Replace the region's keep-list for quotes (one name per line); returns (added, removed)."""
    spelled: dict[str, str] = {}
    for line in lines:
        if line.strip():
            spelled.setdefault(line.strip()[:200].lower(), line.strip()[:200])  # first spelling wins
    wanted = set(spelled.values())
    current = {
        row.term: row for row in db.session.scalars(select(QuoteKeepTerm).where(QuoteKeepTerm.region_id == region.id))
    }
    for term in set(current) - wanted:
        db.session.delete(current[term])
    db.session.add_all(QuoteKeepTerm(region_id=region.id, term=t) for t in sorted(wanted - set(current)))
    db.session.flush()
    added, removed = len(wanted - set(current)), len(set(current) - wanted)
    if added or removed:
        record("evaluation.keep_terms", region=region, added=added, removed=removed)
    return added, removed
