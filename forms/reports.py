"""Forms of the results stage: the filter on a results page, the export choices, API tokens."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, SelectField, StringField
from wtforms.fields import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, ValidationError


class InChoices:
    """The value must be one of the field's choices (a group too small to show is not among them)."""

    def __call__(self, form, field):
        if str(field.data) not in {str(choice.value) for choice in field.choices}:
            raise ValidationError(_l("Choose an option from the list. Small groups are not offered."))


class FilterForm(FlaskForm):
    """The GET form above a results page; choices are the groups small-cell protection shows."""

    class Meta:
        csrf = False

    taal = SelectField(_l("Language"), validators=[Optional(), InChoices()], validate_choice=False)
    groep = SelectField(_l("Group"), validators=[Optional(), InChoices()], validate_choice=False)
    uitsplitsing = SelectField(_l("Break down by"), validators=[Optional(), InChoices()], validate_choice=False)

    def __init__(self, *args, choices: dict, **kwargs):
        super().__init__(*args, **kwargs)
        everyone = [SelectChoice("", _l("Everyone"))]
        self.taal.choices = everyone + [SelectChoice(v, label) for v, label in choices["languages"]]
        self.groep.choices = everyone + [SelectChoice(v, label) for v, label in choices["groups"]]
        self.uitsplitsing.choices = [SelectChoice("", _l("No breakdown"))] + [
            SelectChoice(v, label) for v, label in choices["breakdowns"]
        ]


class ExportForm(FlaskForm):
    """What to export and how."""

    format = RadioField(
        _l("File"),
        default="csv",
        validators=[DataRequired(_l("Choose a file type."))],
        choices=[
            SelectChoice("csv", _l("CSV (comma or semicolon separated)")),
            SelectChoice("xlsx", _l("Excel (.xlsx) with the codebook on a second sheet")),
            SelectChoice("sav", _l("SPSS (.sav) with variable and value labels")),
            SelectChoice("dta", _l("Stata (.dta) with variable and value labels")),
            SelectChoice("r", _l("R (.zip): CSV, codebook and a script that applies the labels")),
            SelectChoice("codebook_csv", _l("Codebook only (CSV)")),
            SelectChoice("codebook_xlsx", _l("Codebook only (Excel)")),
        ],
    )
    delimiter = RadioField(
        _l("Separator (CSV)"),
        default="comma",
        choices=[
            SelectChoice("comma", _l("Comma (international)")),
            SelectChoice("semicolon", _l("Semicolon and decimal comma (Dutch Excel)")),
        ],
    )
    values = RadioField(
        _l("Answers as"),
        default="codes",
        choices=[
            SelectChoice(
                "codes",
                _l("Numbers, as in SPSS (5 = strongly agree, 98 = don't know, 99 = not applicable; see the codebook)"),
            ),
            SelectChoice("labels", _l("Labels as text (helemaal mee eens); grades stay numbers")),
        ],
    )
    raw_text = BooleanField(
        _l("Include the raw (unscrubbed) open answers"),
        description=_l(
            "Only for researchers. Raw answers may contain names, places and "
            "phone numbers. This export is recorded in the audit log."
        ),
    )


SCOPE_CHOICES = [
    SelectChoice("aggregates", _l("Aggregated results only")),
    SelectChoice("responses", _l("Aggregated results and the response export (scrubbed)")),
]


class TokenForm(FlaskForm):
    """A new API token."""

    name = StringField(
        _l("Name"),
        description=_l("What the token is for, e.g. “Power BI dashboard”."),
        validators=[DataRequired(_l("Enter a name.")), Length(max=120)],
    )
    scope = RadioField(
        _l("Access"),
        default="aggregates",
        choices=SCOPE_CHOICES,
        validators=[DataRequired(_l("Choose what the token may read."))],
    )


class RevokeForm(FlaskForm):
    """Only the CSRF token: revoking is a POST."""
