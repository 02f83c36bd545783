"""Forms for the programme: programme, principles, projects, targets, budget lines and notes.

Forms validate and never write; ``fields()`` hands the checked values to a service.
"""

from decimal import Decimal

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from analysis.files.cells import parse_number
from analysis.programmes.targets import Direction
from survey.programmes.labels import DIRECTION, NOTE_KIND, NOTE_SOURCE, PROJECT_STATUS, choices
from survey.programmes.models import ACTION_LINES, ProjectStatus
from survey.programmes.progress import NoteKind, NoteSource

MONTHS = [
    SelectChoice(str(n), name)
    for n, name in enumerate(
        (
            _l("January"),
            _l("February"),
            _l("March"),
            _l("April"),
            _l("May"),
            _l("June"),
            _l("July"),
            _l("August"),
            _l("September"),
            _l("October"),
            _l("November"),
            _l("December"),
        ),
        start=1,
    )
]


def decimal_text(value: Decimal | None) -> str:
    """A stored number as a Dutch person types it: 7,5 and 40 (no trailing zeros)."""
    if value is None:
        return ""
    text = f"{Decimal(value).normalize():f}"
    return text.replace(".", ",")


class DecimalCommaField(StringField):
    """A number typed the Dutch way: 7,5 or 1.234,5 (a point alone before three digits is refused)."""

    def __init__(self, label=None, validators=None, *, euros: bool = False, **kwargs):
        kwargs.setdefault("render_kw", {"inputmode": "decimal", "autocomplete": "off"})
        super().__init__(label, validators, **kwargs)
        self.euros = euros  # in amounts of money "1.000" can only mean a thousand

    def process_data(self, value):
        self.data = value

    def process_formdata(self, valuelist):
        self.data = None
        text = valuelist[0] if valuelist else ""
        self._typed = text
        if not text.strip():
            return
        number, problem = parse_number(text, point_groups_thousands=self.euros)
        if problem == "ambiguous_number":
            raise ValueError(_l("Write %(text)s without a point, or with a decimal comma.", text=text))
        if problem:
            raise ValueError(_l("Enter a number, such as 40 or 7,5."))
        self.data = number

    def _value(self):
        typed = getattr(self, "_typed", None)
        return typed if typed is not None else decimal_text(self.data)


class CheckboxGroupField(SelectMultipleField):
    """Several choices as checkboxes (rendered in a fieldset with a legend)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def _year_field(label):
    return IntegerField(
        label,
        invalid_value_message=_l("Enter a year, such as 2026."),
        validators=[
            InputRequired(_l("Enter a year.")),
            NumberRange(2000, 2100, _l("Enter a year between 2000 and 2100.")),
        ],
    )


class TakenNames:
    """A form mixin: ``taken=`` lists names already used nearby (the object itself left out)."""

    taken_message = _l("This name is already used.")

    def __init__(self, *args, taken=(), **kwargs):
        super().__init__(*args, **kwargs)
        self._taken = {" ".join(name.split()).lower() for name in taken}

    def check_taken(self, field) -> None:
        if " ".join((field.data or "").split()).lower() in self._taken:
            raise ValidationError(self.taken_message)


def lines_of(text: str | None) -> list[str]:
    return [" ".join(line.split()) for line in (text or "").splitlines() if line.strip()]


class ProgrammeForm(TakenNames, FlaskForm):
    taken_message = _l("There is already a programme with this name.")
    name = StringField(_l("Name of the programme"), validators=[DataRequired(_l("Enter a name.")), Length(max=200)])
    start_year = _year_field(_l("First year"))
    end_year = _year_field(_l("Last year"))
    report_months = CheckboxGroupField(
        _l("Months in which project leaders report progress"),
        choices=MONTHS,
        description=_l("Project leaders get a reminder when their report for the month is missing."),
    )
    gemeenten = TextAreaField(
        _l("Gemeenten of the region"),
        validators=[Optional(), Length(max=5000)],
        description=_l("One per line. Uploaded figures per gemeente are checked against this list."),
    )

    def validate_name(self, field):
        self.check_taken(field)

    def validate_end_year(self, field):
        if self.start_year.data and field.data is not None and field.data < self.start_year.data:
            raise ValidationError(_l("The last year cannot come before the first year."))

    @staticmethod
    def initial(programme) -> dict:
        """The form's starting values for an existing programme (pass as ``data=``)."""
        return {
            "name": programme.name,
            "start_year": programme.start_year,
            "end_year": programme.end_year,
            "report_months": [str(m) for m in programme.report_months or []],
            "gemeenten": "\n".join(programme.gemeenten or []),
        }

    def fields(self) -> dict:
        return {
            "name": self.name.data.strip(),
            "start_year": self.start_year.data,
            "end_year": self.end_year.data,
            "report_months": sorted(int(m) for m in self.report_months.data),
            "gemeenten": list(dict.fromkeys(lines_of(self.gemeenten.data))),
        }


