"""Headings in pasted meeting notes, as a tussenevaluatie reads them: which lines are headings, which section and
kind they give the statements under them, and what of the pasted line ends up in the quote."""

import pytest

from analysis.evaluation import notes as programme_notes
from analysis.evaluation.notes import kind_from_heading, mark_headings, section_from_heading
from analysis.remarks import split_notes


def placed(block: str) -> list[tuple[str, str | None]]:
    """Each statement of a paste and the section it goes to, as the statements page splits it."""
    return [(r.text, section_from_heading(r.heading)) for r in split_notes(mark_headings(block))]


def test_a_heading_written_as_a_question_gives_the_statements_under_it_their_section():
    block = (
        "Wat werkt goed?\n"
        "• De professionals plukken de vruchten van de samenwerking\n"
        "• Er is sprake van een vollediger overdracht\n\n"
        "Waar zijn we trots op?\n"
        "- De oprichting van een regionale oudersraad\n\n"
        "Wat heeft het programma nodig om alsnog een succes te worden?\n"
        "- Meer tijd voor de wijkteams\n"
    )
    assert placed(block) == [
        ("De professionals plukken de vruchten van de samenwerking", "works"),
        ("Er is sprake van een vollediger overdracht", "works"),
        ("De oprichting van een regionale oudersraad", "proud"),
        ("Meer tijd voor de wijkteams", "attention"),
    ]


def test_a_known_question_heading_needs_no_bullets_under_it():
    assert placed("Wat werkt goed?\nDe professionals plukken de vruchten.\nDe overdracht is vollediger.") == [
        ("De professionals plukken de vruchten.", "works"),
        ("De overdracht is vollediger.", "works"),
    ]


def test_a_question_among_the_statements_stays_a_statement():
    in_a_list = "Aandacht:\n• De wachttijd is lang\n• Hoe houden we dit vol?\n• Wie betaalt de inzet na 2026?\n"
    assert placed(in_a_list) == [
        ("De wachttijd is lang", "attention"),
        ("Hoe houden we dit vol?", "attention"),
        ("Wie betaalt de inzet na 2026?", "attention"),
    ]
    running = "Het was een goede middag.\nKunnen jullie eerder bellen?\nDe wachttijd is lang.\n"
    assert [text for text, _ in placed(running)] == [
        "Het was een goede middag.",
        "Kunnen jullie eerder bellen?",
        "De wachttijd is lang.",
    ]
    # with nothing under it, a question is a statement
    assert placed("Wat heeft het programma nodig?") == [("Wat heeft het programma nodig?", None)]


def test_programme_notes_take_a_question_heading_too():
    lines = programme_notes.split_notes("Wat werkt goed?\n- Korte lijnen\n- Hoe houden we dit vol?\n")
    assert [(line.text, kind_from_heading(line.heading)) for line in lines] == [
        ("Korte lijnen", "werkt_goed"),
        ("Hoe houden we dit vol?", "werkt_goed"),
    ]


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("Wat werkt goed in de jeugdzorg", "works"),
        ("Samenwerking met zorgaanbieders", None),
        ("Sturingsvraagstuk transformatie JeugdzorgPlus", None),
        ("Continuïteit Beter Samenspel", None),
        ("Wat heeft het programma nodig om alsnog een succes te worden?", "attention"),
        ("Tops", "works"),
        ("Tips", "attention"),
        ("Zorg", "attention"),
        ("Successen", "proud"),
    ],
)
def test_heading_words_count_as_whole_words_never_as_part_of_a_compound(heading, section):
    assert section_from_heading(heading) == section


def test_compliments_under_a_works_well_heading_about_jeugdzorg_go_to_what_works_well():
    block = "Wat werkt goed in de jeugdzorg:\n- Korte lijnen met de huisarts\n\nSamenwerking met zorgaanbieders:\n"
    block += "- Er is een vast aanspreekpunt per aanbieder\n"
    assert placed(block) == [
        ("Korte lijnen met de huisarts", "works"),
        ("Er is een vast aanspreekpunt per aanbieder", None),  # the heading names no kind: the kind decides
    ]


def test_tops_and_tips_are_headings_with_or_without_a_colon():
    assert placed(
        "Tops:\n- Korte lijnen\nTips:\n- Eerder bellen\n\nTops\n- Vast aanspreekpunt\nTips\n- Minder overleg"
    ) == [
        ("Korte lijnen", "works"),
        ("Eerder bellen", "attention"),
        ("Vast aanspreekpunt", "works"),
        ("Minder overleg", "attention"),
    ]
    lines = programme_notes.split_notes("Tops:\n- Korte lijnen\nTips:\n- Eerder bellen")
    assert [kind_from_heading(line.heading) for line in lines] == ["werkt_goed", "aandacht"]


def test_pasted_emphasis_and_list_markers_stay_out_of_the_quote():
    block = (
        "- *Bij de start namen ruim 70 studenten deel*\n"
        "- **Het wijkteam** is _sneller_ bereikbaar\n"
        "• - Ouders voelen zich __gehoord__\n"
        "- Ruim 40 gezinnen bereikt*\n"
        "- Het bestand jeugd_monitor_2024 is gedeeld\n"
        "- Een score van 5 * 3 punten\n"
    )
    expected = [
        "Bij de start namen ruim 70 studenten deel",
        "Het wijkteam is sneller bereikbaar",
        "Ouders voelen zich gehoord",
        "Ruim 40 gezinnen bereikt*",  # a lone asterisk is a footnote mark, not emphasis
        "Het bestand jeugd_monitor_2024 is gedeeld",
        "Een score van 5 * 3 punten",
    ]
    assert [text for text, _ in placed(block)] == expected
    assert [line.text for line in programme_notes.split_notes(block)] == expected


@pytest.mark.parametrize(
    ("line", "statement"),
    [
        (
            "Trots op: de oprichting van een regionale oudersraad.",
            ("De oprichting van een regionale oudersraad.", "proud"),
        ),
        ("- Tip: bel ouders na een week terug", ("Bel ouders na een week terug", "attention")),
        ("Tops: de korte lijnen met de huisarts", ("De korte lijnen met de huisarts", "works")),
        ("Knelpunt: te weinig gezinshuisplekken", ("Te weinig gezinshuisplekken", "attention")),
        ("**Succes:** 70 studenten deden mee", ("70 studenten deden mee", "proud")),
        # a label that is no heading of its own stays part of the statement
        ("Het advies van de raad: meer overleg", ("Het advies van de raad: meer overleg", "attention")),
        ("Let op: de wachttijd loopt op", ("Let op: de wachttijd loopt op", None)),
    ],
)
def test_an_inline_heading_label_is_the_statements_heading_and_not_part_of_the_quote(line, statement):
    assert placed(line) == [statement]


@pytest.mark.parametrize(
    "label",
    ["Trots op", "Tip", "Tips", "Top", "Tops", "Zorg", "Zorgen", "Aandachtspunt", "Knelpunt", "Succes", "Advies"],
)
def test_each_known_heading_is_taken_off_as_an_inline_label(label):
    [(text, section)] = placed(f"{label}: de wachttijd voor gezinnen")
    assert text == "De wachttijd voor gezinnen" and section is not None
