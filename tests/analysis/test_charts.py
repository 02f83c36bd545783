"""SVG charts: accessible name, a pattern per category, escaped labels, readable colours, data tables."""

import re
import xml.etree.ElementTree as ET  # only to serialise parsed nodes
from decimal import Decimal

import pytest
from defusedxml import ElementTree as safe_xml

from analysis.charts.bars import (
    Bar,
    bars_svg,
    bars_table,
    distribution_bars,
    stacked_bars_svg,
    stacked_bars_table,
)
from analysis.charts.style import PALETTE, TEXT, contrast, fill_for, pattern_defs
from analysis.charts.target import TargetFigures, TargetWords, series_text, target_svg, target_table
from analysis.programmes.targets import Direction, evaluate
from analysis.scores.frames import answers_frame
from analysis.scores.items import distributions
from analysis.scores.scales import AGREEMENT, GRADE

SVG = "{http://www.w3.org/2000/svg}"
CATEGORIES = ["helemaal mee eens", "mee eens", "neutraal", "niet mee eens", "helemaal niet mee eens"]
BARS = [
    Bar("Ik kreeg snel hulp.", (20.0, 40.0, 15.0, 15.0, 10.0), 120),
    Bar("Gemeente X", (None, None, None, None, None), None),
]


#: the words a caller gives a target chart (``survey.programmes.target_words`` in the reader's language)
WORDS = TargetWords(
    better="beter",
    goal="doel %(amount)s",
    baseline="nulmeting %(amount)s",
    now="nu %(amount)s",
    goal_line="doel",
    baseline_line="nulmeting",
    trend="Verloop per periode",
)


def parse(svg):
    return safe_xml.fromstring(svg)


def target_chart(fig, *, title, desc, sentence="Waar het cijfer staat", chart_id=None):
    return target_svg(fig, title=title, desc=desc, sentence=sentence, words=WORDS, chart_id=chart_id)


def test_chart_has_role_title_and_desc_that_name_it():
    root = parse(
        stacked_bars_svg(
            BARS, CATEGORIES, not_shown="niet getoond", title="Toegang", desc="Antwoorden op T2", chart_id="t2"
        )
    )
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title.text == "Toegang" and desc.text == "Antwoorden op T2"
    assert root.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]
    assert root.get("viewBox").startswith("0 0 640 ")


def test_every_category_has_its_own_pattern_and_uses_it():
    svg = stacked_bars_svg(BARS, CATEGORIES, not_shown="niet getoond", title="T", desc="D", chart_id="x")
    root = parse(svg)
    patterns = root.findall(f".//{SVG}pattern")
    assert len(patterns) == len(CATEGORIES)
    for pattern in patterns:
        assert f"url(#{pattern.get('id')})" in svg
    # the designs differ even without colour: the white marks inside the tiles are all different
    marks = [ET.tostring(p).decode().split("/>", 1)[1] for p in patterns]
    assert len(set(marks)) == len(CATEGORIES)


def test_patterns_stay_distinct_for_eleven_categories():
    fills = [fill_for(i) for i in range(11)]
    assert len({marks for _, marks in fills}) == 11
    assert len(set(fills)) == 11
    assert pattern_defs("g", 11).count("<pattern") == 11


def test_labels_are_escaped_not_executed():
    evil = Bar('<script>alert("x")</script> & \x00\x1b', (60.0, 40.0, 0, 0, 0), 12)
    for svg in (
        stacked_bars_svg([evil], CATEGORIES, not_shown="niet getoond", title="<script>t</script>", desc='"quoted"'),
        bars_svg([evil], not_shown="niet getoond", title="<b>", desc="d"),
        target_chart(_figures(3, 4, None, Direction.INCREASE), title="</title><script>", desc="&"),
    ):
        assert "<script>" not in svg and "</title><script>" not in svg
        root = parse(svg)  # well-formed XML despite the control characters
        assert root.find(f"{SVG}script") is None
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;" in stacked_bars_svg(
        [evil], CATEGORIES, not_shown="niet getoond", title="t", desc="d"
    )


def test_hidden_values_show_a_dash_and_no_bar():
    svg = bars_svg(
        [Bar("Gemeente A", (72.5,), 40), Bar("Gemeente B", (None,), None)],
        not_shown="niet getoond",
        title="T",
        desc="D",
        chart_id="b",
    )
    assert "73 %" in svg and "– niet getoond" in svg
    assert svg.count('fill="url(#c-b-p0)"') == 1
    table = bars_table(
        [Bar("Gemeente A", (72.5,), 40), Bar("Gemeente B", (None,), None)], title="T", first_column="Gemeente"
    )
    assert table.header == ("Gemeente", "%", "n")
    assert table.rows == (("Gemeente A", "73 %", "40"), ("Gemeente B", "–", "–"))


