"""Forms of the questionnaire builder: new survey, settings, round, section, lists, languages, import.

The question form is in forms/questions.py. Forms validate and never write.
"""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileRequired
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError

from forms.uploads import QUESTIONNAIRE, GuardedFileField
from survey.questionnaires.content.document import CONDITION_OPS
from survey.questionnaires.models import AddressForm, Audience, DisplayMode, FieldworkStatus, SurveyKind

KIND_LABELS = {
    SurveyKind.CEO: _l("Client experience survey (CEO)"),
    SurveyKind.PEO: _l("Professionals' experience survey (PEO)"),
    SurveyKind.PEILING: _l("Quick poll (peiling)"),
    SurveyKind.STAKEHOLDER: _l("Stakeholder survey (tussenevaluatie)"),
    SurveyKind.OVERIG: _l("Other"),
}
AUDIENCE_LABELS = {
    Audience.OUDERS: _l("Parents (ouders)"),
    Audience.JONGEREN: _l("Young people 12–23 (jongeren)"),
    Audience.KIND: _l("Children 8–11"),
    Audience.PROFESSIONALS: _l("Professionals"),
    Audience.STAKEHOLDERS: _l("Stakeholders"),
}
ADDRESS_LABELS = {AddressForm.U: _l("u (formal)"), AddressForm.JE: _l("je (informal)")}
DISPLAY_LABELS = {
    DisplayMode.ONE_PER_SCREEN: _l("One question per screen"),
    DisplayMode.SECTION_PER_PAGE: _l("One section per page"),
    DisplayMode.ALL_ON_ONE_PAGE: _l("All questions on one page"),
}
STATUS_LABELS = {
    FieldworkStatus.DRAFT: _l("Not started"),
    FieldworkStatus.OPEN: _l("Fieldwork open"),
    FieldworkStatus.CLOSED: _l("Fieldwork closed"),
}
OP_LABELS = {
    "is": _l("is"),
    "in": _l("is one of"),
    "gte": _l("is at least"),
    "lte": _l("is at most"),
    "answered": _l("has been answered"),
}
BLANK = "leeg"


def _choices(labels):
    return [SelectChoice(getattr(key, "value", key), label) for key, label in labels.items()]


class NewSurveyForm(FlaskForm):
    source = RadioField(_l("Start from"), validators=[InputRequired(_l("Choose how to start."))])
    title = StringField(
        _l("Title"),
        description=_l("Respondents see this title. You can change it later."),
        validators=[DataRequired(_l("Enter a title.")), Length(max=200)],
    )
    round_label = StringField(
        _l("Round (meting)"),
        description=_l("For example 2026 or voorjaar 2026."),
        validators=[Optional(), Length(max=40)],
    )
    kind = SelectField(
        _l("Kind of research"),
        choices=_choices(KIND_LABELS),
        default=SurveyKind.CEO.value,
        description=_l("Only used for a blank questionnaire; a template sets its own."),
    )
    audience = SelectField(_l("Who answers"), choices=_choices(AUDIENCE_LABELS), default=Audience.OUDERS.value)
    address_form = SelectField(_l("Form of address"), choices=_choices(ADDRESS_LABELS), default=AddressForm.U.value)
    #: the round to continue (its id) or "new"; asked only when the region already used the template
    series = RadioField(_l("Continue an existing series?"), validators=[Optional()], validate_choice=False)


class LinkSeriesForm(FlaskForm):
    """Link a survey afterwards to an earlier round of another series."""

    earlier = SelectField(
        _l("This questionnaire follows the round"),
        coerce=int,
        validate_choice=False,
        description=_l("Only rounds of the same kind of research in this region are listed."),
    )
    confirmed = HiddenField(default="")


