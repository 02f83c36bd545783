"""SVG charts: accessible name, a pattern per category, escaped labels, readable colours, data tables."""

import re
import xml.etree.ElementTree as ET  # only to serialise parsed nodes

import pytest
from defusedxml import ElementTree as safe_xml

from analysis.chart_style import PALETTE, TEXT, contrast, fill_for, pattern_defs
from analysis.charts import (
    Bar,
    bars_svg,
    bars_table,
    distribution_bars,
    progress_svg,
    progress_table,
    stacked_bars_svg,
    stacked_bars_table,
)
from analysis.frames import answers_frame
from analysis.scales import AGREEMENT, GRADE
from analysis.scores import distributions

SVG = "{http://www.w3.org/2000/svg}"
CATEGORIES = ["helemaal mee eens", "mee eens", "neutraal", "niet mee eens", "helemaal niet mee eens"]
BARS = [Bar("Ik kreeg snel hulp.", (20.0, 40.0, 15.0, 15.0, 10.0), 120),
        Bar("Gemeente X", (None, None, None, None, None), None)]


def parse(svg):
    return safe_xml.fromstring(svg)


def test_chart_has_role_title_and_desc_that_name_it():
    root = parse(stacked_bars_svg(BARS, CATEGORIES, title="Toegang", desc="Antwoorden op T2",
                                  chart_id="t2"))
    assert root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title.text == "Toegang" and desc.text == "Antwoorden op T2"
    assert root.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]
    assert root.get("viewBox").startswith("0 0 640 ")


def test_every_category_has_its_own_pattern_and_uses_it():
    svg = stacked_bars_svg(BARS, CATEGORIES, title="T", desc="D", chart_id="x")
    root = parse(svg)
    patterns = root.findall(f".//{SVG}pattern")
    assert len(patterns) == len(CATEGORIES)
    for pattern in patterns:
        assert f'url(#{pattern.get("id")})' in svg
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
    for svg in (stacked_bars_svg([evil], CATEGORIES, title="<script>t</script>", desc='"quoted"'),
                bars_svg([evil], title="<b>", desc="d"),
                progress_svg(3, 4, title="</title><script>", desc="&")):
        assert "<script>" not in svg and "</title><script>" not in svg
        root = parse(svg)  # well-formed XML despite the control characters
        assert root.find(f"{SVG}script") is None
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;" in stacked_bars_svg(
        [evil], CATEGORIES, title="t", desc="d")


def test_hidden_values_show_a_dash_and_no_bar():
    svg = bars_svg([Bar("Gemeente A", (72.5,), 40), Bar("Gemeente B", (None,), None)], title="T", desc="D",
                   chart_id="b")
    assert "73%" in svg and "– niet getoond" in svg
    assert svg.count('fill="url(#c-b-p0)"') == 1
    table = bars_table([Bar("Gemeente A", (72.5,), 40), Bar("Gemeente B", (None,), None)], title="T")
    assert table.rows == (("Gemeente A", "73%", "40"), ("Gemeente B", "–", "–"))


def test_colours_have_contrast_with_white_and_text():
    for colour in PALETTE:
        assert contrast(colour, "#ffffff") >= 4.5, colour
    assert contrast(TEXT, "#ffffff") >= 7
    assert contrast("#000000", "#ffffff") == pytest.approx(21)


def test_all_text_is_dark_on_white():
    svg = stacked_bars_svg(BARS, CATEGORIES, title="T", desc="D")
    fills = set(re.findall(r'<text[^>]* fill="([^"]+)"', svg))
    assert fills <= {TEXT, "#4d4d4d"}
    assert all(contrast(f, "#ffffff") >= 4.5 for f in fills)


def test_stacked_table_beside_the_chart():
    table = stacked_bars_table(BARS, CATEGORIES, title="Toegang")
    assert table.header == ("Stelling", *CATEGORIES, "n")
    assert table.rows[0] == ("Ik kreeg snel hulp.", "20%", "40%", "15%", "15%", "10%", "120")
    assert table.rows[1] == ("Gemeente X", "–", "–", "–", "–", "–", "–")


def test_distribution_bars_from_scores():
    answers = answers_frame([(1, "T1", "5"), (2, "T1", "4"), (3, "T1", "4"), (4, "T1", "1"),
                             (5, "T1", "nvt")])
    bars, categories = distribution_bars(distributions(answers, {"T1": AGREEMENT}), AGREEMENT,
                                         {"T1": "Ik wist waar ik terecht kon."})
    assert categories == ["helemaal mee eens", "mee eens", "niet mee eens, niet mee oneens", "niet mee eens",
                          "helemaal niet mee eens"]
    assert bars == [Bar("Ik wist waar ik terecht kon.", (25.0, 50.0, 0.0, 0.0, 25.0), 4)]
    svg = stacked_bars_svg(bars, categories, title="T", desc="D")
    assert "(n = 4)" in svg and "50%" in svg
    assert len(distribution_bars(distributions(answers, {"R1": GRADE}), GRADE)[1]) == 10


def test_progress_chart_and_table():
    svg = progress_svg(32, 40, title="Pleeggezinnen", desc="Geworven tegen doel", unit="", chart_id="p")
    root = parse(svg)
    assert root.get("role") == "img"
    assert "32 van 40 (80% van het doel)" in svg and "doel 40" in svg
    table = progress_table(32, 40, title="Pleeggezinnen")
    assert table.rows == (("stand", "32"), ("doel", "40"), ("bereikt", "80%"))
    assert "Nog geen stand bekend" in progress_svg(None, 40, title="T", desc="D")
    assert progress_table(12.5, 25, title="T", unit="%").rows[0] == ("stand", "12,5%")


def test_ids_differ_between_charts_on_one_page():
    one = stacked_bars_svg(BARS[:1], CATEGORIES, title="A", desc="D")
    two = stacked_bars_svg(BARS[:1], CATEGORIES, title="B", desc="D")
    assert parse(one).find(f"{SVG}title").get("id") != parse(two).find(f"{SVG}title").get("id")
