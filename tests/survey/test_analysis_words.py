"""The words beside analysis' figures come from the Babel catalog, with the Dutch the pages always had: a trend's
verdict (``survey.reports.verdicts``), a target chart's marks and sentence (``survey.programmes.target_words``), the
total of a cross table (the caller's word), the problems of an imported codebook (``survey.coding.codebooks.transfer``).
In another locale the same calls give that catalog's text, here the English msgids (the staff texts of the English
catalog are empty), so no Dutch is left in analysis/."""

from decimal import Decimal

import pandas as pd
import pytest
from flask_babel import force_locale
from flask_babel import gettext as _

from analysis.charts.target import TargetFigures, target_svg
from analysis.programmes.targets import Direction, evaluate
from analysis.scores.trends import Verdict, compare_proportions
from analysis.suppression import protect_crosstab
from survey.coding.codebooks import transfer
from survey.programmes.target_words import target_sentence, target_words
from survey.reports.verdicts import verdict_words


def figures(value, target, baseline, direction, unit="", period="3e kwartaal 2026", series=()):
    value = None if value is None else Decimal(str(value))
    return TargetFigures(
        None if baseline is None else Decimal(str(baseline)),
        Decimal(str(target)),
        direction,
        evaluate(value, target, baseline, direction),
        value,
        period,
        unit,
        tuple((p, Decimal(str(v))) for p, v in series),
    )


def chart(fig) -> str:
    return target_svg(fig, title="T", desc="d", sentence=target_sentence(fig), words=target_words())


def test_verdicts_read_as_before(app):
    assert [verdict_words(v) for v in Verdict] == [
        "duidelijk hoger dan vorige meting",
        "duidelijk lager dan vorige meting",
        "geen duidelijk verschil",
        "te weinig antwoorden om te vergelijken",
    ]
    assert verdict_words(str(compare_proportions(160, 200, 120, 200).verdict)) == "duidelijk hoger dan vorige meting"


def test_a_target_chart_reads_as_before(app):
    waiting = figures(7.5, 6, 10, Direction.DECREASE, unit="weken", series=(("2026-K2", 9), ("2026-K3", 7.5)))
    assert target_sentence(waiting) == "7,5 weken: 63 % van de weg van 10 weken naar 6 weken (3e kwartaal 2026)"
    svg = chart(waiting)
    for text in ("doel 6 weken", "nulmeting 10 weken", "nu 7,5 weken", "\u2190 beter", "Verloop per periode (weken)"):
        assert text in svg, text
    assert ">doel</text>" in svg and ">nulmeting</text>" in svg  # the lines of the trend
    closed = figures(28, 0, 28, Direction.ZERO, unit="jongeren")
    assert target_sentence(closed) == "28 jongeren: 0 % van de weg van 28 jongeren naar 0 jongeren (3e kwartaal 2026)"
    assert target_sentence(figures(None, 40, None, Direction.INCREASE)) == "Nog geen stand bekend (doel 40)"
    unknown_way = figures(8, 6, None, Direction.DECREASE)  # less is better, without a baseline
    assert target_sentence(unknown_way) == "8: geen nulmeting van – naar 6 (3e kwartaal 2026)"
    assert "beter \u2192" in chart(figures(12, 40, None, Direction.INCREASE))


def test_a_cross_table_totals_in_the_callers_word(app):
    table = pd.DataFrame({"12-15": [20, 15], "16-17": [12, 14]}, index=["Gouda", "Waddinxveen"])
    shown = protect_crosstab(table, total_label=_("Total")).table
    assert list(shown.index)[-1] == "Totaal" and list(shown.columns)[-1] == "Totaal"


def test_in_another_locale_the_words_are_that_catalogs(app):
    waiting = figures(7.5, 6, 10, Direction.DECREASE, unit="weken", series=(("2026-K2", 9), ("2026-K3", 7.5)))
    with force_locale("en"):
        assert verdict_words(Verdict.HIGHER) == "clearly higher than the previous round"
        assert verdict_words(Verdict.TOO_FEW) == "too few answers to compare"
        assert target_sentence(waiting) == "7,5 weken: 63 % of the way from 10 weken to 6 weken (3e kwartaal 2026)"
        svg = chart(waiting)
        for text in ("target 6 weken", "baseline 10 weken", "now 7,5 weken", "\u2190 better", "Course per period"):
            assert text in svg, text
        for dutch in ("doel", "nulmeting", "beter", "Verloop", "van de weg"):
            assert dutch not in svg, dutch
        assert list(protect_crosstab(pd.DataFrame({"a": [20]}, index=["X"]), total_label=_("Total")).table.index) == [
            "X",
            "Total",
        ]


def refusal(content: bytes) -> str:
    with pytest.raises(transfer.ImportProblem) as refused:
        transfer.from_json(content)
    return str(refused.value)


def test_codebook_problems_in_dutch_and_in_another_locale(app):
    twice = b'{"themes": [{"key": "a", "label": "A"}, {"key": "a", "label": "B"}]}'
    assert refusal(twice) == "Thema 2: de sleutel 'a' komt twee keer voor."
    assert refusal(b'{"themes": []}') == "Het codeboek heeft geen lijst met thema's."
    assert refusal(b"{themes") == "Het bestand is geen geldige JSON (regel 1)."
    assert transfer.from_json(b'{"themes": [{"key": "a", "label": "A"}]}').label == "Codeboek"
    with force_locale("en"):
        assert refusal(twice) == "Theme 2: the key 'a' occurs twice."
        assert refusal(b'{"themes": [{"key": "a"}]}') == "Theme 1: the field 'thema' is empty."  # the file's column
        assert transfer.from_json(b'{"themes": [{"key": "a", "label": "A"}]}').label == "Codebook"