def test_colours_have_contrast_with_white_and_text():
    for colour in PALETTE:
        assert contrast(colour, "#ffffff") >= 4.5, colour
    assert contrast(TEXT, "#ffffff") >= 7
    assert contrast("#000000", "#ffffff") == pytest.approx(21)


def test_all_text_is_dark_on_white():
    svg = stacked_bars_svg(BARS, CATEGORIES, not_shown="niet getoond", title="T", desc="D")
    fills = set(re.findall(r'<text[^>]* fill="([^"]+)"', svg))
    assert fills <= {TEXT, "#4d4d4d"}
    assert all(contrast(f, "#ffffff") >= 4.5 for f in fills)


def test_stacked_table_beside_the_chart():
    table = stacked_bars_table(BARS, CATEGORIES, title="Toegang", first_column="Vraag")
    assert table.header == ("Vraag", *CATEGORIES, "n")
    assert table.rows[0] == ("Ik kreeg snel hulp.", "20 %", "40 %", "15 %", "15 %", "10 %", "120")
    assert table.rows[1] == ("Gemeente X", "–", "–", "–", "–", "–", "–")


def test_distribution_bars_from_scores():
    answers = answers_frame([(1, "T1", "5"), (2, "T1", "4"), (3, "T1", "4"), (4, "T1", "1"), (5, "T1", "nvt")])
    bars, categories = distribution_bars(
        distributions(answers, {"T1": AGREEMENT}), AGREEMENT, {"T1": "Ik wist waar ik terecht kon."}
    )
    assert categories == [
        "helemaal mee eens",
        "mee eens",
        "niet mee eens, niet mee oneens",
        "niet mee eens",
        "helemaal niet mee eens",
    ]
    assert bars == [Bar("Ik wist waar ik terecht kon.", (25.0, 50.0, 0.0, 0.0, 25.0), 4)]
    svg = stacked_bars_svg(bars, categories, not_shown="niet getoond", title="T", desc="D")
    assert "(n = 4)" in svg and "50 %" in svg
    assert len(distribution_bars(distributions(answers, {"R1": GRADE}), GRADE)[1]) == 10


def _figures(value, target, baseline, direction, series=(), unit=""):
    value = None if value is None else Decimal(str(value))
    series = tuple((p, Decimal(str(v))) for p, v in series)
    return TargetFigures(
        None if baseline is None else Decimal(str(baseline)),
        Decimal(str(target)),
        direction,
        evaluate(value, target, baseline, direction),
        value,
        "2026-K3",
        unit,
        series,
    )


def _text_x(root, startswith):
    for node in root.iter(f"{SVG}text"):
        if (node.text or "").startswith(startswith):
            return float(node.get("x"))
    raise AssertionError(startswith)


def test_a_lower_is_better_target_is_drawn_between_baseline_and_goal():
    svg = target_chart(
        _figures(7.5, 6, 10, Direction.DECREASE, unit="weken"), title="Wachttijd", desc="d", chart_id="w"
    )
    root = parse(svg)
    assert root.get("role") == "img"
    assert "Waar het cijfer staat" in svg and "125" not in svg  # the caller's sentence on top
    goal, base, now = _text_x(root, "doel"), _text_x(root, "nulmeting"), _text_x(root, "nu ")
    assert goal < now < base  # the current value lies between the goal and the baseline
    assert "\u2190 beter" in svg  # lower is better: the arrow points to the left


def test_a_value_past_an_increasing_goal_lies_beyond_the_goal():
    root = parse(target_chart(_figures(45, 40, 0, Direction.INCREASE), title="T", desc="d"))
    assert _text_x(root, "doel") < _text_x(root, "nu ")


def test_a_zero_target_has_no_full_bar():
    svg = target_chart(_figures(28, 0, 28, Direction.ZERO, unit="jongeren"), title="Gesloten", desc="d", chart_id="z")
    assert 'width="1.00" height="18" fill="url(#c-z-p0)"' in svg  # still at the baseline: no way gone
    assert "nu 28 jongeren" in svg and "doel 0 jongeren" in svg and "beter \u2192" not in svg


