"""Fields and helpers the staff forms share: Dutch decimal numbers, checkbox groups, years, names already taken."""

from decimal import Decimal

from flask_babel import lazy_gettext as _l
from wtforms import IntegerField, SelectMultipleField, StringField
from wtforms.validators import InputRequired, NumberRange, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from analysis.files.cells import AMBIGUOUS_NUMBER, NEGATIVE_NUMBER, parse_number


def decimal_text(value: Decimal | None) -> str:
    """A stored number as a Dutch person types it: 7,5 and 40 (no trailing zeros)."""
    if value is None:
        return ""
    text = f"{Decimal(value).normalize():f}"
    return text.replace(".", ",")


class DecimalCommaField(StringField):
    """A number typed the Dutch way: 7,5 or 1.234,5 (a point alone before three digits is refused)."""

    def __init__(self, label=None, validators=None, *, euros: bool = False, negative: bool = True, **kwargs):
        kwargs.setdefault("render_kw", {"inputmode": "decimal", "autocomplete": "off"})
        super().__init__(label, validators, **kwargs)
        self.euros = euros  # in amounts of money "1.000" can only mean a thousand
        self.negative = negative  # False: a number below zero is refused (an indicator's value)

    def process_data(self, value):
        self.data = value

    def process_formdata(self, valuelist):
        self.data = None
        text = valuelist[0] if valuelist else ""
        self._typed = text
        if not text.strip():
            return
        number, problem = parse_number(text, point_groups_thousands=self.euros, negative=self.negative)
        if problem == AMBIGUOUS_NUMBER:
            raise ValueError(_l("Write %(text)s without a point, or with a decimal comma.", text=text))
        if problem == NEGATIVE_NUMBER:
            raise ValueError(_l("Enter a number of 0 or more: this value cannot be below zero."))
        if problem:
            raise ValueError(_l("Enter a number, such as 40 or 7,5."))
        self.data = number

    def _value(self):
        typed = getattr(self, "_typed", None)
        return typed if typed is not None else decimal_text(self.data)


class CheckboxGroupField(SelectMultipleField):
    """Several choices as checkboxes (rendered in a fieldset with a legend)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def year_field(label):
    return IntegerField(
        label,
        invalid_value_message=_l("Enter a year, such as 2026."),
        validators=[
            InputRequired(_l("Enter a year.")),
            NumberRange(2000, 2100, _l("Enter a year between 2000 and 2100.")),
        ],
    )


class TakenNames:
    """A form mixin: ``taken=`` lists names already used nearby (the object itself left out)."""

    taken_message = _l("This name is already used.")

    def __init__(self, *args, taken=(), **kwargs):
        super().__init__(*args, **kwargs)
        self._taken = {" ".join(name.split()).lower() for name in taken}

    def check_taken(self, field) -> None:
        if " ".join((field.data or "").split()).lower() in self._taken:
            raise ValidationError(self.taken_message)


def lines_of(text: str | None) -> list[str]:
    return [" ".join(line.split()) for line in (text or "").splitlines() if line.strip()]