class PrincipleForm(TakenNames, FlaskForm):
    taken_message = _l("This principle is already in the story.")
    title = StringField(_l("Principle"), validators=[DataRequired(_l("Enter the principle.")), Length(max=200)])
    text = TextAreaField(_l("Explanation"), validators=[Optional(), Length(max=5000)])

    def validate_title(self, field):
        self.check_taken(field)


class RegionalLineForm(TakenNames, FlaskForm):
    taken_message = _l("The programme already has an actielijn with this name.")
    title = StringField(_l("Name of the actielijn"), validators=[DataRequired(_l("Enter a name.")), Length(max=200)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=5000)])

    def validate_title(self, field):
        self.check_taken(field)


class ProjectForm(TakenNames, FlaskForm):
    taken_message = _l("There is already a project with this name in the programme.")
    name = StringField(_l("Project name"), validators=[DataRequired(_l("Enter a name.")), Length(max=200)])
    action_lines = CheckboxGroupField(
        _l("National actielijnen"),
        choices=[SelectChoice(str(n), f"{n}. {line.title}") for n, line in ACTION_LINES.items()],
    )
    regional_lines = CheckboxGroupField(_l("The region's own actielijnen"), validators=[Optional()])
    ambition = TextAreaField(
        _l("Ambition (ambitie)"),
        validators=[Optional(), Length(max=5000)],
        description=_l("The goal in words and numbers."),
    )
    principles = CheckboxGroupField(
        _l("Principles from our story (ons verhaal)"),
        validators=[Optional()],
        description=_l("Choose every principle the project serves."),
    )
    activities = TextAreaField(
        _l("We do this by (dit doen we door)"),
        validators=[Optional(), Length(max=10000)],
        description=_l("One activity per line."),
    )
    leader = SelectField(
        _l("Project leader"),
        validators=[Optional()],
        description=_l("Staff with the projectleider role in this region."),
    )
    status = RadioField(
        _l("Status"),
        choices=choices(PROJECT_STATUS),
        default=ProjectStatus.RUNNING.value,
        validators=[DataRequired(_l("Choose a status."))],
    )
    next_year_goals = TextAreaField(_l("Goals for next year"), validators=[Optional(), Length(max=5000)])

    def __init__(self, *args, principles=(), leaders=(), regional_lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self._principles = {str(p.id): p for p in principles}
        self._lines = {str(line.id): line for line in regional_lines}
        self._leaders = {str(u.id): u for u in leaders}
        self.principles.choices = [SelectChoice(k, p.title) for k, p in self._principles.items()]
        self.regional_lines.choices = [SelectChoice(k, line.title) for k, line in self._lines.items()]
        self.leader.choices = [SelectChoice("", _l("Nobody yet"))] + [
            SelectChoice(k, u.name) for k, u in self._leaders.items()
        ]

    def validate_name(self, field):
        self.check_taken(field)

    def validate_action_lines(self, field):
        if not field.data and not self.regional_lines.data:
            raise ValidationError(_l("Choose at least one actielijn."))

    @staticmethod
    def initial(project) -> dict:
        """The form's starting values for an existing project (pass as ``data=``)."""
        return {
            "name": project.name,
            "ambition": project.ambition,
            "action_lines": [str(line.number) for line in project.action_lines],
            "regional_lines": [str(line.id) for line in project.regional_lines],
            "principles": [str(p.id) for p in project.principles],
            "leader": str(project.leader_id or ""),
            "activities": "\n".join(a.text for a in project.activities),
            "status": project.status.value,
            "next_year_goals": project.next_year_goals,
        }

    def fields(self) -> dict:
        return {
            "name": self.name.data.strip(),
            "ambition": self.ambition.data or "",
            "action_lines": [int(n) for n in self.action_lines.data],
            "principles": [self._principles[k] for k in self.principles.data if k in self._principles],
            "regional_lines": [self._lines[k] for k in self.regional_lines.data if k in self._lines],
            "leader": self._leaders.get(self.leader.data),
            "status": ProjectStatus(self.status.data),
            "activities": lines_of(self.activities.data),
            "next_year_goals": self.next_year_goals.data or "",
        }


class TargetForm(FlaskForm):
    description = StringField(
        _l("Target"),
        validators=[DataRequired(_l("Describe the target.")), Length(max=300)],
        description=_l("For example: 40 children from residential care to a family or home."),
    )
    indicator = SelectField(_l("Indicator that measures it"), validators=[DataRequired(_l("Choose an indicator."))])
    baseline = DecimalCommaField(
        _l("Baseline (nulmeting)"), validators=[Optional()], description=_l("Leave empty to start from 0.")
    )
    target_value = DecimalCommaField(_l("Target value"), validators=[InputRequired(_l("Enter the target value."))])
    direction = RadioField(
        _l("Which way is better"),
        choices=choices(DIRECTION),
        default=Direction.INCREASE.value,
        description=_l("A waiting time or a number of children in residential care goes down: choose decrease."),
    )
    unit = StringField(
        _l("Unit"),
        validators=[Optional(), Length(max=40)],
        description=_l("For example children, days or %. Empty: the indicator's unit."),
    )
    target_date = DateField(
        _l("Target date"), invalid_value_message=_l("Enter a date."), validators=[InputRequired(_l("Enter a date."))]
    )
    cumulative = BooleanField(
        _l("Add up all periods up to the target date"),
        description=_l(
            "Tick this for a total such as 40 children in two years; leave it empty for a level such as a waiting time."
        ),
    )

    def validate_direction(self, field) -> None:
        """The direction must fit the figures: down from a baseline above the target, up from below."""
        baseline, target = self.baseline.data, self.target_value.data
        if target is None:
            return
        if field.data == Direction.ZERO and target != 0:
            raise ValidationError(_l("For the target zero, enter 0 as the target value."))
        if baseline is None:
            return
        if field.data in (Direction.DECREASE, Direction.ZERO) and baseline <= target:
            raise ValidationError(_l("A decrease starts from a baseline above the target value."))
        if field.data == Direction.INCREASE and baseline >= target:
            raise ValidationError(_l("An increase starts from a baseline below the target value."))

    def __init__(self, *args, indicators=(), **kwargs):
        super().__init__(*args, **kwargs)
        self._indicators = {str(i.id): i for i in indicators}
        self.indicator.choices = [SelectChoice("", _l("Choose an indicator"))] + [
            SelectChoice(k, i.name) for k, i in self._indicators.items()
        ]

    def fields(self) -> dict:
        return {
            "description": self.description.data.strip(),
            "indicator": self._indicators[self.indicator.data],
            "baseline": self.baseline.data,
            "target_value": self.target_value.data,
            "direction": Direction(self.direction.data),
            "unit": (self.unit.data or "").strip(),
            "target_date": self.target_date.data,
            "cumulative": bool(self.cumulative.data),
        }


class BudgetLineForm(FlaskForm):
    year = _year_field(_l("Year"))
    budgeted = DecimalCommaField(
        _l("Budgeted (begroot), in euros"),
        euros=True,
        validators=[
            InputRequired(_l("Enter the budgeted amount.")),
            NumberRange(min=0, message=_l("The amount cannot be negative.")),
        ],
    )
    spent = DecimalCommaField(
        _l("Spent (besteed), in euros"),
        euros=True,
        validators=[Optional(), NumberRange(min=0, message=_l("The amount cannot be negative."))],
        description=_l("Leave empty until it is known."),
    )

    def fields(self) -> dict:
        return {"year": self.year.data, "budgeted": self.budgeted.data, "spent": self.spent.data}


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