def test_a_long_target_line_wraps_inside_the_chart_and_pushes_the_drawing_down():
    """Seen in the demo report's PDF: '150 professionals: 75 % van de weg van 0 professionals naar 200
    professionals (3e kwartaal 2026)' ran past the chart's right edge."""
    long = TargetFigures(
        Decimal(0),
        Decimal(200),
        Direction.INCREASE,
        evaluate(Decimal(150), 200, 0, Direction.INCREASE),
        Decimal(150),
        "3e kwartaal 2026",
        "professionals",
    )
    short = _figures(150, 200, 0, Direction.INCREASE)
    sentence = "150 professionals: 75 % van de weg van 0 professionals naar 200 professionals (3e kwartaal 2026)"
    root = parse(target_chart(long, title="T", desc="d", sentence=sentence))
    lines = [t.text for t in root.findall(f"{SVG}text")]
    assert (
        " ".join(lines[:2])
        == "150 professionals: 75 % van de weg van 0 professionals naar 200 professionals (3e kwartaal 2026)"
    )
    assert all(len(line) <= 78 for line in lines[:2])  # the width the bar labels wrap at
    height = float(root.get("viewBox").split()[3])
    assert height == float(parse(target_chart(short, title="T", desc="d")).get("viewBox").split()[3]) + 18
    assert _text_x(root, "doel") > 0 and root.find(f"{SVG}g").get("transform") == "translate(0 18)"


def test_several_periods_get_a_trend_line_and_table_rows():
    fig = _figures(57, 20, 98, Direction.DECREASE, series=(("2026-K1", 98), ("2026-K2", 38), ("2026-K3", 57)))
    svg = target_chart(fig, title="T", desc="d")
    assert "Verloop per periode" in svg and svg.count("<circle") == 4  # three periods and the current value
    table = target_table(fig, title="T")
    assert table.rows[:4] == (("baseline", "98"), ("target", "20"), ("reached", "57"), ("way", "53 %"))
    assert table.rows[4:] == (("2026-K1", "98"), ("2026-K2", "38"), ("2026-K3", "57"))
    assert series_text(fig.series) == "98 \u2192 38 \u2192 57"
    assert "Verloop" not in target_chart(
        _figures(5, 6, 10, Direction.DECREASE, series=(("2026-K3", 5),)), title="T", desc="d"
    )
    assert "nu " not in target_chart(_figures(None, 40, None, Direction.INCREASE), title="T", desc="D")


def test_ids_differ_between_charts_on_one_page():
    one = stacked_bars_svg(BARS[:1], CATEGORIES, not_shown="niet getoond", title="A", desc="D")
    two = stacked_bars_svg(BARS[:1], CATEGORIES, not_shown="niet getoond", title="B", desc="D")
    assert parse(one).find(f"{SVG}title").get("id") != parse(two).find(f"{SVG}title").get("id")


def _trend_texts(root) -> tuple[dict[str, float], dict[str, float]]:
    """(the y of the goal and baseline lines by their label, the y of each figure's text by its text)."""
    lines, figures = {}, {}
    for node in root.iter(f"{SVG}text"):
        text, y = node.text or "", float(node.get("y"))
        if text in ("doel", "nulmeting") and node.get("text-anchor") == "end":
            lines[text] = y - 4  # the label sits 4 below its line
        elif re.fullmatch(r"\d+", text):
            figures.setdefault(text, y)
    return lines, figures


def test_a_figure_next_to_the_baseline_line_is_not_drawn_through_it():
    """The first period (18) lies just under the dashed baseline (20): its figure goes below the point."""
    fig = _figures(
        12,
        5,
        20,
        Direction.DECREASE,
        unit="jongeren",
        series=(("4e kwartaal 2025", 18), ("1e kwartaal 2026", 15), ("2e kwartaal 2026", 14), ("3e kwartaal 2026", 12)),
    )
    lines, figures = _trend_texts(parse(target_chart(fig, title="T", desc="d")))
    for text, y in figures.items():
        for line_y in lines.values():
            assert not (y - 13 <= line_y <= y + 3), f"{text} is drawn through a line"
    assert "4e kwartaal 2025" in target_chart(fig, title="T", desc="d")


def test_long_period_names_of_many_periods_wrap_onto_two_lines():
    series = tuple(
        (f"{q}e kwartaal {y}", 10 + i) for i, (y, q) in enumerate((y, q) for y in (2024, 2025) for q in (1, 2, 3, 4))
    )
    svg = target_chart(_figures(17, 40, 0, Direction.INCREASE, series=series), title="T", desc="d")
    assert svg.count(">1e kwartaal<") == 2 and svg.count(">2025<") == 4
