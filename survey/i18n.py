"""Dutch UI: locale selection and number/date formats (7,2; 23 november 2026).

Staff pages are always Dutch. Respondent pages (the ``responses`` blueprint) call
``use_respondent_language`` and then show their chrome in the respondent's language.
"""

from datetime import date, datetime
from functools import lru_cache

from babel import Locale, UnknownLocaleError, support
from babel import dates as babel_dates
from flask import g, has_request_context, request
from flask_babel import format_date, format_datetime, format_decimal, get_locale, get_translations, gettext, refresh
from jinja2 import pass_context
from markupsafe import Markup
from wtforms.i18n import messages_path

from analysis.programmes.periods import period_start, period_type_of
from analysis.scores.numbers import round_half_up

#: languages with a catalog (the one list of page-chrome languages); nl is complete, the others cover every
#: text a respondent reads (``survey.catalogs.respondent_keys``)
UI_LOCALES = ("nl", "en", "ar", "tr", "pl", "uk", "ti", "fa", "so")
#: catalogs translated without a native speaker yet: to be checked before respondents read them
DRAFT_LOCALES = ("ar", "tr", "pl", "uk", "ti", "fa", "so")
#: languages without a catalog of their own whose speakers read another one (Dari: Persian)
LOCALE_FALLBACK = {"prs": "fa"}
#: the blueprint whose public pages speak the respondent's language
RESPONDENT_BLUEPRINT = "responses"
#: scripts written right to left (Arabic, Farsi, Dari, Pashto, Urdu, Hebrew, Sorani)
RTL_LANGUAGES = frozenset({"ar", "fa", "prs", "ps", "ur", "he", "ckb"})


def chrome_language(language: str) -> str:
    """The language of the page around the questions (buttons, progress, messages) for a respondent who
    reads ``language``: its own catalog, the one its speakers read (Dari: Persian), or Dutch."""
    language = LOCALE_FALLBACK.get(language, language)
    return language if language in UI_LOCALES else "nl"


@lru_cache(maxsize=256)
def text_direction(language: str) -> str:
    """ "rtl" or "ltr" for text in ``language`` (the one rule for ``dir`` on pages, mails and letters)."""
    if language in RTL_LANGUAGES:
        return "rtl"
    try:
        return Locale.parse(language.replace("-", "_")).text_direction
    except (ValueError, TypeError, LookupError, UnknownLocaleError):
        return "ltr"


def select_locale() -> Locale:
    """Dutch, except on respondent pages that chose the respondent's language (Flask-Babel's locale selector;
    it asks again after every ``refresh``)."""
    locale = g.get("locale")
    if (
        locale
        and locale in UI_LOCALES
        and has_request_context()
        and not request.path.startswith("/beheer/")
        and (request.blueprint == RESPONDENT_BLUEPRINT or g.get("public_page"))
    ):
        return _ui_locale(locale)
    return _ui_locale("nl")


@lru_cache(maxsize=len(UI_LOCALES))
def _ui_locale(code: str) -> Locale:
    """The Babel locale of a page-chrome language, parsed once per process (Flask-Babel parses the selector's
    text on every request; a Locale it takes as it is)."""
    return Locale.parse(code)


def speak_on_public_page(language: str | None) -> None:
    """A public page outside the questionnaire that a respondent can meet (opt-out, accessibility statement,
    an error page): in ``language``'s page chrome when there is one, else Dutch."""
    chrome = chrome_language(language or "nl")
    g.public_page = True
    use_respondent_language(chrome, chrome, text_direction(chrome))


def requested_language() -> str | None:
    """The language a public page was asked for (``?taal=``), if it has page chrome in it."""
    wanted = request.args.get("taal") if has_request_context() else None
    return wanted if wanted in UI_LOCALES or wanted in LOCALE_FALLBACK else None


def use_respondent_language(chrome: str, content: str, direction: str) -> None:
    """Respondent pages: chrome in ``chrome``, ``<html lang dir>`` for the survey content language."""
    g.locale = chrome if chrome in UI_LOCALES else "nl"
    g.html_lang = content
    g.html_dir = direction
    refresh()


def number(value, decimals: int = 1) -> str:
    """A number with a Dutch decimal comma and a fixed number of decimals, rounded half away from
    zero first (``analysis.scores.numbers``), so a page shows the figure the report files show."""
    if value is None:
        return "–"
    fmt = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(round_half_up(value, decimals), format=fmt)


