"""Quotes for a tussenevaluatie: the last de-identification pass, and themes counted only for groups of k."""

from pathlib import Path

from analysis.evaluation.notes import bare_heading, mark_headings, section_from_heading, split_attribution
from analysis.evaluation.quote_review import (
    EDIT,
    KEEP,
    MERGE,
    OMIT,
    Decision,
    Statement,
    near_duplicates,
    publish,
    statement_key,
)
from analysis.evaluation.themes import CodedRemark, summarise_themes
from analysis.privacy.quotes import QuoteScrubber, scrub_quote, shorten
from analysis.privacy.scrub_measure import measure, read_set
from analysis.remarks import split_notes

DATA = Path(__file__).parent / "data"


def test_identifying_details_are_replaced_by_labels():
    text = (
        "Bel mevrouw De Vries op 06-12345678 of mail p.jansen@gemeente.nl. Zie www.jeugd.nl. "
        "We wonen in de Kerkstraat 12, 3011 AB, klantnummer 1234567."
    )
    assert scrub_quote(text) == (
        "Bel mevrouw [naam] op [telefoonnummer] of mail [e-mail]. Zie [link]. "
        "We wonen in de [adres], [postcode], klantnummer [nummer]."
    )


def test_names_go_while_organisations_places_and_loanwords_stay():
    keep = ["Thuis opgroeien", "Schiedam"]
    assert scrub_quote("Bel Petra over Thuis opgroeien in Schiedam.", keep=keep) == (
        "Bel [naam] over Thuis opgroeien in Schiedam."
    )
    assert scrub_quote("De overleggen met Jan de Boer van Jeugdformaat lopen soepel.") == (
        "De overleggen met [naam] van [organisatie] lopen soepel."
    )  # a care provider, as in the coding stage
    assert scrub_quote("De overleggen met Jan de Boer van Jeugdformaat lopen soepel.", keep=["Jeugdformaat"]) == (
        "De overleggen met [naam] van Jeugdformaat lopen soepel."
    )  # a partner on the keep-list stays
    for kept in (
        "De GGZ en de POH-jeugd werken samen. Dat is mooi.",
        "Het Expertteam Zuid en de Taskforce Jeugd werken in Rotterdam met een Wiki.",
        "De OZJ-groep besprak het in Dordrecht.",
    ):
        assert scrub_quote(kept) == kept  # no capitalised word is replaced just for its capital


def test_first_names_go_even_at_the_start_of_a_sentence_and_words_stay_whole():
    assert scrub_quote("Petra deed het goed.") == "[naam] deed het goed."
    assert scrub_quote("Karin Smit schreef het stuk en Peter las mee.") == "[naam] schreef het stuk en [naam] las mee."
    assert scrub_quote("De petrakliniek en Petrus.", names=["Petra"]) == "De petrakliniek en [naam]."
    assert scrub_quote("40 kinderen, gemiddeld 7,5 en 2026 als jaar.") == "40 kinderen, gemiddeld 7,5 en 2026 als jaar."
    assert scrub_quote("Op basisschool De Regenboog en het Erasmus College.") == (
        "Op basisschool [school] en het [school]."
    )
    assert scrub_quote("Mijn dochter van 12 woont aan de Kerkstraat.") == (
        "Mijn dochter van [leeftijd] woont aan de [adres]."
    )


def test_every_replacement_is_listed_and_can_be_undone():
    scrubber = QuoteScrubber()
    found = scrubber.replacements("Bel Petra of Wiki op 06-12345678.")
    assert [(r.original, r.label) for r in found] == [("Petra", "[naam]"), ("06-12345678", "[telefoonnummer]")]
    assert scrubber.scrub("Bel Petra of Wiki op 06-12345678.", undo=["petra"]) == (
        "Bel Petra of Wiki op [telefoonnummer]."
    )


def test_the_scrubbing_set_meets_its_targets():
    """Self-written development sentences (tests/analysis/data/quote_scrub_nl.txt), see bench.scrub."""
    figures = measure(read_set(DATA / "quote_scrub_nl.txt"))
    assert figures.sentences >= 200 and figures.details >= 80
    assert figures.recall >= 0.95, figures.misses
    assert figures.wrong_share <= 0.02, figures.wrong


def test_shorten_cuts_at_a_word_with_an_ellipsis():
    assert shorten("een  twee\ndrie") == "een twee drie"
    cut = shorten("woord " * 100, limit=30)
    assert cut.endswith("…") and len(cut) <= 30 and "  " not in cut


def _remark(respondent, keys, quote=None):
    return CodedRemark(respondent, tuple((k, k.capitalize()) for k in keys), quote)


