"""Quotes for a tussenevaluatie: the last de-identification pass, and themes counted only for groups of k."""

from analysis.evaluation import CodedRemark, group_statements, summarise_themes
from analysis.quotes import scrub_quote, shorten


def test_identifying_details_are_replaced_by_labels():
    text = ("Bel mevrouw De Vries op 06-12345678 of mail p.jansen@gemeente.nl. Zie www.jeugd.nl. "
            "We wonen in de Kerkstraat 12, 3011 AB, klantnummer 1234567.")
    assert scrub_quote(text) == ("Bel mevrouw [naam] op [telefoonnummer] of mail [e-mail]. Zie [link]. "
                                 "We wonen in de [adres], [postcode], klantnummer [nummer].")


def test_capitalised_words_inside_a_sentence_are_names_unless_programme_vocabulary():
    keep = ["Thuis opgroeien", "Schiedam"]
    assert scrub_quote("Bel Petra over Thuis opgroeien in Schiedam.", keep=keep) == (
        "Bel [naam] over Thuis opgroeien in Schiedam.")
    assert scrub_quote("De overleggen met Jan de Boer van Jeugdformaat lopen soepel.") == (
        "De overleggen met [naam] lopen soepel.")  # name and organisation run together
    assert scrub_quote("De GGZ en de POH-jeugd werken samen. Dat is mooi.") == (
        "De GGZ en de POH-jeugd werken samen. Dat is mooi.")


def test_known_names_go_even_at_the_start_of_a_sentence_and_words_stay_whole():
    assert scrub_quote("Petra deed het goed.", names=["Petra"]) == "[naam] deed het goed."
    assert scrub_quote("Petra deed het goed.") == "Petra deed het goed."  # a name opening a sentence: only when known
    assert scrub_quote("De petrakliniek en Petrus.", names=["Petra"]) == "De petrakliniek en [naam]."
    assert scrub_quote("40 kinderen, gemiddeld 7,5 en 2026 als jaar.") == "40 kinderen, gemiddeld 7,5 en 2026 als jaar."


def test_shorten_cuts_at_a_word_with_an_ellipsis():
    assert shorten("een  twee\ndrie") == "een twee drie"
    cut = shorten("woord " * 100, limit=30)
    assert cut.endswith("…") and len(cut) <= 30 and "  " not in cut


def _remark(respondent, keys, quote=None):
    return CodedRemark(respondent, tuple((k, k.capitalize()) for k in keys), quote)


def test_themes_are_counted_per_answer_and_ordered_by_count_then_label():
    remarks = [_remark(i, ["werkdruk"] if i % 2 else ["samenwerking", "data"], f"Antwoord nummer {i % 3}.")
               for i in range(12)]
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


def test_statements_are_grouped_by_kind_scrubbed_and_counted_once():
    groups = group_statements([("zorg", "Bel Petra."), ("compliment", "Mooi werk."), ("zorg", "Bel Petra."),
                               ("onbekend", "Weg.")], ["compliment", "zorg"])
    assert [(g.kind, g.count, g.quotes) for g in groups] == [("compliment", 1, ("Mooi werk.",)),
                                                              ("zorg", 1, ("Bel [naam].",))]
