"""Qualitative statements: pasted blocks of notes become separate statements, each typed."""

from datetime import date

from analysis.evaluation.notes import kind_from_heading, split_notes
from survey.accounts.models import User
from survey.audit.services import record
from survey.extensions import db
from survey.programmes.models import Programme, Project
from survey.programmes.progress_reports.models import Note, NoteKind, NoteSource
from survey.programmes.services import assign_fields

NOTE_FIELDS = ("kind", "text", "source_type", "source", "noted_on", "project")


def add_notes(
    programme: Programme,
    block: str,
    *,
    kind: NoteKind,
    source_type: NoteSource,
    source: str,
    noted_on: date,
    user: User | None,
    project: Project | None = None,
) -> list[Note]:
    """One statement per line or bullet; a heading such as "Aandacht:" sets the kind of the lines below."""
    notes = []
    for line in split_notes(block):
        heading_kind = kind_from_heading(line.heading) if line.heading else None
        note = Note(
            programme=programme,
            project=project,
            text=line.text,
            kind=NoteKind(heading_kind) if heading_kind else kind,
            source_type=source_type,
            source=source,
            noted_on=noted_on,
            created_by_id=user.id if user else None,
        )
        db.session.add(note)
        notes.append(note)
    db.session.flush()
    if notes:
        record("note.create", notes[0], count=len(notes), project_id=project.id if project else None)
    return notes


def update_note(note: Note, **fields) -> None:
    changed = assign_fields(note, fields, NOTE_FIELDS)
    db.session.flush()
    record("note.update", note, fields=changed)


def delete_note(note: Note) -> None:
    record("note.delete", note)
    db.session.delete(note)
    db.session.flush()