def test_themes_are_counted_per_answer_and_ordered_by_count_then_label():
    remarks = [
        _remark(i, ["werkdruk"] if i % 2 else ["samenwerking", "data"], f"Antwoord nummer {i % 3}.") for i in range(12)
    ]
    remarks.append(_remark(12, []))
    summary = summarise_themes(remarks, k=10)
    assert summary.shown and (summary.respondents, summary.remarks, summary.uncoded) == (12, 12, 0)
    assert [(t.key, t.count) for t in summary.themes] == [("data", 6), ("samenwerking", 6), ("werkdruk", 6)]
    quotes = [q for t in summary.themes for q in t.quotes]
    assert len(quotes) == len(set(quotes)) == 3  # each quote once across themes, at most two per theme


def test_a_group_below_k_gives_no_counts_and_no_quotes():
    remarks = [_remark(i, ["werkdruk"], "Te druk.") for i in range(9)]
    summary = summarise_themes(remarks, k=10)
    assert (summary.shown, summary.themes, summary.respondents) == (False, (), 9)
    two_each = [_remark(i // 2, ["werkdruk"], "Te druk.") for i in range(18)]
    assert not summarise_themes(two_each, k=10).shown  # 18 answers, but only 9 people


def test_unscrubbed_answers_are_counted_but_never_quoted():
    remarks = [_remark(i, ["werkdruk"], None) for i in range(10)]
    summary = summarise_themes(remarks, k=10)
    assert summary.themes[0].count == 10 and summary.themes[0].quotes == ()


def test_a_stakeholder_survey_is_judged_by_its_size_not_by_the_group():
    three = [_remark(i, ["samenwerking"], "Korte lijnen.") for i in range(3)]
    assert summarise_themes(three, k=10, survey_size=12).shown  # 3 about this project, 12 in the survey
    assert not summarise_themes(three, k=10, survey_size=9).shown
    assert not summarise_themes(three, k=10).shown  # the per-group rule of parents and young people


def _statement(text, key=None, attribution=""):
    return Statement(key or statement_key(1, "works", text), text, "notes", attribution=attribution)


def test_only_reviewed_statements_are_published_shortened_merged_or_left_out():
    a, b, c, d, e = (
        _statement(t)
        for t in (
            "Korte lijnen met het wijkteam.",
            "Korte lijnen met wijkteams.",
            "Lange wachttijd.",
            "Iets onzinnigs.",
            "Nog niet bekeken.",
        )
    )
    decisions = {
        a.key: Decision(EDIT, "Korte lijnen."),
        b.key: Decision(MERGE, merged_into=a.key),
        c.key: Decision(KEEP),
        d.key: Decision(OMIT),
    }
    published, pending = publish([a, b, c, d, e], decisions)
    assert [(p.text, p.count) for p in published] == [("Korte lijnen.", 2), ("Lange wachttijd.", 1)]
    assert pending == 1
    decisions[a.key] = Decision(OMIT)  # merged into a statement that is left out: nothing of either
    assert [p.text for p in publish([a, b, c], decisions)[0]] == ["Lange wachttijd."]


def test_an_attribution_is_printed_only_when_marked_public():
    quote = _statement("Het loopt.", attribution="projectleider, gemeente Oost")
    assert publish([quote], {quote.key: Decision(KEEP)})[0][0].attribution == ""
    assert (
        publish([quote], {quote.key: Decision(KEEP, attribution_public=True)})[0][0].attribution
        == "projectleider, gemeente Oost"
    )


def test_the_key_survives_spacing_and_differs_per_project_and_section():
    assert statement_key(1, "works", "Korte  lijnen.\n") == statement_key(1, "works", "Korte lijnen.")
    assert (
        len(
            {
                statement_key(1, "works", "x"),
                statement_key(2, "works", "x"),
                statement_key(1, "notable", "x"),
                statement_key(None, "works", "x"),
            }
        )
        == 4
    )


def test_a_near_duplicate_is_suggested_for_merging():
    a, b, c = (
        _statement(t)
        for t in (
            "De korte lijnen met het wijkteam werken goed.",
            "Korte lijnen met het wijkteam werken goed!",
            "Wachttijden zijn te lang.",
        )
    )
    assert near_duplicates([a, b, c]) == {b.key: a.key}


def test_pasted_headings_give_the_section_also_without_a_colon():
    block = mark_headings(
        "Trots op:\n- De POH-jeugd.\nAandachtspunten\n- Wachttijden.\n**Opvallend**\n"
        "- Meer aanmeldingen.\nWat werkt goed\n- Korte lijnen."
    )
    found = [(r.text, section_from_heading(r.heading)) for r in split_notes(block)]
    assert found == [
        ("De POH-jeugd.", "proud"),
        ("Wachttijden.", "attention"),
        ("Meer aanmeldingen.", "notable"),
        ("Korte lijnen.", "works"),
    ]
    assert bare_heading("Korte lijnen werken goed") is None and bare_heading("Goed") is None


def test_an_interview_quote_keeps_who_said_it_apart():
    assert split_attribution("“We zien de wachtlijst dalen.” — projectleider, gemeente Oost") == (
        "We zien de wachtlijst dalen.",
        "projectleider, gemeente Oost",
    )
    assert split_attribution("Kinderen van 12-18 jaar - vooral meisjes - melden zich.")[1] == ""
