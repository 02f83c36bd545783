"""Forms of the coding screens: coding one answer, filters, codebooks and themes, models, agreement."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileRequired, FileSize
from wtforms import (
    BooleanField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from forms.uploads import CODEBOOK, GuardedFileField
from survey.coding.models import RemarkKind, ScrubKind, Sentiment, Source

SENTIMENT_LABELS = {
    Sentiment.POSITIVE: _l("Positive"),
    Sentiment.NEGATIVE: _l("Negative"),
    Sentiment.MIXED: _l("Mixed"),
    Sentiment.NEUTRAL: _l("Neutral"),
    Sentiment.UNKNOWN: _l("Unknown"),
}
KIND_LABELS = {
    RemarkKind.COMPLIMENT: _l("Compliment"),
    RemarkKind.CONCERN: _l("Concern"),
    RemarkKind.SUGGESTION: _l("Suggestion"),
    RemarkKind.OBSERVATION: _l("Observation"),
    RemarkKind.QUESTION: _l("Question"),
}
SOURCE_LABELS = {Source.RULE: _l("rule"), Source.MODEL: _l("model"), Source.HUMAN: _l("human")}
STATUS_LABELS = {
    "uncoded": _l("No theme or suggestion yet"),
    "unverified": _l("Not yet checked"),
    "verified": _l("Checked"),
    "auto": _l("Coded automatically"),
}
SCRUB_LABELS = {
    ScrubKind.PROVIDER: (_l("Care providers"), _l("Local care providers and teams, such as Jeugdteam Noord.")),
    ScrubKind.SCHOOL: (_l("Schools"), _l("Schools and day-care centres in the region.")),
    ScrubKind.PLACE: (_l("Places and neighbourhoods"), _l("Villages, districts and streets people may name.")),
    ScrubKind.OTHER: (_l("Other names"), _l("Any other name that should never appear in a quote.")),
}


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class CodeAnswerForm(FlaskForm):
    """The coder's decision for one answer; themes are given by the view (codebook order)."""

    themes = MultiCheckboxField(_l("Themes"), coerce=int, validators=[Optional()])
    sentiment = RadioField(
        _l("Sentiment"),
        validators=[Optional()],
        choices=lambda: [(s.value, SENTIMENT_LABELS[s]) for s in Sentiment if s != Sentiment.UNKNOWN],
    )
    kinds = MultiCheckboxField(
        _l("Kind of remark"), validators=[Optional()], choices=lambda: [(k.value, KIND_LABELS[k]) for k in RemarkKind]
    )
    lock_version = HiddenField(validators=[InputRequired()])

    def validate_lock_version(self, field):
        if not str(field.data or "").isdigit():
            raise ValidationError(_l("This page has expired. Open the answer again."))


class SecondCodingForm(FlaskForm):
    themes = MultiCheckboxField(_l("Themes"), coerce=int, validators=[Optional()])


class ActionForm(FlaskForm):
    """A button that changes something: only the CSRF token."""


class SharedLearningForm(FlaskForm):
    """Whether the theme model may learn from every survey of the region that uses the codebook."""

    learn_from_other_surveys = BooleanField(
        _l("Also learn from the checked answers of other surveys of this region that use this codebook")
    )


class ApplyThemeForm(FlaskForm):
    """One theme for every answer matching the filters (named apart from the filter's own theme field)."""

    give = SelectField(_l("Theme"), coerce=int, validators=[DataRequired(_l("Choose a theme."))])


class ChooseCodebookForm(FlaskForm):
    choice = RadioField(_l("Codebook"), validators=[DataRequired(_l("Choose a codebook."))])
    name = StringField(_l("Name of the new codebook"), validators=[Optional(), Length(max=120)])

    def validate_name(self, field):
        if self.choice.data == "new" and not (field.data or "").strip():
            raise ValidationError(_l("Enter a name for the new codebook."))


class ThemeForm(FlaskForm):
    label = StringField(_l("Theme"), validators=[DataRequired(_l("Enter a name for the theme.")), Length(max=120)])
    description = TextAreaField(
        _l("Description"),
        description=_l("What belongs to this theme, and what does not."),
        validators=[Optional(), Length(max=2000)],
    )
    parent_id = SelectField(_l("Main theme"), coerce=int, validators=[Optional()])
    seed_words = TextAreaField(
        _l("Seed words"),
        validators=[Optional(), Length(max=4000)],
        description=_l(
            "One word or short phrase per line. An answer with one of these words gets this theme "
            "as a suggestion. Compounds count: wacht also finds wachtlijst."
        ),
    )
    examples = TextAreaField(
        _l("Examples"), description=_l("One example answer per line."), validators=[Optional(), Length(max=4000)]
    )


class ImportCodebookForm(FlaskForm):
    file = GuardedFileField(
        _l("Codebook file"),
        limits=CODEBOOK,
        description=_l("JSON or Excel (.xlsx), at most 2 MB."),
        validators=[
            FileRequired(_l("Choose a file.")),
            FileAllowed(["json", "xlsx"], _l("The file must be a JSON or Excel (.xlsx) file.")),
            FileSize(max_size=2 * 1024 * 1024, message=_l("The file may be at most 2 MB.")),
        ],
    )


class ThresholdForm(FlaskForm):
    threshold = RadioField(_l("Threshold for automatic coding"), validators=[DataRequired(_l("Choose a threshold."))])


class SampleForm(FlaskForm):
    size = IntegerField(
        _l("Number of answers"),
        default=60,
        validators=[
            InputRequired(_l("Enter a number of answers.")),
            NumberRange(min=1, max=1000, message=_l("Enter a number from 1 to 1000.")),
        ],
    )
    coder = SelectField(_l("Second coder"), coerce=int, validators=[DataRequired(_l("Choose a second coder."))])


class ScrubTermsForm(FlaskForm):
    provider = TextAreaField(
        SCRUB_LABELS[ScrubKind.PROVIDER][0],
        description=SCRUB_LABELS[ScrubKind.PROVIDER][1],
        validators=[Optional(), Length(max=20000)],
    )
    school = TextAreaField(
        SCRUB_LABELS[ScrubKind.SCHOOL][0],
        description=SCRUB_LABELS[ScrubKind.SCHOOL][1],
        validators=[Optional(), Length(max=20000)],
    )
    place = TextAreaField(
        SCRUB_LABELS[ScrubKind.PLACE][0],
        description=SCRUB_LABELS[ScrubKind.PLACE][1],
        validators=[Optional(), Length(max=20000)],
    )
    other = TextAreaField(
        SCRUB_LABELS[ScrubKind.OTHER][0],
        description=SCRUB_LABELS[ScrubKind.OTHER][1],
        validators=[Optional(), Length(max=20000)],
    )

    FIELDS = {
        ScrubKind.PROVIDER: "provider",
        ScrubKind.SCHOOL: "school",
        ScrubKind.PLACE: "place",
        ScrubKind.OTHER: "other",
    }
