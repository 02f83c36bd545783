"""Answer scales as data: stored codes, Dutch labels and order, shared by scoring and the web layer.

The one scale registry: :data:`SCALES` for scoring and reports, and at the end of this module the wording
respondents read (:func:`respondent_options`: the options a new question starts with, with their labels
per answer language), from which the question-type registry (``survey/questionnaires/content/registry.py``) builds
new questions.

Every scale lists its options from the most positive to the most negative, the order in which
distributions and stacked bars are shown. *Escape* options (``weet_niet``: *weet ik niet*, ``nvt``:
*niet van toepassing*) are answers, shown separately in a distribution, but they are left out of every
denominator: the n of an item counts substantive answers only.
"""

from __future__ import annotations

from dataclasses import dataclass

#: stored codes of the two escape answers, the same on every scale that offers them
DONT_KNOW = "weet_niet"
NOT_APPLICABLE = "nvt"
ESCAPE_CODES = frozenset({DONT_KNOW, NOT_APPLICABLE})


@dataclass(frozen=True)
class Option:
    """One answer option: the stored ``code``, the Dutch ``label`` and its role in scoring."""

    code: str
    label: str
    #: counts towards the headline share (% (helemaal) mee eens, % altijd + vaak, ...)
    positive: bool = False
    #: an escape answer (weet ik niet / niet van toepassing): never in a denominator
    escape: bool = False
    #: the number behind the code on numeric scales (grades, 0-10, smileys), else None
    number: int | None = None


@dataclass(frozen=True)
class Scale:
    """An ordered answer scale; ``headline`` names what the positive share is called in reports."""

    key: str
    label: str
    headline: str
    options: tuple[Option, ...]
    numeric: bool = False

    @property
    def codes(self) -> tuple[str, ...]:
        """All stored codes in display order, escapes last."""
        return tuple(o.code for o in self.options)

    @property
    def substantive_codes(self) -> tuple[str, ...]:
        """The codes that count in the denominator (everything but the escapes)."""
        return tuple(o.code for o in self.options if not o.escape)

    @property
    def positive_codes(self) -> frozenset[str]:
        """The codes that count towards the headline share."""
        return frozenset(o.code for o in self.options if o.positive)

    @property
    def escape_codes(self) -> tuple[str, ...]:
        """The escape codes this scale offers (possibly none)."""
        return tuple(o.code for o in self.options if o.escape)

    def label_for(self, code: str) -> str:
        """The Dutch label of a stored code; the code itself when the scale does not know it."""
        return next((o.label for o in self.options if o.code == code), code)

    def option(self, code: str) -> Option | None:
        """The option with this code, or None."""
        return next((o for o in self.options if o.code == code), None)


_ESCAPES = (
    Option(DONT_KNOW, "weet ik niet", escape=True),
    Option(NOT_APPLICABLE, "niet van toepassing", escape=True),
)

#: the escape options by code, for scales that meet an escape they do not list themselves
ESCAPE_OPTIONS = {o.code: o for o in _ESCAPES}

AGREEMENT = Scale(
    key="agreement",
    label="Stelling (mee eens - niet mee eens)",
    headline="% (helemaal) mee eens",
    options=(
        Option("5", "helemaal mee eens", positive=True, number=5),
        Option("4", "mee eens", positive=True, number=4),
        Option("3", "niet mee eens, niet mee oneens", number=3),
        Option("2", "niet mee eens", number=2),
        Option("1", "helemaal niet mee eens", number=1),
        *_ESCAPES,
    ),
)

FREQUENCY = Scale(
    key="frequency",
    label="Hoe vaak (altijd - nooit)",
    headline="% altijd + vaak",
    options=(
        Option("altijd", "altijd", positive=True),
        Option("vaak", "vaak", positive=True),
        Option("soms", "soms"),
        Option("nooit", "nooit"),
    ),
)


def _numbered(low: int, high: int, positive_from: int) -> tuple[Option, ...]:
    return tuple(Option(str(n), str(n), positive=n >= positive_from, number=n) for n in range(high, low - 1, -1))


#: Rapportcijfer: a 6 or more is a pass (voldoende), the headline share
GRADE = Scale(
    key="grade",
    label="Rapportcijfer 1-10",
    headline="% voldoende (6 of hoger)",
    options=_numbered(1, 10, 6),
    numeric=True,
)

#: 0-10 (recommendation) scale; only an option in this domain, the headline is % 9 or 10
ZERO_TEN = Scale(key="zero_ten", label="Schaal 0-10", headline="% 9 of 10", options=_numbered(0, 10, 9), numeric=True)

SMILEY_3 = Scale(
    key="smiley3",
    label="Smileys (3 gezichten)",
    headline="% blij",
    options=(
        Option("3", "blij", positive=True, number=3),
        Option("2", "gewoon", number=2),
        Option("1", "niet blij", number=1),
    ),
    numeric=True,
)

SMILEY_5 = Scale(
    key="smiley5",
    label="Smileys (5 gezichten)",
    headline="% (heel) blij",
    options=(
        Option("5", "heel blij", positive=True, number=5),
        Option("4", "blij", positive=True, number=4),
        Option("3", "gewoon", number=3),
        Option("2", "niet blij", number=2),
        Option("1", "heel niet blij", number=1),
    ),
    numeric=True,
)

#: every scale by key, for the web layer and for reading a questionnaire definition
SCALES: dict[str, Scale] = {s.key: s for s in (AGREEMENT, FREQUENCY, GRADE, ZERO_TEN, SMILEY_3, SMILEY_5)}


def get_scale(key: str) -> Scale:
    """The scale with this key; ValueError naming the known keys otherwise."""
    try:
        return SCALES[key]
    except KeyError:
        raise ValueError(f"unknown scale {key!r}; known: {', '.join(sorted(SCALES))}") from None