class SettingsForm(FlaskForm):
    lock = HiddenField()
    title = StringField(_l("Title"), validators=[DataRequired(_l("Enter a title.")), Length(max=200)])
    round_label = StringField(_l("Round (meting)"), validators=[Optional(), Length(max=40)])
    kind = SelectField(_l("Kind of research"), choices=_choices(KIND_LABELS))
    audience = SelectField(_l("Who answers"), choices=_choices(AUDIENCE_LABELS))
    address_form = SelectField(_l("Form of address"), choices=_choices(ADDRESS_LABELS))
    introduction = TextAreaField(_l("Introduction on the welcome page"), validators=[Optional(), Length(max=3000)])
    organiser = StringField(_l("Who runs the research"), validators=[Optional(), Length(max=300)])
    privacy_statement = TextAreaField(_l("Privacy statement"), validators=[Optional(), Length(max=5000)])
    help_text = TextAreaField(_l("Where to find help (thank-you page)"), validators=[Optional(), Length(max=2000)])
    estimated_minutes = IntegerField(
        _l("Estimated minutes to complete"),
        validators=[
            InputRequired(_l("Enter a number of minutes.")),
            NumberRange(1, 120, _l("Enter a number from 1 to 120.")),
        ],
    )
    display_mode = SelectField(_l("How questions are shown"), choices=_choices(DISPLAY_LABELS))
    show_check_page = BooleanField(_l("Show a check page before sending"))
    opens_on = DateField(
        _l("Opens on"), validators=[Optional()], description=_l("Leave empty to open as soon as fieldwork starts.")
    )
    closes_on = DateField(_l("Closes on"), validators=[Optional()])
    retention_months = IntegerField(
        _l("Retention in months"),
        description=_l("After this many months from closing, the answers are deleted."),
        validators=[
            InputRequired(_l("Enter a number of months.")),
            NumberRange(1, 120, _l("Enter a number from 1 to 120.")),
        ],
    )
    min_cell = IntegerField(
        _l("Smallest group shown"),
        description=_l("Breakdowns with fewer respondents are hidden. At least 5."),
        validators=[InputRequired(_l("Enter a number.")), NumberRange(5, 1000, _l("Enter a number from 5 to 1000."))],
    )
    generalise_order = SelectField(
        _l("Background left out first"),
        description=_l(
            "A response keeps its background (municipality, age band, kind of help, respondent type, "
            "language) only as a combination shared by at least the smallest group. Otherwise values "
            'are shown as "unknown", starting with this one; the others follow in the order kind of '
            "help, age band, respondent type, municipality, language."
        ),
        choices=_choices(
            {
                "": _l("Kind of help (standard)"),
                "leeftijd": _l("Age band"),
                "respondenttype": _l("Respondent type"),
                "gemeente": _l("Municipality"),
                "taal": _l("Language"),
            }
        ),
        default="",
    )

    def validate_closes_on(self, field):
        if field.data and self.opens_on.data and field.data < self.opens_on.data:
            raise ValidationError(_l("The closing date is before the opening date."))


class RoundForm(FlaskForm):
    round_label = StringField(
        _l("Name of the new round"),
        description=_l("For example 2027."),
        validators=[DataRequired(_l("Enter a name for the round.")), Length(max=40)],
    )


class ConditionMixin:
    """Show the question or section only when an earlier answer … (only earlier items can be chosen)."""

    condition_item = SelectField(_l("Show only if the answer to"), choices=[], validate_choice=False)
    condition_op = SelectField(_l("Comparison"), choices=_choices(OP_LABELS), default="is")
    condition_value = StringField(
        _l("Value"),
        validators=[Optional(), Length(max=200)],
        description=_l('An answer code, such as 5. For "is one of": codes separated by commas, such as 4,5.'),
    )

    def validate_condition_value(self, field):
        if not self.condition_item.data or self.condition_op.data == "answered":
            return
        if not (field.data or "").strip():
            raise ValidationError(_l("Enter the answer code the condition compares with."))
        if self.condition_op.data in ("gte", "lte"):
            try:
                float(field.data.replace(",", "."))
            except ValueError:
                raise ValidationError(_l("Enter a number, such as 6.")) from None

    def condition_data(self):
        item = self.condition_item.data
        if not item or self.condition_op.data not in CONDITION_OPS:
            return None
        return {"item": item, "op": self.condition_op.data, "value": (self.condition_value.data or "").strip()}


class SectionForm(ConditionMixin, FlaskForm):
    lock = HiddenField()
    title = StringField(_l("Title"), validators=[Optional(), Length(max=300)])
    intro = TextAreaField(_l("Introduction"), validators=[Optional(), Length(max=3000)])
    repeat = SelectField(
        _l("Repeat this section for each item of a list"),
        choices=[],
        validate_choice=False,
        description=_l("For example once per project. Use {item} in a text to show the item."),
    )


class ListForm(FlaskForm):
    lock = HiddenField()
    name = StringField(
        _l("Name of the list"),
        description=_l("Lower-case letters, such as projecten."),
        validators=[DataRequired(_l("Enter a name for the list.")), Length(max=40)],
    )
    items = TextAreaField(
        _l("Items"),
        description=_l(
            "One item per line. Optionally start with a key and =, such as p1=Thuis opgroeien; "
            "keep keys the same between rounds."
        ),
        validators=[Optional(), Length(max=20000)],
    )


class LanguageForm(FlaskForm):
    lock = HiddenField()
    language = StringField(
        _l("Language code"),
        description=_l("Two or three letters, such as en, ar, tr, pl, uk, ti, fa or so."),
        validators=[DataRequired(_l("Enter a language code.")), Length(max=3)],
    )


class ImportForm(FlaskForm):
    lock = HiddenField()
    file = GuardedFileField(
        _l("File"),
        limits=QUESTIONNAIRE,
        validators=[FileRequired(_l("Choose a file."))],
        description=_l("A .json or .xlsx file exported from this platform, at most 5 MB."),
    )


class ConfirmForm(FlaskForm):
    lock = HiddenField()
