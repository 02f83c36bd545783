"""The question form of the builder: one form for every type, showing only the fields the type uses.

Options and statements are edited as lines ``code=text`` (works without JavaScript). The form checks
what it can on its own (min above max, a choice without options, duplicate codes); the document check
on save does the rest.
"""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, IntegerField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError

from forms.questionnaires import ConditionMixin
from survey.questionnaires.builder.form_data import parse_lines
from survey.questionnaires.content.document import CODE_PATTERN
from survey.questionnaires.content.registry import OTHER_CODE, REGISTRY


def type_choices():
    return [SelectChoice(key, qtype.label) for key, qtype in REGISTRY.items()]


def fields_for(type_key: str) -> set[str]:
    """The type-specific fields the form shows for a question type."""
    qtype = REGISTRY[type_key]
    settings = dict(qtype.settings)
    shown = {
        name for name in ("other", "min", "max", "faces", "max_length", "low_label", "high_label") if name in settings
    }
    if qtype.needs_options:
        shown.add("options")
    if qtype.grouped:
        shown.add("statements")
    return shown


class QuestionForm(ConditionMixin, FlaskForm):
    lock = HiddenField()
    type = SelectField(_l("Question type"), choices=type_choices)
    code = StringField(
        _l("Item code"),
        description=_l("Stable code for results and trends, such as T1. Keep it the same in every round and language."),
        validators=[Optional(), Length(max=20)],
    )
    text = TextAreaField(
        _l("Question text (Dutch)"), validators=[DataRequired(_l("Enter the question text.")), Length(max=5000)]
    )
    hint = TextAreaField(_l("Explanation under the question"), validators=[Optional(), Length(max=2000)])
    domain = StringField(
        _l("Domain"),
        description=_l("For reporting, such as toegang, kwaliteit, effect, overall, open or achtergrond."),
        validators=[Optional(), Length(max=60)],
    )
    required = BooleanField(_l("An answer is required"))
    options = TextAreaField(
        _l("Answer options"),
        description=_l("One option per line: code=text, such as 1=Ja. Without a code, numbers are used."),
        validators=[Optional(), Length(max=20000)],
        render_kw={"rows": 8},
    )
    other = BooleanField(_l('Add "anders, namelijk" with a text box'))
    min = IntegerField(_l("Minimum"), validators=[Optional()])
    max = IntegerField(_l("Maximum"), validators=[Optional()])
    faces = RadioField(_l("Number of faces"), choices=[SelectChoice("3"), SelectChoice("5")], default="5")
    max_length = IntegerField(
        _l("Maximum number of characters"),
        validators=[Optional(), NumberRange(1, 100_000, _l("Enter a number from 1 to 100000."))],
    )
    low_label = StringField(_l("Label at 0"), validators=[Optional(), Length(max=100)])
    high_label = StringField(_l("Label at 10"), validators=[Optional(), Length(max=100)])
    statements = TextAreaField(
        _l("Agreement statements"),
        description=_l("One statement per line: code=text, such as K1=De hulpverlener nam mij serieus."),
        validators=[Optional(), Length(max=20000)],
        render_kw={"rows": 8},
    )

    def __init__(self, *args, type_key: str = "stelling", taken_codes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.type_key = type_key if type_key in REGISTRY else "stelling"
        self.shown = fields_for(self.type_key)
        self.taken_codes = set(taken_codes)
        self.type.flags.required = True
        self.code.flags.required = REGISTRY[self.type_key].has_answer
        self.options.flags.required = "options" in self.shown
        self.statements.flags.required = "statements" in self.shown

    def validate_code(self, field):
        code = (field.data or "").strip()
        if not code and REGISTRY[self.type_key].has_answer:
            raise ValidationError(_l("Enter an item code, such as T1."))
        if code and not CODE_PATTERN.match(code):
            raise ValidationError(
                _l("Use a letter followed by letters, digits or _, at most 20 characters, such as T1.")
            )
        if code in self.taken_codes:
            raise ValidationError(_l("Item code %(code)s is already used in this questionnaire.", code=code))

    def validate_options(self, field):
        if "options" not in self.shown:
            return
        lines = parse_lines(field.data)
        if len(lines) < 2:
            raise ValidationError(_l("Enter at least two answer options."))
        codes = [code for code, _label in lines if code]
        if len(codes) != len(set(codes)):
            raise ValidationError(_l("Two options have the same code."))
        if self.other.data and OTHER_CODE in codes:
            raise ValidationError(_l('The code anders is used for "anders, namelijk"; choose another code.'))
        if any(not label for _code, label in lines):
            raise ValidationError(_l("Every option needs a text after the =."))

    def validate_max(self, field):
        if not ({"min", "max"} & self.shown) or self.min.data is None or field.data is None:
            return
        if self.type_key == "meerkeuze" and field.data == 0:
            return  # 0 means: no maximum
        if self.min.data > field.data:
            raise ValidationError(_l("The maximum is lower than the minimum."))

    def validate_min(self, field):
        if self.type_key == "meerkeuze" and field.data is not None and field.data < 0:
            raise ValidationError(_l("Enter 0 or more."))

    def validate_statements(self, field):
        if "statements" not in self.shown:
            return
        lines = parse_lines(field.data)
        if not lines:
            raise ValidationError(_l("Enter at least one statement."))
        codes = [code for code, _text in lines if code]
        bad = [code for code in codes if not CODE_PATTERN.match(code)]
        if bad:
            raise ValidationError(
                _l("Item code %(code)s is not valid; use a letter followed by letters or digits.", code=bad[0])
            )
        clash = [
            code
            for code in codes
            if codes.count(code) > 1 or code in self.taken_codes or code == (self.code.data or "").strip()
        ]
        if clash:
            raise ValidationError(_l("Item code %(code)s is used twice.", code=clash[0]))
