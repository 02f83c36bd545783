"""The Dutch UI: a complete catalog and Dutch number and date formats."""

from datetime import UTC, date, datetime

from babel.messages.pofile import read_po

from survey.config import PROJECT_ROOT
from survey.i18n import date_time, long_date, number

PO = PROJECT_ROOT / "translations" / "nl" / "LC_MESSAGES" / "messages.po"


def test_dutch_catalog_has_no_empty_or_fuzzy_entries():
    with PO.open("rb") as handle:
        catalog = read_po(handle)
    empty = [m.id for m in catalog if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)))]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert empty == []
    assert fuzzy == []


def test_the_catalog_is_what_extraction_finds(tmp_path):
    """Nobody forgot `flask translate update`: extracting again finds nothing new. And the catalog holds nothing
    extraction cannot find: such a msgid (one inside an f-string, or passed to a function the extractor does
    not know) would be dropped by the next `flask translate update` and its page would turn English."""
    from babel.messages.frontend import CommandLineInterface

    pot = tmp_path / "check.pot"
    from survey.cli import EXTRACT_ARGS

    args = [str(PROJECT_ROOT / a) if a.endswith("babel.cfg") else a for a in EXTRACT_ARGS]
    CommandLineInterface().run(["pybabel", "-q", "extract", *args, "-o", str(pot), str(PROJECT_ROOT)])
    with pot.open("rb") as handle:
        wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    with PO.open("rb") as handle:
        have = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id}
    assert sorted(wanted - have) == []
    assert sorted(have - wanted) == []


def test_numbers_and_dates_are_dutch(app):
    with app.test_request_context():
        assert number(7.2) == "7,2"
        assert number(1234.56, 2) == "1.234,56"
        assert long_date(date(2026, 11, 23)) == "23 november 2026"
        assert date_time(datetime(2026, 11, 23, 13, 5, tzinfo=UTC)) == "23 november 2026 14:05"


def test_pages_are_dutch_with_lang_attribute(client):
    page = client.get("/inloggen").get_data(as_text=True)
    assert '<html lang="nl"' in page
    assert "Inloggen" in page and "Wachtwoord vergeten?" in page
    assert 'href="#inhoud"' in page  # skip link


def test_page_texts_are_the_same_as_jinjas_own_gettext(app):
    """The one-call ``_`` of the templates gives the text Jinja's newstyle gettext gives: translated,
    variables escaped into it, a doubled percent sign made single."""
    from flask import render_template_string
    from jinja2.ext import _make_new_gettext

    from survey.i18n import page_gettext, page_translations

    source = (
        "{{ _('Next') }}|{{ _('%(n)s characters left', n='<b>') }}|{{ _('100%% sure') }}"
        "|{{ _('Q%(n)s %(year)s', n=3, year=2026) }}"
    )
    with app.test_request_context("/"):
        ours = render_template_string(source)
        app.jinja_env.globals["_"] = _make_new_gettext(lambda s: page_translations().ugettext(s))
        try:
            jinjas = render_template_string(source)
        finally:
            app.jinja_env.globals["_"] = page_gettext
    assert ours == jinjas
    assert ours == "Volgende|Nog &lt;b&gt; tekens over|100% sure|3e kwartaal 2026"
