"""Forms for the monitor and progress: data-uitvraag, indicators, values, uploads, progress reports."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileRequired, FileSize
from wtforms import BooleanField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from analysis.files.uploads import COLUMNS
from analysis.programmes.periods import parse_period
from forms.fields import DecimalCommaField, TakenNames
from forms.uploads import INDICATORS, GuardedFileField
from survey.programmes.labels import AGGREGATION, PERIOD_TYPE, PROGRESS_STATUS, choices
from survey.programmes.monitor.indicators import Aggregation, PeriodType
from survey.programmes.progress_reports.models import ProgressStatus

MAX_UPLOAD = 10 * 1024 * 1024


class IndicatorSetForm(TakenNames, FlaskForm):
    taken_message = _l("There is already a data request with this name.")
    name = StringField(
        _l("Name of the data request (data-uitvraag)"), validators=[DataRequired(_l("Enter a name.")), Length(max=200)]
    )
    description = TextAreaField(_l("Explanation for the suppliers"), validators=[Optional(), Length(max=5000)])
    pseudonym_column = StringField(
        _l("Pseudonym column"),
        validators=[Optional(), Length(max=60)],
        description=_l(
            "Only to count unique children across sources: the name of a column with a client "
            "number or pseudonym. Its values are hashed with the region's secret key on upload; "
            "the original is never stored. Never a BSN."
        ),
    )

    def validate_name(self, field):
        self.check_taken(field)

    def validate_pseudonym_column(self, field):
        name = (field.data or "").strip().lower()
        if any(name in names for names in COLUMNS.values()):
            raise ValidationError(_l("This name is already a standard column. Choose another name."))
        if "bsn" in name or "burgerservicenummer" in name:
            raise ValidationError(_l("The platform never stores a BSN. Use a client number or pseudonym."))

    def fields(self) -> dict:
        return {
            "name": self.name.data.strip(),
            "description": self.description.data or "",
            "pseudonym_column": (self.pseudonym_column.data or "").strip() or None,
        }


class IndicatorForm(TakenNames, FlaskForm):
    taken_message = _l("There is already an indicator with this name in the programme.")
    name = StringField(
        _l("Name of the indicator"),
        validators=[DataRequired(_l("Enter a name.")), Length(max=200)],
        description=_l("Suppliers use exactly this name in the template."),
    )
    indicator_set = SelectField(
        _l("Data request (data-uitvraag)"), validators=[DataRequired(_l("Choose a data request."))]
    )
    unit = StringField(
        _l("Unit"), validators=[Optional(), Length(max=40)], description=_l("For example children, days or %.")
    )
    description = TextAreaField(
        _l("Definition"), validators=[Optional(), Length(max=5000)], description=_l("What counts and what does not.")
    )
    period_type = RadioField(
        _l("Measured"),
        choices=choices(PERIOD_TYPE),
        default=PeriodType.QUARTER.value,
        validators=[DataRequired(_l("Choose month or quarter."))],
    )
    per_gemeente = BooleanField(_l("Delivered per gemeente"))
    aggregation = RadioField(
        _l("How values of one period combine"),
        choices=choices(AGGREGATION),
        default=Aggregation.SUM.value,
        validators=[DataRequired(_l("Choose how values combine."))],
    )

    def __init__(self, *args, sets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self._sets = {str(s.id): s for s in sets}
        self.indicator_set.choices = [SelectChoice(k, s.name) for k, s in self._sets.items()]

    def validate_name(self, field):
        self.check_taken(field)

    def validate_aggregation(self, field):
        chosen = self._sets.get(self.indicator_set.data)
        if field.data == Aggregation.DISTINCT.value and chosen is not None and not chosen.pseudonym_column:
            raise ValidationError(
                _l("Unique pseudonyms can only be counted in a data request with a pseudonym column.")
            )

    def fields(self) -> dict:
        return {
            "name": " ".join(self.name.data.split()),
            "indicator_set": self._sets[self.indicator_set.data],
            "unit": (self.unit.data or "").strip(),
            "description": self.description.data or "",
            "period_type": PeriodType(self.period_type.data),
            "per_gemeente": bool(self.per_gemeente.data),
            "aggregation": Aggregation(self.aggregation.data),
        }


class MeasurementForm(FlaskForm):
    period = StringField(_l("Period"), validators=[DataRequired(_l("Enter a period."))])
    gemeente = StringField(_l("Gemeente"), validators=[Optional(), Length(max=80)])
    value = DecimalCommaField(_l("Value"), validators=[InputRequired(_l("Enter a value."))], negative=False)
    source = StringField(
        _l("Source"),
        validators=[Optional(), Length(max=120)],
        description=_l("Who delivered the figure, for example a provider."),
    )
    remark = StringField(_l("Remark"), validators=[Optional(), Length(max=500)])
    existing = RadioField(
        _l("There is already a value for this period"),
        validators=[Optional()],
        choices=[
            SelectChoice("correction", _l("My value corrects the value already there")),
            SelectChoice("conflict", _l("Keep both: I choose on this page which one counts")),
        ],
    )

    def __init__(self, *args, indicator=None, gemeenten=(), **kwargs):
        super().__init__(*args, **kwargs)
        self._indicator = indicator
        self._gemeenten = {g.lower(): g for g in gemeenten}
        quarter = indicator is not None and indicator.period_type == PeriodType.QUARTER
        self.period.description = _l("For example 2026-K1.") if quarter else _l("For example 2026-03.")
        if indicator is not None and indicator.per_gemeente:
            self.gemeente.validators = [DataRequired(_l("Enter the gemeente.")), Length(max=80)]
            self.gemeente.flags.required = True

    def validate_period(self, field):
        if parse_period(field.data, self._indicator.period_type.value) is None:
            if self._indicator.period_type == PeriodType.QUARTER:
                raise ValidationError(_l("Enter a quarter such as 2026-K1."))
            raise ValidationError(_l("Enter a month such as 2026-03."))

    def validate_gemeente(self, field):
        name = (field.data or "").strip()
        if name and not self._indicator.per_gemeente:
            raise ValidationError(_l("This indicator is not measured per gemeente: leave this empty."))
        if name and self._gemeenten and name.lower() not in self._gemeenten:
            raise ValidationError(_l("This gemeente is not in the programme's list of gemeenten."))

    def fields(self) -> dict:
        gemeente = (self.gemeente.data or "").strip()
        return {
            "period": parse_period(self.period.data, self._indicator.period_type.value),
            "gemeente": self._gemeenten.get(gemeente.lower(), gemeente),
            "value": self.value.data,
            "source": (self.source.data or "").strip(),
            "remark": (self.remark.data or "").strip(),
        }


class UploadForm(FlaskForm):
    file = GuardedFileField(
        limits=INDICATORS,
        label=_l("File"),
        description=_l("The filled-in template as Excel (.xlsx) or CSV, at most 10 MB."),
        validators=[
            FileRequired(_l("Choose a file.")),
            FileAllowed(["xlsx", "csv", "txt"], _l("Upload an Excel file (.xlsx) or a CSV file.")),
            FileSize(max_size=MAX_UPLOAD, message=_l("The file may be at most 10 MB.")),
        ],
    )
    source = StringField(
        _l("Supplied by"),
        validators=[DataRequired(_l("Enter who supplied the figures.")), Length(max=120)],
        description=_l("The provider or gemeente that filled in the template."),
    )


class ProgressForm(FlaskForm):
    """A progress report; ``with_figures`` adds a number field per indicator the leader can report."""

    round = SelectField(_l("Report round"), validators=[DataRequired(_l("Choose a report round."))])
    status = RadioField(
        _l("How is the project doing?"),
        choices=choices(PROGRESS_STATUS),
        validators=[DataRequired(_l("Choose how the project is doing."))],
    )
    results = TextAreaField(
        _l("Results since the last report"),
        validators=[DataRequired(_l("Describe the results since the last report.")), Length(max=10000)],
    )
    successes = TextAreaField(_l("Successes"), validators=[Optional(), Length(max=10000)])
    obstacles = TextAreaField(
        _l("Obstacles"),
        validators=[Optional(), Length(max=10000)],
        description=_l("Needed when the project needs attention or is at risk: say why."),
    )
    next_steps = TextAreaField(_l("Next steps"), validators=[Optional(), Length(max=10000)])

    @classmethod
    def with_figures(cls, indicators):
        """A form class with one optional figure per indicator (field name ``figure_<id>``)."""
        attrs = {
            f"figure_{i.id}": DecimalCommaField(i.name, validators=[Optional()], negative=False) for i in indicators
        }
        return type("ProgressFormWithFigures", (cls,), attrs)

    def set_rounds(self, rounds, label) -> None:
        self.round.choices = [SelectChoice(r, label(r)) for r in rounds]

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        worried = self.status.data in (ProgressStatus.ATTENTION.value, ProgressStatus.RISK.value)
        if worried and not (self.obstacles.data or "").strip():
            self.obstacles.errors.append(_l("Say why the project needs attention or is at risk."))
            return False
        return valid

    def figures(self) -> dict:
        return {
            int(name.removeprefix("figure_")): f.data for name, f in self._fields.items() if name.startswith("figure_")
        }

    def fields(self) -> dict:
        return {
            "status": ProgressStatus(self.status.data),
            "results": self.results.data,
            "successes": self.successes.data or "",
            "obstacles": self.obstacles.data or "",
            "next_steps": self.next_steps.data or "",
        }
