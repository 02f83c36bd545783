"""Server-side checks of the respondent form, with messages in the respondent's language."""

from __future__ import annotations

from flask_babel import format_decimal, ngettext
from flask_babel import gettext as _
from wtforms.validators import StopValidation, ValidationError


def number_value(value) -> float | None:
    """A number as typed in the Netherlands: "12", "7,5", "1.250" or "1250"; None when it is not one."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip().replace(" ", "").replace("\u00a0", "")
    if not text:
        return None
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif text.count(".") == 1 and len(text.split(".")[1]) == 3 and text.lstrip("-").split(".")[0] not in ("", "0"):
        text = text.replace(".", "")  # 1.250 is twelve hundred and fifty in Dutch
    try:
        number = float(text)
    except ValueError:
        return None
    if number != number or number in (float("inf"), float("-inf")):
        return None
    return number


def _show(number: float) -> str:
    return format_decimal(number, format="#,##0.##")


class ChoiceCheck:
    """The answer is one of the options shown (a tampered form gets a plain message, not an error page)."""

    def __init__(self, codes: list[str]):
        self.codes = set(codes)

    def __call__(self, form, field):
        values = field.data if isinstance(field.data, list) else [field.data]
        if any(v not in self.codes for v in values if v not in (None, "")):
            raise StopValidation(_("Choose one of the answers in the list."))


class CountCheck:
    """Multiple choice: at least and at most this many answers."""

    def __init__(self, low: int | None, high: int | None):
        self.low, self.high = low or 0, high or 0

    def __call__(self, form, field):
        count = len(field.data or [])
        if self.low and count < self.low:
            if self.low == 1:
                raise ValidationError(_("Choose at least one answer."))
            raise ValidationError(
                ngettext("Choose at least %(num)s answer.", "Choose at least %(num)s answers.", self.low)
            )
        if self.high and count > self.high:
            raise ValidationError(
                ngettext("Choose at most %(num)s answer.", "Choose at most %(num)s answers.", self.high)
            )


class LengthCheck:
    """Open text: a clear message with both lengths, so a pasted essay is shortened, not lost."""

    def __init__(self, limit: int):
        self.limit = limit

    def __call__(self, form, field):
        length = len(field.data or "")
        if length > self.limit:
            raise ValidationError(
                _(
                    "This answer has %(length)s characters. It can have at most %(max)s. Make it shorter.",
                    length=_show(length),
                    max=_show(self.limit),
                )
            )


class NumberCheck:
    """A number, within the question's minimum and maximum."""

    def __init__(self, low: float | None, high: float | None):
        self.low, self.high = low, high

    def __call__(self, form, field):
        if field.data in (None, ""):
            return
        number = number_value(field.data)
        if number is None or len(str(field.data)) > 30:
            raise ValidationError(_("Fill in a number, such as 12."))
        if self.low is not None and self.high is not None and not self.low <= number <= self.high:
            raise ValidationError(
                _("Fill in a number from %(min)s to %(max)s.", min=_show(self.low), max=_show(self.high))
            )
        if self.low is not None and number < self.low:
            raise ValidationError(_("Fill in a number of at least %(min)s.", min=_show(self.low)))
        if self.high is not None and number > self.high:
            raise ValidationError(_("Fill in a number of at most %(max)s.", max=_show(self.high)))
