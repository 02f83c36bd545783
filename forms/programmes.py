"""Forms for the programme: programme, principles, the region's actielijnen and projects.

Forms validate and never write; ``fields()`` hands the checked values to a service.
"""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, StringField, TextAreaField
from wtforms.fields import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from forms.fields import CheckboxGroupField, TakenNames, lines_of, year_field
from survey.programmes.labels import PROJECT_STATUS, choices
from survey.programmes.models import ACTION_LINES, ProjectStatus

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


class ProgrammeForm(TakenNames, FlaskForm):
    taken_message = _l("There is already a programme with this name.")
    name = StringField(_l("Name of the programme"), validators=[DataRequired(_l("Enter a name.")), Length(max=200)])
    start_year = year_field(_l("First year"))
    end_year = year_field(_l("Last year"))
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
