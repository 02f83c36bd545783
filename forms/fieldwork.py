"""Fieldwork forms: importing invitees, reminder settings, mail and letter texts."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileRequired, FileSize
from wtforms import BooleanField, EmailField, IntegerField, StringField, TextAreaField
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)

from forms.uploads import CONTACTS, GuardedFileField
from survey.fieldwork.messages.placeholders import PLACEHOLDERS, unknown_placeholders

MAX_UPLOAD = 10 * 1024 * 1024


class ImportForm(FlaskForm):
    file = GuardedFileField(
        limits=CONTACTS,
        label=_l("Contact file"),
        description=_l(
            "A CSV file (comma or semicolon) or an Excel file (.xlsx). The first row holds the "
            "column names, such as e-mail, adres, postcode, woonplaats, taal, gemeente, soort hulp, "
            "leeftijd."
        ),
        validators=[
            FileRequired(_l("Choose a file.")),
            FileSize(MAX_UPLOAD, message=_l("The file is larger than 10 MB.")),
        ],
    )


class ConfirmForm(FlaskForm):
    """A button that changes something: CSRF-protected, no fields."""


class SettingsForm(FlaskForm):
    max_reminders = IntegerField(
        _l("Maximum number of reminders"),
        description=_l("Per invitee, 0 to 5."),
        validators=[
            InputRequired(_l("Enter a number from 0 to 5.")),
            NumberRange(0, 5, _l("Enter a number from 0 to 5.")),
        ],
    )
    reminder_interval_days = IntegerField(
        _l("Days between reminders"),
        description=_l("At least this many days after the invitation and after the previous reminder."),
        validators=[
            InputRequired(_l("Enter a number of days from 1 to 60.")),
            NumberRange(1, 60, _l("Enter a number of days from 1 to 60.")),
        ],
    )
    letters_for_email_invitees = BooleanField(
        _l("Also send a letter to invitees who have an e-mail address"),
        description=_l("Without this, only invitees without an e-mail address get a letter."),
    )


class TextForm(FlaskForm):
    subject = StringField(_l("Subject or heading"), validators=[Optional(), Length(max=200)])
    body = TextAreaField(
        _l("Text"),
        description=_l(
            "Placeholders: %(names)s. A line whose placeholder is empty is left out.",
            names=", ".join("{" + p + "}" for p in PLACEHOLDERS),
        ),
        validators=[Optional(), Length(max=10000)],
    )

    def __init__(self, *args, kind: str = "invitation", **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind

    def validate_body(self, field):
        unknown = unknown_placeholders(field.data or "")
        if unknown:
            raise ValidationError(
                _l("Unknown placeholder: %(names)s.", names=", ".join("{" + name + "}" for name in unknown))
            )
        if field.data and self.kind == "invitation" and "{link}" not in field.data and "{code}" not in field.data:
            raise ValidationError(_l("An invitation needs {link} or {code}, or nobody can take part."))

    def validate_subject(self, field):
        unknown = unknown_placeholders(field.data or "")
        if unknown:
            raise ValidationError(
                _l("Unknown placeholder: %(names)s.", names=", ".join("{" + name + "}" for name in unknown))
            )


class ReprintForm(FlaskForm):
    address = StringField(
        _l("Only for this address"),
        description=_l(
            "Postcode and house number, such as 3011 AB 40. Leave empty to make new letters for "
            "everyone by post who has not started."
        ),
        validators=[
            Optional(),
            Length(max=40),
            Regexp(
                r"^\s*\d{4}\s*[A-Za-z]{2}[\s,]*\d+",
                message=_l("Enter a postcode and house number, such as 3011 AB 40."),
            ),
        ],
    )


class OptOutForm(FlaskForm):
    email = EmailField(
        _l("E-mail address of the invitee"),
        description=_l("For someone who asks by phone or letter to get no more mail about this survey."),
        validators=[DataRequired(_l("Enter an e-mail address.")), Length(max=254)],
    )
