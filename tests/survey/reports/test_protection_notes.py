"""The notes of small-cell protection and the "niet getoond" of a hidden bar come from the catalog
(``survey.protection_notes``), with the Dutch wording the pages always had: analysis hands back codes."""

import pandas as pd

from analysis.charts.bars import Bar, bars_svg, stacked_bars_svg
from analysis.suppression import Policy, protect_breakdown, protect_cells
from survey.protection_notes import not_shown, note_lines

SMALL = "– = minder dan 10 antwoorden. Niet getoond, zodat niemand te herkennen is."
COMPLEMENT = "Ook een ander aantal is verborgen, zodat een klein aantal niet uit het totaal kan worden teruggerekend."
ROUNDED = "Aantallen zijn afgerond op vijftallen. Daardoor tellen ze niet altijd precies op."
SIGNAL = "* = minder dan 30 antwoorden: een signaal, geen conclusie."


def _breakdown() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "item_code": ["T1"] * 5,
            "gemeente": [None, "A", "B", "C", "D"],
            "n": [62, 12, 13, 28, 9],
            "pct": [50.0, 41.7, 53.8, 57.1, 33.3],
        }
    )


def test_notes_under_a_protected_table_read_as_before(app):
    exact = protect_breakdown(_breakdown(), ["gemeente"], tables=["item_code"])
    assert note_lines(exact.notes()) == (SMALL, COMPLEMENT, SIGNAL)  # D (9) hidden, A with it, B and C signals
    public = protect_breakdown(_breakdown(), ["gemeente"], tables=["item_code"], policy=Policy(public=True))
    assert note_lines(public.notes()) == (SMALL, COMPLEMENT, ROUNDED, SIGNAL)
    assert note_lines([*exact.notes(), *public.notes()]) == (SMALL, COMPLEMENT, SIGNAL, ROUNDED)  # each once


def test_a_larger_k_and_a_withheld_breakdown(app):
    strict = protect_breakdown(_breakdown(), ["gemeente"], tables=["item_code"], policy=Policy(k=15, signal_below=40))
    assert note_lines(strict.notes())[0] == "– = minder dan 15 antwoorden. Niet getoond, zodat niemand te herkennen is."
    assert note_lines(strict.notes())[-1] == "* = minder dan 40 antwoorden: een signaal, geen conclusie."
    withheld = protect_cells({"T": 7, "A": 7}, [("T", ["A"])], fixed={"T"})
    assert note_lines(withheld.notes()) == (
        "Deze uitsplitsing is niet te tonen: er zijn te weinig groepen om kleine aantallen te beschermen.",
    )


def test_a_hidden_bar_says_niet_getoond(app):
    bars = [Bar("Gemeente A", (72.5,), 40), Bar("Gemeente B", (None,), None)]
    assert "– niet getoond" in bars_svg(bars, title="T", desc="D", not_shown=not_shown())
    hidden = [Bar("T1 Ik wist waar ik terecht kon", (None, None), None)]
    assert "– niet getoond" in stacked_bars_svg(hidden, ["eens", "oneens"], title="T", desc="D", not_shown=not_shown())