def long_date(value: date | datetime | None, language: str | None = None) -> str:
    """23 november 2026: in the page's language, or in ``language`` (an invitation's or a letter's;
    Dutch when Babel does not know that language)."""
    if value is None:
        return ""
    if language is not None:
        try:
            return babel_dates.format_date(value, "d MMMM y", locale=language)
        except (ValueError, LookupError):
            return babel_dates.format_date(value, "d MMMM y", locale="nl")
    if isinstance(value, datetime):
        return format_datetime(value, "d MMMM y")
    return format_date(value, "d MMMM y")


def period_name(period: str | None) -> str:
    """A reporting period as people write it: "maart 2026" for a month, "3e kwartaal 2026" for "2026-K3";
    "–" when there is none, and any other text as it is."""
    if not period:
        return "–"
    kind = period_type_of(period)
    if kind == "month":
        start = period_start(period)
        return format_date(date(start.year, start.month, 1), "MMMM y")
    if kind == "quarter":
        start = period_start(period)
        return gettext("Q%(n)s %(year)s", n=(start.month - 1) // 3 + 1, year=start.year)
    return period


#: articles that open a name written to stand on its own ("De gemeenten in uw regio")
_ARTICLES = frozenset({"De", "Het", "Een", "The", "A", "An"})


def in_sentence(text: str | None) -> str:
    """A name written to stand on its own, as it reads inside a sentence: an opening article before a word in
    lower case goes in lower case too ("… komt van de gemeenten in uw regio"); a proper name keeps its capitals
    ("Gemeente Utrecht", "De Bilt")."""
    first, _, rest = (text or "").partition(" ")
    return f"{first.lower()} {rest}" if first in _ARTICLES and rest[:1].islower() else text or ""


def date_time(value: datetime | None) -> str:
    """23 november 2026 14:05 (Europe/Amsterdam)."""
    if value is None:
        return ""
    return format_datetime(value, "d MMMM y HH:mm")


def register_i18n(app) -> None:
    from survey.extensions import babel

    babel.init_app(app, locale_selector=select_locale)
    app.jinja_env.install_gettext_callables(  # as Flask-Babel's, with the catalog looked up once per page
        gettext=lambda s: page_translations().ugettext(s),
        ngettext=lambda s, p, n: page_translations().ungettext(s, p, n),
        pgettext=lambda c, s: page_translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: page_translations().unpgettext(c, s, p, n),
        newstyle=True,
    )
    app.jinja_env.globals["_"] = page_gettext  # the same text as Jinja's newstyle ``_``, in one call
    app.jinja_env.filters["number"] = number
    app.jinja_env.filters["long_date"] = long_date
    app.jinja_env.filters["date_time"] = date_time
    app.jinja_env.filters["in_sentence"] = in_sentence


@pass_context
def page_gettext(context, string: str, **variables) -> str:
    """``{{ _("…") }}`` as Jinja's newstyle gettext does it (the translation is markup, the variables are
    escaped into it), without its three nested calls per text; a text without variables and without a
    percent sign is the same text formatted or not."""
    translated = page_translations().ugettext(string)
    if context.eval_ctx.autoescape:
        translated = Markup(translated)  # noqa: S704 - our own catalogs, as Jinja treats them
    return translated % variables if variables or "%" in translated else translated


def page_translations():
    """Flask-Babel's ``get_translations()``, remembered for the request's current locale: a page translates
    a dozen texts, and each full lookup walks the request context several times. A changed locale
    (``refresh``, ``force_locale``) is a different locale object, so it is looked up afresh."""
    ctx = g.get("_flask_babel") if g else None
    locale = getattr(ctx, "babel_locale", None)
    if locale is None:
        return get_translations()
    cached = getattr(ctx, "page_translations", None)
    if cached is None or cached[0] is not locale:
        cached = ctx.page_translations = (locale, get_translations())
    return cached[1]


@lru_cache(maxsize=len(UI_LOCALES) + 1)
def _wtforms_catalog(locale: str):
    return support.Translations.load(messages_path(), [locale], domain="wtforms")


class WTFormsTranslations:
    """WTForms' own messages in the page's language, read from disk once per process (Flask-WTF reads
    the catalog again on every request); for a form's ``Meta.get_translations``."""

    def gettext(self, string):
        return _wtforms_catalog(str(get_locale() or "nl")).ugettext(string)

    def ngettext(self, singular, plural, n):
        return _wtforms_catalog(str(get_locale() or "nl")).ungettext(singular, plural, n)


wtforms_translations = WTFormsTranslations()
