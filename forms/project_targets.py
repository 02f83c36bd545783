"""Forms for a project's targets and budget lines.

Forms validate and never write; ``fields()`` hands the checked values to a service.
"""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, RadioField, SelectField, StringField
from wtforms.fields import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError

from analysis.programmes.targets import Direction
from forms.fields import DecimalCommaField, year_field
from survey.programmes.labels import DIRECTION, choices


class TargetForm(FlaskForm):
    description = StringField(
        _l("Target"),
        validators=[DataRequired(_l("Describe the target.")), Length(max=300)],
        description=_l("For example: 40 children from residential care to a family or home."),
    )
    indicator = SelectField(_l("Indicator that measures it"), validators=[DataRequired(_l("Choose an indicator."))])
    baseline = DecimalCommaField(
        _l("Baseline (nulmeting)"),
        validators=[Optional()],
        description=_l("Leave empty to start from 0."),
        negative=False,
    )
    target_value = DecimalCommaField(
        _l("Target value"), validators=[InputRequired(_l("Enter the target value."))], negative=False
    )
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
    year = year_field(_l("Year"))
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
