"""Login, password and user-management forms."""

import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileSize
from wtforms import EmailField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, ValidationError

from forms.uploads import IMAGE, GuardedFileField
from survey.accounts.models import Role

ROLE_LABELS = {
    Role.BEHEERDER: _l("Administrator (beheerder)"),
    Role.ONDERZOEKER: _l("Researcher (onderzoeker)"),
    Role.CODEUR: _l("Coder (codeur)"),
    Role.PROJECTLEIDER: _l("Project leader (projectleider)"),
    Role.LEZER: _l("Reader (lezer)"),
}


def role_choices():
    return [(role.value, ROLE_LABELS[role]) for role in Role]


class LoginForm(FlaskForm):
    email = EmailField(
        _l("E-mail address"), validators=[DataRequired(_l("Enter your e-mail address.")), Length(max=254)]
    )
    password = PasswordField(_l("Password"), validators=[DataRequired(_l("Enter your password.")), Length(max=500)])


class ResetRequestForm(FlaskForm):
    email = EmailField(
        _l("E-mail address"),
        validators=[
            DataRequired(_l("Enter your e-mail address.")),
            Email(_l("Enter a valid e-mail address, such as naam@gemeente.nl.")),
            Length(max=254),
        ],
    )


class SetPasswordForm(FlaskForm):
    password = PasswordField(
        _l("New password"),
        description=_l("At least 12 characters. A sentence of a few words is easy to remember."),
        validators=[
            DataRequired(_l("Enter a new password.")),
            Length(min=12, max=500, message=_l("Use at least 12 characters.")),
        ],
    )
    confirm = PasswordField(
        _l("Repeat the new password"),
        validators=[
            DataRequired(_l("Repeat the new password.")),
            EqualTo("password", _l("The two passwords are not the same.")),
        ],
    )


class AddUserForm(FlaskForm):
    email = EmailField(
        _l("E-mail address"),
        validators=[
            DataRequired(_l("Enter an e-mail address.")),
            Email(_l("Enter a valid e-mail address, such as naam@gemeente.nl.")),
            Length(max=254),
        ],
    )
    name = StringField(_l("Name"), validators=[DataRequired(_l("Enter a name.")), Length(max=120)])
    role = SelectField(_l("Role"), choices=role_choices, validators=[DataRequired()])


class RoleForm(FlaskForm):
    role = SelectField(_l("Role"), choices=role_choices, validators=[DataRequired()])


COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


class RegionSettingsForm(FlaskForm):
    name = StringField(
        _l("Name of the region"), validators=[DataRequired(_l("Enter the name of the region.")), Length(max=120)]
    )
    main_colour = StringField(
        _l("Main colour"),
        description=_l(
            "A colour code such as #154273. Text on this colour is shown in white, so choose a dark colour."
        ),
        validators=[DataRequired(_l("Enter a colour code."))],
    )
    logo = GuardedFileField(
        _l("Logo"),
        limits=IMAGE,
        description=_l("PNG or JPEG, at most 500 kB."),
        validators=[
            FileAllowed(["png", "jpg", "jpeg"], _l("The logo must be a PNG or JPEG file.")),
            FileSize(max_size=500 * 1024, message=_l("The logo may be at most 500 kB.")),
        ],
    )

    def validate_main_colour(self, field):
        if not COLOUR.match(field.data.strip()):
            raise ValidationError(_l("Enter a colour code of the form #154273."))
        if contrast_with_white(field.data.strip()) < 4.5:
            raise ValidationError(_l("This colour is too light: white text on it is hard to read."))


def contrast_with_white(colour: str) -> float:
    """WCAG contrast ratio of white text on this colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)
