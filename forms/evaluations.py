"""Forms for the tussenevaluatie: its sources, the evaluator's texts, pasted statements and their kinds.

Forms validate and never write; the view hands the checked values to a service.
"""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, SelectField, StringField, TextAreaField
from wtforms.fields import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from forms.fields import CheckboxGroupField
from survey.coding.models import RemarkKind
from survey.evaluations.labels import REMARK_KIND, SURVEY_KIND
from survey.programmes.models import ACTION_LINES

MAX_TEXT = 20_000


class EvaluationForm(FlaskForm):
    """What the report covers: title, period, the surveys and the projects."""

    title = StringField(_l("Title"), validators=[DataRequired(_l("Enter a title.")), Length(max=200)])
    period_start = DateField(
        _l("Period from"), invalid_value_message=_l("Enter a date."), validators=[InputRequired(_l("Enter a date."))]
    )
    period_end = DateField(
        _l("Period up to and including"),
        invalid_value_message=_l("Enter a date."),
        validators=[InputRequired(_l("Enter a date."))],
    )
    surveys = CheckboxGroupField(
        _l("Surveys"),
        validators=[Optional()],
        description=_l("Stakeholder surveys and CEO/PEO rounds whose results the report uses."),
    )
    projects = CheckboxGroupField(_l("Projects"), validators=[DataRequired(_l("Choose at least one project."))])
    group_by_theme = BooleanField(
        _l("Group statements under their themes, with counts"),
        description=_l(
            "On: each section lists the themes of the open answers with how often they were "
            "mentioned, and the statements under their theme. Off: each section gives the "
            "statements as one list of bullets."
        ),
    )

    def __init__(self, *args, surveys=(), projects=(), **kwargs):
        super().__init__(*args, **kwargs)
        self._surveys = {str(s.id): s for s in surveys}
        self._projects = {str(p.id): p for p in projects}
        self.surveys.choices = [SelectChoice(key, _survey_label(s)) for key, s in self._surveys.items()]
        self.projects.choices = [SelectChoice(key, p.name) for key, p in self._projects.items()]

    def validate_period_end(self, field):
        if self.period_start.data and field.data and field.data < self.period_start.data:
            raise ValidationError(_l("The end of the period cannot come before its start."))

    @staticmethod
    def initial(evaluation) -> dict:
        return {
            "title": evaluation.title,
            "period_start": evaluation.period_start,
            "period_end": evaluation.period_end,
            "surveys": [str(link.survey_id) for link in evaluation.survey_links],
            "projects": [str(link.project_id) for link in evaluation.project_links],
            "group_by_theme": evaluation.group_by_theme,
        }

    def fields(self) -> dict:
        chosen = set(self.projects.data)
        return {
            "title": self.title.data.strip(),
            "period_start": self.period_start.data,
            "period_end": self.period_end.data,
            "surveys": [s for key, s in self._surveys.items() if key in set(self.surveys.data)],
            "projects": [p for key, p in self._projects.items() if key in chosen],
            "group_by_theme": bool(self.group_by_theme.data),
        }


def _survey_label(survey) -> str:
    parts = [survey.text("title") or "–", str(SURVEY_KIND.get(survey.kind, survey.kind))]
    if survey.round_label:
        parts.append(survey.round_label)
    return " · ".join(parts)


def texts_form(sections: dict, hints: dict | None = None, **kwargs) -> FlaskForm:
    """A form with one text area per section (plain text; an empty line starts a new paragraph)."""

    class TextsForm(FlaskForm):
        pass

    for key, label in sections.items():
        setattr(
            TextsForm,
            key,
            TextAreaField(
                label,
                description=(hints or {}).get(key),
                validators=[
                    Optional(),
                    Length(
                        max=MAX_TEXT,
                        message=_l("Keep the text under %(max)s characters.", max=f"{MAX_TEXT:,}".replace(",", ".")),
                    ),
                ],
            ),
        )
    return TextsForm(**kwargs)


class NotesForm(FlaskForm):
    """Pasted meeting notes: split into statements and sorted by kind of remark."""

    block = TextAreaField(
        _l("Statements"),
        validators=[DataRequired(_l("Paste or type at least one statement.")), Length(max=50_000)],
        description=_l(
            "One statement per line or bullet. A heading such as 'Aandacht:' helps to suggest "
            "the kind, and so does pasting a whole report or set of notes at once: its statements are read "
            "together. Names, phone numbers and addresses are removed."
        ),
    )
    project = SelectField(_l("About"), validators=[Optional()])
    source = StringField(
        _l("Where was it said?"),
        validators=[Optional(), Length(max=200)],
        description=_l("For example: heimiddag stuurgroep, 12 March."),
    )

    def __init__(self, *args, projects=(), **kwargs):
        super().__init__(*args, **kwargs)
        self._projects = {str(p.id): p for p in projects}
        self.project.choices = [SelectChoice("", _l("The programme as a whole"))] + [
            SelectChoice(key, p.name) for key, p in self._projects.items()
        ]

    def chosen_project(self):
        return self._projects.get(self.project.data or "")


def note_kinds_form(notes, **kwargs) -> FlaskForm:
    """A kind-of-remark choice and a "leave out" box per statement."""

    class NoteKindsForm(FlaskForm):
        pass

    kinds = [SelectChoice(kind.value, text) for kind, text in REMARK_KIND.items()]
    for note in notes:
        setattr(
            NoteKindsForm, f"kind_{note.id}", SelectField(_l("Kind of remark"), choices=kinds, default=note.kind.value)
        )
        setattr(NoteKindsForm, f"remove_{note.id}", BooleanField(_l("Leave out")))
    form = NoteKindsForm(**kwargs)
    form.note_ids = [n.id for n in notes]
    return form


def chosen_kinds(form) -> tuple[dict[int, RemarkKind], set[int]]:
    """(kind per statement id, ids to leave out) from a submitted :func:`note_kinds_form`."""
    kinds = {note_id: RemarkKind(form[f"kind_{note_id}"].data) for note_id in form.note_ids}
    removed = {note_id for note_id in form.note_ids if form[f"remove_{note_id}"].data}
    return kinds, removed


def item_lines_form(items, current: dict, **kwargs) -> FlaskForm:
    """Per CEO/PEO item code the actielijn it reports under ("" = the default)."""

    class ItemLinesForm(FlaskForm):
        pass

    choices = [SelectChoice("", _l("Default"))] + [
        SelectChoice(str(n), f"{n}. {line.title}") for n, line in ACTION_LINES.items()
    ]
    for code in items:
        setattr(
            ItemLinesForm,
            f"line_{code}",
            SelectField(code, choices=choices, validators=[Optional()], default=str(current.get(code) or "")),
        )
    form = ItemLinesForm(**kwargs)
    form.item_codes = list(items)
    return form