# What respondents read -------------------------------------------------------------------------------------
#
# Stored codes as above; the order is the one a respondent sees (agreement 5 … 1 then the escapes; smileys
# and numbers from low to high), with a label per answer language (nl, en, ar, tr, pl, uk).

#: a scale's options as a new question gets them: (stored code, {language: label})
Wording = list[tuple[str, dict[str, str]]]

_AGREEMENT_WORDING: Wording = [
    (
        "5",
        {
            "nl": "Helemaal mee eens",
            "en": "Strongly agree",
            "ar": "أوافق بشدة",
            "tr": "Kesinlikle katılıyorum",
            "pl": "Zdecydowanie się zgadzam",
            "uk": "Повністю згоден",
        },
    ),
    ("4", {"nl": "Mee eens", "en": "Agree", "ar": "أوافق", "tr": "Katılıyorum", "pl": "Zgadzam się", "uk": "Згоден"}),
    (
        "3",
        {
            "nl": "Niet mee eens, niet mee oneens",
            "en": "Neither agree nor disagree",
            "ar": "لا أوافق ولا أعارض",
            "tr": "Ne katılıyorum ne katılmıyorum",
            "pl": "Ani tak, ani nie",
            "uk": "Ні згоден, ні не згоден",
        },
    ),
    (
        "2",
        {
            "nl": "Niet mee eens",
            "en": "Disagree",
            "ar": "لا أوافق",
            "tr": "Katılmıyorum",
            "pl": "Nie zgadzam się",
            "uk": "Не згоден",
        },
    ),
    (
        "1",
        {
            "nl": "Helemaal niet mee eens",
            "en": "Strongly disagree",
            "ar": "لا أوافق بشدة",
            "tr": "Kesinlikle katılmıyorum",
            "pl": "Zdecydowanie się nie zgadzam",
            "uk": "Зовсім не згоден",
        },
    ),
    (
        "weet_niet",
        {
            "nl": "Weet ik niet",
            "en": "I don't know",
            "ar": "لا أعرف",
            "tr": "Bilmiyorum",
            "pl": "Nie wiem",
            "uk": "Не знаю",
        },
    ),
    (
        "nvt",
        {
            "nl": "Niet van toepassing",
            "en": "Not applicable",
            "ar": "لا ينطبق",
            "tr": "Geçerli değil",
            "pl": "Nie dotyczy",
            "uk": "Не стосується",
        },
    ),
]

_FREQUENCY_WORDING: Wording = [
    ("altijd", {"nl": "Altijd", "en": "Always", "ar": "دائمًا", "tr": "Her zaman", "pl": "Zawsze", "uk": "Завжди"}),
    ("vaak", {"nl": "Vaak", "en": "Often", "ar": "غالبًا", "tr": "Sık sık", "pl": "Często", "uk": "Часто"}),
    ("soms", {"nl": "Soms", "en": "Sometimes", "ar": "أحيانًا", "tr": "Bazen", "pl": "Czasami", "uk": "Іноді"}),
    ("nooit", {"nl": "Nooit", "en": "Never", "ar": "أبدًا", "tr": "Hiçbir zaman", "pl": "Nigdy", "uk": "Ніколи"}),
]

_SMILEY_5_WORDING: Wording = [
    (
        "1",
        {
            "nl": "Heel verdrietig",
            "en": "Very sad",
            "ar": "حزين جدًا",
            "tr": "Çok üzgün",
            "pl": "Bardzo smutny",
            "uk": "Дуже сумно",
        },
    ),
    ("2", {"nl": "Verdrietig", "en": "Sad", "ar": "حزين", "tr": "Üzgün", "pl": "Smutny", "uk": "Сумно"}),
    ("3", {"nl": "Gewoon", "en": "Okay", "ar": "عادي", "tr": "Normal", "pl": "Zwyczajnie", "uk": "Нормально"}),
    ("4", {"nl": "Blij", "en": "Happy", "ar": "سعيد", "tr": "Mutlu", "pl": "Wesoły", "uk": "Радісно"}),
    (
        "5",
        {
            "nl": "Heel blij",
            "en": "Very happy",
            "ar": "سعيد جدًا",
            "tr": "Çok mutlu",
            "pl": "Bardzo wesoły",
            "uk": "Дуже радісно",
        },
    ),
]
_SMILEY_3_WORDING: Wording = [
    (
        "1",
        {
            "nl": "Niet leuk",
            "en": "Not nice",
            "ar": "ليس لطيفًا",
            "tr": "Hoş değil",
            "pl": "Niefajnie",
            "uk": "Не подобається",
        },
    ),
    ("2", {"nl": "Gewoon", "en": "Okay", "ar": "عادي", "tr": "Normal", "pl": "Zwyczajnie", "uk": "Нормально"}),
    ("3", {"nl": "Leuk", "en": "Nice", "ar": "لطيف", "tr": "Hoş", "pl": "Fajnie", "uk": "Подобається"}),
]

_WORDING: dict[str, Wording] = {
    "agreement": _AGREEMENT_WORDING,
    "frequency": _FREQUENCY_WORDING,
    "smiley3": _SMILEY_3_WORDING,
    "smiley5": _SMILEY_5_WORDING,
}


def respondent_options(key: str) -> Wording:
    """The options of the scale with this key as respondents read them; numeric scales without wording
    (grade, 0-10) give their numbers from low to high, labelled with the number."""
    scale = get_scale(key)
    if key in _WORDING:
        return _WORDING[key]
    return [(str(n), {"nl": str(n)}) for n in sorted(o.number for o in scale.options if o.number is not None)]
