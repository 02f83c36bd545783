"""Small respondent forms around the questions: typing a code, sending the answers."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, Length


class CodeForm(FlaskForm):
    """A code typed from a letter, a resume code, or the code of a live poll."""

    code = StringField(
        _l("Code"),
        filters=[lambda v: v.strip() if isinstance(v, str) else v],
        validators=[
            DataRequired(_l("Fill in the code.")),
            Length(max=40, message=_l("This code is too long. Check the code.")),
        ],
    )


class SendForm(FlaskForm):
    """Sending the answers from the check page (only the CSRF token)."""


class InterviewStartForm(FlaskForm):
    """Staff: the language the interview is held in."""

    language = SelectField(_l("Language of the interview"), validators=[DataRequired()])

    def __init__(self, languages: list[str], *args, **kwargs):
        super().__init__(*args, **kwargs)
        from survey.responses.display.screens import language_name

        self.language.choices = [(code, language_name(code)) for code in languages]
