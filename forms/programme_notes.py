"""Forms for the programme's notes: several typed at once, or one edited.

Forms validate and never write; ``fields()`` hands the checked values to a service.
"""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from survey.programmes.labels import NOTE_KIND, NOTE_SOURCE, choices
from survey.programmes.progress_reports.models import NoteKind, NoteSource


class NotesForm(FlaskForm):
    block = TextAreaField(
        _l("Statements"),
        validators=[DataRequired(_l("Paste or type at least one statement.")), Length(max=50000)],
        description=_l(
            "One statement per line or bullet. Under a heading such as "
            "'Trots op:' or 'Aandacht:' the statements get that kind."
        ),
    )
    kind = RadioField(
        _l("Kind (unless a heading says otherwise)"),
        choices=choices(NOTE_KIND),
        default=NoteKind.NOTABLE.value,
        validators=[DataRequired(_l("Choose a kind."))],
    )
    project = SelectField(_l("About"), validators=[Optional()])
    source_type = RadioField(
        _l("Where was it said?"),
        choices=choices(NOTE_SOURCE),
        default=NoteSource.AFTERNOON.value,
        validators=[DataRequired(_l("Choose a source."))],
    )
    source = StringField(
        _l("Session"),
        validators=[Optional(), Length(max=200)],
        description=_l("For example: heimiddag projectleiders."),
    )
    noted_on = DateField(
        _l("Date"), invalid_value_message=_l("Enter a date."), validators=[InputRequired(_l("Enter a date."))]
    )

    def __init__(self, *args, projects=(), **kwargs):
        super().__init__(*args, **kwargs)
        self._projects = {str(p.id): p for p in projects}
        self.project.choices = [SelectChoice("", _l("The programme as a whole"))] + [
            SelectChoice(k, p.name) for k, p in self._projects.items()
        ]

    def fields(self) -> dict:
        return {
            "kind": NoteKind(self.kind.data),
            "source_type": NoteSource(self.source_type.data),
            "source": (self.source.data or "").strip(),
            "noted_on": self.noted_on.data,
            "project": self._projects.get(self.project.data),
        }


class NoteForm(NotesForm):
    """One statement, to correct it."""

    block = TextAreaField(_l("Statement"), validators=[DataRequired(_l("Enter the statement.")), Length(max=2000)])
    kind = RadioField(_l("Kind"), choices=choices(NOTE_KIND), validators=[DataRequired(_l("Choose a kind."))])

    @staticmethod
    def initial(note) -> dict:
        return {
            "block": note.text,
            "kind": note.kind.value,
            "project": str(note.project_id or ""),
            "source_type": note.source_type.value,
            "source": note.source,
            "noted_on": note.noted_on,
        }

    def fields(self) -> dict:
        return {**super().fields(), "text": " ".join(self.block.data.split())}
